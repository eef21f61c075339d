import { openableUrl } from "../external-url"

describe("openableUrl: only http(s) links from finAPI reach href or window.open", () => {
  it.each(["https://webform-sandbox.finapi.io/wf/abc", "http://localhost:4010/wf/abc"])("keeps %s", (url) => {
    expect(openableUrl(url)).toBe(url)
  })

  it.each(["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:x", "//evil.example/wf", "wf/abc", "", null, undefined])(
    "refuses %p",
    (url) => {
      expect(openableUrl(url)).toBeNull()
    }
  )
})
