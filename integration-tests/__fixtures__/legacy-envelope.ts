import { createCipheriv, randomBytes } from "crypto"

/** What the plugin stored before envelopes named their key: "v1:iv:tag:ciphertext" (AES-256-GCM, base64). */
export function legacyEnvelope(plaintext: string, key: Buffer): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv("aes-256-gcm", key, iv)
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()])
  return ["v1", iv.toString("base64"), cipher.getAuthTag().toString("base64"), ciphertext.toString("base64")].join(":")
}
