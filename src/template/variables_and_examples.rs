//! The variables of a template text (`{{1}}`, `{{name}}`) and the examples
//! that fill them: format, sequence, placement in a body, and the
//! `example` object of each component (REFERENCE.md §1.8–§1.9).

use super::variables::{self, Name, Variable};
use super::{code, Ctx, ParameterFormat};
use crate::check::At;

/// Scans `text` for variables and applies the variable rules. `max` is how
/// many distinct variables the field allows (`None`: no limit); `body` turns
/// on the rules Meta's review applies to message bodies.
pub fn check_variables(
    ctx: &mut Ctx<'_>,
    at: &At<'_>,
    text: &str,
    max: Option<usize>,
    body: bool,
) -> Vec<Variable> {
    let scan = variables::scan(text);
    for malformed in &scan.malformed {
        ctx.checker.error_meta(
            code::VARIABLE_MALFORMED,
            2_388_047,
            at,
            format!("{} (at character {})", malformed.reason, char_index(text, malformed.start) + 1),
        );
    }
    let found = scan.variables;
    let distinct = variables::distinct(&found);
    match max {
        Some(0) if !found.is_empty() => {
            ctx.checker.error(code::VARIABLE_NOT_ALLOWED, at, "this text cannot contain variables");
            return found;
        }
        Some(max) if distinct.len() > max => ctx.checker.error(
            code::VARIABLE_NOT_ALLOWED,
            at,
            format!("{} variables; this text allows at most {max}", distinct.len()),
        ),
        _ => {}
    }
    check_format(ctx, at, &found);
    check_sequence(ctx, at, &found);
    for name in &distinct {
        let uses = found.iter().filter(|v| &&v.name == name).count();
        if uses > 1 {
            ctx.checker.warning(
                code::VARIABLE_REPEATED,
                at,
                format!("{} is used {uses} times", display(name)),
            );
        }
        if let Name::Named(named) = name {
            if named.len() > 20 {
                ctx.checker.warning(
                    code::VARIABLE_NAME_LONG,
                    at,
                    format!("{} is longer than 20 characters, which some tools reject", display(name)),
                );
            }
        }
    }
    for pair in found.windows(2) {
        if let [first, second] = pair {
            if text.get(first.end..second.start).is_some_and(|between| between.trim().is_empty()) {
                ctx.checker.warning(
                    code::VARIABLES_ADJACENT,
                    at,
                    format!(
                        "{} and {} have no text between them",
                        display(&first.name),
                        display(&second.name)
                    ),
                );
            }
        }
    }
    if body && !found.is_empty() {
        check_body_placement(ctx, at, text, &found);
    }
    found
}

fn check_format(ctx: &mut Ctx<'_>, at: &At<'_>, found: &[Variable]) {
    for variable in found {
        let (expected, this) = match (&variable.name, ctx.format) {
            (Name::Positional(_), ParameterFormat::Named) => ("NAMED", "positional"),
            (Name::Named(_), ParameterFormat::Positional) => ("POSITIONAL", "named"),
            _ => {
                continue;
            }
        };
        let other_kind_seen = match variable.name {
            Name::Positional(_) => ctx.seen_named,
            Name::Named(_) => ctx.seen_positional,
        };
        let message = if other_kind_seen {
            format!(
                "{} mixes positional and named variables; a template uses one kind",
                display(&variable.name)
            )
        } else if expected == "POSITIONAL" {
            format!(
                "{} is a {this} variable but parameter_format is {expected}; set \"parameter_format\": \"NAMED\"",
                display(&variable.name)
            )
        } else {
            format!("{} is a {this} variable but parameter_format is {expected}", display(&variable.name))
        };
        ctx.checker.error_meta(code::VARIABLE_FORMAT_MISMATCH, 100, at, message);
        break;
    }
    for variable in found {
        match variable.name {
            Name::Positional(_) => ctx.seen_positional = true,
            Name::Named(_) => ctx.seen_named = true,
        };
    }
}

