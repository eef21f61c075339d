import { jsonChunks } from "../json-chunks"

describe("jsonChunks", () => {
  const rows = Array.from({ length: 100 }, (_, i) => ({ id: `btx_${i}`, purpose: "x".repeat(i % 7 === 0 ? 300 : 40), raw: { n: i } }))

  it("splits into arrays that together are exactly the rows, each within the limit", () => {
    const chunks = [...jsonChunks(rows, 1_000)]
    expect(chunks.length).toBeGreaterThan(5)
    expect(chunks.flatMap((c) => JSON.parse(c))).toEqual(rows)
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(1_000 + 1)
    }
  })

  it("puts a row longer than the limit alone, and everything in one array when it fits", () => {
    expect([...jsonChunks([{ a: "y".repeat(50) }, { b: 1 }], 20)].map((c) => JSON.parse(c))).toEqual([[{ a: "y".repeat(50) }], [{ b: 1 }]])
    expect([...jsonChunks(rows, 1e9)]).toEqual([JSON.stringify(rows)])
    expect([...jsonChunks([], 100)]).toEqual([])
  })
})
