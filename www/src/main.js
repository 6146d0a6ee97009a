// The speclint demo editor. Everything speclint computes comes from the
// WebAssembly core, called in a worker (src/engine.js, src/worker.js); this
// file only wires it to CodeMirror and the page. Document content and
// everything derived from it (messages, titles, export values, type errors)
// is only ever set as textContent or given to CodeMirror as text.
import { ChangeSet, Compartment, EditorSelection, EditorState, Prec, StateEffect } from "@codemirror/state";
import { crosshairCursor, drawSelection, dropCursor, EditorView, highlightActiveLine, highlightActiveLineGutter, highlightSpecialChars, keymap, lineNumbers, rectangularSelection, tooltips } from "@codemirror/view";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { bracketMatching, foldGutter, foldKeymap, indentOnInput, LanguageSupport, syntaxHighlighting } from "@codemirror/language";
import { highlightSelectionMatches, search, searchKeymap } from "@codemirror/search";
import { forceLinting, lintGutter, lintKeymap, linter } from "@codemirror/lint";
import { markdownKeymap, markdownLanguage, pasteURLAsLink } from "@codemirror/lang-markdown";
import { yamlFrontmatter } from "@codemirror/lang-yaml";
// The diff view (@codemirror/merge) is loaded when Normalize is first opened:
// the first diagnostics need only the editor and the worker.
let merge = null;
const loadMerge = async () => (merge ??= await import("./diff-view.js"));

import templateText from "../../examples/template.md?raw";
import validText from "../../examples/valid/orders-db.md?raw";
import defectsText from "../../examples/invalid/orders-db-defects.md?raw";
import adrText from "../../examples/adr/0001-use-postgres.md?raw";
import adrTypeText from "../../examples/types/adr.yaml?raw";

import { engine } from "./engine.js";
import { combineFixes, fixChanges, rangeOf } from "./positions.js";
import { DamagedLink, decodeHash, encodeHash } from "./share.js";
import { renderJson, setAllOpen } from "./json-view.js";
import { editorTheme, highlightStyle } from "./theme.js";
import { shadowMount } from "./mount.js";

const EXAMPLES = {
  defects: { label: "Database schema spec with defects", text: defectsText },
  valid: { label: "Valid database schema spec", text: validText },
  template: { label: "Seed template", text: templateText },
  adr: { label: "ADR, with its custom spec type", text: adrText, type: adrTypeText },
};
// `shared`: the document of a share link being viewed, kept apart from the
// visitor's own (`doc`), which a link never overwrites.
const STORE = { doc: "speclint.doc", shared: "speclint.sharedDoc", theme: "speclint.theme", type: "speclint.customType", pick: "speclint.specType" };
const MAX_LISTED = 1000;
const LINT_DELAY = 300;

const $ = (id) => document.getElementById(id);
const el = (tag, className, text) => {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
};
const storage = {
  get(key) {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set(key, value) {
    try {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, value);
      return true;
    } catch {
      return false;
    }
  },
};

/** A message with its `backtick` spans as <code> elements: a fragment of text nodes, never parsed as HTML. */
function inlineCode(className, text) {
  const box = el("span", className);
  const parts = text.split("`");
  if (parts.length % 2 === 0) {
    box.textContent = text; // unbalanced backticks: plain text
    return box;
  }
  parts.forEach((part, i) => {
    if (!part) return;
    if (i % 2) box.append(el("code", "", part));
    else box.append(document.createTextNode(part));
  });
  return box;
}

let toastTimer = 0;
function toast(message, kind = "info") {
  const t = $("toast");
  t.textContent = message;
  t.dataset.kind = kind;
  t.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (t.hidden = true), 5000);
}

// ---- state ----

const app = {
  builtins: [], // SpecType[] built into speclint
  types: [], // every known SpecType (built-in and custom)
  customIds: new Set(),
  customType: null, // { path, text } of the loaded custom type
  specType: "", // "" = as the document declares
  last: null, // { doc, result, ms } of the newest validation shown
  viewingShared: false, // the editor holds a share link's document (saved to STORE.shared)
};
const docSlot = () => (app.viewingShared ? STORE.shared : STORE.doc);
/** sessionStorage key: the hash of the last link this tab made. */
const OWN_LINK = "speclint.ownLink";
const ownLink = () => {
  try {
    return sessionStorage.getItem(OWN_LINK);
  } catch {
    return null;
  }
};
const config = () => ({ types: app.customType ? [app.customType] : [], specType: app.specType || undefined });

