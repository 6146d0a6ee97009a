//! The document model: a spec document parsed once into typed nodes with byte spans.
//!
//! [`Document::parse`] splits off the BOM and the YAML front matter, reads the
//! Markdown body with pulldown-cmark (offset iterator) and records headings,
//! sections (a heading and everything up to the next heading of the same or a
//! higher level), pipe tables with every cell's span, fenced code blocks, list
//! items, paragraphs and inline code spans. Every span is a byte range into the
//! original text, BOM and CRLF included. Parsing never fails and never panics:
//! whatever is malformed is recorded for the rules to report.

pub mod table;

use pulldown_cmark::{CodeBlockKind, Event, Options as MdOptions, Parser, Tag, TagEnd};

pub use table::{Cell, Row, Table};

use crate::source::{LineIndex, Span};
use crate::yaml::{self, FrontMatter};

/// The front matter block between `---` fences.
#[derive(Debug, Clone)]
pub struct FrontMatterBlock {
    /// The opening `---` line (newline excluded).
    pub open: Span,
    /// The closing `---` (or `...`) line; `None` when the block is never closed.
    pub close: Option<Span>,
    /// The YAML between the fences.
    pub content: Span,
    /// The parsed YAML. For an unclosed block, entries are scanned but carry no values.
    pub yaml: FrontMatter,
}

/// An ATX (`## Title`) or setext (`Title\n---`) heading.
#[derive(Debug, Clone)]
pub struct Heading {
    pub level: u8,
    /// The whole heading, markers included (newline excluded).
    pub span: Span,
    /// The heading text as written (markers and closing `#`s excluded).
    pub content: Span,
    /// Plain text: inline markup removed, code span contents kept.
    pub text: String,
    /// When the heading is a single code span (``### `orders` ``), its content.
    pub code: Option<String>,
    pub setext: bool,
}

/// The index of a section in [`Document::sections`], and of its heading in
/// [`Document::headings`] (one section per heading, in document order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct SectionId(pub usize);

/// The index of a table in [`Document::tables`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct TableId(pub usize);

/// Lists indexed by a typed id: `doc.sections[id]`, `doc.headings[id]`,
/// `doc.tables[id]` (and `.get(id.0)` where the id may be out of range).
macro_rules! indexed_by {
    ($id:ty => $($item:ty),+) => {$(
        impl std::ops::Index<$id> for Vec<$item> {
            type Output = $item;
            fn index(&self, id: $id) -> &$item {
                &self.as_slice()[id.0]
            }
        }
    )+};
}
indexed_by!(SectionId => Section, Heading);
indexed_by!(TableId => Table);

/// A heading and its body, up to the next heading of the same or a higher level.
#[derive(Debug, Clone)]
pub struct Section {
    /// Its heading in [`Document::headings`] (the same index as the section's).
    pub heading: SectionId,
    pub level: u8,
    /// From the heading to the end of the section.
    pub span: Span,
    /// After the heading line to the end of the section (subsections included).
    pub body: Span,
    /// Index of the enclosing section.
    pub parent: Option<SectionId>,
    pub children: Vec<SectionId>,
    /// Whether there is content between the heading and its first subsection
    /// (HTML comments and blank lines do not count).
    pub has_own_content: bool,
}

/// A fenced or indented code block.
#[derive(Debug, Clone)]
pub struct CodeBlock {
    pub span: Span,
    /// The info string (`mermaid`, `sql`, ...); empty for indented blocks.
    pub info: String,
    /// The code itself, fences excluded.
    pub content: Span,
    pub fenced: bool,
}

impl CodeBlock {
    /// The first word of the info string, lowercased.
    pub fn language(&self) -> String {
        self.info
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_ascii_lowercase()
    }
}

/// A list item.
#[derive(Debug, Clone)]
pub struct ListItem {
    pub span: Span,
    /// Plain text of the item's first paragraph.
    pub text: String,
    /// Nesting depth, 0 for a top-level list.
    pub depth: usize,
}

/// A paragraph outside lists and tables.
#[derive(Debug, Clone)]
pub struct Paragraph {
    pub span: Span,
    pub text: String,
}

