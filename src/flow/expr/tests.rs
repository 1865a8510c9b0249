//! Tests of `flow::expr`.

use super::ProblemKind::{MalformedReference, Syntax};
use super::*;

fn check(text: &str) -> Result<Type, Problem> {
    let types = |r: &Reference<'_>| match r.field {
        "flag" => Type::Boolean,
        "name" => Type::String,
        "a" | "b" | "age" => Type::Number,
        _ => Type::Unknown,
    };
    check_expression(text, &types)
}

fn err(text: &str) -> (ProblemKind, usize, String) {
    let p = check(text).unwrap_err();
    (p.kind, p.offset, p.message)
}

fn problems(text: &str) -> Vec<(usize, String)> {
    references(text).1.into_iter().map(|p| (p.offset, p.message)).collect()
}

#[test]
fn references_of_all_four_forms_with_offsets() {
    let (refs, problems) =
        references("${data.x.y} ${form.f-1} ${screen.S_1.form.q} ${screen.S2.data.items[0].name}");
    assert!(problems.is_empty());
    let got: Vec<_> = refs.iter().map(|r| (r.scope, r.field, r.text, r.offset)).collect();
    assert_eq!(
        got,
        [
            (Scope::Data, "x", "${data.x.y}", 0),
            (Scope::Form, "f-1", "${form.f-1}", 12),
            (Scope::Screen { screen: "S_1", form: true }, "q", "${screen.S_1.form.q}", 24),
            (Scope::Screen { screen: "S2", form: false }, "items", "${screen.S2.data.items[0].name}", 45),
        ]
    );
    assert_eq!(references("no $ refs {here}"), (vec![], vec![]));
    assert_eq!(whole_reference("${form.x}").map(|r| r.field), Some("x"));
    for text in ["a ${form.x}", "${form.x} ", "${form.x}${form.y}", "${form.", "", "$"] {
        assert_eq!(whole_reference(text), None, "{text}");
    }
    assert!(is_expression("``") && is_expression("`1`") && !is_expression("`") && !is_expression("1`"));
}

#[test]
fn malformed_references_are_collected_and_scanning_continues() {
    let text =
        "${foo.x} ${data.} ${screen.X} ${data.y} ${screen.X.other.z} ${data.a[x]} ${data.a ${} ${data.é}";
    assert_eq!(references(text).0.iter().map(|r| r.text).collect::<Vec<_>>(), ["${data.y}"]);
    assert!(references(text).1.iter().all(|p| p.kind == MalformedReference));
    let expected = [
        (2, "unknown reference root 'foo'; expected data, form or screen"),
        (16, "expected a field name after '.', found '}'"),
        (28, "expected '.' then 'form' or 'data', found '}'"),
        (51, "expected 'form' or 'data' after the screen id, found 'other'"),
        (68, "expected an index such as [0]"),
        (81, "expected '.', '[' or '}', found ' '"),
        (84, "expected data, form or screen after '${'"),
        (93, "expected a field name after '.', found 'é'"),
    ];
    assert_eq!(problems(text), expected.map(|(at, m)| (at, m.to_string())));
    assert_eq!(problems("x ${data.x"), [(2, "unterminated reference; expected '}'".to_string())]);
}

#[test]
fn operator_classes_and_concatenation_have_their_result_types() {
    for (text, ty) in [
        ("`${form.age} > 18`", Type::Boolean),
        ("`1 <= 2 && 3 >= 2.5 || 1 < 0`", Type::Boolean),
        ("`${data.name} == 'x' && ${data.a} != 1 && true == false`", Type::Boolean),
        ("`!${data.flag} || !(1 > 2)`", Type::Boolean),
        ("`-${data.a} * 2 / 3 % 4 + 1 - -2`", Type::Number),
        ("`(((1)))`", Type::Number),
        ("`'a'`", Type::String),
        ("`${data.x}`", Type::Unknown),
        ("`${data.x} + 1`", Type::Number),
        ("`${data.x} == 'a' && ${data.y} && !${data.z} == ${data.flag}`", Type::Boolean),
        ("`\t${screen.S.form.x}\n>\r0 `", Type::Boolean),
        ("` 'The sum of ' ${data.a} ' and ' ${data.b} ' is ' (${data.a} + ${data.b})`", Type::String),
        ("`'Hello ' ${form.name}`", Type::String),
        ("`${data.a} ${data.b}`", Type::String),
        ("`('x' 1) 'y' !${data.flag}`", Type::String),
        ("`'it\\'s' 'a \\` tick'`", Type::String),
    ] {
        assert_eq!(check(text), Ok(ty), "{text}");
    }
}

