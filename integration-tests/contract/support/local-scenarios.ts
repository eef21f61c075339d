import type { SandboxHandle } from "../../../sandbox/server"
import type { BankConnection, FinapiClient, FinapiUserCredentials } from "../../../src/modules/bank-reconciliation/finapi"
import { newUserCredentials, observedClient, startTarget, type ContractTarget, type ObservedClient } from "./contract-target"

/** Polls until the connection's update finished (finAPI updates are asynchronous, Gotcha 8). */
export async function waitUntilReady(client: FinapiClient, user: FinapiUserCredentials, id: number): Promise<BankConnection> {
  const deadline = Date.now() + 10_000
  for (;;) {
    const connection = await client.getBankConnection(user, id)
    if (connection.updateStatus === "READY") {
      return connection
    }
    if (Date.now() > deadline) {
      throw new Error(`bank connection ${id} still ${connection.updateStatus}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** Creates the user through the client and links the finAPI Test Bank via the sandbox's web form. */
export async function userWithConnection(
  sandbox: SandboxHandle,
  client: FinapiClient,
  user: FinapiUserCredentials
): Promise<BankConnection> {
  await client.createUser({ id: user.userId, password: user.password })
  const form = await client.createBankConnectionImportWebForm(user, {
    bank: { search: "DEMO0001" },
    accountTypes: ["CHECKING"],
    callbacks: { finalised: "https://shop.example.com/hooks/finapi/web-forms/nonce-1" },
  })
  sandbox.control.completeWebForm(form.id)
  const finished = await client.getWebForm(user, form.id)
  return waitUntilReady(client, user, finished.payload?.bankConnectionId as number)
}

/** Test fixture: a local sandbox with one user whose finAPI Test Bank connection is READY. */
export interface ConnectedUser {
  target: ContractTarget
  observed: ObservedClient
  user: FinapiUserCredentials
  connection: BankConnection
}

/** Registers beforeAll/afterAll that start the sandbox and link a bank; read the fields inside tests. */
export function useConnectedUser(): ConnectedUser {
  const fixture = {} as ConnectedUser
  beforeAll(async () => {
    fixture.target = await startTarget()
    fixture.observed = observedClient(fixture.target)
    fixture.user = newUserCredentials()
    fixture.connection = await userWithConnection(fixture.target.sandbox!, fixture.observed.client, fixture.user)
  })
  afterAll(() => fixture.target.close())
  return fixture
}
