//! Property test: random mutations of the corpus's valid templates, sends and
//! messages never panic, and every error points (by JSON Pointer) at a value
//! that exists in the mutated document, or at a missing member of one.
// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::fs;
use whatsapp_edge::json::{parse, Key, Node, Span, Value};
use whatsapp_edge::message::validate_message;
use whatsapp_edge::template::send::validate_template_send;
use whatsapp_edge::template::{validate_template, TemplateOptions};
use whatsapp_edge::Report;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/corpus");
const MUTATIONS_PER_DOCUMENT: usize = 200;

/// xorshift64: deterministic, so a failure reproduces.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn node(value: Value<'static>) -> Node<'static> {
    Node { value, span: Span::default() }
}

fn random_value(rng: &mut Rng) -> Value<'static> {
    const STRINGS: [&str; 10] = [
        "",
        "x",
        "{{1}}",
        "{{name}}",
        "}} {{",
        "HEADER",
        "url",
        "https://a.example/{{1}}",
        "😀\n\t",
        "{{1}}{{2}}",
    ];
    match rng.below(8) {
        0 => Value::Null,
        1 => Value::Bool(rng.below(2) == 0),
        2 => Value::Number([0.0, -1.0, 1.5, 1e21, 91.0][rng.below(5)]),
        3 => Value::String("y".repeat(rng.below(3000)).into()),
        4 => Value::Array(vec![node(Value::String(STRINGS[rng.below(10)].into()))]),
        5 => Value::Object(vec![(
            Key { name: "type".into(), span: Span::default() },
            node(Value::String("x".into())),
        )]),
        _ => Value::String(STRINGS[rng.below(STRINGS.len())].into()),
    }
}

/// Counts the nodes, then mutates the `target`-th one (pre-order).
fn mutate(root: &mut Node<'static>, rng: &mut Rng) {
    fn count(node: &Node) -> usize {
        1 + match &node.value {
            Value::Array(items) => items.iter().map(count).sum(),
            Value::Object(members) => members.iter().map(|(_, n)| count(n)).sum(),
            _ => 0,
        }
    }
    fn visit(node: &mut Node<'static>, target: &mut usize, rng: &mut Rng) -> bool {
        if *target == 0 {
            match (&mut node.value, rng.below(4)) {
                (Value::Object(members), 0) if !members.is_empty() => {
                    let index = rng.below(members.len());
                    members.remove(index);
                }
                (Value::Array(items), 0) if !items.is_empty() => {
                    let copy = items[rng.below(items.len())].clone();
                    items.push(copy);
                }
                (Value::String(text), 1) => {
                    let at = rng.below(text.len() + 1);
                    if text.is_char_boundary(at) {
                        text.to_mut().insert_str(at, ["{{", "}}", "{{9}}", " ", "\n"][rng.below(5)]);
                    }
                }
                _ => node.value = random_value(rng),
            }
            return true;
        }
        *target -= 1;
        match &mut node.value {
            Value::Array(items) => items.iter_mut().any(|child| visit(child, target, rng)),
            Value::Object(members) => members.iter_mut().any(|(_, child)| visit(child, target, rng)),
            _ => false,
        }
    }
    let mut target = rng.below(count(root));
    visit(root, &mut target, rng);
}

/// Whether `pointer` names a node of `doc`, or a missing member of an object in it.
fn resolves(doc: &Node, pointer: &str) -> bool {
    let mut current = doc;
    let segments: Vec<String> =
        pointer.split('/').skip(1).map(|s| s.replace("~1", "/").replace("~0", "~")).collect();
    for (index, segment) in segments.iter().enumerate() {
        let last = index + 1 == segments.len();
        let next = match &current.value {
            Value::Object(_) => current.get(segment),
            Value::Array(items) => segment.parse::<usize>().ok().and_then(|i| items.get(i)),
            _ => None,
        };
        match next {
            Some(child) => current = child,
            None => return last && current.members().is_some(),
        }
    }
    true
}

