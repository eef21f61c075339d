import { FinapiUserCredentials } from "../client-config"
import { MockBatchUpdateParams } from "../schemas/transaction"
import { CallContext } from "./call-context"

/** finAPI sandbox only (403 on live): simulates a batch update with given balances/transactions. */
export async function mockBatchUpdate(
  ctx: CallContext,
  user: FinapiUserCredentials,
  params: MockBatchUpdateParams
): Promise<void> {
  await ctx.tokens.withUserToken(user, (token) =>
    ctx.transport.call({
      operation: "mockBatchUpdate",
      api: "access",
      method: "POST",
      path: "/api/v2/tests/mockBatchUpdate",
      json: params,
      token,
    })
  )
}
