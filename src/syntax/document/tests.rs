use super::*;

const DOC: &str = "---\nspec_type: database-schema\nstatus: draft # a | b\n---\n\n# Title\n\n## Purpose\nText.\n\n## Entity Inventory\nIntro.\n### `orders`\n| Column | Type |\n| --- | --- |\n| id | bigint | extra |\n\n```mermaid\nerDiagram\n## not a heading\n```\n- item one\n  - nested\n";

#[test]
fn parses_front_matter_and_headings() {
    let d = Document::parse(DOC);
    let fm = d.front_matter.as_ref().unwrap();
    assert!(fm.close.is_some());
    assert_eq!(fm.yaml.get("status").unwrap().value_span.text(DOC), "draft");
    let titles: Vec<_> = d
        .headings
        .iter()
        .map(|h| (h.level, h.text.as_str()))
        .collect();
    assert_eq!(
        titles,
        [
            (1, "Title"),
            (2, "Purpose"),
            (2, "Entity Inventory"),
            (3, "orders")
        ]
    );
    assert_eq!(d.headings[3].code.as_deref(), Some("orders"));
    assert_eq!(d.headings[1].content.text(DOC), "Purpose");
}

#[test]
fn sections_nest() {
    let d = Document::parse(DOC);
    assert_eq!(d.sections[2].children, vec![SectionId(3)]);
    assert_eq!(d.sections[3].parent, Some(SectionId(2)));
    assert_eq!(d.sections[0].children, vec![SectionId(1), SectionId(2)]);
    assert!(d.sections[1].has_own_content);
    assert_eq!(d.sections[3].span.end, DOC.len());
    assert_eq!(d.section_at(DOC.find("Text.").unwrap()), Some(SectionId(1)));
}

#[test]
fn tables_keep_raw_cells() {
    let d = Document::parse(DOC);
    let t = &d.tables[0];
    assert_eq!(t.header.cells.len(), 2);
    assert_eq!(t.rows[0].cells.len(), 3);
    assert_eq!(t.delimiter.text(DOC), "| --- | --- |");
}

#[test]
fn code_blocks_and_lists() {
    let d = Document::parse(DOC);
    assert_eq!(d.code_blocks[0].language(), "mermaid");
    assert_eq!(
        d.code_blocks[0].content.text(DOC),
        "erDiagram\n## not a heading\n"
    );
    assert_eq!(d.list_items.len(), 2);
    assert_eq!(d.list_items[0].text, "item one");
    assert_eq!(d.list_items[1].depth, 1);
}

#[test]
fn bom_crlf_and_unclosed() {
    let t = "\u{feff}---\r\nstatus: x\r\n---\r\n## A\r\n";
    let d = Document::parse(t);
    assert!(d.bom && d.crlf);
    assert_eq!(
        d.front_matter
            .as_ref()
            .unwrap()
            .yaml
            .get("status")
            .unwrap()
            .value_span
            .text(t),
        "x"
    );
    assert_eq!(d.headings[0].content.text(t), "A");
    let u = "---\nstatus: x\n## A\n";
    let d = Document::parse(u);
    assert!(d.front_matter.as_ref().unwrap().close.is_none());
    assert_eq!(d.headings.len(), 1);
}

#[test]
fn degenerate_inputs() {
    for t in [
        "",
        "---",
        "---\n",
        "---\n---",
        "\u{feff}",
        "#",
        "|",
        "| a |\n| - |\n| b",
        "```\n",
        "\r\n\r\n",
    ] {
        let _ = Document::parse(t);
    }
}
