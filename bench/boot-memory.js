// `medusa exec bench/boot-memory.js`: the booted app's memory (process.memoryUsage() in MB) as one
// BENCH_BOOT line, nothing else run. Plain JavaScript, so it needs no TypeScript in either bench mode.
module.exports.default = async function bootMemory() {
  const mb = Object.fromEntries(Object.entries(process.memoryUsage()).map(([key, bytes]) => [key, Math.round(bytes / 2 ** 20)]))
  console.log(`BENCH_BOOT ${JSON.stringify(mb)}`)
}
