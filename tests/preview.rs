//! Template previews natively: every corpus template renders; the layout
//! rules (buttons, cards, offers, authentication presets, direction) and the
//! value sources (send, examples, placeholders) hold; hostile text stays text.
// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::fs;
use whatsapp_edge::json::parse;
use whatsapp_edge::preview::markup::{Block, Inline};
use whatsapp_edge::preview::tree::{Direction, Header};
use whatsapp_edge::preview::{render, Preview, PreviewOptions};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/corpus");

fn preview(definition: &str, send: Option<&str>) -> Preview {
    let doc = parse(definition).unwrap();
    let send = send.map(|s| parse(s).unwrap());
    render(&doc, Some(definition), send.as_ref(), &PreviewOptions::default())
}

fn body_text(preview: &Preview) -> String {
    fn walk(inlines: &[Inline], out: &mut String) {
        for inline in inlines {
            match inline {
                Inline::Text { text } | Inline::Code { text } | Inline::Link { text, .. } => {
                    out.push_str(text)
                }
                Inline::Variable { text, .. } => out.push_str(text),
                Inline::Bold { children } | Inline::Italic { children } | Inline::Strike { children } => {
                    walk(children, out)
                }
                Inline::Break => out.push('\n'),
            }
        }
    }
    let mut out = String::new();
    for block in &preview.tree.body {
        match block {
            Block::Paragraph { children } | Block::Quote { children } => walk(children, &mut out),
            Block::BulletList { items } | Block::NumberedList { items, .. } => {
                items.iter().for_each(|i| walk(i, &mut out))
            }
            Block::CodeBlock { text } => out.push_str(text),
        }
    }
    out
}

#[test]
fn every_corpus_template_renders() {
    let mut count = 0;
    for entry in fs::read_dir(format!("{CORPUS}/templates")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let text = fs::read_to_string(&path).unwrap().replace("\"<TEMPLATE_NAME>\"", "\"template_name\"");
        let result = preview(&text, None);
        assert!(result.html.starts_with("<div class=\"wa-preview"), "{path:?}");
        assert!(!result.html.contains("<script"), "{path:?}");
        count += 1;
    }
    assert_eq!(count, 47);
}

const MARKETING: &str = r#"{"name":"order_update","language":"en_US","category":"MARKETING","components":[
 {"type":"HEADER","format":"TEXT","text":"Order {{1}}","example":{"header_text":["A12"]}},
 {"type":"BODY","text":"Hi {{1}}, your *order* ships on {{2}}.","example":{"body_text":[["Pablo","Friday"]]}},
 {"type":"FOOTER","text":"Reply STOP to opt out"},
 {"type":"BUTTONS","buttons":[
  {"type":"URL","text":"Track","url":"https://shop.example/t/{{1}}","example":["https://shop.example/t/A12"]},
  {"type":"PHONE_NUMBER","text":"Call","phone_number":"+1 (555) 000-1111"},
  {"type":"QUICK_REPLY","text":"Stop"},{"type":"QUICK_REPLY","text":"More"}]}]}"#;

#[test]
fn examples_fill_variables_and_more_than_three_buttons_fold() {
    let result = preview(MARKETING, None);
    assert_eq!(body_text(&result), "Hi Pablo, your order ships on Friday.");
    let kinds: Vec<_> = result.tree.buttons.iter().map(|b| b.kind).collect();
    assert_eq!(kinds, ["url", "phone", "seeAll"]);
    assert_eq!(result.tree.hidden_buttons.len(), 2);
    assert_eq!(result.tree.buttons[0].href.as_deref(), Some("https://shop.example/t/A12"));
    assert_eq!(result.tree.buttons[1].href.as_deref(), Some("tel:+15550001111"));
    assert_eq!(result.tree.footer.as_deref(), Some("Reply STOP to opt out"));
    assert!(matches!(&result.tree.header, Some(Header::Text { .. })));
    assert!(result.html.contains("<strong>order</strong>"));
}

