import { createCipheriv, createDecipheriv, createHash, randomBytes } from "crypto"

const ALGORITHM = "aes-256-gcm"
const IV_BYTES = 12

/** Thrown when a stored secret cannot be opened: wrong key, or the ciphertext was altered. */
export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message)
    this.name = "SecretBoxError"
  }
}

/** Parses the configured key: 64 hex characters or base64 of exactly 32 bytes. */
export function parseEncryptionKey(key: string): Buffer {
  const trimmed = key.trim()
  const buffer = /^[0-9a-fA-F]{64}$/.test(trimmed)
    ? Buffer.from(trimmed, "hex")
    : Buffer.from(trimmed, "base64")
  if (buffer.length !== 32) {
    throw new SecretBoxError(
      "encryptionKey must be 32 bytes, given as 64 hex characters or base64 (e.g. `openssl rand -hex 32`)"
    )
  }
  return buffer
}

/**
 * The id an envelope names its key by: a short hash of the key (not the key, and not enough of the
 * hash to help guess it), so it never changes and two installations agree on it.
 */
export function keyId(key: Buffer): string {
  return createHash("sha256").update("medusa-plugin-finapi/key-id\u0000").update(key).digest("hex").slice(0, 12)
}

/** The keys to open secrets with, current (for sealing) first. */
export type Keyring = Buffer | Buffer[]
const keysOf = (keyring: Keyring): Buffer[] => (Array.isArray(keyring) ? keyring : [keyring])

/**
 * Encrypts with the current key (AES-256-GCM, fresh random IV); the result is
 * "v2:<key id>:iv:tag:ciphertext" with the binary parts in base64.
 */
export function encryptSecret(plaintext: string, keyring: Keyring): string {
  const key = keysOf(keyring)[0]
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv(ALGORITHM, key, iv)
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()])
  const tag = cipher.getAuthTag()
  return ["v2", keyId(key), iv.toString("base64"), tag.toString("base64"), ciphertext.toString("base64")].join(":")
}

/** The key id of an envelope; null for the first format ("v1:iv:tag:ciphertext"), which names no key. */
export function envelopeKeyId(envelope: string): string | null {
  return envelope.startsWith("v2:") ? envelope.split(":")[1] ?? null : null
}

/** True when the envelope was sealed with another key than the current one (a rotation has to re-seal it). */
export function isSealedWithCurrentKey(envelope: string, keyring: Keyring): boolean {
  return envelopeKeyId(envelope) === keyId(keysOf(keyring)[0])
}

/**
 * Decrypts what encryptSecret produced, with the key its id names (a v1 envelope: each key in turn);
 * fails loudly, saying why, on an unknown key, a wrong key or any tampering.
 */
export function decryptSecret(envelope: string, keyring: Keyring): string {
  const keys = keysOf(keyring)
  const parts = envelope.split(":")
  let candidates: Buffer[]
  let body: string[]
  if (parts.length === 5 && parts[0] === "v2") {
    const key = keys.find((k) => keyId(k) === parts[1])
    if (!key) {
      throw new SecretBoxError(
        `it was encrypted with key ${parts[1]}, which is not among the configured encryptionKey (key ids: ${keys.map(keyId).join(", ")})`
      )
    }
    candidates = [key]
    body = parts.slice(2)
  } else if (parts.length === 4 && parts[0] === "v1") {
    candidates = keys
    body = parts.slice(1)
  } else {
    throw new SecretBoxError("the stored value has an unknown format")
  }
  const [iv, tag, ciphertext] = body.map((part) => Buffer.from(part, "base64"))
  if (iv.length !== IV_BYTES || tag.length !== 16) {
    throw new SecretBoxError("the stored value has an unknown format")
  }
  for (const key of candidates) {
    try {
      const decipher = createDecipheriv(ALGORITHM, key, iv)
      decipher.setAuthTag(tag)
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8")
    } catch {
      // next key (only a v1 envelope has more than one candidate)
    }
  }
  throw new SecretBoxError("it could not be decrypted: the encryption key is wrong or the stored value was altered")
}
