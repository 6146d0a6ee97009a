// Types of `import ... from "speclint"`: the same as for require(), written in index.d.cts.
export * from "./index.cjs";
