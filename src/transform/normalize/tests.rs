use super::*;

fn norm(text: &str) -> String {
    crate::Linter::default()
        .normalize(text, &NormalizeOptions::default())
        .text
}

#[test]
fn line_endings_bom_and_final_newline() {
    assert_eq!(
        norm("\u{feff}# T\r\n\r\n\r\ntext  \r\n\n\n"),
        "# T\n\ntext\n"
    );
    assert_eq!(norm(""), "");
}

#[test]
fn headings_become_atx_with_blank_lines() {
    assert_eq!(
        norm("Title\n=====\ntext\n##   Two ##\nmore\n"),
        "# Title\n\ntext\n\n## Two\n\nmore\n"
    );
}

#[test]
fn tables_align_by_display_width() {
    let out = norm("| a | bb |\n|:-|--:|\n| 日本 | 1 |\n| x | 22 |\n");
    assert_eq!(
        out,
        "| a    |  bb |\n| :--- | --: |\n| 日本 |   1 |\n| x    |  22 |\n"
    );
}

#[test]
fn code_blocks_untouched() {
    let t = "# T\n\n```\ncode  \n\n\n\nâ†’\n```\n";
    assert_eq!(norm(t), t);
}

#[test]
fn mojibake_and_hard_breaks() {
    assert_eq!(
        norm("# T\n\nservices â†’ tables  \nnext `â†’`\n"),
        "# T\n\nservices → tables\\\nnext `â†’`\n"
    );
}

#[test]
fn front_matter_keys_follow_the_spec_order() {
    let t = "---\n# header comment\nstatus: draft # draft | approved\nzzz: 1\n# about the type\nspec_type: database-schema\n---\n";
    assert_eq!(
        norm(t),
        "---\n# header comment\n# about the type\nspec_type: database-schema\nstatus: draft # draft | approved\nzzz: 1\n---\n"
    );
}

#[test]
fn taken_edits_overlap_like_byte_ranges_and_same_start_insertions() {
    let e = |s: usize, t: usize| Edit::replace(crate::source::Span::new(s, t), "x");
    let mut taken = Taken::default();
    assert!(taken.insert(&e(3, 5)));
    assert!(taken.insert(&e(10, 10)));
    // Touching is not overlapping.
    assert!(!taken.overlaps(&e(5, 5)) && !taken.overlaps(&e(5, 7)) && !taken.overlaps(&e(1, 3)));
    // Sharing a byte, or containing a span, is.
    assert!(taken.overlaps(&e(4, 4)) && taken.overlaps(&e(4, 8)) && taken.overlaps(&e(0, 20)));
    // Two edits at one offset have no defined order: an overlap.
    assert!(taken.overlaps(&e(10, 10)) && taken.overlaps(&e(10, 12)) && taken.overlaps(&e(3, 3)));
    assert!(!taken.overlaps(&e(11, 11)) && !taken.overlaps(&e(9, 10)));
    assert!(!taken.insert(&e(2, 4)), "an overlapping edit is not taken");
}

/// Found by fuzzing (fuzz/regressions/normalize/newline-bom): a BOM after the
/// first line. The first pass gave "\u{feff}\n", the second "".
#[test]
fn a_bom_after_a_line_break_is_idempotent() {
    let l = crate::Linter::default();
    for input in [
        "\n\u{feff}",
        "\u{feff}\n\u{feff}",
        "a\n\u{feff}",
        "\n\n\u{feff}\n",
    ] {
        let once = l.normalize(input, &Default::default()).text;
        let twice = l.normalize(&once, &Default::default()).text;
        assert_eq!(once, twice, "{input:?}");
    }
}

/// White space at the end of a line inside a code span or a raw HTML tag
/// that crosses lines is content: normalizing must not change the HTML the
/// document renders to.
#[test]
fn trailing_space_inside_multi_line_code_spans_and_html_is_kept() {
    let l = crate::Linter::default();
    let render = |md: &str| {
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(md));
        html
    };
    for body in [
        "A `code span   \nacross lines` here.\n",
        "A <span title=\"a   \nb\">tag</span> here.\n",
        "`a  \n  b  \n  c`\n",
    ] {
        let once = l.normalize(body, &Default::default()).text;
        assert_eq!(render(&once), render(body), "{body:?} became {once:?}");
        assert_eq!(l.normalize(&once, &Default::default()).text, once);
    }
}
