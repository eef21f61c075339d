/** Plain server-rendered HTML: no scripts, stable ids and labels a person or a browser test can use. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string)
}

const STYLE = `
body{font-family:system-ui,sans-serif;background:#f4f6f8;margin:0;color:#1d2733}
main{max-width:34rem;margin:3rem auto;background:#fff;border-radius:8px;padding:2rem;box-shadow:0 1px 4px #0002}
h1{font-size:1.25rem;margin-top:0}label{display:block;margin:.75rem 0 .25rem;font-weight:600}
input[type=text],input[type=password],input[type=search]{width:100%;padding:.5rem;box-sizing:border-box;font-size:1rem}
.check label{display:inline;font-weight:400}.check{margin:.75rem 0}
button{margin-top:1rem;padding:.5rem 1rem;font-size:1rem;cursor:pointer}
.secondary{background:none;border:1px solid #99a;color:#345}.hint{background:#eef4ff;padding:.75rem;border-radius:6px;font-size:.9rem}
.notice{background:#fff1f0;color:#a8071a;padding:.75rem;border-radius:6px}.muted{color:#667;font-size:.85rem}
ul{padding-left:0;list-style:none}li{margin:.5rem 0}`

export function layout(title: string, step: string, body: string, formId: string | null): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} · finAPI Web Form (sandbox)</title><style>${STYLE}</style></head>
<body><main id="web-form" data-step="${escapeHtml(step)}"${formId ? ` data-web-form-id="${escapeHtml(formId)}"` : ""}>
<p class="muted">finAPI Web Form 2.0 · local sandbox</p>
<h1>${escapeHtml(title)}</h1>
${body}
</main></body></html>`
}

export function cancelButton(formId: string): string {
  return `<form method="post" action="/wf/${escapeHtml(formId)}/cancel"><button id="cancel" class="secondary" type="submit">Cancel</button></form>`
}

export function notice(text: string | null): string {
  return text ? `<p class="notice" role="alert" id="notice">${escapeHtml(text)}</p>` : ""
}
