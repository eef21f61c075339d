import { randomBytes } from "crypto"
import { legacyEnvelope } from "../../../../integration-tests/__fixtures__/legacy-envelope"
import { decryptSecret, encryptSecret, envelopeKeyId, isSealedWithCurrentKey, keyId, parseEncryptionKey, SecretBoxError } from "../secret-box"


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
    ["the IV", 2],
    ["the auth tag", 3],
    ["the ciphertext", 4],
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

  it("names its key: the envelope carries the current key's id, never the key", () => {
    const sealed = encryptSecret("pw", [key, randomBytes(32)])
    expect(envelopeKeyId(sealed)).toBe(keyId(key))
    expect(sealed).not.toContain(key.toString("hex").slice(0, 12))
    expect(isSealedWithCurrentKey(sealed, [key])).toBe(true)
  })

  it("opens secrets sealed with a previous key when it is listed after the current one", () => {
    const previous = randomBytes(32)
    const current = randomBytes(32)
    const sealed = encryptSecret("old-pw", previous)
    expect(decryptSecret(sealed, [current, previous])).toBe("old-pw")
    expect(isSealedWithCurrentKey(sealed, [current, previous])).toBe(false)
    expect(() => decryptSecret(sealed, [current])).toThrow(new RegExp(`encrypted with key ${keyId(previous)}, which is not among the configured encryptionKey`))
  })

  it("still opens envelopes from before key ids, with whichever configured key fits", () => {
    const previous = randomBytes(32)
    const legacy = legacyEnvelope("legacy-pw", previous)
    expect(decryptSecret(legacy, previous)).toBe("legacy-pw")
    expect(decryptSecret(legacy, [randomBytes(32), previous])).toBe("legacy-pw")
    expect(envelopeKeyId(legacy)).toBeNull()
    expect(isSealedWithCurrentKey(legacy, [previous])).toBe(false)
    expect(() => decryptSecret(legacy, [randomBytes(32)])).toThrow(/key is wrong or the stored value was altered/)
  })
})
