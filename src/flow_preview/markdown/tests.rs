//! The Markdown subset against M-FC's syntax cheatsheet (spec §4).

use super::*;

fn md(text: &str, rich: bool) -> (Vec<Block>, Vec<Problem>) {
    let mut problems = Vec::new();
    (parse(&[text.to_owned()], rich, &mut problems), problems)
}

fn t(text: &str) -> Inline {
    Inline::Text(text.to_owned())
}

// M-FC: the syntax "adheres strictly to standard Markdown": `*x*` is italic (bold in chat formatting).
#[test]
fn single_stars_are_italic_and_double_bold() {
    let (blocks, _) = md("*a* **b** ~~c~~ ~~***d***~~", false);
    assert_eq!(
        blocks,
        [Block::Paragraph(vec![
            Inline::Italic(vec![t("a")]),
            t(" "),
            Inline::Bold(vec![t("b")]),
            t(" "),
            Inline::Strike(vec![t("c")]),
            t(" "),
            Inline::Strike(vec![Inline::Bold(vec![Inline::Italic(vec![t("d")])])]),
        ])]
    );
    // Not flanking: a multiplication stays text.
    assert_eq!(md("2 * 3 * 4", false).0, [Block::Paragraph(vec![t("2 * 3 * 4")])]);
}

// M-FC: `#`/`##` headings in RichText only; `###`–`######` parse as body text.
#[test]
fn headings_are_richtext_only() {
    assert_eq!(md("# Big", true).0, [Block::Heading(1, vec![t("Big")])]);
    assert_eq!(md("## Sub", true).0, [Block::Heading(2, vec![t("Sub")])]);
    assert_eq!(md("### Small", true).0, [Block::Paragraph(vec![t("Small")])]);
    assert_eq!(md("# Big", false).0, [Block::Paragraph(vec![t("# Big")])]);
}

// M-FC: single-level ordered and unordered lists; paragraphs by blank lines.
#[test]
fn lists_and_paragraphs() {
    let (blocks, _) = md("one\ntwo\n\n1. a\n2. b\n\n- x\n+ y", false);
    assert_eq!(
        blocks,
        [
            Block::Paragraph(vec![t("one two")]),
            Block::List(true, vec![vec![t("a")], vec![t("b")]]),
            Block::List(false, vec![vec![t("x")], vec![t("y")]]),
        ]
    );
}

// M-FC: GFM tables in RichText (header row, `---` row, pipes).
#[test]
fn tables_in_richtext() {
    let (blocks, _) = md("| A | **B** |\n|---|---|\n| 1 | 2 |", true);
    assert_eq!(
        blocks,
        [Block::Table(
            vec![vec![t("A")], vec![Inline::Bold(vec![t("B")])]],
            vec![vec![vec![t("1")], vec![t("2")]]]
        )]
    );
}

#[test]
fn links_are_http_only_and_images_base64_only() {
    let (blocks, problems) = md("[ok](https://x.example) [bad](javascript:alert(1))", false);
    assert_eq!(
        blocks,
        [Block::Paragraph(vec![
            Inline::Link("https://x.example".into(), vec![t("ok")]),
            t(" "),
            t("bad"),
            t(")")
        ])]
    );
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].0, "preview.link_unsafe");
    let (blocks, problems) = md("![alt](https://x.example/a.png)", true);
    assert_eq!(blocks, [Block::Paragraph(vec![t("alt")])]);
    assert_eq!(problems[0].0, "preview.image_rejected");
    // Images are RichText only: elsewhere the syntax stays text.
    let (blocks, _) = md("![a](data:image/png;base64,AA)", false);
    assert!(
        matches!(&blocks[0], Block::Paragraph(inlines) if !inlines.iter().any(|i| matches!(i, Inline::Image(_))))
    );
}

// M-FC: "consecutive `1.` lines become an `<ol>`", also across array items and blank lines.
#[test]
fn list_items_across_array_items_are_one_list() {
    let mut problems = Vec::new();
    let parts = ["1. a".to_owned(), "2. b".to_owned(), "\n3. c".to_owned(), "- x".to_owned()];
    assert_eq!(
        parse(&parts, false, &mut problems),
        [
            Block::List(true, vec![vec![t("a")], vec![t("b")], vec![t("c")]]),
            Block::List(false, vec![vec![t("x")]])
        ]
    );
}
