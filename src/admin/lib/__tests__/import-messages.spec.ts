import i18next from "i18next"
import de from "../../i18n/json/de.json"
import en from "../../i18n/json/en.json"
import { STATEMENT_ERROR_CODES, STATEMENT_WARNING_CODES } from "../../../modules/bank-reconciliation/statements/types"
import type { StatementFileResult, SyncRunErrorCode, SyncRunSkipCode } from "../../../types/http"
import { placeIn, statementFileError, statementFileWarnings, syncRunProblems, uploadError } from "../import-messages"

// every code the server sends (a Record over each union: tsc fails when a code is added without a text here)
const SKIPPED_CODES: Record<SyncRunSkipCode, true> = {
  file_only: true,
  import_disabled: true,
  not_linked: true,
  interface_not_connected: true,
  needs_user_action: true,
  bank_login_required: true,
  busy: true,
}
const ERROR_CODES: Record<SyncRunErrorCode, true> = {
  update_failed: true,
  still_updating: true,
  import_failed: true,
  interrupted: true,
  rolled_back: true,
}

async function translator(language: "en" | "de") {
  const i18n = i18next.createInstance()
  await i18n.init({ lng: language, resources: { en: { translation: en }, de: { translation: de } }, interpolation: { escapeValue: false } })
  return i18n.getFixedT(language) as unknown as (key: string, options?: Record<string, unknown>) => string
}

describe("import problems in the admin's language", () => {
  it("has an English and a German text for every code the server sends", () => {
    const missing = (tree: Record<string, any>, keys: string[]) => keys.filter((key) => !key.split(".").reduce((node, part) => node?.[part], tree)?.toString().trim())
    const keys = [
      ...STATEMENT_ERROR_CODES.map((code) => `finapi.statements.errors.${code}`),
      ...STATEMENT_WARNING_CODES.map((code) => `finapi.statements.warnings.${code}`),
      ...Object.keys(SKIPPED_CODES).map((code) => `finapi.importProblems.skipped.${code}`),
      ...Object.keys(ERROR_CODES).map((code) => `finapi.importProblems.errors.${code}`),
      ...["no_files", "too_many_files", "file_too_large"].map((code) => `finapi.statements.uploadErrors.${code}`),
    ]
    expect(missing(en, keys)).toEqual([])
    expect(missing(de, keys)).toEqual([])
  })

  it("says why a statement file was refused in German: the place with German words, the reason with its params", async () => {
    const t = await translator("de")
    const refused = {
      file_name: "umsaetze.xml",
      error: `umsaetze.xml: Stmt 1: the account DE89370400440532013000 is not one of the plugin's bank accounts. Upload it again with "add unknown accounts" to add it as a file-only account.`,
      error_code: "unknown_account",
      error_params: { file: "umsaetze.xml", place: "Stmt 1", iban: "DE89370400440532013000" },
    }
    expect(statementFileError(refused, t)).toBe(
      "Stmt 1: das Konto DE89 3704 0044 0532 0130 00 ist keines der Bankkonten des Plugins. Laden Sie die Datei mit Haken bei „Unbekannte Konten als reine Datei-Konten anlegen“ erneut hoch, um es anzulegen."
    )
    const truncated = { file_name: "kaputt.sta", error: "kaputt.sta: statement 1 (line 1): no :62F: closing balance field: the file is incomplete", error_code: "mt940_missing_field", error_params: { file: "kaputt.sta", place: "statement 1 (line 1)", field: ":62F:" } }
    expect(statementFileError(truncated, t)).toBe("Auszug 1 (Zeile 1): das Feld :62F: fehlt: die Datei ist unvollständig")
    expect(placeIn("line 3, column 17", t)).toBe("Zeile 3, Spalte 17")
  })

  it("says what a read file's warnings found in German, amounts with comma decimals", async () => {
    const t = await translator("de")
    const read: StatementFileResult = {
      file_name: "auszug.sta",
      counts: { fetched: 3, imported: 3, known: 0, filtered: 0, held: 0 },
      warnings: ["auszug.sta: statement 1 (line 1): opening balance and entries give 1362.24, the closing balance is 1337.24: entries may be missing", "auszug.sta: something newer"],
      warning_codes: [
        { code: "balance_mismatch", params: { file: "auszug.sta", place: "statement 1 (line 1)", booked: "1362.24", closing: "1337.24" } },
        { code: "from_a_newer_server", params: { file: "auszug.sta", place: "" } },
      ],
    }
    expect(statementFileWarnings(read, t, "de")).toEqual([
      "Auszug 1 (Zeile 1): Anfangssaldo und gebuchte Umsätze ergeben 1.362,24, der Schlusssaldo ist 1.337,24: möglicherweise fehlen Umsätze",
      "auszug.sta: something newer",
    ])
    expect(statementFileWarnings({ file_name: "alt.sta", warnings: ["alt.sta: from before the codes"] }, t, "de")).toEqual(["alt.sta: from before the codes"])
  })

  it("falls back to the server's message for a result without a code or with a code this admin does not know", async () => {
    const t = await translator("de")
    expect(statementFileError({ file_name: "a.xml", error: "a.xml: something new" }, t)).toBe("a.xml: something new")
    expect(statementFileError({ file_name: "a.xml", error: "a.xml: something new", error_code: "from_a_newer_server", error_params: { file: "a.xml", place: "" } }, t)).toBe("a.xml: something new")
    expect(statementFileError({ file_name: "a.xml", counts: { fetched: 1, imported: 1, known: 0, filtered: 0, held: 0 } }, t)).toBeNull()
    expect(uploadError("too_many_files", "files: send at most 20 files", t)).toBe("Höchstens 20 Dateien auf einmal.")
    expect(uploadError(undefined, "Unauthorized", t)).toBe("Unauthorized")
  })

  it("says a run's skipped accounts and errors in German, finAPI's own detail kept", async () => {
    const t = await translator("de")
    const problems = syncRunProblems(
      {
        errors: [{ account_id: "a1", code: "update_failed", detail: "BANK_SERVER_REJECTION", message: "finAPI could not update the bank connection: BANK_SERVER_REJECTION" }],
        skipped: [
          { account_id: "a2", reason: "not_linked", code: "file_only", message: "This account is file-only: import its bank statement files (Incoming payments → Upload statement)." },
          { account_id: "a3", reason: "busy", message: "Another import of this account is running; its result shows in the history." },
        ],
      },
      t
    )
    expect(problems).toEqual([
      "finAPI konnte die Bankverbindung nicht aktualisieren: BANK_SERVER_REJECTION",
      "Dieses Konto ist ein reines Datei-Konto: Importieren Sie seine Kontoauszugsdateien (Zahlungseingänge → Kontoauszug hochladen).",
      // a run recorded before the codes: its English message
      "Another import of this account is running; its result shows in the history.",
    ])
    const english = await translator("en")
    expect(syncRunProblems({ errors: [{ code: "import_failed", detail: "finAPI is not reachable", message: "finAPI is not reachable" }], skipped: null }, english)).toEqual(["finAPI is not reachable"])
  })
})
