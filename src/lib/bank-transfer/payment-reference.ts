/**
 * Payment references for orders: ISO 11649 "RF" creditor references whose body is derived from an
 * id (a payment session, an order). Same id in, same reference out; different ids give different
 * references except with negligible probability (60-bit digest: about 1 in 10^18 per pair).
 */
import { createHash } from "crypto"
import { compactReference, createRf, isValidRf } from "../../modules/bank-reconciliation/matching/iso11649"

// Crockford's base-32 alphabet: no I, L, O, U, so a customer typing the reference cannot mix up 0/O or 1/I/L.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
const DIGEST_LENGTH = 12
/** The longest prefix a shop may put in front of the digest (RF + 2 + 6 + 12 = 22 characters, six groups of 4). */
export const MAX_REFERENCE_PREFIX_LENGTH = 6
const PREFIX_SHAPE = /^[A-Z0-9]{1,6}$/

/** Returns a message saying what is wrong with a reference prefix, or null when it is usable. */
export function describeReferencePrefixProblem(prefix: string): string | null {
  if (PREFIX_SHAPE.test(prefix)) {
    return null
  }
  return `must be 1 to ${MAX_REFERENCE_PREFIX_LENGTH} capital letters or digits, e.g. "SHOP1"`
}

/** 12 characters of Crockford base-32 from the first 60 bits of SHA-256 of the id. */
function digestOf(sourceId: string): string {
  const bytes = createHash("sha256").update(sourceId, "utf8").digest()
  let bits = bytes.readBigUInt64BE(0) >> 4n
  let text = ""
  for (let i = 0; i < DIGEST_LENGTH; i++) {
    text = ALPHABET[Number(bits & 31n)] + text
    bits >>= 5n
  }
  return text
}

/** Derives the RF reference (compact, e.g. "RF18K7Q2M9X4B1ZC") for an id; deterministic and verifiable. */
export function derivePaymentReference(sourceId: string, prefix = ""): string {
  if (!sourceId) {
    // callers' mistakes, not a customer's: the prefix is checked when the options are read
    throw new RangeError("A payment reference needs the id it is derived from")
  }
  const problem = prefix ? describeReferencePrefixProblem(prefix) : null
  if (problem) {
    throw new RangeError(`Payment reference prefix ${problem}`)
  }
  return createRf(`${prefix}${digestOf(sourceId)}`)
}

/** Prints a reference in groups of four, as banks and invoices do: "RF18 K7Q2 M9X4 B1ZC". */
export function formatPaymentReference(reference: string): string {
  return compactReference(reference).replace(/(.{4})(?=.)/g, "$1 ")
}

/** The compact form used for storage and comparison: upper case, no spaces or hyphens. */
export function compactPaymentReference(reference: string): string {
  return compactReference(reference)
}

/** True only for a well-formed RF reference whose mod-97 check digits verify (spacing and case ignored). */
export function isValidPaymentReference(reference: string): boolean {
  return isValidRf(reference)
}
