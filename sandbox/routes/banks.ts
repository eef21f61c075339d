import { sendJson, unknownEntity, requireNumericId, type Exchange } from "../http/exchange"
import { pageOf, pagingJson, readIdList, readPaging } from "../http/paging"
import { route } from "../http/router"
import { authenticate } from "../tokens"
import { findBank, searchBanks } from "../data/test-banks"
import { bankJson } from "../views/access-json"

/** The sandbox knows only finAPI's two test banks; look them up by BLZ, as finAPI advises. */
function listBanks(ex: Exchange): void {
  authenticate(ex, "any")
  const paging = readPaging(ex.query)
  const ids = readIdList(ex.query, "ids")
  const isTestBank = ex.query.get("isTestBank")
  const banks = searchBanks(ex.query.get("search") ?? undefined)
    .filter((bank) => !ids || ids.includes(bank.id))
    .filter(() => isTestBank !== "false")
  sendJson(ex, 200, { banks: pageOf(banks, paging).map(bankJson), paging: pagingJson(paging, banks.length) })
}

function getBank(ex: Exchange): void {
  authenticate(ex, "any")
  const id = requireNumericId(ex)
  const bank = findBank(id)
  if (!bank) throw unknownEntity("Bank", id)
  sendJson(ex, 200, bankJson(bank))
}

export const bankRoutes = [route("GET", "/api/v2/banks", listBanks), route("GET", "/api/v2/banks/:id", getBank)]
