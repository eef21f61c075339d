import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminUser } from "../__fixtures__/admin-user"
import { camt053, statementUpload, type CamtCredit } from "../__fixtures__/camt-statement"
import { useFinapiSandbox } from "../__fixtures__/finapi-sandbox"
import { linkTestBankThroughAdmin } from "../__fixtures__/linked-test-bank"
import { unscheduleJob } from "../__fixtures__/scheduled-jobs"
import { FinapiClient } from "../../src/modules/bank-reconciliation/finapi"
import { BANK_RECONCILIATION_MODULE } from "../../src/modules/bank-reconciliation"
import type BankReconciliationModuleService from "../../src/modules/bank-reconciliation/service"
import { statementFixtureBytes } from "../../src/modules/bank-reconciliation/statements/__tests__/statement-file"
import { config as jobConfig } from "../../src/jobs/import-bank-transactions"
import importStatementFilesScript from "../../src/scripts/import-statement-files"
import { join } from "path"

jest.setTimeout(300_000)

const sandbox = useFinapiSandbox()
const BASE = "/admin/bank-reconciliation"
const SPARKASSE_IBAN = "DE93370501981234567890"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>

    beforeAll(async () => {
      await unscheduleJob(jobConfig.name)
    })
    beforeEach(async () => {
      headers = (await createAdminUser(getContainer())).headers
    })

    const service = () => getContainer().resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    const upload = (files: { name: string; content: string | Buffer<ArrayBuffer> }[], fields: Record<string, string> = {}) =>
      api.post(`${BASE}/statements`, statementUpload(files, fields), { headers }).catch((e) => e.response)
    const fixture = (name: string) => ({ name, content: statementFixtureBytes(name) })
    const rowsOf = async (accountId: string) =>
      (await service().listBankTransactions({ account_id: accountId }, { take: null, order: { amount: "ASC" } })) as unknown as Record<string, unknown>[]

    it("imports a CAMT.053 into a new file-only account: booked credits only, with counts and left-out reasons", async () => {
      const res = await upload([fixture("camt053-v02-sparkasse.xml")], { add_unknown_accounts: "true" })
      expect(res.status).toBe(200)
      const [result] = res.data.results
      expect(result).toMatchObject({
        file_name: "camt053-v02-sparkasse.xml",
        counts: { fetched: 7, imported: 4, known: 0, filtered: 3, held: 0 },
        left_out: { debit: 1, reversal: 1, not_booked: 1 },
      })
      const [account] = await service().listBankAccounts({ iban: SPARKASSE_IBAN })
      expect(account).toMatchObject({ source: "file", connection_id: null, finapi_account_id: null, currency_code: "EUR" })
      const run = await service().retrieveSyncRun(result.sync_run_id)
      expect(run).toMatchObject({
        source: "file",
        file_name: "camt053-v02-sparkasse.xml",
        trigger: "operator",
        status: "succeeded",
        account_id: account.id,
        fetched_count: 7,
        imported_count: 4,
        duplicate_count: 0,
        filtered_count: 3,
        left_out: { debit: 1, reversal: 1, not_booked: 1 },
      })
      const rows = await rowsOf(account.id)
      expect(rows.map((r) => [String(r.amount), r.counterpart_name, r.end_to_end_reference, r.status, r.source])).toEqual([
        ["49.9", "Jürgen Müller", "E2E-2026-000123", "unassigned", "file"],
        ["50", "Weiß, Björn", "2026-11-19-77", "unassigned", "file"],
        ["100", "Anna Schäfer", "ORDER-1043", "unassigned", "file"],
        ["150", "Özdemir & Söhne OHG", "NOTPROVIDED", "unassigned", "file"],
      ])
      expect(rows[0]).toMatchObject({
        currency_code: "eur",
        counterpart_iban: "DE29100100100987654321",
        counterpart_bic: "PBNKDEFFXXX",
        creditor_reference: "RF18539007547034",
        bank_reference: "2026112000012345",
        // the structured RF reference is added to the text matching reads
        purpose: "Bestellung 1042 Jürgen Müller RF18539007547034",
        sync_run_id: result.sync_run_id,
        is_potential_duplicate: false,
      })
      expect(new Date(rows[0].booking_date as string).toISOString()).toBe("2026-11-20T00:00:00.000Z")
      expect((rows[2].purpose as string).length).toBe(140)
    })

    it("imports nothing new from the same file twice, nor from the MT940 of the same day", async () => {
      await upload([fixture("camt053-v02-sparkasse.xml")], { add_unknown_accounts: "true" })
      const res = await upload([fixture("camt053-v02-sparkasse.xml"), fixture("mt940-sparkasse.sta")])
      expect(res.status).toBe(200)
      expect(res.data.results.map((r: { counts: unknown }) => r.counts)).toEqual([
        { fetched: 7, imported: 0, known: 4, filtered: 3, held: 0 },
        { fetched: 3, imported: 0, known: 1, filtered: 2, held: 0 },
      ])
      const [account] = await service().listBankAccounts({ iban: SPARKASSE_IBAN })
      expect(await rowsOf(account.id)).toHaveLength(4)
      const runs = await service().listSyncRuns({ source: "file" })
      expect(runs.map((r) => r.imported_count).sort()).toEqual([0, 0, 4])
    })

    it("stores each payment once when the same file is uploaded twice at the same moment", async () => {
      await upload([fixture("camt053-v04-deutsche-bank.xml")], { add_unknown_accounts: "true" })
      const [account] = await service().listBankAccounts({ iban: "DE72500700100123456700" })
      await service().deleteBankTransactions((await service().listBankTransactions({ account_id: account.id })).map((r) => r.id))
      const both = await Promise.all([upload([fixture("camt053-v04-deutsche-bank.xml")]), upload([fixture("camt053-v04-deutsche-bank.xml")])])
      expect(both.map((r) => r.status)).toEqual([200, 200])
      expect(both.map((r) => r.data.results[0].counts.imported).sort()).toEqual([0, 3])
      expect(await service().listBankTransactions({ account_id: account.id })).toHaveLength(3)
    })

    it("imports every format and version into its account", async () => {
      const names = [
        "camt053-v04-deutsche-bank.xml",
        "camt053-v08-commerzbank.xml",
        "camt054-v08-volksbank.xml",
        "mt940-deutsche-bank.sta",
        "mt940-commerzbank.sta",
        "mt940-volksbank.sta",
      ]
      const res = await upload(names.map(fixture), { add_unknown_accounts: "true" })
      expect(res.status).toBe(200)
      expect(res.data.results.map((r: { file_name: string; counts: { imported: number; known: number } }) => [r.file_name, r.counts.imported, r.counts.known])).toEqual([
        ["camt053-v04-deutsche-bank.xml", 3, 0],
        ["camt053-v08-commerzbank.xml", 1, 0],
        ["camt054-v08-volksbank.xml", 1, 0],
        // 119.00 from Max Mustermann has another text in the MT940 than in the CAMT (no end-to-end reference): a payment of its own
        ["mt940-deutsche-bank.sta", 1, 0],
        ["mt940-commerzbank.sta", 3, 0],
        // the 64.80 with its end-to-end reference is the camt.054's payment
        ["mt940-volksbank.sta", 1, 1],
      ])
      const accounts = await service().listBankAccounts({ source: "file" })
      expect(accounts.map((a) => a.iban).sort()).toEqual(["DE25760695590004711815", "DE72500700100123456700", "DE89370400440532013000"])
    })

    it("refuses a file of an unknown account, naming the file and the statement; stores nothing", async () => {
      const res = await upload([fixture("camt053-v08-commerzbank.xml")])
      expect(res.status).toBe(400)
      expect(res.data.message).toBe(
        `camt053-v08-commerzbank.xml: Stmt 1: the account DE89370400440532013000 is not one of the plugin's bank accounts. Upload it again with "add unknown accounts" to add it as a file-only account.`
      )
      // a stable code and params beside the English message, for the admin to say it in the operator's language
      expect(res.data.code).toBe("files_refused")
      expect(res.data.results[0]).toMatchObject({
        error_code: "unknown_account",
        error_params: { file: "camt053-v08-commerzbank.xml", place: "Stmt 1", iban: "DE89370400440532013000" },
      })
      expect(await service().listBankAccounts({ iban: "DE89370400440532013000" })).toHaveLength(0)
      expect(await service().listBankTransactions({})).toHaveLength(0)
      expect(await service().listSyncRuns({})).toHaveLength(0)
    })

    it("imports a file whose balances do not add up, with the warning in English and as a code with params", async () => {
      const full = statementFixtureBytes("camt053-v02-sparkasse.xml").toString("utf8")
      const withoutFee = full.replace(/<Ntry>\s*<Amt Ccy="EUR">25\.00<\/Amt>[\s\S]*?<\/Ntry>/, "")
      const res = await upload([{ name: "luecke.xml", content: withoutFee }], { add_unknown_accounts: "true" })
      expect(res.status).toBe(200)
      expect(res.data.results[0]).toMatchObject({
        warnings: ["luecke.xml: Stmt 1, Bal: opening balance and booked entries give 1362.24, the closing balance is 1337.24: entries may be missing"],
        warning_codes: [{ code: "balance_mismatch", params: { file: "luecke.xml", place: "Stmt 1, Bal", booked: "1362.24", closing: "1337.24" } }],
      })
    })

    it("reports a bad file and still imports the good one beside it; never a 500", async () => {
      const truncated = statementFixtureBytes("mt940-volksbank.sta").subarray(0, 300)
      const res = await upload([{ name: "kaputt.sta", content: truncated }, fixture("camt054-v08-volksbank.xml")], { add_unknown_accounts: "true" })
      expect(res.status).toBe(200)
      expect(res.data.results[0]).toEqual({
        file_name: "kaputt.sta",
        error: "kaputt.sta: statement 1 (line 1): no :62F: closing balance field: the file is incomplete",
        error_code: "mt940_missing_field",
        error_params: { file: "kaputt.sta", place: "statement 1 (line 1)", field: ":62F:" },
      })
      expect(res.data.results[1].counts.imported).toBe(1)
      expect(await service().listBankTransactions({})).toHaveLength(1)

      const none = await api.post(`${BASE}/statements`, statementUpload([]), { headers }).catch((e) => e.response)
      expect(none.status).toBe(400)
      expect(none.data).toMatchObject({ code: "no_files", message: 'files: attach at least one statement file in the form field "files"' })
      const notXml = await upload([{ name: "umsaetze.csv", content: "Buchungstag;Betrag\n" }])
      expect(notXml.status).toBe(400)
      expect(notXml.data.message).toBe("umsaetze.csv: line 1: neither CAMT (XML) nor MT940")
      expect(notXml.data.results[0]).toMatchObject({ error_code: "unknown_format", error_params: { file: "umsaetze.csv", place: "line 1" } })
    })

    it("imports files from the command line (medusa exec) and exits 1 when one fails", async () => {
      const dir = join(__dirname, "../../src/modules/bank-reconciliation/statements/__tests__/files")
      const exitCode = process.exitCode
      try {
        await importStatementFilesScript({ container: getContainer(), args: ["--add-unknown-accounts", join(dir, "mt940-volksbank.sta"), join(dir, "mt940-volksbank.sta")] } as never)
        expect(process.exitCode ?? 0).toBe(0)
        const runs = await service().listSyncRuns({ source: "file" }, { order: { started_at: "ASC" } })
        expect(runs.map((r) => [r.trigger, r.file_name, r.imported_count, r.duplicate_count, r.filtered_count])).toEqual([
          ["cli", "mt940-volksbank.sta", 2, 0, 1],
          ["cli", "mt940-volksbank.sta", 0, 2, 1],
        ])
        await importStatementFilesScript({ container: getContainer(), args: [join(dir, "camt053-v08-commerzbank.xml")] } as never)
        expect(process.exitCode).toBe(1)
      } finally {
        process.exitCode = exitCode
      }
    })

    describe("a payment that arrives through finAPI and through a file", () => {
      const PASSWORD = "Operator-Chosen-Pw-4711"

      async function sandboxCredits(user: { userId: string; password: string }, finapiAccountId: string) {
        const client = new FinapiClient({ accessBaseUrl: sandbox.current.url, webFormBaseUrl: sandbox.current.url, clientId: "sandbox-client", clientSecret: "sandbox-secret" })
        const credits: CamtCredit[] = []
        for await (const t of client.iterateTransactions(user, { view: "bankView", accountIds: [Number(finapiAccountId)] })) {
          if (!t.isAdjustingEntry && !t.amount.startsWith("-") && Number(t.amount) !== 0 && !t.isPotentialDuplicate && (t.currency ?? "EUR") === "EUR") {
            credits.push({
              amount: t.amount,
              booking_date: t.bankBookingDate,
              debtor_name: t.counterpartName,
              debtor_iban: t.counterpartIban,
              end_to_end_reference: t.endToEndReference,
              remittance_text: t.purpose,
            })
          }
        }
        return credits
      }

      it("is stored once when finAPI brings it first", async () => {
        const { giro, user } = await linkTestBankThroughAdmin(api, headers, sandbox.current, PASSWORD)
        const imported = await api.post(`${BASE}/transactions/import`, { account_id: giro.id }, { headers })
        const before = await service().listBankTransactions({ account_id: giro.id }, { take: null })
        const credits = await sandboxCredits(user, giro.finapi_account_id)
        expect(credits.length).toBeGreaterThanOrEqual(5)
        const fresh = { amount: "77.70", booking_date: "2026-11-27", debtor_name: "Neue Zahlerin", debtor_iban: "DE82200505501234567899", end_to_end_reference: "NEU-1", remittance_text: "Bestellung 9999" }
        const res = await upload([{ name: "girokonto.xml", content: camt053({ iban: giro.iban, credits: [...credits, fresh] }) }])
        expect(res.status).toBe(200)
        expect(res.data.results[0].counts).toEqual({ fetched: credits.length + 1, imported: 1, known: credits.length, filtered: 0, held: 0 })
        const after = await service().listBankTransactions({ account_id: giro.id }, { take: null })
        expect(after).toHaveLength(before.length + 1)
        expect(imported.data.sync_run.imported_count).toBe(before.length)
      })

      it("is stored once when the file brings it first", async () => {
        const { giro, user } = await linkTestBankThroughAdmin(api, headers, sandbox.current, PASSWORD)
        const credits = (await sandboxCredits(user, giro.finapi_account_id)).slice(0, 3)
        const res = await upload([{ name: "girokonto.xml", content: camt053({ iban: giro.iban, credits }) }])
        expect(res.data.results[0].counts.imported).toBe(3)
        const fromFile = await service().listBankTransactions({ account_id: giro.id, source: "file" })
        const imported = (await api.post(`${BASE}/transactions/import`, { account_id: giro.id }, { headers })).data.sync_run
        expect(imported.duplicate_count).toBe(3)
        const rows = await service().listBankTransactions({ account_id: giro.id }, { take: null })
        expect(rows).toHaveLength(imported.imported_count + 3)
        // the file's rows stay what they were, and finAPI added none of their payments again
        expect(rows.filter((r) => r.source === "file").map((r) => r.id).sort()).toEqual(fromFile.map((r) => r.id).sort())
        // a payment finAPI itself flags as a potential duplicate is still stored, held, as without files
        const prints = rows.filter((r) => !r.is_potential_duplicate).map((r) => r.fingerprint)
        for (const row of fromFile) {
          expect(prints.filter((p) => p === row.fingerprint)).toHaveLength(1)
        }
      })
    })
  },
})
