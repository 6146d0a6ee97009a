// Clear errors for a `Linter` or `Workspace` used after `free()`: the
// wasm-bindgen glue says "null pointer passed to rust". Shared by index.js
// and index.cjs (web.js, which must load in a browser without a bundler,
// has the same few lines for its own classes).
"use strict";

/** Wraps each method of `cls` so that a freed object throws a plain Error naming it. */
function guardFreed(cls, name) {
  for (const key of Object.getOwnPropertyNames(cls.prototype)) {
    const d = Object.getOwnPropertyDescriptor(cls.prototype, key);
    if (key === "constructor" || key === "free" || typeof d.value !== "function" || key.startsWith("__")) continue;
    const method = d.value;
    Object.defineProperty(cls.prototype, key, {
      ...d,
      value: function (...args) {
        if (!this.__wbg_ptr) throw new Error(`speclint: this ${name} was freed (\`free()\`); create a new one to call \`${key}\``);
        return method.apply(this, args);
      },
    });
  }
  return cls;
}

module.exports = { guardFreed };
