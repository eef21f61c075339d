import { decimal } from "../../src/lib/money"

/**
 * Amounts live as integer cents inside the sandbox and become JSON numbers only at
 * the edge, so sums over 100 000 rows carry no float artefacts (0.1 + 0.2).
 */
export function centsToAmount(cents: number): number {
  return cents / 100
}

/** Parses a finAPI amount (number or numeric string, at most 2 decimals) into cents. */
export function amountToCents(value: unknown): number | null {
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : ""
  return /^-?\d+(\.\d{1,2})?$/.test(text) ? decimal(text).shiftedBy(2).toNumber() : null
}