// ---- theme ----

const themeSlot = new Compartment();
// Markdown (GFM: tables are highlighted) with its keymap; HTML inside it
// comes later (src/markdown-html.js), so the first diagnostics need only this.
const markdownSlot = new Compartment();
const markdownExtras = [Prec.high(keymap.of(markdownKeymap)), pasteURLAsLink];
const markdownSupport = new LanguageSupport(markdownLanguage, markdownExtras);
const loadMarkdownHtml = () =>
  import("./markdown-html.js")
    .then(({ withHtml }) => {
      const content = withHtml(markdownLanguage, markdownExtras);
      view.dispatch({ effects: markdownSlot.reconfigure(yamlFrontmatter({ content })) });
    })
    .catch(() => {
      // Highlighting HTML is a nicety: without it the editor works as before.
    });
const prefersDark = window.matchMedia?.("(prefers-color-scheme: dark)");
function currentTheme() {
  return storage.get(STORE.theme) ?? (prefersDark?.matches ? "dark" : "light");
}
function applyTheme(theme, view) {
  document.documentElement.dataset.theme = theme;
  const button = $("theme");
  button.setAttribute("aria-pressed", String(theme === "dark"));
  button.textContent = theme === "dark" ? "Light theme" : "Dark theme";
  const ext = [editorTheme(theme), syntaxHighlighting(highlightStyle(theme))];
  if (view) view.dispatch({ effects: themeSlot.reconfigure(ext) });
  return ext;
}

// ---- diagnostics in the editor ----

const refreshLint = StateEffect.define();

/**
 * A rule code as a link to its section of the rules reference (docs/rules.md,
 * built into docs/rules.html beside the page by vite.config.js).
 */
function ruleLink(className, code, text = code) {
  const a = el("a", className, text);
  a.href = `docs/rules.html#${encodeURIComponent(code.toLowerCase())}`;
  a.target = "_blank";
  a.rel = "noopener";
  a.title = `${code} in the rules reference`;
  return a;
}

function tooltipFor(d) {
  const box = el("div", "diag");
  const head = el("div", "diag-head");
  head.append(ruleLink(`diag-code sev-${d.severity}`, d.code), " ", el("span", "diag-name", d.name));
  box.append(head, inlineCode("diag-message", d.message));
  if (d.help) box.append(inlineCode("diag-help", d.help));
  for (const r of d.related ?? []) {
    const where = r.path ? `${r.path}` : `line ${r.line}`;
    box.append(el("div", "diag-related", `${where}: ${r.message}`));
  }
  if (d.fix) {
    // The fix's title with its `code` rendered as code (an action button's
    // label is plain text: it only says "Apply").
    const note = el("div", "diag-fixnote", d.fix.applicability === "safe" ? "Safe fix: " : "Fix (review it: unsafe): ");
    note.append(inlineCode("diag-fixtitle", d.fix.title));
    box.append(note);
  }
  return box;
}

/** Applies `d.fix`, computed on `doc`, to the view's current document, if its text there is unchanged. */
function applyFix(view, doc, d, currentFrom) {
  const changes = fixChanges(doc, d.fix);
  let shift = 0;
  if (view.state.doc !== doc) {
    shift = currentFrom - rangeOf(doc, d).from;
    const same = changes.every(
      (c) => c.to + shift <= view.state.doc.length && view.state.sliceDoc(c.from + shift, c.to + shift) === doc.sliceString(c.from, c.to),
    );
    if (!same) {
      toast("The text changed since it was checked; try again in a moment.", "warning");
      return false;
    }
  }
  view.dispatch({
    changes: changes.map((c) => ({ from: c.from + shift, to: c.to + shift, insert: c.insert })),
    userEvent: "input.fix",
    scrollIntoView: true,
  });
  return true;
}