fn check(doc: &Node, report: &Report, what: &str) {
    assert_eq!(report.ok, report.errors.is_empty(), "{what}");
    for issue in report.errors.iter().chain(&report.warnings) {
        assert!(issue.path.is_empty() || issue.path.starts_with('/'), "{what}: {issue:?}");
        assert!(resolves(doc, &issue.path), "{what}: {} points nowhere: {issue:?}", issue.path);
        assert!(!issue.message.is_empty(), "{what}: {issue:?}");
    }
}

fn documents(dir: &str) -> Vec<(String, Node<'static>)> {
    let mut found: Vec<(String, Node<'static>)> = fs::read_dir(format!("{CORPUS}/{dir}"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        // Documents borrow their text; the test keeps it for its whole run.
        .map(|path| {
            (
                path.display().to_string(),
                parse(Box::leak(fs::read_to_string(&path).unwrap().into_boxed_str())).unwrap(),
            )
        })
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found
}

#[test]
fn mutated_templates_never_panic_and_every_issue_has_a_real_path() {
    let mut rng = Rng(0x5DEE_CE66_D1CE_4E5B);
    for (name, original) in documents("templates") {
        for round in 0..MUTATIONS_PER_DOCUMENT {
            let mut doc = original.clone();
            for _ in 0..=rng.below(3) {
                mutate(&mut doc, &mut rng);
            }
            let report = validate_template(&doc, None, &TemplateOptions::default());
            check(&doc, &report, &format!("{name} round {round}"));
        }
    }
}

#[test]
fn mutated_sends_and_messages_never_panic_and_every_issue_has_a_real_path() {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let definitions = documents("templates");
    for (name, original) in documents("template_sends") {
        let wanted =
            original.get("template").and_then(|t| t.get("name")).and_then(Node::as_str).map(str::to_owned);
        let definition = definitions
            .iter()
            .find(|(_, d)| d.get("name").and_then(Node::as_str).map(str::to_owned) == wanted)
            .map_or_else(|| definitions[0].1.clone(), |(_, d)| d.clone());
        for round in 0..MUTATIONS_PER_DOCUMENT {
            let mut doc = original.clone();
            for _ in 0..=rng.below(3) {
                mutate(&mut doc, &mut rng);
            }
            check(&doc, &validate_message(&doc, None), &format!("message {name} round {round}"));
            check(
                &doc,
                &validate_template_send(&definition, &doc, None),
                &format!("send {name} round {round}"),
            );
            let mut mutated_definition = definition.clone();
            mutate(&mut mutated_definition, &mut rng);
            validate_template_send(&mutated_definition, &doc, None);
        }
    }
}

/// Hostile sizes: every rule must stay near-linear (an n² walk over these
/// inputs would not finish in CI's time), and findings stay capped.
#[test]
fn huge_documents_are_handled_and_findings_capped() {
    let members: Vec<String> = (0..200_000).map(|i| format!("\"k{i}\": {i}")).collect();
    let wide = format!("{{{}}}", members.join(","));
    let report = validate_template(&parse(&wide).unwrap(), None, &TemplateOptions::default());
    assert_eq!(
        report.warnings.len(),
        whatsapp_edge::check::MAX_ISSUES + 1,
        "capped, with a too_many_issues warning"
    );

    let rows: Vec<String> = (0..100_000)
        .map(|i| format!(r#"{{"title": "t", "rows": [{{"id": "r{i}", "title": "x"}}]}}"#))
        .collect();
    let message = format!(
        r#"{{"messaging_product": "whatsapp", "to": "+16505551234", "type": "interactive", "interactive": {{"type": "list", "body": {{"text": "x"}}, "action": {{"button": "b", "sections": [{}]}}}}}}"#,
        rows.join(",")
    );
    let report = validate_message(&parse(&message).unwrap(), None);
    assert!(report.errors.iter().any(|issue| issue.code == "message.interactive_invalid"));

    let body =
        (0..100_000).map(|i| format!("{{{{v{}}}}}", "x".repeat(i % 40))).collect::<Vec<_>>().join(" word ");
    let template = format!(
        r#"{{"name": "n", "language": "en", "category": "MARKETING", "components": [{{"type": "BODY", "text": "{body}"}}]}}"#
    );
    let report = validate_template(&parse(&template).unwrap(), None, &TemplateOptions::default());
    assert!(report.errors.iter().any(|issue| issue.code == "template.text_too_long"));
}
