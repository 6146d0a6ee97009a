// The diff view of Normalize (@codemirror/merge), imported on demand by
// main.js: its own chunk, `diff-view-*.js`, fetched when Normalize is first
// opened, so that the first diagnostics wait only for the editor and the worker.
export { MergeView, diff, unifiedMergeView } from "@codemirror/merge";