function toCodeMirror(doc, d) {
  const { from, to } = rangeOf(doc, d);
  const out = {
    from,
    to,
    severity: d.severity,
    source: d.code,
    message: `${d.code} ${d.name}: ${d.message}${d.help ? `\n${d.help}` : ""}`,
    renderMessage: () => tooltipFor(d),
  };
  if (d.fix && d.fix.edits.length) {
    out.actions = [
      {
        name: d.fix.applicability === "unsafe" ? "Apply (unsafe)" : "Apply",
        markClass: d.fix.applicability === "unsafe" ? "cm-fix-unsafe" : "cm-fix-safe",
        apply: (view, currentFrom) => applyFix(view, doc, d, currentFrom),
      },
    ];
  }
  return out;
}

async function lintSource(view) {
  const doc = view.state.doc;
  let answer;
  try {
    answer = await engine.validate(doc.toString(), config());
  } catch (e) {
    setStatus({ error: e.message });
    return [];
  }
  if (!answer || view.state.doc !== doc) return []; // superseded: the linter ignores stale results too
  app.last = { doc, result: answer.value, ms: answer.ms };
  showResult();
  return answer.value.diagnostics.map((d) => toCodeMirror(doc, d));
}

// ---- the problems panel and status line ----

function countBy(diags) {
  const c = { error: 0, warning: 0, info: 0 };
  for (const d of diags) c[d.severity]++;
  return c;
}

function jumpTo(view, doc, d) {
  const { from, to } = rangeOf(doc, d);
  const pos = Math.min(from, view.state.doc.length);
  view.dispatch({
    selection: EditorSelection.range(pos, Math.min(Math.max(to, pos), view.state.doc.length)),
    effects: EditorView.scrollIntoView(pos, { y: "center" }),
  });
  view.focus();
}

function showResult() {
  const { doc, result, ms } = app.last;
  const diags = result.diagnostics;
  const c = countBy(diags);
  for (const sev of ["error", "warning", "info"]) $(`count-${sev}`).textContent = String(c[sev]);
  $("tab-problems-count").textContent = diags.length ? String(diags.length) : "";
  const list = $("problems");
  const items = diags.slice(0, MAX_LISTED).map((d) => {
    const li = el("li", `problem sev-${d.severity}`);
    li.dataset.line = String(d.line);
    li.dataset.code = d.code;
    const go = el("button", "problem-go");
    go.type = "button";
    go.title = "Go to the problem";
    go.append(
      el("span", `sev-badge sev-${d.severity}`, d.severity),
      el("span", "problem-pos", `${d.line}:${d.column}`),
      el("span", "problem-code", d.code),
      inlineCode("problem-message", d.message),
    );
    go.addEventListener("click", () => jumpTo(view, doc, d));
    li.append(go);
    const actions = el("div", "problem-actions");
    actions.append(ruleLink("problem-rule", d.code, `About ${d.code}`));
    li.append(actions);
    if (d.fix && d.fix.edits.length) {
      const fix = el("button", `problem-fix fix-${d.fix.applicability}`);
      fix.append(inlineCode("", d.fix.title));
      fix.type = "button";
      fix.title = d.fix.applicability === "safe" ? "Apply this fix" : "Apply this fix (unsafe: review the result)";
      // Applied when the text it edits is unchanged since the check (applyFix
      // says so otherwise), even if the editor's document is a newer one.
      fix.addEventListener("click", () => applyFix(view, doc, d, rangeOf(doc, d).from));
      actions.append(fix);
    }
    return li;
  });
  if (diags.length > MAX_LISTED) items.push(el("li", "problem-more", `… and ${diags.length - MAX_LISTED} more`));
  if (!diags.length) items.push(el("li", "problem-none", "No problems: the document follows its spec type."));
  list.replaceChildren(...items);
  const safe = diags.filter((d) => d.fix?.applicability === "safe" && d.fix.edits.length).length;
  $("fix-all").textContent = safe ? `Fix all safe (${safe})` : "Fix all safe";
  $("fix-all").disabled = safe === 0;
  setStatus({ ms, result, length: doc.length });
  if (!$("panel-export").hidden) refreshExport();
}

