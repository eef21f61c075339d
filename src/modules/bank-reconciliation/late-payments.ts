import { compactReference, isValidCompactRf } from "./matching/iso11649"

/**
 * Every valid RF reference that can be read in a purpose, whatever the spacing: each "RF" followed
 * by check digits and 1–21 characters whose check verifies. Over-inclusive on purpose: the result
 * is only compared with the references of real orders.
 */
export function rfReferencesIn(purpose: string | null): string[] {
  const text = compactReference(purpose ?? "")
  const found = new Set<string>()
  for (let start = text.indexOf("RF"); start !== -1; start = text.indexOf("RF", start + 1)) {
    for (let length = 5; length <= 25 && start + length <= text.length; length++) {
      const candidate = text.slice(start, start + length)
      if (isValidCompactRf(candidate)) {
        found.add(candidate)
      }
    }
  }
  return [...found]
}
