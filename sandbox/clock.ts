/**
 * The sandbox's notion of "now". It runs in real time from a chosen start so that
 * token lifetimes and web-form expiry behave naturally, and scenario control can
 * jump it forward (20-minute web-form expiry, 180-day consents) without waiting.
 */
export class SandboxClock {
  private readonly realStart = Date.now()
  private offsetMs = 0

  constructor(private readonly startMs: number = Date.now()) {}

  now(): number {
    return this.startMs + (Date.now() - this.realStart) + this.offsetMs
  }

  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) {
      throw new RangeError("The clock only moves forward")
    }
    this.offsetMs += ms
    return this.now()
  }
}
