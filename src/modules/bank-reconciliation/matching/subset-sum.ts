/**
 * Finds combinations of 2..maxSize values that add up exactly to target (bounded search).
 * Returns index lists (into `values`), each ascending, at most `maxResults` of them, in a
 * deterministic order; stops early because more than a few exact combinations is itself
 * a sign of ambiguity.
 */
export function findExactSubsets(values: number[], target: number, maxSize: number, maxResults: number): number[][] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value || a.index - b.index)
  const results: number[][] = []
  const chosen: number[] = []
  let steps = 0
  const STEP_LIMIT = 200_000 // hard bound on work per call, whatever the input

  const search = (start: number, remaining: number): void => {
    if (results.length >= maxResults || steps > STEP_LIMIT) {
      return
    }
    for (let i = start; i < order.length; i++) {
      steps++
      const { value, index } = order[i]
      if (value > remaining) {
        break // sorted ascending: nothing further fits
      }
      chosen.push(index)
      if (value === remaining) {
        if (chosen.length >= 2) {
          results.push([...chosen].sort((a, b) => a - b))
        }
      } else if (chosen.length < maxSize) {
        search(i + 1, remaining - value)
      }
      chosen.pop()
      if (results.length >= maxResults) {
        return
      }
    }
  }

  search(0, target)
  return results
}
