import { toDecimalString } from "../decimal-amount"

describe("toDecimalString", () => {
  it.each([
    [-119, "-119.00"],
    [0.1, "0.10"],
    [0.2, "0.20"],
    [19.99, "19.99"],
    [-1234567.89, "-1234567.89"],
    [1523.45, "1523.45"],
    [0, "0.00"],
    [-0, "0.00"],
    [99999999999.99, "99999999999.99"],
    [1.005, "1.005"],
    [1e-7, "0.0000001"],
    [1e21, "1000000000000000000000.00"],
  ])("writes %p as %p without float artefacts", (input, expected) => {
    expect(toDecimalString(input)).toBe(expected)
  })

  it("writes the sum finAPI would send for 0.1 + 0.2 as the JSON text it came from", () => {
    expect(toDecimalString(JSON.parse("0.30"))).toBe("0.30")
  })

  it("refuses non-finite numbers", () => {
    expect(() => toDecimalString(Number.NaN)).toThrow(RangeError)
  })
})
