import type { StatementFileResult, SyncRun } from "../../types/http"
import { formatAmount, formatIban } from "./format"

/*
 * The server reports import problems with a stable code and its params beside an English message
 * (kept for API clients). The admin says them in the operator's language; a code this admin does not
 * know yet falls back to the server's message.
 */

type Translate = (key: string, options?: Record<string, unknown>) => string

const atPlace = (place: string, reason: string) => (place ? `${place}: ${reason}` : reason)

/** "line 14, column 3" / "statement 1 (line 1)" in the admin's language; element names (Stmt 1, Ntry 3) stay as the file has them. */
export function placeIn(place: string, t: Translate): string {
  return place.replace(/\b(line|column|statement) (\d+)/g, (_, word: string, n: string) => t(`finapi.statements.place.${word}`, { n }))
}

/**
 * Why a statement file was not imported, translated when the server gave a code: where in the file
 * and why ("Zeile 3: …"; the caller shows the file's name), else the server's message.
 */
export function statementFileError(result: StatementFileResult, t: Translate): string | null {
  if (!result.error) {
    return null
  }
  if (!result.error_code) {
    return result.error
  }
  const params: Record<string, string | number> = { ...result.error_params, place: placeIn(String(result.error_params?.place ?? ""), t) }
  if (typeof params.iban === "string") {
    params.iban = formatIban(params.iban)
  }
  const reason = t(`finapi.statements.errors.${result.error_code}`, { ...params, defaultValue: "" })
  if (!reason) {
    return result.error
  }
  return atPlace(String(params.place), reason)
}

/** What the reader noticed in an imported file, one line per warning, translated when the server gave codes. */
export function statementFileWarnings(result: StatementFileResult, t: Translate, locale: string): string[] {
  return (result.warnings ?? []).map((english, i) => {
    const coded = result.warning_codes?.[i]
    if (!coded) {
      return english
    }
    // amounts ("1362.24") in the admin's number format
    const params = Object.fromEntries(
      Object.entries(coded.params).map(([key, value]) => [key, typeof value === "string" && /^-?\d+\.\d{2}$/.test(value) ? formatAmount(value, locale) : value])
    )
    const place = placeIn(String(coded.params.place ?? ""), t)
    const reason = t(`finapi.statements.warnings.${coded.code}`, { ...params, place, defaultValue: "" })
    return reason ? atPlace(place, reason) : english
  })
}

/** An upload the server refused as a whole (no file, too many, too large): by its code, else its message. */
export function uploadError(code: string | undefined, message: string, t: Translate): string {
  return code ? t(`finapi.statements.uploadErrors.${code}`, { defaultValue: message }) : message
}

/** An import run's skipped accounts and errors, each in the admin's language. */
export function syncRunProblems(run: Pick<SyncRun, "skipped" | "errors">, t: Translate): string[] {
  return [
    ...(run.errors ?? []).map((e) =>
      e.code ? t(`finapi.importProblems.errors.${e.code}`, { detail: e.detail ?? "", defaultValue: e.message }) : e.message
    ),
    ...(run.skipped ?? []).map((s) => (s.code ? t(`finapi.importProblems.skipped.${s.code}`, { defaultValue: s.message }) : s.message)),
  ]
}
