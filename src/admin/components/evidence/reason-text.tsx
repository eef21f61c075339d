import { useTranslation } from "react-i18next"
import type { EvidenceReason } from "../../../types/http"
import { formatAmount } from "../../lib/format"
export type { EvidenceReason }

/** A reason as the matching engine returns it (contracts/matching.md plus code and params). */

// Parameters that hold money (decimal strings): shown in the locale's number format.
const AMOUNT_PARAMS = new Set(["outstanding", "difference", "short", "paid", "open", "surplus", "total", "sum"])

/**
 * Renders one piece of evidence in the operator's language from its code and parameters; falls
 * back to the engine's English detail for evidence stored before codes existed or unknown codes.
 */
export function useReasonText(): (reason: EvidenceReason) => string {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const one = (code: string, params: Record<string, unknown>): string | null => {
    const key = `finapi.evidence.${code}`
    if (!i18n.exists(key)) {
      return null
    }
    const values: Record<string, unknown> = {}
    for (const [name, value] of Object.entries(params)) {
      values[name] = AMOUNT_PARAMS.has(name) ? formatAmount(value, locale) : value
    }
    if (typeof params.percent === "number") {
      values.percent = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(params.percent)
    }
    if (Array.isArray(params.parts)) {
      values.parts = params.parts.map((part) => formatAmount(part, locale)).join(" + ")
    }
    if (typeof params.where === "string") {
      values.where = t(`finapi.evidence.where.${params.where}`)
    }
    if (typeof params.quality === "string") {
      values.quality = t(`finapi.evidence.quality.${params.quality}`, { defaultValue: "" })
    }
    values.transposedNote = params.transposed ? t("finapi.evidence.transposedNote") : ""
    values.othersNote = Number(params.others) > 0 ? t("finapi.evidence.othersNote", { count: Number(params.others) }) : ""
    return t(key, { ...values, interpolation: { escapeValue: false } })
  }
  return (reason) => {
    if (!reason.code) {
      return reason.detail
    }
    const parts = [{ code: reason.code, params: reason.params ?? {} }, ...(reason.more ?? [])].map((part) => one(part.code, part.params))
    return parts.every((part) => part !== null) ? parts.join("; ") : reason.detail
  }
}

/** The evidence of an assignment, one line per signal: "Invoice number: 'RE 1042' im Verwendungszweck …". */
export const EvidenceReasons = ({ reasons }: { reasons: EvidenceReason[] }) => {
  const { t } = useTranslation()
  const text = useReasonText()
  return (
    <ul className="flex flex-col gap-y-1" data-testid="finapi-evidence-reasons">
      {reasons.map((reason) => (
        <li key={reason.signal} data-signal={reason.signal}>
          <strong>{t(`finapi.assignment.signal.${reason.signal}`, { defaultValue: reason.signal })}</strong>
          {`: ${text(reason)}`}
        </li>
      ))}
    </ul>
  )
}
