import { ApiFailure, type Exchange } from "../http/exchange"
import { baseUrlOf } from "../http/base-url"
import { route } from "../http/router"

/**
 * `GET /finapi-webform2.js?token=<webFormId>&tagname=<tag>`: what finAPI's
 * `@finapi/web-form` loader injects (REFERENCE.md §5.6). It defines the custom element,
 * shows the form page in an iframe inside its shadow root and re-dispatches the
 * result the page posts back as `loaded` / `complete` / `fail` / `abort` events.
 * Written from REFERENCE.md's description of the loader, not from its source.
 */
function loaderScript(ex: Exchange): void {
  const tag = ex.query.get("tagname") ?? "finapi-web-form"
  if (!/^[a-z][a-z0-9]*-[a-z0-9-]*$/.test(tag)) throw new ApiFailure(400, "BAD_REQUEST", `Invalid custom element name '${tag}'`)
  const script = `(() => {
  const tag = ${JSON.stringify(tag)}, base = ${JSON.stringify(baseUrlOf(ex))}, defaultToken = ${JSON.stringify(ex.query.get("token") ?? "")};
  if (customElements.get(tag)) return;
  customElements.define(tag, class extends HTMLElement {
    connectedCallback() {
      const token = this.getAttribute("token") || defaultToken;
      const frame = document.createElement("iframe");
      frame.title = "finAPI Web Form";
      frame.src = base + "/wf/" + encodeURIComponent(token);
      frame.style.cssText = "border:0;width:100%;min-height:680px";
      frame.addEventListener("load", () => this.emit("loaded"), { once: true });
      frame.addEventListener("error", () => this.emit("loadError"));
      (this.shadowRoot || this.attachShadow({ mode: "open" })).replaceChildren(frame);
      this.listener = (event) => {
        const data = event.data;
        if (event.source !== frame.contentWindow || !data || data.source !== "finapi-sandbox-web-form") return;
        if (data.status === "COMPLETED") this.emit("complete");
        else if (data.status === "ABORTED") this.emit("abort");
        else this.emit("fail", { type: "BACKEND_ERROR", code: data.errorCode || data.status, message: data.errorMessage || "" });
      };
      window.addEventListener("message", this.listener);
    }
    disconnectedCallback() { window.removeEventListener("message", this.listener); }
    emit(name, detail) { this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true })); }
  });
})();
`
  ex.res.writeHead(200, { "Content-Type": "application/javascript; charset=utf-8", "Content-Length": Buffer.byteLength(script), "Cache-Control": "no-store" })
  ex.res.end(script)
}

export const webFormLoaderRoutes = [route("GET", "/finapi-webform2.js", loaderScript)]
