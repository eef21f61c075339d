import { createHash, randomBytes, timingSafeEqual } from "crypto"

const sha256 = (value: string) => createHash("sha256").update(value).digest()

/** A callback token "<row id>.<secret>" and the sha256 (hex) of its secret, which alone is stored. */
export function issueCallbackToken(rowId: string): { token: string; hash: string } {
  const secret = randomBytes(32).toString("base64url")
  return { token: `${rowId}.${secret}`, hash: sha256(secret).toString("hex") }
}

/** Checks a callback token against the stored hash in constant time; a missing hash never matches. */
export function verifyCallbackToken(token: string, storedHash: string | null): boolean {
  const secret = token.slice(token.indexOf(".") + 1)
  const given = sha256(token.includes(".") ? secret : "")
  // compare against a fixed dummy when there is nothing stored, so timing does not tell rows apart
  const expected = storedHash && /^[0-9a-f]{64}$/.test(storedHash) ? Buffer.from(storedHash, "hex") : sha256("no stored token")
  return timingSafeEqual(given, expected) && !!storedHash && token.includes(".")
}
