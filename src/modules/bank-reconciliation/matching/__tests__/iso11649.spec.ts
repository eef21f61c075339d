import { compactReference, createRf, isValidRf, looksLikeRf } from "../iso11649"

describe("ISO 11649 RF references", () => {
  it.each([
    ["1234512345", "RF451234512345"],
    ["AB2G5", "RF68AB2G5"],
    ["TU06FX", "RF96TU06FX"],
    ["ISO11649", "RF60ISO11649"],
  ])("creates the published reference for %s", (body, expected) => {
    expect(createRf(body)).toBe(expected)
  })

  it("accepts references regardless of spaces, case and hyphens", () => {
    expect(isValidRf("RF45 1234 5123 45")).toBe(true)
    expect(isValidRf("rf45-1234-5123-45")).toBe(true)
    expect(isValidRf("rf68ab2g5")).toBe(true)
  })

  it("rejects a reference whose check digits fail mod 97 (transposed digits)", () => {
    const valid = createRf("53900754703")
    const swapped = valid.slice(0, -2) + valid.slice(-1) + valid.slice(-2, -1)
    expect(isValidRf(valid)).toBe(true)
    expect(isValidRf(swapped)).toBe(false)
    expect(isValidRf("RF46 1234 5123 45")).toBe(false)
  })

  it("rejects malformed references", () => {
    for (const text of ["", "RF", "RF45", "RF4X1234", "XX451234512345", `RF00${"1".repeat(22)}`]) {
      expect(isValidRf(text)).toBe(false)
    }
  })

  it("tells an RF-shaped text from other text", () => {
    expect(looksLikeRf("RF18 5390 0754 7043")).toBe(true)
    expect(looksLikeRf("RE-2026-0042")).toBe(false)
  })

  it("compacts references to upper-case letters and digits", () => {
    expect(compactReference(" inv/2019-0001 ")).toBe("INV20190001")
  })

  it("refuses to create a reference from an empty or too long body", () => {
    expect(() => createRf("")).toThrow(RangeError)
    expect(() => createRf("1".repeat(22))).toThrow(RangeError)
  })
})