/// A parsed spec document.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    pub text: &'a str,
    pub line_index: LineIndex,
    /// Whether the text starts with a UTF-8 byte order mark.
    pub bom: bool,
    /// Whether any line ends with CRLF.
    pub crlf: bool,
    pub front_matter: Option<FrontMatterBlock>,
    /// Where the Markdown body starts.
    pub body_start: usize,
    pub headings: Vec<Heading>,
    /// One per heading, in document order.
    pub sections: Vec<Section>,
    pub tables: Vec<Table>,
    pub code_blocks: Vec<CodeBlock>,
    /// Inline code spans (backticks included).
    pub code_spans: Vec<Span>,
    /// HTML blocks and inline HTML.
    pub html: Vec<Span>,
    /// HTML blocks only (comments included).
    pub html_blocks: Vec<Span>,
    /// Hard line breaks (two trailing spaces or a backslash before a line break).
    pub hard_breaks: Vec<Span>,
    pub list_items: Vec<ListItem>,
    pub paragraphs: Vec<Paragraph>,
}

impl<'a> Document<'a> {
    /// Parses `text`. Never fails: malformed parts are recorded for the rules.
    pub fn parse(text: &'a str) -> Document<'a> {
        let bom = text.starts_with('\u{feff}');
        let start = if bom { 3 } else { 0 };
        let front_matter = split_front_matter(text, start);
        let body_start = match &front_matter {
            Some(fm) => match fm.close {
                Some(close) => line_end_after(text, close.end),
                None => unclosed_body_start(text, fm.open.end),
            },
            None => start,
        };
        let mut doc = Document {
            text,
            line_index: LineIndex::new(text),
            bom,
            crlf: text.contains("\r\n"),
            front_matter,
            body_start,
            headings: Vec::new(),
            sections: Vec::new(),
            tables: Vec::new(),
            code_blocks: Vec::new(),
            code_spans: Vec::new(),
            html: Vec::new(),
            html_blocks: Vec::new(),
            hard_breaks: Vec::new(),
            list_items: Vec::new(),
            paragraphs: Vec::new(),
        };
        doc.parse_body();
        doc.build_sections();
        doc
    }

    /// The Markdown body (after the front matter).
    pub fn body(&self) -> &'a str {
        self.text.get(self.body_start..).unwrap_or("")
    }

    /// The parsed front matter, if the block exists and is closed.
    pub fn yaml(&self) -> Option<&FrontMatter> {
        self.front_matter
            .as_ref()
            .filter(|f| f.close.is_some())
            .map(|f| &f.yaml)
    }

