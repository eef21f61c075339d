import { MedusaError } from "@medusajs/framework/utils"
import { FINAL_WEB_FORM_STATUSES, isFinapiError, MIN_TASK_POLL_INTERVAL_MS, type UserMetadata } from "../finapi"
import { systemUserMetadata } from "../finapi/user-metadata"
import { webFormFailureReason } from "../finapi/web-form-outcome"
import type { BankConnectionWebFormInput, RenewBankConnectionResult } from "../types"
import type { FinapiContext } from "./finapi-gateway"
import { mirrorBankConnection } from "./mirror-bank-connection"

/** Asks finAPI for a bank-connection import web form that calls back to this backend when finalised. */
export async function createBankConnectionWebForm({ gateway, store }: FinapiContext, input: BankConnectionWebFormInput) {
  return await gateway.asUser(input.interface_id, "Opening the finAPI web form", async ({ client, user }) => {
    const { backendUrl } = await store.getOptions()
    const form = await client.createBankConnectionImportWebForm(user, {
      bankConnectionName: input.label.slice(0, 64),
      accountTypes: ["CHECKING", "SAVINGS"],
      callbacks: { finalised: `${backendUrl.replace(/\/$/, "")}/hooks/finapi/web-forms/${input.callback_token}` },
    })
    return store.updateBankConnections({ id: input.connection_id, web_form_id: form.id, web_form_url: form.url, web_form_status: form.status })
  })
}

/**
 * Follows the web form of a connection (import or renewal): re-reads it from finAPI and, once it is
 * final, stores the bank connection and its accounts or the reason it failed. Safe to run any
 * number of times (callback and polling both call it).
 */
export async function syncBankConnectionWebForm({ gateway, store }: FinapiContext, connectionId: string) {
  const connection = await store.retrieveBankConnection(connectionId)
  const followed = connection.web_form_id && !FINAL_WEB_FORM_STATUSES.includes(connection.web_form_status as never)
  if (!followed) {
    return connection
  }
  return await gateway.asUser(connection.interface_id, "Following the finAPI web form", async ({ client, user }) => {
    const form = await client.getWebForm(user, connection.web_form_id!)
    const failure = webFormFailureReason(form)
    const finapiId = form.payload?.bankConnectionId
    if (form.status !== "COMPLETED" || !finapiId) {
      return store.updateBankConnections({
        id: connection.id,
        web_form_status: form.status,
        ...(failure ? { last_error: failure, status: connection.finapi_bank_connection_id ? connection.status : ("failed" as const) } : {}),
      })
    }
    const [taken] = await store.listBankConnections({
      interface_id: connection.interface_id,
      finapi_bank_connection_id: String(finapiId),
      id: { $ne: connection.id },
    })
    if (taken) {
      return store.updateBankConnections({
        id: connection.id,
        web_form_status: form.status,
        status: "failed",
        last_error: `This bank connection is already linked as "${taken.label}".`,
      })
    }
    const finapiConnection = await client.getBankConnection(user, finapiId)
    const accounts = await client.listAccounts(user, { bankConnectionIds: [finapiId] })
    await store.updateBankConnections({ id: connection.id, web_form_status: form.status, last_error: null })
    await mirrorBankConnection(store, connection.id, finapiConnection, accounts, new Date())
    return store.retrieveBankConnection(connection.id)
  })
}

/**
 * "Refresh list": re-reads every bank connection and account of the interface's finAPI user.
 * Connections linked elsewhere are added; ones gone at finAPI are marked disconnected (data kept).
 */
export async function syncBankConnections({ gateway, store }: FinapiContext, interfaceId: string) {
  return await gateway.asUser(interfaceId, "Refreshing the bank connections", async ({ client, user }) => {
    const now = new Date()
    const finapiConnections = await client.listBankConnections(user)
    const accounts = finapiConnections.length ? await client.listAccounts(user) : []
    const local = await store.listBankConnections({ interface_id: interfaceId })
    const byFinapiId = new Map(local.filter((c) => c.finapi_bank_connection_id).map((c) => [c.finapi_bank_connection_id!, c]))
    let added = 0
    for (const finapiConnection of finapiConnections) {
      let row = byFinapiId.get(String(finapiConnection.id))
      if (!row) {
        row = await store.createBankConnections({
          interface_id: interfaceId,
          label: finapiConnection.name || finapiConnection.bank?.name || `Bank connection ${finapiConnection.id}`,
          finapi_bank_connection_id: String(finapiConnection.id),
        })
        added++
      }
      await mirrorBankConnection(store, row.id, finapiConnection, accounts, now)
    }
    const atFinapi = new Set(finapiConnections.map((c) => String(c.id)))
    const gone = local.filter((c) => c.finapi_bank_connection_id && c.status !== "disconnected" && !atFinapi.has(c.finapi_bank_connection_id))
    for (const connection of gone) {
      await store.updateBankConnections({
        id: connection.id,
        status: "disconnected",
        disconnected_at: now,
        last_error: "The bank connection no longer exists at finAPI.",
      })
    }
    return { connections: finapiConnections.length, added, disconnected: gone.length }
  })
}

