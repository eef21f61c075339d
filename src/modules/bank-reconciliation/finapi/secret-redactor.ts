const REDACTED = "[redacted]"

// finAPI echoes the rejected token in 401 bodies ("Invalid access token: <tok>"), so texts that
// came from finAPI are scrubbed both by known values and by this pattern.
const TOKEN_ECHO = /((?:access|refresh)?[ _-]?token["']?\s*[:=]\s*["']?)[^\s"',;]+/gi

// Keep the most recent secrets only: old tokens still show up in late 401s, but not forever.
const MAX_REMEMBERED = 500

/** Remembers secret values (client secret, passwords, tokens) and removes them from any text. */
export class SecretRedactor {
  private readonly secrets = new Set<string>()

  /** Registers a value that must never appear in logs or error messages. */
  remember(secret: string | null | undefined): void {
    // Very short values would redact ordinary words; finAPI secrets are at least 6 chars.
    if (!secret || secret.length < 4) {
      return
    }
    this.secrets.delete(secret)
    this.secrets.add(secret)
    if (this.secrets.size > MAX_REMEMBERED) {
      const oldest = this.secrets.values().next().value
      if (oldest !== undefined) {
        this.secrets.delete(oldest)
      }
    }
  }

  /** Returns `text` with every remembered secret and every echoed token replaced. */
  redact(text: string): string {
    let out = text
    for (const secret of this.secrets) {
      if (out.includes(secret)) {
        out = out.split(secret).join(REDACTED)
      }
    }
    return out.replace(TOKEN_ECHO, `$1${REDACTED}`)
  }
}