    /// The text of a span.
    pub fn slice(&self, span: Span) -> &'a str {
        span.text(self.text)
    }

    /// The 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> usize {
        self.line_index.line_number(offset)
    }

    /// Section `id`, if there is one.
    pub fn section(&self, id: SectionId) -> Option<&Section> {
        self.sections.get(id.0)
    }

    /// The heading of section `id`, if there is one.
    pub fn heading(&self, id: SectionId) -> Option<&Heading> {
        self.headings.get(id.0)
    }

    /// Table `id`, if there is one.
    pub fn table(&self, id: TableId) -> Option<&Table> {
        self.tables.get(id.0)
    }

    /// Every section with its id, in document order.
    pub fn sections_with_ids(&self) -> impl Iterator<Item = (SectionId, &Section)> {
        self.sections
            .iter()
            .enumerate()
            .map(|(i, s)| (SectionId(i), s))
    }

    /// Every table with its id, in document order.
    pub fn tables_with_ids(&self) -> impl Iterator<Item = (TableId, &Table)> {
        self.tables.iter().enumerate().map(|(i, t)| (TableId(i), t))
    }

    /// The heading of a section.
    pub fn heading_of(&self, section: SectionId) -> &Heading {
        &self.headings[self.sections[section].heading]
    }

    /// Index of the innermost section containing `offset` (None before the first heading).
    pub fn section_at(&self, offset: usize) -> Option<SectionId> {
        // Sections are in document order; the innermost one is the last whose span contains the offset.
        let upto = self.sections.partition_point(|s| s.span.start <= offset);
        self.sections[..upto]
            .iter()
            .rposition(|s| {
                s.span.contains(offset) || s.span.end == offset && offset == self.text.len()
            })
            .map(SectionId)
    }

    /// Whether `offset` lies inside a code block or an inline code span.
    pub fn in_code(&self, offset: usize) -> bool {
        let i = self.code_blocks.partition_point(|c| c.span.start <= offset);
        (i > 0 && self.code_blocks[i - 1].span.contains(offset))
            || in_sorted_spans(&self.code_spans, offset)
    }

    fn parse_body(&mut self) {
        let base = self.body_start;
        let body = self.body();
        let mut opts = MdOptions::empty();
        opts.insert(MdOptions::ENABLE_TABLES);
        opts.insert(MdOptions::ENABLE_STRIKETHROUGH);
        opts.insert(MdOptions::ENABLE_TASKLISTS);
        let parser = Parser::new_ext(body, opts).into_offset_iter();

        // State for the element being read.
        let mut text = TextSink::default();
        let mut heading_code: Option<String> = None;
        let mut in_table: Option<Table> = None;
        let mut in_code_block: Option<(Span, String, bool)> = None;
        let mut code_content: Option<Span> = None;
        let mut list_depth = 0usize;
        let mut table_depth = 0usize;
        // Whether content was seen since the last heading (for has_own_content).
        let mut content_since_heading: Vec<bool> = Vec::new();

        for (event, range) in parser {
            let span = Span::from(range).shift(base);
            match event {
                Event::Start(Tag::Heading { level, .. }) => {
                    text.heading = Some(HeadingText {
                        level: level as u8,
                        span,
                        text: String::new(),
                        codes: 0,
                        others: 0,
                    });
                    heading_code = None;
                }
                Event::End(TagEnd::Heading(_)) => {
                    if let Some(h) = text.heading.take() {
                        let hspan = trim_line_end(self.text, h.span);
                        let (content, setext) = heading_content(self.text, hspan);
                        // A trailing attribute block (`{#purpose}`, MkDocs
                        // `attr_list`, Docusaurus heading ids) is not content.
                        let raw = content.text(self.text);
                        let kept = crate::text::strip_attribute_block(raw);
                        let content = Span::new(content.start, content.start + kept.len());
                        let h_text = collapse_ws(crate::text::strip_attribute_block(&h.text));
                        let code = if h.codes == 1 && h.others == 0 {
                            heading_code.take()
                        } else {
                            None
                        };
                        self.headings.push(Heading {
                            level: h.level,
                            span: hspan,
                            content,
                            text: h_text,
                            code,
                            setext,
                        });
                        content_since_heading.push(false);
                    }
                }
                Event::Start(Tag::Table(_)) => {
                    table_depth += 1;
                    in_table = Some(Table::new(span));
                    mark(&mut content_since_heading);
                }
                Event::End(TagEnd::Table) => {
                    table_depth = table_depth.saturating_sub(1);
                    if let Some(t) = in_table.take() {
                        self.tables.push(t.finish(self.text));
                    }
                }
                Event::Start(Tag::TableHead) => {
                    if let Some(t) = in_table.as_mut() {
                        t.set_header(self.text, trim_line_end(self.text, span));
                    }
                }
                Event::Start(Tag::TableRow) => {
                    if let Some(t) = in_table.as_mut() {
                        t.push_row(self.text, trim_line_end(self.text, span));
                    }
                }
                Event::Start(Tag::CodeBlock(kind)) => {
                    let (info, fenced) = match kind {
                        CodeBlockKind::Fenced(info) => (info.to_string(), true),
                        CodeBlockKind::Indented => (String::new(), false),
                    };
                    in_code_block = Some((span, info, fenced));
                    code_content = None;
                    mark(&mut content_since_heading);
                }
                Event::End(TagEnd::CodeBlock) => {
                    if let Some((cspan, info, fenced)) = in_code_block.take() {
                        let cspan = trim_line_end(self.text, cspan);
                        let content = code_content.take().unwrap_or_else(|| {
                            // Empty block: content is the empty span after the opening line.
                            Span::empty(line_end_after(self.text, cspan.start).min(cspan.end))
                        });
                        self.code_blocks.push(CodeBlock {
                            span: cspan,
                            info,
                            content,
                            fenced,
                        });
                    }
                }
                Event::Start(Tag::List(_)) => {
                    list_depth += 1;
                    mark(&mut content_since_heading);
                }
                Event::End(TagEnd::List(_)) => list_depth = list_depth.saturating_sub(1),
                Event::Start(Tag::Item) => {
                    self.list_items.push(ListItem {
                        span: trim_line_end(self.text, span),
                        text: String::new(),
                        depth: list_depth.saturating_sub(1),
                    });
                    text.items
                        .push((self.list_items.len() - 1, true, String::new()));
                }
                Event::End(TagEnd::Item) => {
                    if let Some((idx, _, t)) = text.items.pop() {
                        self.list_items[idx].text = collapse_ws(&t);
                    }
                }
                Event::Start(Tag::Paragraph) => {
                    mark(&mut content_since_heading);
                    if text.items.is_empty() {
                        text.paragraph = Some((span, String::new()));
                    }
                }
                Event::End(TagEnd::Paragraph) => {
                    if let Some((pspan, t)) = text.paragraph.take() {
                        self.paragraphs.push(Paragraph {
                            span: trim_line_end(self.text, pspan),
                            text: collapse_ws(&t),
                        });
                    }
                    if let Some(last) = text.items.last_mut() {
                        last.1 = false;
                    }
                }
                Event::Start(Tag::BlockQuote(_))
                | Event::Rule
                | Event::Start(Tag::FootnoteDefinition(_)) => {
                    mark(&mut content_since_heading);
                }
                Event::Start(Tag::HtmlBlock) => {
                    self.html.push(span);
                    self.html_blocks.push(trim_line_end(self.text, span));
                    let html = span.text(self.text).trim();
                    if !(html.starts_with("<!--") && html.ends_with("-->")) {
                        mark(&mut content_since_heading);
                    }
                }
                Event::Html(_) => {}
                Event::InlineHtml(s) => {
                    self.html.push(span);
                    text.push(&s, false);
                }
                Event::Text(s) => {
                    if in_code_block.is_some() {
                        code_content = Some(match code_content {
                            Some(c) => Span::new(c.start, span.end),
                            None => span,
                        });
                        continue;
                    }
                    if table_depth > 0 {
                        continue;
                    }
                    text.push(&s, false);
                }
                Event::Code(s) => {
                    self.code_spans.push(span);
                    if let Some(h) = text.heading.as_mut() {
                        h.codes += 1;
                        heading_code = Some(s.to_string());
                    }
                    if table_depth == 0 {
                        text.push(&s, true);
                    }
                }
                Event::HardBreak => {
                    self.hard_breaks.push(span);
                    text.push(" ", false);
                }
                Event::SoftBreak => {
                    text.push(" ", false);
                }
                _ => {}
            }
        }
        if let Some(t) = in_table.take() {
            self.tables.push(t.finish(self.text));
        }
        // has_own_content per heading, recorded for build_sections.
        self.sections = content_since_heading
            .into_iter()
            .enumerate()
            .map(|(i, has)| Section {
                heading: SectionId(i),
                level: self.headings[i].level,
                span: self.headings[i].span,
                body: Span::empty(self.headings[i].span.end),
                parent: None,
                children: Vec::new(),
                has_own_content: has,
            })
            .collect();
        self.code_spans.sort();
        self.html.sort();
    }

    fn build_sections(&mut self) {
        let n = self.sections.len();
        let end = self.text.len();
        let mut stack: Vec<usize> = Vec::new();
        for i in 0..n {
            let level = self.sections[i].level;
            while let Some(&top) = stack.last() {
                if self.sections[top].level >= level {
                    stack.pop();
                } else {
                    break;
                }
            }
            self.sections[i].parent = stack.last().copied().map(SectionId);
            if let Some(&p) = stack.last() {
                self.sections[p].children.push(SectionId(i));
            }
            stack.push(i);
        }
        // Section end: start of the next heading of the same or a higher level.
        let mut open: Vec<usize> = Vec::new();
        for i in 0..n {
            let level = self.sections[i].level;
            let start = self.headings[i].span.start;
            while let Some(&top) = open.last() {
                if self.sections[top].level >= level {
                    open.pop();
                    self.close_section(top, start);
                } else {
                    break;
                }
            }
            open.push(i);
        }
        for top in open {
            self.close_section(top, end);
        }
    }

    fn close_section(&mut self, i: usize, end: usize) {
        let h = self.headings[i].span;
        let body_start = line_end_after(self.text, h.end).min(end.max(h.end));
        let s = &mut self.sections[i];
        s.span = Span::new(h.start, end);
        s.body = Span::new(body_start, end);
    }
}

