// HTML inside Markdown (blocks and inline tags), loaded after the editor is
// up: the HTML grammar brings CSS and JavaScript grammars with it (about a
// third of @codemirror/lang-markdown's weight), and spec documents seldom
// hold HTML, so the first diagnostics do not wait for it. This is what
// `markdown()` of @codemirror/lang-markdown sets up, on the GFM base the page
// starts with (src/main.js `markdownSupport`).
import { html } from "@codemirror/lang-html";
import { Language, LanguageSupport } from "@codemirror/language";
import { parseCode } from "@lezer/markdown";

/** `base` (a Markdown `Language`) with HTML parsed inside it; `support`: the rest of the page's Markdown setup. */
export function withHtml(base, support) {
  const htmlSupport = html({ matchClosingTags: false });
  const parser = base.parser.configure(parseCode({ htmlParser: htmlSupport.language.parser }));
  return new LanguageSupport(new Language(base.data, parser, [], "markdown"), [support, htmlSupport.support]);
}
