/** Records everything written to stdout/stderr during each test, for "no secret in a log line" checks. */
export function captureOutput(): { text(): string } {
  let chunks: string[] = []
  const originals = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) }
  beforeEach(() => {
    chunks = []
    process.stdout.write = ((chunk: unknown, ...rest: unknown[]) => {
      chunks.push(String(chunk))
      return (originals.out as (...a: unknown[]) => boolean)(chunk, ...rest)
    }) as typeof process.stdout.write
    process.stderr.write = ((chunk: unknown, ...rest: unknown[]) => {
      chunks.push(String(chunk))
      return (originals.err as (...a: unknown[]) => boolean)(chunk, ...rest)
    }) as typeof process.stderr.write
  })
  afterEach(() => {
    process.stdout.write = originals.out
    process.stderr.write = originals.err
  })
  return { text: () => chunks.join("") }
}
