import { compareNames, nameInWords, nameTokens } from "../names"

describe("name normalisation", () => {
  it("transliterates umlauts, lower-cases and drops legal forms and initials", () => {
    expect(nameTokens("Müller & Söhne GmbH & Co. KG")).toEqual(["mueller", "soehne"])
    expect(nameTokens("Jackson Ella W.")).toEqual(["jackson", "ella"])
    expect(nameTokens("Nordic Design A/S")).toEqual(["nordic", "design"])
  })

  it.each([
    ["Erika Mustermann", "Erika Mustermann", "full"],
    ["MUSTERMANN, ERIKA", "Erika Mustermann", "full"],
    ["Ella Jackson", "Jackson Ella W.", "full"],
    ["Mueller Hans", "Hans Müller", "full"],
    ["Muster GmbH", "Muster", "full"],
    ["Max Muster", "Erika Muster", "partial"],
    ["Müller", "Thomas Müller", "partial"],
    ["Erika Mustermann", "Hans Schmidt", "none"],
  ])("%s vs %s → %s", (payer, customer, level) => {
    expect(compareNames(payer, nameTokens(customer)).level).toBe(level)
  })

  it("matches a payer name cut at 27 characters", () => {
    const customer = nameTokens("Handelsgesellschaft Nordlicht Schmidt")
    const cut = "Handelsgesellschaft Nordlicht Schmidt".slice(0, 27)
    expect(cut).toBe("Handelsgesellschaft Nordlic")
    expect(compareNames(cut, customer).level).toBe("full")
  })

  it("finds a whole customer name among purpose words", () => {
    expect(nameInWords(["archibald", "haddock"], new Set(["haddock", "archibald", "danke"]))).toBe(true)
    expect(nameInWords(["archibald", "haddock"], new Set(["haddock"]))).toBe(false)
    expect(nameInWords(["abc"], new Set(["abc"]))).toBe(false)
  })
})
