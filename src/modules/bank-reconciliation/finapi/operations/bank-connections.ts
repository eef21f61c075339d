import { FinapiUserCredentials } from "../client-config"
import { BankConnection, BankConnectionListSchema, BankConnectionSchema } from "../schemas/bank-connection"
import { CallContext } from "./call-context"

/** Lists the user's bank connections, optionally only the given ids. */
export function listBankConnections(
  ctx: CallContext,
  user: FinapiUserCredentials,
  ids?: number[]
): Promise<BankConnection[]> {
  return ctx.tokens.withUserToken(user, async (token) => {
    const list = await ctx.transport.call({
      operation: "listBankConnections",
      api: "access",
      method: "GET",
      path: "/api/v2/bankConnections",
      query: { ids: ids?.length ? ids.join(",") : undefined },
      token,
      schema: BankConnectionListSchema,
    })
    return list.connections
  })
}

/** Reads one bank connection (consent `expiresAt`, `userActionRequired`, `updateStatus`). */
export function getBankConnection(ctx: CallContext, user: FinapiUserCredentials, id: number): Promise<BankConnection> {
  return ctx.tokens.withUserToken(user, (token) =>
    ctx.transport.call({
      operation: "getBankConnection",
      api: "access",
      method: "GET",
      path: `/api/v2/bankConnections/${id}`,
      token,
      schema: BankConnectionSchema,
    })
  )
}

/** Deletes a bank connection with its accounts and transactions; 423 while it is updating. */
export async function deleteBankConnection(ctx: CallContext, user: FinapiUserCredentials, id: number): Promise<void> {
  await ctx.tokens.withUserToken(user, (token) =>
    ctx.transport.call({
      operation: "deleteBankConnection",
      api: "access",
      method: "DELETE",
      path: `/api/v2/bankConnections/${id}`,
      token,
    })
  )
}
