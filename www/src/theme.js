// Light and dark editor themes. Colors come from the page's CSS variables
// (src/style.css), so the editor follows the page; the `dark` flag switches
// CodeMirror's own base styles (selection, panels, lint markers).
import { EditorView } from "@codemirror/view";
import { HighlightStyle } from "@codemirror/language";
import { tags as t } from "@lezer/highlight";

const shared = {
  "&": { color: "var(--fg)", backgroundColor: "var(--editor-bg)", height: "100%" },
  ".cm-scroller": { fontFamily: "var(--mono)", lineHeight: "1.5" },
  ".cm-content": { caretColor: "var(--accent)" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--accent)" },
  "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection": {
    backgroundColor: "var(--selection) !important",
  },
  ".cm-gutters": { backgroundColor: "var(--gutter-bg)", color: "var(--muted)", borderRight: "1px solid var(--border)" },
  ".cm-activeLine": { backgroundColor: "var(--active-line)" },
  ".cm-activeLineGutter": { backgroundColor: "var(--active-line)" },
  ".cm-tooltip": { backgroundColor: "var(--panel-bg)", color: "var(--fg)", border: "1px solid var(--border)" },
  ".cm-tooltip-lint": { maxWidth: "36em" },
  ".cm-diagnostic": { padding: "6px 10px" },
  ".cm-diagnosticSource": { display: "none" },
  ".cm-diagnosticAction": {
    backgroundColor: "var(--accent)",
    color: "var(--accent-fg)",
    borderRadius: "4px",
    padding: "2px 8px",
    marginLeft: "0",
    marginTop: "6px",
    font: "inherit",
  },
  ".cm-diagnosticAction.cm-fix-unsafe": { backgroundColor: "var(--warning)" },
  ".cm-panels": { backgroundColor: "var(--panel-bg)", color: "var(--fg)" },
  ".cm-searchMatch": { backgroundColor: "var(--search-match)" },
  ".cm-foldPlaceholder": { backgroundColor: "var(--gutter-bg)", border: "1px solid var(--border)", color: "var(--muted)" },
};

const themes = {
  light: EditorView.theme(shared, { dark: false }),
  dark: EditorView.theme(shared, { dark: true }),
};

const palette = {
  light: { heading: "#1f4fa8", emphasis: "#6b3fa0", link: "#0b6e4f", code: "#9a3412", meta: "#6b7280", key: "#8a2c6f", value: "#0b6e4f" },
  dark: { heading: "#8ab4ff", emphasis: "#d2a8ff", link: "#7ee2b8", code: "#ffb27a", meta: "#9ca3af", key: "#f7a8d8", value: "#a5e6c8" },
};

const styles = {};
for (const [name, p] of Object.entries(palette)) {
  styles[name] = HighlightStyle.define([
    { tag: t.heading, color: p.heading, fontWeight: "bold" },
    { tag: t.emphasis, color: p.emphasis, fontStyle: "italic" },
    { tag: t.strong, fontWeight: "bold" },
    { tag: t.link, color: p.link, textDecoration: "underline" },
    { tag: t.url, color: p.link },
    { tag: t.monospace, color: p.code },
    { tag: [t.processingInstruction, t.meta, t.contentSeparator, t.comment], color: p.meta },
    { tag: [t.propertyName, t.definition(t.propertyName)], color: p.key },
    { tag: [t.string, t.atom, t.number, t.bool], color: p.value },
    { tag: t.quote, color: p.meta, fontStyle: "italic" },
  ]);
}

export const editorTheme = (name) => themes[name] ?? themes.light;
export const highlightStyle = (name) => styles[name] ?? styles.light;
