import { createCipheriv, createDecipheriv, randomBytes } from "crypto"

const ALGORITHM = "aes-256-gcm"
const VERSION = "v1"
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

/** Encrypts with AES-256-GCM and a fresh random IV; the result is "v1:iv:tag:ciphertext" in base64. */
export function encryptSecret(plaintext: string, key: Buffer): string {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv(ALGORITHM, key, iv)
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()])
  const tag = cipher.getAuthTag()
  return [VERSION, iv.toString("base64"), tag.toString("base64"), ciphertext.toString("base64")].join(":")
}

/** Decrypts what encryptSecret produced; fails loudly on a wrong key or any tampering. */
export function decryptSecret(envelope: string, key: Buffer): string {
  const parts = envelope.split(":")
  if (parts.length !== 4 || parts[0] !== VERSION) {
    throw new SecretBoxError("Stored secret has an unknown format")
  }
  const [, iv, tag, ciphertext] = parts.map((part, index) => (index === 0 ? Buffer.alloc(0) : Buffer.from(part, "base64")))
  if (iv.length !== IV_BYTES || tag.length !== 16) {
    throw new SecretBoxError("Stored secret has an unknown format")
  }
  try {
    const decipher = createDecipheriv(ALGORITHM, key, iv)
    decipher.setAuthTag(tag)
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8")
  } catch {
    throw new SecretBoxError(
      "Stored secret could not be decrypted: the encryption key is wrong or the stored value was altered"
    )
  }
}
