import { prefetched } from "../prefetched"

async function* pages(log: string[], failAt?: number) {
  for (let page = 1; page <= 3; page++) {
    log.push(`fetch ${page}`)
    if (page === failAt) {
      throw new Error(`page ${page} lost`)
    }
    yield page
  }
}

describe("prefetched pages", () => {
  it("fetches the next page while the current one is handled", async () => {
    const log: string[] = []
    for await (const page of prefetched(pages(log))) {
      log.push(`store ${page}`)
    }
    expect(log).toEqual(["fetch 1", "fetch 2", "store 1", "fetch 3", "store 2", "store 3"])
  })

  it("raises a failed page only after the pages before it are handled", async () => {
    const log: string[] = []
    const run = async () => {
      for await (const page of prefetched(pages(log, 3))) {
        log.push(`store ${page}`)
      }
    }
    await expect(run()).rejects.toThrow("page 3 lost")
    expect(log).toEqual(["fetch 1", "fetch 2", "store 1", "fetch 3", "store 2"])
  })

  it("stops fetching when the reader stops early", async () => {
    const log: string[] = []
    for await (const page of prefetched(pages(log))) {
      log.push(`store ${page}`)
      break
    }
    expect(log).toEqual(["fetch 1", "fetch 2", "store 1"])
  })
})

describe("prefetched pages of an incremental read", () => {
  it("reads the first page alone, then fetches ahead", async () => {
    const log: string[] = []
    async function* three() {
      for (let page = 1; page <= 3; page++) {
        log.push(`fetch ${page}`)
        yield page
      }
    }
    for await (const page of prefetched(three(), 2)) {
      log.push(`store ${page}`)
    }
    expect(log).toEqual(["fetch 1", "store 1", "fetch 2", "fetch 3", "store 2", "store 3"])
  })
})
