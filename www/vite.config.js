// Vite config of the speclint demo page. `base: './'` makes every asset URL
// relative, so the built dist/ works from any path (GitHub Pages, a subfolder).
import { defineConfig } from "vite";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
// The page uses the npm package straight from pkg/ (built by scripts/build-pkg.sh):
// an alias rather than a `file:` dependency keeps pkg/'s own dev dependencies
// out of this folder's install.
const speclintWeb = fileURLToPath(new URL("../pkg/web.js", import.meta.url));

// The CSP in index.html is strict (same-origin scripts, 'wasm-unsafe-eval', no
// inline styles). Vite's dev server injects CSS as <style> and talks over a
// WebSocket, so in dev only the policy is relaxed for those two.
const devCsp = {
  name: "speclint-dev-csp",
  apply: "serve",
  transformIndexHtml(html) {
    return html
      .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
      .replace("connect-src 'self'", "connect-src 'self' ws: wss:");
  },
};

export default defineConfig({
  base: "./",
  plugins: [devCsp],
  resolve: { alias: [{ find: /^speclint\/web$/, replacement: speclintWeb }] },
  worker: { format: "es" },
  build: {
    target: "es2022",
    outDir: "dist",
    emptyOutDir: true,
    assetsInlineLimit: 0, // the .wasm stays a file (CSP: no data: scripts)
    chunkSizeWarningLimit: 1500,
  },
  server: {
    host: "127.0.0.1",
    fs: { allow: [root] }, // examples/ and pkg/ live outside www/
  },
  preview: { host: "127.0.0.1" },
});