fn mark(flags: &mut [bool]) {
    if let Some(last) = flags.last_mut() {
        *last = true;
    }
}

/// A heading being read.
struct HeadingText {
    level: u8,
    span: Span,
    text: String,
    /// Code spans and other non-blank inline pieces seen (a heading that is one
    /// code span and nothing else names an entry: ``### `orders` ``).
    codes: usize,
    others: usize,
}

/// Where the plain text of inline events goes: the open heading, else the
/// open paragraph and the first paragraph of the innermost list item.
#[derive(Default)]
struct TextSink {
    heading: Option<HeadingText>,
    paragraph: Option<(Span, String)>,
    /// (index in `list_items`, still in its first paragraph, its text).
    items: Vec<(usize, bool, String)>,
}

impl TextSink {
    fn push(&mut self, s: &str, is_code: bool) {
        if let Some(h) = self.heading.as_mut() {
            h.text.push_str(s);
            if !is_code && !s.trim().is_empty() {
                h.others += 1;
            }
            return;
        }
        if let Some(p) = self.paragraph.as_mut() {
            p.1.push_str(s);
        }
        if let Some((_, true, t)) = self.items.last_mut() {
            t.push_str(s);
        }
    }
}

/// Collapses runs of white space into one space and trims.
pub fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

fn in_sorted_spans(spans: &[Span], offset: usize) -> bool {
    let i = spans.partition_point(|s| s.start <= offset);
    i > 0 && spans[i - 1].contains(offset)
}

