/**
 * Which flows run and in which order, from the environment: E2E_ONLY=key,key picks flows by key;
 * E2E_ORDER=reverse runs them last to first, E2E_ORDER=shuffle[:seed] in a seeded random order
 * (the seed is printed so a failing order can be run again). Default: as listed.
 */
export function flowOrder<T extends { key: string }>(flows: T[], env: NodeJS.ProcessEnv = process.env): T[] {
  const only = (env.E2E_ONLY ?? "").split(",").map((k) => k.trim()).filter(Boolean)
  const unknown = only.filter((key) => !flows.some((f) => f.key === key))
  if (unknown.length > 0) {
    throw new Error(`E2E_ONLY names unknown flows: ${unknown.join(", ")} (known: ${flows.map((f) => f.key).join(", ")})`)
  }
  const picked = only.length > 0 ? flows.filter((f) => only.includes(f.key)) : [...flows]
  const order = env.E2E_ORDER ?? ""
  if (order === "" || order === "listed") {
    return picked
  }
  if (order === "reverse") {
    return picked.reverse()
  }
  const shuffle = /^shuffle(?::(\d+))?$/.exec(order)
  if (!shuffle) {
    throw new Error(`E2E_ORDER must be listed, reverse or shuffle[:seed], not "${order}"`)
  }
  const seed = shuffle[1] ? Number(shuffle[1]) : Math.floor(Math.random() * 1_000_000)
  let state = seed || 1
  const next = () => {
    // xorshift32: the same seed gives the same order
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return (state >>> 0) / 4_294_967_296
  }
  for (let i = picked.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1))
    ;[picked[i], picked[j]] = [picked[j], picked[i]]
  }
  console.log(`E2E_ORDER=shuffle:${seed}: ${picked.map((f) => f.key).join(", ")}`)
  return picked
}