fn check_sequence(ctx: &mut Ctx<'_>, at: &At<'_>, found: &[Variable]) {
    let numbers: Vec<u32> = found
        .iter()
        .filter_map(|v| match v.name {
            Name::Positional(n) => Some(n),
            Name::Named(_) => None,
        })
        .collect();
    // Every number from 1 to the highest must be used (no sort: lists are short).
    let highest = numbers.iter().copied().max().unwrap_or(0);
    if let Some(gap) = (1..=highest).find(|n| !numbers.contains(n)) {
        ctx.checker.error_meta(
            code::VARIABLE_NOT_SEQUENTIAL,
            100,
            at,
            format!(
                "positional variables must be numbered 1, 2, 3, … without gaps: {{{{{gap}}}}} is missing"
            ),
        );
        return;
    }
    let mut first_seen: Vec<u32> = Vec::new();
    for n in numbers {
        if !first_seen.contains(&n) {
            first_seen.push(n);
        }
    }
    if first_seen.windows(2).any(|pair| matches!(pair, [a, b] if a > b)) {
        ctx.checker.warning(
            code::VARIABLE_ORDER,
            at,
            "positional variables should first appear in order ({{1}} before {{2}})",
        );
    }
}

/// Leading/trailing variables, and too many variables for the text.
fn check_body_placement(ctx: &mut Ctx<'_>, at: &At<'_>, text: &str, found: &[Variable]) {
    let leading = text.len() - text.trim_start().len();
    let trailing = text.trim_end().len();
    let starts = found.first().is_some_and(|v| v.start == leading);
    let ends = found.last().is_some_and(|v| v.end == trailing);
    if starts || ends {
        ctx.checker.error_meta(
            code::VARIABLE_AT_EDGE,
            2_388_299,
            at,
            format!(
                "the text cannot {} with a variable; add words around it",
                if starts { "start" } else { "end" }
            ),
        );
    } else if let Some(last) = found.last() {
        let after = text.get(last.end..trailing).unwrap_or_default();
        if !after.is_empty() && !after.chars().any(char::is_alphanumeric) {
            ctx.checker.warning(
                code::VARIABLE_NEAR_END,
                at,
                "the text ends with a variable followed only by punctuation, which review may treat as ending with a variable",
            );
        }
    }
    let variables = found.len();
    let words = variables::word_count_outside(text, found);
    if words < 2 * variables + 1 {
        ctx.checker.warning(
            code::VARIABLE_DENSITY,
            at,
            format!("{variables} variable(s) with {words} word(s) of text; review may reject templates with too many variables for their length (keep at least {} words)", 2 * variables + 1),
        );
    }
}

/// Which example layout a text uses.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Examples {
    /// `example.header_text: ["v"]` / `header_text_named_params`
    Header,
    /// `example.body_text: [["v1", "v2"]]` / `body_text_named_params`
    Body,
}

/// Checks a component's `example` against the variables found in its text.
pub fn check_examples(ctx: &mut Ctx<'_>, component: &At<'_>, found: &[Variable], layout: Examples) {
    let (positional_key, named_key) = match layout {
        Examples::Header => ("header_text", "header_text_named_params"),
        Examples::Body => ("body_text", "body_text_named_params"),
    };
    let example = component.get("example");
    if let Some(example) = &example {
        if example.object(&mut ctx.checker).is_none() {
            return;
        }
        ctx.checker.unknown_keys(example, &[positional_key, named_key, "header_handle"], "example");
    }
    let distinct = variables::distinct(found);
    let positional = example.as_ref().and_then(|e| e.get(positional_key));
    let named = example.as_ref().and_then(|e| e.get(named_key));
    if distinct.is_empty() {
        for at in [positional, named].into_iter().flatten() {
            ctx.checker.warning(
                code::EXAMPLE_UNUSED,
                &at,
                "an example was given but the text has no variables",
            );
        }
        return;
    }
    let names_named = distinct.iter().all(|name| matches!(name, Name::Named(_)));
    let (wanted_key, wrong) = if names_named { (named_key, positional) } else { (positional_key, named) };
    if let Some(wrong) = wrong {
        ctx.checker.error(
            code::EXAMPLE_MISMATCH,
            &wrong,
            format!(
                "the variables are {}; give examples in example.{wanted_key}",
                if names_named { "named" } else { "positional" }
            ),
        );
    }
    let Some(given) = (if names_named { named } else { positional }) else {
        let at = example.unwrap_or(*component);
        let shape = match (names_named, layout) {
            (true, _) => {
                format!("[{{\"param_name\": \"…\", \"example\": \"…\"}}] for each of {}", list(&distinct))
            }
            (false, Examples::Header) => "[\"<value>\"]".to_owned(),
            (false, Examples::Body) => format!("[[…{} values…]]", distinct.len()),
        };
        ctx.checker.error(
            code::EXAMPLE_MISSING,
            &at,
            format!("every variable needs an example: add example.{wanted_key}: {shape}"),
        );
        return;
    };
    if names_named {
        check_named_examples(ctx, &given, &distinct);
    } else {
        check_positional_examples(ctx, &given, distinct.len(), layout);
    }
}