#[test]
fn syntax_errors_say_what_was_expected_where() {
    for (text, offset, message) in [
        ("1 + 2", 0, "expected an expression between backticks"),
        ("``", 1, "empty expression"),
        ("`  `", 3, "empty expression"),
        ("`(1 + 2`", 1, "unclosed '('; expected ')'"),
        ("`1 + 2)`", 6, "unexpected ')' without a matching '('"),
        ("`${form.a} &&`", 13, "expected an operand after '&&'"),
        ("`1 + * 2`", 5, "expected an operand after '+'"),
        ("`()`", 2, "expected an operand after '('"),
        ("`!`", 2, "expected an operand after '!'"),
        ("`* 2`", 1, "expected an operand before '*'"),
        ("`'abc`", 1, "unterminated string literal"),
        ("`'ab\\`", 1, "unterminated string literal"),
        ("`'a`b'`", 3, "a backtick in a string literal is written \\`"),
        ("`1 = 1`", 3, "unexpected '='; compare with '=='"),
        ("`a & b`", 1, "unexpected 'a'; expected ${data.x}, 'text', a number or true"),
        ("`true & false`", 6, "unexpected '&'; use '&&'"),
        ("`1 | 2`", 3, "unexpected '|'; use '||'"),
        ("`1 ^ é`", 3, "unexpected '^'"),
        ("`é`", 1, "unexpected 'é'"),
        ("`1.`", 3, "expected a digit after '.'"),
        ("`$data`", 1, "unexpected '$'"),
        ("`'a' > 1 &&`", 11, "expected an operand after '&&'"), // wins over the earlier type error
    ] {
        assert_eq!(err(text), (Syntax, offset, message.into()), "{text}");
    }
    let root = "unknown reference root 'foo'; expected data, form or screen";
    assert_eq!(err("`1 + ${foo.x}`"), (MalformedReference, 7, root.into()));
    assert_eq!(err("`${data.x`"), (MalformedReference, 9, "expected '.', '[' or '}', found '`'".into()));
}

#[test]
fn type_errors_point_at_the_offending_operand() {
    for (text, offset, message) in [
        ("`'a' > 3`", 1, "'>' compares numbers; the left side is a string"),
        ("`3 <= true`", 6, "'<=' compares numbers; the right side is a boolean"),
        ("`${data.flag} + 1`", 1, "'+' works on numbers; the left side is a boolean"),
        ("`1 * 'x'`", 5, "'*' works on numbers; the right side is a string"),
        ("`!5`", 2, "'!' negates a boolean; its operand is a number"),
        ("`-'x'`", 2, "'-' negates a number; its operand is a string"),
        ("`1 && true`", 1, "'&&' combines booleans; the left side is a number"),
        ("`true || (1 > 0) || 'x'`", 20, "'||' combines booleans; the right side is a string"),
        (
            "`'a' == 1`",
            8,
            "'==' compares values of one type; the left side is a string, the right side is a number",
        ),
        ("`!1 && 'a' > 1`", 2, "'!' negates a boolean; its operand is a number"), // the first one
    ] {
        assert_eq!(err(text), (ProblemKind::Type, offset, message.into()), "{text}");
    }
}

#[test]
fn nesting_is_bounded_without_overflowing_the_stack() {
    assert_eq!(check(&format!("`{}1{}`", "(".repeat(64), ")".repeat(64))), Ok(Type::Number));
    assert_eq!(check(&format!("`{}true`", "!".repeat(64))), Ok(Type::Boolean));
    for deep in
        [format!("`{}1{}`", "(".repeat(10_000), ")".repeat(10_000)), format!("`{}1`", "-(".repeat(5_000))]
    {
        assert_eq!(err(&deep), (Syntax, 65, "expression nested more than 64 levels deep".into()));
    }
}

#[test]
fn never_panics_on_any_prefix_or_suffix() {
    let text = "`'é\\`' ${screen.S.data.a[12].b} (1.5 + -${data.é}) == !${form.x} || 'x' <= >= != % ${`";
    for (i, _) in text.char_indices() {
        for part in [&text[..i], &text[i..]] {
            let _ = (references(part), whole_reference(part), check(part), check(&format!("`{part}`")));
        }
    }
}
