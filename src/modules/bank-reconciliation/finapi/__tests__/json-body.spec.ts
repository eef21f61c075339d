import { parseJsonBody, parseWithSplitArray } from "../json-body"

const page = {
  transactions: [
    { id: 1, amount: 12.5, purpose: "Rechnung \"4711\", Björn Weiß – 100 €", labels: [], category: { id: 3, name: "x{[" } },
    { id: 2, amount: -0.01, purpose: null, nested: [[1, 2], { a: "]}" }], escaped: "back\\slash\\\"" },
  ],
  paging: { page: 1, perPage: 500, pageCount: 1, totalCount: 2 },
  income: 12.5,
  spending: -0.01,
  balance: 12.49,
}

describe("parseWithSplitArray", () => {
  it("gives what JSON.parse of the whole body gives, keys in the same order", () => {
    for (const text of [JSON.stringify(page), JSON.stringify(page, null, 2), `\ufeff ${JSON.stringify(page)}\n`]) {
      const parsed = parseWithSplitArray(Buffer.from(text), "transactions")
      expect(parsed).toEqual(JSON.parse(text.replace(/^\ufeff/, "")))
      expect(Object.keys(parsed!)).toEqual(Object.keys(page))
    }
  })

  it("handles an empty array and an array that is not first", () => {
    const text = JSON.stringify({ paging: page.paging, transactions: [], income: null })
    expect(parseWithSplitArray(Buffer.from(text), "transactions")).toEqual(JSON.parse(text))
  })

  it("declines bodies of another shape, so the caller parses them whole", () => {
    for (const text of ["[1,2]", '{"transactions":{"a":1}}', '{"paging":{}}', '{"transactions":[1],"transactions":[2]}', '{"transactions":[1,]}', '{"transactions":[1]} x', '{"transactions":[{"a":1}', "", "not json"]) {
      expect(parseWithSplitArray(Buffer.from(text), "transactions")).toBeUndefined()
    }
  })
})

describe("parseJsonBody", () => {
  it("decodes like axios: JSON when it is JSON, otherwise the text", () => {
    expect(parseJsonBody(Buffer.from(JSON.stringify(page)), "transactions")).toEqual(page)
    expect(parseJsonBody(Buffer.from('{"errors":[{"code":"LOCKED"}]}'))).toEqual({ errors: [{ code: "LOCKED" }] })
    expect(parseJsonBody(Buffer.from("<html>Bad Gateway</html>"), "transactions")).toBe("<html>Bad Gateway</html>")
    expect(parseJsonBody(Buffer.from(""), "transactions")).toBe("")
    expect(parseJsonBody(Buffer.from('{"transactions":[1],"transactions":[2]}'), "transactions")).toEqual({ transactions: [2] })
  })
})
