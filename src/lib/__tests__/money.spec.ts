import BigNumber from "bignumber.js"
import { amountString, currencyDigits, decimal, decimalPlaces, maxOf, minOf, sumOf } from "../money"

describe("money", () => {
  it("knows each currency's minor digits as Medusa does, 2 for unknown codes", () => {
    expect([currencyDigits("eur"), currencyDigits("JPY"), currencyDigits("kwd"), currencyDigits("HUF"), currencyDigits("XYZ")]).toEqual([2, 0, 3, 0, 2])
  })

  it("reads every shape an amount arrives in, exactly", () => {
    // Medusa's BigNumber (a computed total): its bigNumber is exact, its number value is not
    const medusaBigNumber = { bigNumber: new BigNumber("0.30000000000000000001"), numeric: 0.3, value: 0.3 }
    expect(decimal(medusaBigNumber).toFixed()).toBe("0.30000000000000000001")
    expect(decimal({ value: "119.005", precision: 20 } as never).toFixed()).toBe("119.005")
    expect(decimal(12n).toFixed(2)).toBe("12.00")
    expect(decimal(null).toFixed()).toBe("0")
    expect(decimal(undefined).toFixed()).toBe("0")
    expect(decimal(0.1).plus(0.2).toFixed()).toBe("0.3")
  })

  it("writes amounts with the currency's digits, rounding half up", () => {
    expect(amountString("10.005", "EUR")).toBe("10.01")
    expect(amountString("10.004", "eur")).toBe("10.00")
    expect(amountString("500.5", "JPY")).toBe("501")
    expect(amountString("1.2345", "KWD")).toBe("1.235")
    expect(amountString(7, "EUR")).toBe("7.00")
  })

  it("sums, compares and counts decimals without floats", () => {
    expect(sumOf(["0.10", "0.20", { value: "0.005" }]).toFixed()).toBe("0.305")
    expect(sumOf([]).toFixed()).toBe("0")
    expect(minOf("10.00", "9.999").toFixed()).toBe("9.999")
    expect(maxOf("-1", 0).toFixed()).toBe("0")
    expect([decimalPlaces("10.50"), decimalPlaces("10"), decimalPlaces("0.005")]).toEqual([2, 0, 3])
  })
})