function setStatus({ ms, result, length, error, busy }) {
  const v = $("status-validation");
  if (busy !== undefined) {
    v.dataset.busy = String(busy);
    if (busy) $("status-busy").textContent = "validating…";
    else $("status-busy").textContent = "";
    return;
  }
  if (error) {
    v.textContent = `Validation failed: ${error}`;
    v.dataset.state = "error";
    return;
  }
  const c = countBy(result.diagnostics);
  const parts = [];
  if (c.error) parts.push(`${c.error} error${c.error === 1 ? "" : "s"}`);
  if (c.warning) parts.push(`${c.warning} warning${c.warning === 1 ? "" : "s"}`);
  if (c.info) parts.push(`${c.info} info`);
  v.textContent = `${parts.length ? parts.join(", ") : "No problems"} · validated in ${ms.toFixed(1)} ms · ${formatSize(length)}`;
  v.dataset.state = c.error ? "error" : c.warning ? "warning" : "ok";
  v.dataset.ms = ms.toFixed(3);
  const how = { "front-matter": "from spec_type", explicit: "chosen", default: "default", detected: "detected" };
  $("status-type").textContent = result.specType
    ? `type ${result.specType} (${how[result.typeSource] ?? result.typeSource})`
    : "no spec type";
}

function formatSize(chars) {
  return chars >= 1e6 ? `${(chars / 1e6).toFixed(1)}M chars` : chars >= 1e4 ? `${Math.round(chars / 1e3)}k chars` : `${chars} chars`;
}

// ---- the editor ----

const themeExt = applyTheme(currentTheme());
let saveTimer = 0;
const view = new EditorView({
  parent: shadowMount($("editor")).mount,
  state: EditorState.create({
    doc: "",
    extensions: [
      lineNumbers(),
      highlightActiveLineGutter(),
      highlightSpecialChars(),
      history(),
      foldGutter(),
      drawSelection(),
      dropCursor(),
      indentOnInput(),
      bracketMatching(),
      rectangularSelection(),
      crosshairCursor(),
      highlightActiveLine(),
      highlightSelectionMatches(),
      search({ top: true }),
      EditorView.lineWrapping,
      markdownSlot.of(yamlFrontmatter({ content: markdownSupport })),
      themeSlot.of(themeExt),
      // Tooltips fit in the editor, not the window: one near the top opens
      // below its line rather than over the toolbar.
      tooltips({ tooltipSpace: (v) => v.scrollDOM.getBoundingClientRect() }),
      lintGutter(),
      linter(lintSource, {
        delay: LINT_DELAY,
        needsRefresh: (u) => u.transactions.some((t) => t.effects.some((e) => e.is(refreshLint))),
      }),
      keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, ...foldKeymap, ...lintKeymap]),
      EditorView.contentAttributes.of({ "aria-label": "Spec document (Markdown with YAML front matter)" }),
      // A file dropped on the editor replaces the document (undoable), rather
      // than CodeMirror's default of inserting its text at the pointer.
      EditorView.domEventHandlers({
        drop(event) {
          const file = event.dataTransfer?.files?.[0];
          if (!file) return false;
          event.preventDefault();
          openFile(file);
          return true;
        },
      }),
      EditorView.updateListener.of((u) => {
        if (!u.docChanged) return;
        clearTimeout(saveTimer);
        saveTimer = setTimeout(() => {
          if (!storage.set(docSlot(), view.state.doc.toString())) {
            toast("The document is too large to keep in this browser's storage; it is not saved.", "warning");
          }
        }, 1000);
      }),
    ],
  }),
});
engine.onBusy = (busy) => setStatus({ busy });

function setDoc(text, { remember = true } = {}) {
  view.dispatch({
    changes: { from: 0, to: view.state.doc.length, insert: text },
    selection: { anchor: 0 },
    scrollIntoView: true,
    userEvent: "input.replace",
  });
  if (remember) storage.set(docSlot(), view.state.doc.toString());
}

function relint() {
  view.dispatch({ effects: refreshLint.of(null) });
  forceLinting(view);
}

// ---- toolbar: examples, spec type, fix all, share, theme ----

function fillExamples() {
  const select = $("example");
  const opts = [el("option", "", "Examples…")];
  opts[0].value = "";
  for (const [key, ex] of Object.entries(EXAMPLES)) {
    const o = el("option", "", ex.label);
    o.value = key;
    opts.push(o);
  }
  select.replaceChildren(...opts);
  select.addEventListener("change", async () => {
    const ex = EXAMPLES[select.value];
    select.value = "";
    if (!ex) return;
    setDoc(ex.text);
    // An example with its own spec type loads the type too (and picks it).
    if (ex.type) {
      $("type-yaml").value = ex.type;
      await loadCustomType(ex.type);
    }
    // The menu shows what is loaded (until another example or file replaces it).
    select.options[0].textContent = `Example: ${ex.label}`;
    toast(`Loaded: ${ex.label} (Ctrl+Z undoes)`);
    view.focus();
  });
}

