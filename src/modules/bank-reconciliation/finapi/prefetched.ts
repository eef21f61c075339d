/**
 * Yields the pages of `pages` while the next one is already being fetched, so finAPI's answer time
 * and the database's insert time overlap. An error of the page fetched ahead surfaces when that page
 * is due, after everything before it is stored. Pages before `fetchAheadFromPage` are read one at a
 * time (an incremental import usually stops after its first page).
 */
export async function* prefetched<T>(pages: AsyncGenerator<T>, fetchAheadFromPage = 1): AsyncGenerator<T> {
  let ahead: Promise<IteratorResult<T>> | null = null
  try {
    for (let page = 1; ; page++) {
      const current = await (ahead ?? pages.next())
      ahead = null
      if (current.done) {
        return
      }
      if (page >= fetchAheadFromPage) {
        ahead = pages.next()
        // the page fetched ahead may fail while this one is stored; its error is raised when it is due
        ahead.catch(() => undefined)
      }
      yield current.value
    }
  } finally {
    await (ahead ?? Promise.resolve()).then(() => pages.return(undefined), () => undefined)
  }
}
