/**
 * A URL from finAPI (a web form) as it may go into href or window.open: only http(s), absolute.
 * Anything else (`javascript:`, `data:`, relative) is null, so a tampered answer cannot run script.
 */
export function openableUrl(url: string | null | undefined): string | null {
  if (!url) return null
  try {
    const parsed = new URL(url)
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? url : null
  } catch {
    return null
  }
}