/** The name Download gives the file: the one opened, else `spec.md`. */
let fileName = "spec.md";

/** Replaces the document by a file's text (Ctrl+Z undoes): Open… and drop. */
async function openFile(file) {
  if (file.size > 16 * 1024 * 1024) {
    toast(`${file.name} is larger than 16 MiB; not opening it.`, "error");
    return;
  }
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    toast(`${file.name} is not UTF-8 text; not opening it.`, "error");
    return;
  }
  fileName = file.name || "spec.md";
  $("example").options[0].textContent = "Examples…";
  setDoc(text);
  toast(`Opened ${file.name} (Ctrl+Z undoes).`);
  view.focus();
}

/** Saves the document as a `.md` file. */
function download() {
  const url = URL.createObjectURL(new Blob([view.state.doc.toString()], { type: "text/markdown;charset=utf-8" }));
  const a = el("a");
  a.href = url;
  a.download = /\.(md|markdown|mdx)$/i.test(fileName) ? fileName : `${fileName}.md`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function fillTypePicker() {
  const select = $("spec-type");
  const auto = el("option", "", "From spec_type");
  auto.value = "";
  const groups = [auto];
  const builtin = el("optgroup");
  builtin.label = "Built-in";
  const custom = el("optgroup");
  custom.label = "Custom";
  for (const t of app.types) {
    const o = el("option", "", t.name);
    o.value = t.id;
    (app.customIds.has(t.id) ? custom : builtin).append(o);
  }
  if (builtin.children.length) groups.push(builtin);
  if (custom.children.length) groups.push(custom);
  select.replaceChildren(...groups);
  if (app.specType && !app.types.some((t) => t.id === app.specType)) app.specType = "";
  select.value = app.specType;
}

function chooseType(id) {
  app.specType = id;
  $("spec-type").value = id;
  if (!app.viewingShared) storage.set(STORE.pick, id || null);
  relint();
}

/**
 * Leaves a share link's document for the visitor's own: their document,
 * custom type and type choice, as they left them (the link changed none).
 */
async function openOwn() {
  app.viewingShared = false;
  $("shared-note").hidden = true;
  setDoc(storage.get(STORE.doc) ?? EXAMPLES.defects.text, { remember: false });
  app.specType = storage.get(STORE.pick) ?? "";
  const own = storage.get(STORE.type);
  if (own) {
    $("type-yaml").value = own;
    await loadCustomType(own, { quiet: true });
  } else {
    $("type-yaml").value = "";
    app.customType = null;
    app.customIds = new Set();
    app.types = app.builtins;
    showTypeError("");
    $("type-info").textContent = "";
  }
  fillTypePicker();
  relint();
  view.focus();
}

async function fixAllSafe() {
  const start = view.state.doc;
  let state = view.state;
  let total = ChangeSet.empty(start.length);
  let applied = 0;
  // Fixes can unblock others (the core's normalizer loops the same way): up to 8 passes.
  for (let pass = 0; pass < 8; pass++) {
    let answer;
    try {
      answer = await engine.call("validate", { text: state.doc.toString(), config: config() });
    } catch (e) {
      toast(`Could not validate: ${e.message}`, "error");
      return;
    }
    const fixes = answer.value.diagnostics.filter((d) => d.fix?.applicability === "safe").map((d) => d.fix);
    const { changes, fixes: used } = combineFixes(state.doc, fixes);
    if (!used.length) break;
    const set = ChangeSet.of(changes, state.doc.length);
    total = total.compose(set);
    state = state.update({ changes: set }).state;
    applied += used.length;
  }
  if (view.state.doc !== start) {
    toast("The text changed while fixing; press Fix all safe again.", "warning");
    return;
  }
  if (!applied) {
    toast("No safe fix to apply.");
    return;
  }
  view.dispatch({ changes: total, userEvent: "input.fix", scrollIntoView: true });
  toast(`Applied ${applied} safe fix${applied === 1 ? "" : "es"} (Ctrl+Z undoes).`);
}

async function share() {
  let hash;
  try {
    hash = await encodeHash(view.state.doc.toString(), app.specType, app.customType?.text);
  } catch (e) {
    toast(`Could not make a link: ${e.message}`, "error");
    return;
  }
  const url = `${location.href.split("#")[0]}#${hash}`;
  window.history.replaceState(null, "", url);
  // This tab made the link: reloading it is not opening someone's link.
  try {
    sessionStorage.setItem(OWN_LINK, hash);
  } catch {
    // no session storage: a reload then shows the link's document, still apart from one's own
  }
  try {
    await navigator.clipboard.writeText(url);
    toast(`Link copied (${url.length.toLocaleString()} characters). It holds the whole document.`);
  } catch {
    toast(`The link is in the address bar (${url.length.toLocaleString()} characters).`);
  }
}

// ---- tabs ----

function selectTab(tab, focus = false) {
  for (const t of document.querySelectorAll('[role="tab"]')) {
    const on = t === tab;
    t.setAttribute("aria-selected", String(on));
    t.tabIndex = on ? 0 : -1;
    $(t.getAttribute("aria-controls")).hidden = !on;
  }
  if (focus) tab.focus();
  if (tab.id === "tab-export") refreshExport();
}

function setupTabs() {
  const tabs = [...document.querySelectorAll('[role="tab"]')];
  for (const tab of tabs) {
    tab.addEventListener("click", () => selectTab(tab));
    tab.addEventListener("keydown", (e) => {
      const i = tabs.indexOf(tab);
      const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
      if (to === undefined) return;
      e.preventDefault();
      selectTab(tabs[(to + tabs.length) % tabs.length], true);
    });
  }
}

// ---- export ----

let exportSeq = 0;
let exportJson = "";
async function refreshExport() {
  const tree = $("export-tree");
  const seq = ++exportSeq;
  const doc = view.state.doc;
  try {
    const { value } = await engine.call("exportSpec", { text: doc.toString(), config: config() });
    if (seq !== exportSeq) return;
    exportJson = JSON.stringify(value, null, 2);
    renderJson(tree, value);
    $("copy-export").disabled = false;
  } catch (e) {
    if (seq !== exportSeq) return;
    exportJson = "";
    tree.replaceChildren(el("p", "error-box", `Export failed: ${e.message}`));
    $("copy-export").disabled = true;
  }
}

async function copyExport() {
  try {
    await navigator.clipboard.writeText(exportJson);
    toast("Export JSON copied.");
  } catch {
    // Fallback: a textarea the user can copy from.
    const area = $("export-fallback");
    area.hidden = false;
    area.value = exportJson;
    area.select();
    toast("Copy was blocked: the JSON is selected below, press Ctrl+C.", "warning");
  }
}

// ---- custom spec type ----

function showTypeError(message) {
  const box = $("type-error");
  box.hidden = !message;
  box.textContent = message ? message : "";
}

async function loadCustomType(text, { quiet = false, remember = !app.viewingShared } = {}) {
  const file = { path: "custom-type.yaml", text };
  let types;
  try {
    ({ value: types } = await engine.call("loadTypes", { types: [file] }));
  } catch (e) {
    showTypeError(e.message);
    $("type-yaml").setAttribute("aria-invalid", "true");
    if (!quiet) $("type-error").focus();
    return false;
  }
  showTypeError("");
  $("type-yaml").removeAttribute("aria-invalid");
  const builtinJson = new Map(app.builtins.map((t) => [t.id, JSON.stringify(t)]));
  app.customIds = new Set(types.filter((t) => builtinJson.get(t.id) !== JSON.stringify(t)).map((t) => t.id));
  app.customType = file;
  app.types = types;
  if (remember) storage.set(STORE.type, text);
  fillTypePicker();
  const ids = [...app.customIds];
  $("type-info").textContent = ids.length
    ? `Loaded custom type ${ids.map((id) => `\`${id}\``).join(", ")}; documents are validated as ${ids.length === 1 ? "it" : "the chosen type"}.`
    : "Loaded; it defines nothing new (same as a built-in type).";
  if (ids.length && !quiet) chooseType(ids[0]);
  else relint();
  return true;
}

function removeCustomType() {
  app.customType = null;
  app.customIds = new Set();
  app.types = app.builtins;
  if (!app.viewingShared) storage.set(STORE.type, null);
  showTypeError("");
  $("type-info").textContent = "Custom type removed.";
  fillTypePicker();
  chooseType(app.specType);
}

async function deriveType() {
  let derived;
  try {
    ({ value: derived } = await engine.call("deriveSpecType", { text: view.state.doc.toString() }));
  } catch (e) {
    showTypeError(`Could not derive a type from this document: ${e.message}`);
    return;
  }
  // A derived type keeps the template's id; beside a built-in of that id it gets its own, so both stay pickable.
  if (app.builtins.some((t) => t.id === derived.id)) {
    derived = { ...derived, id: `${derived.id}-derived`, name: `${derived.name} (derived)` };
  }
  const text = JSON.stringify(derived, null, 2); // JSON is YAML: the type file format reads it
  $("type-yaml").value = text;
  if (await loadCustomType(text)) $("type-info").textContent += " Derived from the document in the editor.";
}

// ---- normalize ----

let mergeView = null;
let pendingNormalize = null;
async function openNormalize() {
  const { MergeView, unifiedMergeView } = await loadMerge();
  const doc = view.state.doc;
  const before = doc.toString();
  const normalizeOptions = {
    unsafeFixes: $("norm-unsafe").checked,
    reorderSections: $("norm-reorder").checked,
    insertMissingSections: $("norm-insert").checked,
  };
  let result;
  try {
    ({ value: result } = await engine.call("normalize", { text: before, config: config(), normalizeOptions }));
  } catch (e) {
    toast(`Normalize failed: ${e.message}`, "error");
    return;
  }
  const dialog = $("normalize-dialog");
  pendingNormalize = { doc, text: result.text };
  const fixes = result.fixes ?? [];
  // Side by side on wide screens; one column (deleted lines, then inserted) below 700 px.
  const narrow = window.matchMedia("(max-width: 700px)").matches;
  $("normalize-summary").textContent =
    result.text === before
      ? "The document is already normalized: nothing to change."
      : `${fixes.length} fix${fixes.length === 1 ? "" : "es"} and canonical formatting. Review the changes (${narrow ? "removed lines struck through, then the normalized ones" : "left: now, right: normalized"}).`;
  $("normalize-fixes").replaceChildren(
    ...fixes.map((f) => {
      const li = el("li");
      li.append(`${f.code}: `, inlineCode("", f.title), f.applicability === "unsafe" ? " (unsafe)" : "");
      return li;
    }),
  );
  mergeView?.destroy();
  const ro = [EditorState.readOnly.of(true), EditorView.editable.of(false), EditorView.lineWrapping, lineNumbers(), ...applyThemeExt()];
  const { root, mount } = shadowMount($("normalize-diff"));
  mergeView = narrow
    ? new EditorView({
        doc: result.text,
        extensions: [...ro, unifiedMergeView({ original: before, mergeControls: false, collapseUnchanged: { margin: 2, minSize: 6 } })],
        parent: mount,
        root,
      })
    : new MergeView({
        a: { doc: before, extensions: ro },
        b: { doc: result.text, extensions: ro },
        parent: mount,
        root,
        collapseUnchanged: { margin: 2, minSize: 6 },
        gutter: true,
      });
  $("normalize-accept").disabled = result.text === before;
  if (!dialog.open) {
    dialog.showModal();
    ($("normalize-accept").disabled ? $("normalize-cancel") : $("normalize-accept")).focus();
  }
}

function applyThemeExt() {
  const theme = document.documentElement.dataset.theme;
  return [editorTheme(theme), syntaxHighlighting(highlightStyle(theme))];
}

function acceptNormalize() {
  const p = pendingNormalize;
  closeNormalize();
  if (!p) return;
  if (view.state.doc !== p.doc) {
    toast("The text changed meanwhile; normalize again.", "warning");
    return;
  }
  const before = p.doc.toString();
  // Minimal changes, so the cursor and undo history stay meaningful.
  // The diff view is loaded: Normalize was opened to get here.
  const changes = merge.diff(before, p.text, { scanLimit: 5000, timeout: 500 }).map((c) => ({
    from: c.fromA,
    to: c.toA,
    insert: p.text.slice(c.fromB, c.toB),
  }));
  view.dispatch({ changes, userEvent: "input.normalize", scrollIntoView: true });
  toast("Normalized (Ctrl+Z undoes).");
  view.focus();
}

function closeNormalize() {
  const dialog = $("normalize-dialog");
  if (dialog.open) dialog.close();
  mergeView?.destroy();
  mergeView = null;
  $("normalize-diff").shadowRoot?.replaceChildren();
}

// ---- start ----

async function start() {
  fillExamples();
  setupTabs();
  $("theme").addEventListener("click", () => {
    const next = document.documentElement.dataset.theme === "dark" ? "light" : "dark";
    storage.set(STORE.theme, next);
    applyTheme(next, view);
  });
  $("spec-type").addEventListener("change", (e) => chooseType(e.target.value));
  $("fix-all").addEventListener("click", fixAllSafe);
  $("share").addEventListener("click", share);
  $("open-own").addEventListener("click", openOwn);
  $("open-file").addEventListener("click", () => $("file-input").click());
  $("file-input").addEventListener("change", () => {
    const file = $("file-input").files?.[0];
    $("file-input").value = "";
    if (file) openFile(file);
  });
  $("download").addEventListener("click", download);
  $("normalize").addEventListener("click", openNormalize);
  for (const id of ["norm-unsafe", "norm-reorder", "norm-insert"]) $(id).addEventListener("change", openNormalize);
  $("normalize-accept").addEventListener("click", acceptNormalize);
  $("normalize-cancel").addEventListener("click", closeNormalize);
  $("normalize-dialog").addEventListener("close", () => {
    mergeView?.destroy();
    mergeView = null;
  });
  $("copy-export").addEventListener("click", copyExport);
  $("export-expand").addEventListener("click", () => setAllOpen($("export-tree"), true));
  $("export-collapse").addEventListener("click", () => setAllOpen($("export-tree"), false));
  $("load-type").addEventListener("click", () => loadCustomType($("type-yaml").value));
  $("clear-type").addEventListener("click", removeCustomType);
  $("derive-type").addEventListener("click", deriveType);

  // The document: a shared link, else the last session's text, else the
  // example with defects. A link's document, type choice and custom type
  // are shown as the sender saw them, without touching the visitor's own
  // (saved document, custom type, type choice): "Open my document" returns.
  let text = null;
  let shared = null;
  if (location.hash.includes("doc=") && location.hash.replace(/^#/, "") !== ownLink()) {
    try {
      shared = await decodeHash(location.hash);
    } catch (e) {
      const why = e instanceof DamagedLink ? e.message : "this link could not be opened";
      toast(`${why[0].toUpperCase()}${why.slice(1)}; opening your last document.`, "error");
    }
  }
  if (location.hash) window.history.replaceState(null, "", location.href.split("#")[0]);
  if (shared) {
    app.viewingShared = true;
    text = shared.text;
    storage.set(STORE.shared, text);
    $("shared-note").hidden = false;
  }
  text ??= storage.get(STORE.doc) ?? EXAMPLES.defects.text;
  setDoc(text, { remember: !shared });
  view.focus();

  let info;
  try {
    ({ value: info } = await engine.call("info"));
  } catch (e) {
    setStatus({ error: e.message });
    return;
  }
  $("status-version").textContent = `speclint ${info.version}`;
  app.builtins = info.specTypes;
  app.types = info.specTypes;
  $("builtin-types").textContent = info.specTypes.map((t) => `${t.name} (${t.id})`).join(", ");
  if (shared) {
    app.specType = shared.specType ?? storage.get(STORE.pick) ?? "";
    if (shared.customType) {
      $("type-yaml").value = shared.customType;
      await loadCustomType(shared.customType, { quiet: true, remember: false });
    }
  } else {
    app.specType = storage.get(STORE.pick) ?? "";
    const savedType = storage.get(STORE.type);
    if (savedType) {
      $("type-yaml").value = savedType;
      await loadCustomType(savedType, { quiet: true });
    }
  }
  fillTypePicker();
  relint();
  document.body.dataset.ready = "true";
  loadMarkdownHtml();
}

start();