/**
 * "Renew": starts finAPI's background update of the connection. With a saved PIN and a valid
 * consent it completes by itself; otherwise finAPI answers WEB_FORM_REQUIRED and the operator
 * gets that form, which this connection then follows like an import form.
 */
export async function renewBankConnection(
  { gateway, store }: FinapiContext,
  connectionId: string,
  userMetadata: UserMetadata | null | undefined
): Promise<RenewBankConnectionResult> {
  const connection = await store.retrieveBankConnection(connectionId)
  if (!connection.finapi_bank_connection_id || connection.status === "disconnected") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Only a linked, not disconnected bank connection can be renewed.")
  }
  const finapiId = Number(connection.finapi_bank_connection_id)
  return await gateway.asUser<RenewBankConnectionResult>(connection.interface_id, "Renewing the bank connection", async ({ client, user }) => {
    const started = await client.startBackgroundUpdate(user, { bankConnectionId: finapiId, userMetadata: userMetadata ?? systemUserMetadata() })
    // finAPI: poll a task at most once a second; up to 15 s, then the connection's state decides
    let task = started
    for (let i = 0; i < 15 && ["NOT_YET_STARTED", "IN_PROGRESS"].includes(task.status); i++) {
      await new Promise((resolve) => setTimeout(resolve, MIN_TASK_POLL_INTERVAL_MS))
      task = await client.getTask(user, started.id)
    }
    const webForm = task.status === "WEB_FORM_REQUIRED" ? task.payload?.webForm : undefined
    if (webForm) {
      const status = webForm.status ?? "NOT_YET_OPENED"
      await store.updateBankConnections({ id: connection.id, web_form_id: webForm.id, web_form_url: webForm.url, web_form_status: status })
      return { outcome: "web_form_required", web_form_url: webForm.url, message: null }
    }
    const finapiConnection = await client.getBankConnection(user, finapiId)
    const accounts = await client.listAccounts(user, { bankConnectionIds: [finapiId] })
    await mirrorBankConnection(store, connection.id, finapiConnection, accounts, new Date())
    if (task.status !== "COMPLETED") {
      const message = `finAPI could not update the connection: ${task.payload?.errorCode ?? task.status}`
      await store.updateBankConnections({ id: connection.id, last_error: message })
      return { outcome: "failed", web_form_url: null, message }
    }
    return { outcome: "updated", web_form_url: null, message: null }
  })
}

/**
 * Deletes the bank connection at finAPI (revoking the consent) and marks it disconnected here.
 * Imported transactions and assignments stay; its accounts stop importing.
 */
export async function disconnectBankConnection({ gateway, store }: FinapiContext, connectionId: string) {
  const connection = await store.retrieveBankConnection(connectionId)
  if (connection.status === "disconnected") {
    return connection
  }
  if (connection.finapi_bank_connection_id) {
    await gateway.asUser(connection.interface_id, "Disconnecting the bank", async ({ client, user }) => {
      try {
        await client.deleteBankConnection(user, Number(connection.finapi_bank_connection_id))
      } catch (error) {
        // already gone at finAPI: the goal is reached
        if (!isFinapiError(error, "not-found")) {
          throw error
        }
      }
    })
  }
  const accounts = await store.listBankAccounts({ connection_id: connection.id }, { select: ["id"] })
  if (accounts.length) {
    await store.updateBankAccounts(accounts.map((a) => ({ id: a.id, import_enabled: false })))
  }
  return await store.updateBankConnections({
    id: connection.id,
    status: "disconnected",
    disconnected_at: new Date(),
    web_form_token_hash: null,
    // the consent is revoked and finAPI forgot the PIN with the connection
    secrets_stored: false,
    consent_expires_at: null,
  })
}