fn check_positional_examples(ctx: &mut Ctx<'_>, given: &At<'_>, wanted: usize, layout: Examples) {
    // Body examples are an array holding one array; a single variable may be a plain string.
    let values: Vec<At<'_>> = match (layout, given.node.as_str(), given.node.items()) {
        (_, Some(_), _) if wanted == 1 => vec![*given],
        (Examples::Body, _, Some([only])) if only.items().is_some() => At { node: only }.items(),
        (Examples::Body, _, Some(_)) => {
            ctx.checker.error(
                code::EXAMPLE_MISMATCH,
                given,
                format!("example.body_text is an array holding one array of {wanted} values: [[\"…\", …]]"),
            );
            return;
        }
        (Examples::Header, _, Some(_)) => given.items(),
        _ => {
            ctx.checker.error(code::EXAMPLE_MISMATCH, given, "examples are an array of strings");
            return;
        }
    };
    if values.len() != wanted {
        ctx.checker.error(
            code::EXAMPLE_MISMATCH,
            given,
            format!(
                "{} example value(s) for {wanted} variable(s); give one per variable, in order",
                values.len()
            ),
        );
    }
    for value in &values {
        check_example_value(ctx, value);
    }
}

fn check_named_examples(ctx: &mut Ctx<'_>, given: &At<'_>, distinct: &[&Name]) {
    let Some(items) = given.array(&mut ctx.checker) else { return };
    let mut covered: Vec<String> = Vec::new();
    for item in &items {
        if item.object(&mut ctx.checker).is_none() {
            continue;
        }
        ctx.checker.unknown_keys(item, &["param_name", "example"], "a named example");
        let name = item.required(&mut ctx.checker, "param_name", "a named example");
        let name = name.as_ref().and_then(|at| at.str(&mut ctx.checker).map(|n| (n, *at)));
        if let Some(value) = item.required(&mut ctx.checker, "example", "a named example") {
            check_example_value(ctx, &value);
        }
        let Some((name, name_at)) = name else { continue };
        if !distinct.contains(&&Name::Named(name.to_owned())) {
            ctx.checker.error(
                code::EXAMPLE_MISMATCH,
                &name_at,
                format!("the text has no variable {{{{{name}}}}}"),
            );
        }
        covered.push(name.to_owned());
    }
    for name in distinct {
        if let Name::Named(named) = name {
            if !covered.contains(named) {
                ctx.checker.error(code::EXAMPLE_MISSING, given, format!("no example for {{{{{named}}}}}"));
            }
        }
    }
}

fn check_example_value(ctx: &mut Ctx<'_>, value: &At<'_>) {
    if let Some(text) = value.str(&mut ctx.checker) {
        if text.trim().is_empty() {
            ctx.checker.error(code::EXAMPLE_MISMATCH, value, "example values cannot be empty");
        }
    }
}

fn display(name: &Name) -> String {
    match name {
        Name::Positional(n) => format!("{{{{{n}}}}}"),
        Name::Named(n) => format!("{{{{{n}}}}}"),
    }
}

fn list(names: &[&Name]) -> String {
    names.iter().map(|n| display(n)).collect::<Vec<_>>().join(", ")
}

fn char_index(text: &str, byte: usize) -> usize {
    text.get(..byte).map_or(0, |before| before.chars().count())
}