#[test]
fn send_parameters_win_over_examples() {
    let send = r#"{"name":"order_update","language":{"code":"en_US"},"components":[
      {"type":"body","parameters":[{"type":"text","text":"Ana"},{"type":"text","text":"Monday"}]},
      {"type":"button","sub_type":"url","index":0,"parameters":[{"type":"text","text":"Z9"}]}]}"#;
    let result = preview(MARKETING, Some(send));
    assert_eq!(body_text(&result), "Hi Ana, your order ships on Monday.");
    assert_eq!(result.tree.buttons[0].href.as_deref(), Some("https://shop.example/t/Z9"));
}

#[test]
fn missing_values_stay_placeholders_with_a_warning() {
    let text = MARKETING.replace(r#","example":{"body_text":[["Pablo","Friday"]]}"#, "");
    let result = preview(&text, None);
    assert_eq!(body_text(&result), "Hi {{1}}, your order ships on {{2}}.");
    let unresolved = result.issues.iter().filter(|i| i.code == "preview.variable_unresolved").count();
    assert_eq!(unresolved, 2);
    assert!(result.html.contains("wa-unresolved"));
}

#[test]
fn values_are_text_not_markup() {
    let send = r#"{"components":[{"type":"body","parameters":[
      {"type":"text","text":"<img src=x onerror=alert(1)>"},{"type":"text","text":"*bold* \u202Eevil"}]}]}"#;
    let result = preview(MARKETING, Some(send));
    assert!(!result.html.contains("<img"));
    assert!(result.html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(
        result.html.contains("*bold* evil"),
        "values are atomic and bidi overrides dropped: {}",
        result.html
    );
}

#[test]
fn unsafe_links_are_not_links() {
    let text = MARKETING
        .replace("https://shop.example/t/{{1}}", "javascript:alert({{1}})")
        .replace("https://shop.example/t/A12", "A12");
    let result = preview(&text, None);
    assert_eq!(result.tree.buttons[0].href, None);
    assert!(result.issues.iter().any(|i| i.code == "preview.link_unsafe"));
    assert!(!result.html.contains("javascript:"));
}

