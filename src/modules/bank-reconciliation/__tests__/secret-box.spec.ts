import { randomBytes } from "crypto"
import { decryptSecret, encryptSecret, parseEncryptionKey, SecretBoxError } from "../secret-box"

const key = randomBytes(32)

describe("secret box", () => {
  it("round-trips a password, with a fresh IV each time", () => {
    const a = encryptSecret("Geheim!äöü", key)
    const b = encryptSecret("Geheim!äöü", key)
    expect(a).not.toBe(b)
    expect(decryptSecret(a, key)).toBe("Geheim!äöü")
    expect(decryptSecret(b, key)).toBe("Geheim!äöü")
  })

  it("fails loudly with the wrong key", () => {
    const sealed = encryptSecret("pw", key)
    expect(() => decryptSecret(sealed, randomBytes(32))).toThrow(SecretBoxError)
  })

  it.each([
    ["the IV", 1],
    ["the auth tag", 2],
    ["the ciphertext", 3],
  ])("detects a flipped bit in %s", (_, index) => {
    const parts = encryptSecret("pw-12345", key).split(":")
    const bytes = Buffer.from(parts[index], "base64")
    bytes[0] ^= 0x80
    parts[index] = bytes.toString("base64")
    expect(() => decryptSecret(parts.join(":"), key)).toThrow(/wrong or the stored value was altered/)
  })

  it("rejects a value that is not an envelope", () => {
    expect(() => decryptSecret("plaintext-password", key)).toThrow(/unknown format/)
  })

  it("accepts 64 hex characters or base64 of 32 bytes as key, nothing shorter", () => {
    expect(parseEncryptionKey(key.toString("hex"))).toEqual(key)
    expect(parseEncryptionKey(key.toString("base64"))).toEqual(key)
    expect(() => parseEncryptionKey("too-short")).toThrow(/32 bytes/)
  })
})
