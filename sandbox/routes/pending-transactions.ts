import { sendJson, type Exchange } from "../http/exchange"
import { pageOf, pagingJson, readIdList, readPaging } from "../http/paging"
import { route } from "../http/router"
import { authenticate, userKeyOf } from "../tokens"
import { germanDate, accessTimestamp } from "../data/dates"

/**
 * `GET /api/v2/pendingTransactions`: each checking account shows one not-yet-booked
 * incoming payment, with V2's `counterparty*` naming, so a plugin can prove it never
 * imports pending items (the seeds say: only completed transactions).
 */
function listPending(ex: Exchange): void {
  authenticate(ex, "user")
  const paging = readPaging(ex.query)
  const accountIds = readIdList(ex.query, "accountIds")
  const today = germanDate(ex.state.now())
  const pending = ex.state
    .accountsOf(userKeyOf(ex))
    .filter((a) => a.accountType === "Checking" && (!accountIds || accountIds.includes(a.id)))
    .map((a) => ({
      id: 700_000 + a.id,
      accountId: a.id,
      amount: 77.7,
      currency: "EUR",
      purpose: "Bestellung 1099 (vorgemerkt)",
      counterpartyName: "Petra Größer",
      counterpartyIban: "DE02100500000054540402",
      counterpartyBic: "BELADEBEXXX",
      counterpartyBlz: null,
      counterpartyAccountNumber: null,
      counterpartyBankName: null,
      counterpartyMandateReference: null,
      counterpartyCustomerReference: null,
      counterpartyCreditorId: null,
      counterpartyDebtorId: null,
      endToEndId: "PENDING-1099",
      valueDate: today,
      importDate: accessTimestamp(ex.state.now()),
      differentDebtor: null,
      differentCreditor: null,
    }))
  sendJson(ex, 200, { pendingTransactions: pageOf(pending, paging), paging: pagingJson(paging, pending.length) })
}

export const pendingTransactionRoutes = [route("GET", "/api/v2/pendingTransactions", listPending)]
