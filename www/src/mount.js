// Editors live in shadow roots: CodeMirror then installs its styles as
// constructed style sheets (adoptedStyleSheets) instead of <style> elements,
// so the page's CSP needs no 'unsafe-inline' for styles. The page's own
// editor styles (src/editor.css) are bundled as text and adopted the same
// way: nothing is fetched when an editor is created.
import editorCss from "./editor.css?inline";

let sheet = null;

/**
 * Attaches an open shadow root to `host` (once), empties it, and returns
 * `{ root, mount }`: the shadow root (CodeMirror's `root` option) and an
 * element inside it to mount into.
 */
export function shadowMount(host) {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(editorCss);
  }
  const root = host.shadowRoot ?? host.attachShadow({ mode: "open" });
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  const mount = document.createElement("div");
  mount.className = "mount";
  root.replaceChildren(mount);
  return { root, mount };
}