/// Shrinks a span so it does not end with a line break.
fn trim_line_end(text: &str, span: Span) -> Span {
    let s = span.text(text);
    let trimmed = s.trim_end_matches(['\n', '\r']);
    Span::new(span.start, span.start + trimmed.len())
}

/// The offset just after the line break that ends the line containing `offset`
/// (the text length when that line is the last).
pub fn line_end_after(text: &str, offset: usize) -> usize {
    match text.get(offset..).and_then(|t| t.find('\n')) {
        Some(i) => offset + i + 1,
        None => text.len(),
    }
}

/// Finds the text part of a heading: after `#`s (ATX) or the first line (setext).
fn heading_content(text: &str, span: Span) -> (Span, bool) {
    let raw = span.text(text);
    let lead = raw.len() - raw.trim_start().len();
    let t = &raw[lead..];
    if t.starts_with('#') {
        let hashes = t.len() - t.trim_start_matches('#').len();
        let after = &t[hashes..];
        let inner_lead = after.len() - after.trim_start().len();
        let mut content = after.trim();
        // Closing sequence: `## Title ##`.
        let closed = content.trim_end_matches('#');
        if closed.len() < content.len() && (closed.is_empty() || closed.ends_with([' ', '\t'])) {
            content = closed.trim_end();
        }
        let start = span.start + lead + hashes + inner_lead;
        (Span::new(start, start + content.len()), false)
    } else {
        // Setext: the text is every line but the underline.
        let last_nl = raw.trim_end().rfind('\n').unwrap_or(raw.len());
        let content = Span::new(span.start, span.start + last_nl).trim(text);
        (content, true)
    }
}

/// Locates a front matter block at `start` (after any BOM). The opening fence
/// must be the first line and be exactly `---` (trailing white space allowed).
fn split_front_matter(text: &str, start: usize) -> Option<FrontMatterBlock> {
    let rest = text.get(start..)?;
    let first_end = rest.find('\n').unwrap_or(rest.len());
    if rest[..first_end].trim_end() != "---" {
        return None;
    }
    let open = Span::new(start, start + rest[..first_end].trim_end().len());
    let content_start = (start + first_end + 1).min(text.len());
    let mut pos = content_start;
    while pos < text.len() {
        let line_end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let line = text[pos..line_end].trim_end();
        if line == "---" || line == "..." {
            let content = Span::new(content_start, pos);
            let yaml = yaml::parse_front_matter(content.text(text), content.start);
            return Some(FrontMatterBlock {
                open,
                close: Some(Span::new(pos, pos + line.len())),
                content,
                yaml,
            });
        }
        pos = line_end + 1;
    }
    // Unclosed: the YAML most likely runs up to the first heading. It is scanned
    // (for `spec_type` and key spans) but its values are not trusted.
    let content = Span::new(
        content_start,
        unclosed_body_start(text, open.end).max(content_start),
    );
    let mut yaml = yaml::parse_front_matter(content.text(text), content.start);
    for e in &mut yaml.entries {
        e.value = None;
    }
    Some(FrontMatterBlock {
        open,
        close: None,
        content,
        yaml,
    })
}

/// For an unclosed front matter block, where the Markdown body most likely
/// starts: the first ATX heading line, or the end of the text.
fn unclosed_body_start(text: &str, after: usize) -> usize {
    let mut pos = line_end_after(text, after);
    while pos < text.len() {
        let line_end = line_end_after(text, pos);
        if text[pos..line_end].starts_with('#')
            && text[pos..line_end]
                .trim_start_matches('#')
                .starts_with([' ', '\t'])
        {
            return pos;
        }
        pos = line_end;
    }
    text.len()
}

#[cfg(test)]
mod tests;
