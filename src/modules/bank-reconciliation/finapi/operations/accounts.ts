import { FinapiUserCredentials } from "../client-config"
import { DecimalAccount, toDecimalAccount } from "../decimal-records"
import { commaList } from "../query-string"
import { AccountListSchema, AccountSchema, AccountType } from "../schemas/account"
import { CallContext } from "./call-context"

/** Filters of `GET /api/v2/accounts` (the list is not paged). */
export interface AccountFilter {
  ids?: number[]
  bankConnectionIds?: number[]
  accountTypes?: AccountType[]
}

/** Lists the user's accounts with money as decimal strings. */
export function listAccounts(
  ctx: CallContext,
  user: FinapiUserCredentials,
  filter: AccountFilter = {}
): Promise<DecimalAccount[]> {
  return ctx.tokens.withUserToken(user, async (token) => {
    const list = await ctx.transport.call({
      operation: "listAccounts",
      api: "access",
      method: "GET",
      path: "/api/v2/accounts",
      query: {
        ids: commaList(filter.ids),
        bankConnectionIds: commaList(filter.bankConnectionIds),
        accountTypes: commaList(filter.accountTypes),
      },
      token,
      schema: AccountListSchema,
    })
    return list.accounts.map(toDecimalAccount)
  })
}

/** Reads one account with money as decimal strings. */
export function getAccount(ctx: CallContext, user: FinapiUserCredentials, id: number): Promise<DecimalAccount> {
  return ctx.tokens.withUserToken(user, async (token) => {
    const account = await ctx.transport.call({
      operation: "getAccount",
      api: "access",
      method: "GET",
      path: `/api/v2/accounts/${id}`,
      token,
      schema: AccountSchema,
    })
    return toDecimalAccount(account)
  })
}