#[test]
fn authentication_templates_show_metas_preset_texts() {
    let text = r#"{"name":"login","language":"en","category":"AUTHENTICATION","components":[
      {"type":"BODY","add_security_recommendation":true},{"type":"FOOTER","code_expiration_minutes":10},
      {"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"COPY_CODE","text":"Copy code"}]}]}"#;
    let send = r#"{"components":[{"type":"body","parameters":[{"type":"text","text":"123456"}]}]}"#;
    let result = preview(text, Some(send));
    assert_eq!(
        body_text(&result),
        "123456 is your verification code. For your security, do not share this code."
    );
    assert_eq!(result.tree.footer.as_deref(), Some("This code expires in 10 minutes."));
    assert_eq!(result.tree.buttons[0].text, "Copy code");
}

#[test]
fn carousels_offers_and_right_to_left() {
    let carousel =
        fs::read_to_string(format!("{CORPUS}/templates/metadocs_carousel_template_media_cards_v1.json"))
            .unwrap();
    let result = preview(&carousel, None);
    assert_eq!(result.tree.cards.len(), 3);
    assert!(result.tree.cards.iter().all(|card| card.header.is_some() && card.buttons.len() == 2));
    let shop = result.tree.cards[0].buttons[1].href.as_deref();
    assert_eq!(
        shop,
        Some("https://www.luckyshrub.com/rare-succulents/BLUE_ELF"),
        "an example that is only the value"
    );
    let offer =
        fs::read_to_string(format!("{CORPUS}/templates/metadocs_limited_time_offer_caribbean_pkg_2023.json"))
            .unwrap();
    let send = r#"{"components":[{"type":"limited_time_offer","parameters":[{"type":"limited_time_offer","limited_time_offer":{"expiration_time_ms":1893456000000}}]}]}"#;
    let result = preview(&offer, Some(send));
    let offer = result.tree.offer.unwrap();
    assert_eq!(offer.expires.as_deref(), Some("Offer ends 2030-01-01 00:00 UTC"));
    let arabic = MARKETING.replace("\"en_US\"", "\"ar\"");
    assert_eq!(preview(&arabic, None).tree.direction, Direction::Rtl);
    assert!(preview(&arabic, None).html.contains("dir=\"rtl\""));
}

#[test]
fn headers_are_plain_text_and_private_use_slots_cannot_be_forged() {
    let text = MARKETING
        .replace("\"Order {{1}}\"", "\"1. Big sale {{1}}\"")
        .replace("Hi {{1}}", "Hi \u{E000}0\u{E001} {{1}}");
    let result = preview(&text, None);
    let Some(Header::Text { children }) = &result.tree.header else { panic!("a text header") };
    assert_eq!(children[0], Inline::Text { text: "1. Big sale ".into() });
    assert!(body_text(&result).starts_with("Hi \u{FFFD}0\u{FFFD} Pablo"), "{}", body_text(&result));
}

#[test]
fn preview_findings_carry_the_position_of_their_path() {
    let text = MARKETING
        .replace("https://shop.example/t/{{1}}", "javascript:alert({{1}})")
        .replace("https://shop.example/t/A12", "A12");
    let result = preview(&text, None);
    let issue = result.issues.iter().find(|i| i.code == "preview.link_unsafe").unwrap();
    assert_eq!(issue.path, "/components/3/buttons/0/url");
    assert_eq!(issue.line, Some(6));
}

fn preview_with(definition: &str, options: &PreviewOptions) -> Preview {
    render(&parse(definition).unwrap(), Some(definition), None, options)
}

fn too_long(result: &Preview) -> Vec<(&str, &str)> {
    let issues = result.issues.iter().filter(|i| i.code == "preview.text_too_long");
    issues.map(|i| (i.path.as_str(), i.message.as_str())).collect()
}

/// `{"name":…,"components":[…]}` with `components` as given (JSON).
fn template(components: &str) -> String {
    format!(r#"{{"name":"hostile","language":"en_US","category":"MARKETING","components":[{components}]}}"#)
}

const LIMIT: usize = whatsapp_edge::preview::MAX_TEXT_BYTES;

#[test]
fn a_body_over_64_kib_is_not_parsed_but_shown_cut_as_plain_text() {
    // Just within the limit: parsed (the stars are bold).
    let within = "*a* ".repeat(LIMIT / 4);
    assert_eq!(within.len(), LIMIT);
    let result = preview(&template(&format!(r#"{{"type":"BODY","text":"{within}"}}"#)), None);
    assert!(too_long(&result).is_empty());
    assert!(result.html.contains("<strong>a</strong>"));

    // Over: not parsed, cut at 64 KiB (before the 2-byte é that would cross it) with "…",
    // one plain text, a warning at its path.
    let over = format!("{}\\nabéx", "*a* ".repeat(LIMIT / 4 - 1));
    let definition = template(&format!(
        r#"{{"type":"HEADER","format":"TEXT","text":"Hi"}},{{"type":"BODY","text":"{over}"}}"#
    ));
    let result = preview(&definition, None);
    let warnings = too_long(&result);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    let (path, message) = warnings[0];
    assert_eq!(path, "/components/1/text");
    assert!(message.starts_with("65538 bytes, over the preview's limit of 65536"), "{message}");
    let issue = result.issues.iter().find(|i| i.code == "preview.text_too_long").unwrap();
    let column = definition.find("\"*a* ").unwrap() as u32 + 1;
    assert_eq!((issue.line, issue.column), (Some(1), Some(column)), "positioned at the text");
    let [Block::Paragraph { children }] = result.tree.body.as_slice() else {
        panic!("{:?}", result.tree.body)
    };
    let [Inline::Text { text }] = children.as_slice() else { panic!("one plain text: {children:?}") };
    assert_eq!(text.len(), LIMIT - 1 + "…".len(), "cut at a char boundary");
    assert!(text.ends_with("*a* \nab…"));
    assert!(!result.html.contains("<strong>"), "not formatted");
    assert!(result.html.len() < LIMIT + 1_000);
}

#[test]
fn every_text_the_preview_shows_is_capped() {
    let big = "x".repeat(LIMIT + 1);
    let definition = template(&format!(
        r#"{{"type":"HEADER","format":"TEXT","text":"{big}"}},
           {{"type":"LIMITED_TIME_OFFER","limited_time_offer":{{"text":"{big}"}}}},
           {{"type":"BODY","text":"ok"}},{{"type":"FOOTER","text":"{big}"}},
           {{"type":"BUTTONS","buttons":[{{"type":"QUICK_REPLY","text":"{big}"}},
             {{"type":"OTP","otp_type":"ONE_TAP","autofill_text":"{big}"}}]}}"#
    ));
    let result = preview(&definition, None);
    let paths: Vec<_> = too_long(&result).into_iter().map(|(path, _)| path).collect();
    assert_eq!(
        paths,
        [
            "/components/0/text",
            "/components/1/limited_time_offer/text",
            "/components/3/text",
            "/components/4/buttons/0/text",
            "/components/4/buttons/1/autofill_text",
        ]
    );
    let shown = format!("{}…", "x".repeat(LIMIT));
    let Some(Header::Text { children }) = &result.tree.header else { panic!("a text header") };
    assert_eq!(children, &[Inline::Text { text: shown.clone() }]);
    assert_eq!(result.tree.offer.as_ref().unwrap().text, shown);
    assert_eq!(result.tree.footer.as_deref(), Some(shown.as_str()));
    assert_eq!(result.tree.buttons[0].text, shown);
    assert_eq!(result.tree.buttons[1].text, shown);
}

#[test]
fn values_count_toward_the_text_they_fill() {
    // 26 KB of definition: one 20 KB example value in 1,000 variables would be 20 MB of text.
    let value = "v".repeat(20_000);
    let body = "{{1}} ".repeat(1_000);
    let definition =
        template(&format!(r#"{{"type":"BODY","text":"{body}","example":{{"body_text":[["{value}"]]}}}}"#));
    let result = preview(&definition, None);
    let warnings = too_long(&result);
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].0, "/components/0/text");
    assert!(warnings[0].1.starts_with("20001000 bytes with its variables filled"), "{}", warnings[0].1);
    // Shown as written: the variables not filled, nothing parsed.
    assert!(body_text(&result) == body, "not shown as written");
    assert!(warnings[0].1.contains("): shown as written, unformatted"), "{}", warnings[0].1);
    assert!(result.html.len() < 2 * LIMIT);
    // Values that fit are still atomic variables.
    let result =
        preview(&template(r#"{"type":"BODY","text":"{{1}}*","example":{"body_text":[["*a"]]}}"#), None);
    assert!(too_long(&result).is_empty());
    assert!(
        matches!(&result.tree.body[0], Block::Paragraph { children } if matches!(children[0], Inline::Variable { .. }))
    );
}

#[test]
fn a_preview_shows_at_most_1_mib_of_text_in_all() {
    // 40 cards, each filling 60 KB from a 6 KB value: 2.4 MB of text from a 250 KB definition.
    let card = format!(
        r#"{{"components":[{{"type":"BODY","text":"{}","example":{{"body_text":[["{}"]]}}}}]}}"#,
        "{{1}}".repeat(10),
        "v".repeat(6_000)
    );
    let cards = vec![card; 40].join(",");
    let definition =
        template(&format!(r#"{{"type":"BODY","text":"Cards"}},{{"type":"CAROUSEL","cards":[{cards}]}}"#));
    let result = preview(&definition, None);
    let shown: usize = result
        .tree
        .cards
        .iter()
        .map(|card| match &card.body[..] {
            [Block::Paragraph { children }] => children
                .iter()
                .map(|c| match c {
                    Inline::Text { text } | Inline::Variable { text, .. } => text.len(),
                    _ => 0,
                })
                .sum(),
            _ => 0,
        })
        .sum();
    assert!(shown <= whatsapp_edge::preview::MAX_DOCUMENT_BYTES + 40 * 3, "{shown} bytes shown");
    assert!(shown > 1_000_000, "{shown}: the first cards are whole");
    let warnings = too_long(&result);
    // The body and 17 cards fit whole (5 + 17 x 60,000 bytes), the 18th is cut to what is
    // left, the rest are empty.
    assert_eq!(warnings.len(), 23, "{warnings:?}");
    assert_eq!(warnings[0].0, "/components/1/cards/17/components/0/text");
    assert!(
        warnings[0].1.contains("over the preview's limit of 28571 (65536 per text, 1048576 in all)"),
        "{}",
        warnings[0].1
    );
    assert!(result.html.len() < 1_200_000);
}

#[test]
fn a_document_over_1_mib_is_not_rendered() {
    let huge = template(&format!(r#"{{"type":"BODY","text":"{}"}}"#, "*a* ".repeat(300_000)));
    let result = preview(&huge, None);
    assert_eq!(result.issues.len(), 1, "no validation either: {:?}", result.issues);
    let issue = &result.issues[0];
    assert_eq!((issue.code, issue.path.as_str()), ("preview.too_large", ""));
    assert_eq!(issue.severity, whatsapp_edge::report::Severity::Error);
    assert!(issue.message.contains(&format!("the definition is {} bytes", huge.len())), "{}", issue.message);
    assert!(result.tree.body.is_empty() && result.tree.header.is_none());
    assert!(result.html.starts_with("<div class=\"wa-preview wa-light\""));

    let send = format!(
        r#"{{"components":[{{"type":"body","parameters":[{{"type":"text","text":"{}"}}]}}]}}"#,
        "a".repeat(1 << 20)
    );
    let result = preview(MARKETING, Some(&send));
    assert_eq!(result.issues.iter().map(|i| i.code).collect::<Vec<_>>(), ["preview.too_large"]);
    assert!(result.issues[0].message.starts_with("the send is 1048"));
}

#[test]
fn the_previews_own_findings_stop_at_500() {
    // 40 cards of 100 unresolved variables: 4,000 findings would be reported.
    let card = format!(r#"{{"components":[{{"type":"BODY","text":"{}"}}]}}"#, "{{1}}".repeat(100));
    let definition = template(&format!(
        r#"{{"type":"BODY","text":"Cards"}},{{"type":"CAROUSEL","cards":[{}]}}"#,
        vec![card; 40].join(",")
    ));
    let result = preview(&definition, None);
    let unresolved: Vec<_> =
        result.issues.iter().filter(|i| i.code == "preview.variable_unresolved").collect();
    assert_eq!(unresolved.len(), 500);
    assert!(result.issues.iter().any(|i| i.code == "too_many_issues"));
    // Reported in document order; positions, computed in one pass, agree with counting from the start.
    let doc = parse(&definition).unwrap();
    let mut last = 0;
    for issue in result.issues.iter().filter(|i| i.code.starts_with("preview.")) {
        let start = whatsapp_edge::json_pointer::deepest(&doc, &issue.path).span.start;
        assert!(start >= last, "{issue:?}");
        last = start;
        let position = whatsapp_edge::text::Position::of_byte_offset(&definition, start);
        assert_eq!((issue.line, issue.column), (Some(position.line), Some(position.column)), "{issue:?}");
    }
}

#[test]
fn media_placeholder_shows_no_media_url_but_the_tree_keeps_it() {
    let definition = template(
        r#"{"type":"HEADER","format":"IMAGE","example":{"header_handle":["https://cdn.example/h.png"]}},
           {"type":"BODY","text":"Hi https://x.example"}"#,
    );
    let load = preview(&definition, None);
    assert!(
        load.html.contains(
            r#"src="https://cdn.example/h.png" referrerpolicy="no-referrer" loading="lazy" decoding="async""#
        ),
        "{}",
        load.html
    );
    let options = PreviewOptions { media: Some("placeholder".into()), ..PreviewOptions::default() };
    let placeholder = preview_with(&definition, &options);
    assert!(
        !placeholder.html.contains("cdn.example") && !placeholder.html.contains("<img"),
        "{}",
        placeholder.html
    );
    assert!(placeholder.html.contains(r#"<div class="wa-media wa-placeholder wa-image">Image</div>"#));
    assert!(placeholder.html.contains(r#"href="https://x.example""#), "links are not media: they stay links");
    assert!(
        matches!(&placeholder.tree.header, Some(Header::Media { url: Some(url), .. }) if url == "https://cdn.example/h.png")
    );
}
