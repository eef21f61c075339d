import type { MedusaContainer } from "@medusajs/framework/types"

const runs: string[][] = []
let active = 0
let maxActive = 0
let failNext = false

jest.mock("../../workflows/auto-assign-transactions", () => ({
  autoAssignTransactionsWorkflow: () => ({
    run: async ({ input }: { input: { transaction_ids: string[] } }) => {
      active++
      maxActive = Math.max(maxActive, active)
      await new Promise((resolve) => setTimeout(resolve, 5))
      active--
      runs.push(input.transaction_ids)
      if (failNext) {
        failNext = false
        throw new Error("lock timeout")
      }
      return { result: {} }
    },
  }),
}))

import handler, { AUTO_ASSIGN_BATCH, autoAssignQueueIdle } from "../transactions-imported-auto-assign"

const logger = { error: jest.fn() }
const container = { resolve: () => logger } as unknown as MedusaContainer
const event = (ids: string[]) => ({ event: { name: "bank_reconciliation.transactions_imported", data: { ids } }, container, pluginOptions: {} })
const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`)

describe("auto-assign after an import", () => {
  beforeEach(() => {
    runs.length = 0
    maxActive = 0
    logger.error.mockClear()
  })

  it("matches the payments of many import events in a few runs, one at a time, each payment once", async () => {
    const sent = [ids("a", 4_000), ids("b", 4_000), ids("c", 4_000)]
    await Promise.all(sent.map((batch) => handler(event(batch) as never)))
    await autoAssignQueueIdle()

    expect(maxActive).toBe(1)
    expect(runs.every((run) => run.length <= AUTO_ASSIGN_BATCH)).toBe(true)
    expect(runs.length).toBeLessThanOrEqual(Math.ceil(12_000 / AUTO_ASSIGN_BATCH) + 1)
    expect(runs.flat().sort()).toEqual(sent.flat().sort())
  })

  it("logs a failed run and goes on with the rest", async () => {
    failNext = true
    await Promise.all([handler(event(ids("x", AUTO_ASSIGN_BATCH)) as never), handler(event(ids("y", 10)) as never)])
    await autoAssignQueueIdle()

    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining("lock timeout"))
    expect(runs.flat().sort()).toEqual([...ids("x", AUTO_ASSIGN_BATCH), ...ids("y", 10)].sort())
  })

  it("does nothing for an event without new payments", async () => {
    await handler(event([]) as never)
    expect(runs).toHaveLength(0)
  })
})
