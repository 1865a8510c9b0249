//! References (`${data.x}`, `${form.x}`, `${screen.S.form.x}`) and nested
//! expressions inside string values, resolved against the indexed screens.

use super::expr::{self, Problem, ProblemKind, Reference, Scope, Type};
use super::version::Version;
use super::{code, Ctx};
use crate::check::At;
use crate::text::quoted;

/// Checks the references (and, in backticks, the expression) in `text`, the
/// value at `at` on screen `screen`. Returns the value's type when it is
/// dynamic (one whole reference or an expression).
pub(crate) fn check_string(ctx: &mut Ctx<'_>, screen: usize, at: &At<'_>, text: &str) -> Option<Type> {
    let expression = expr::is_expression(text);
    if !expression && !expr::has_reference(text) {
        return None;
    }
    if expression && !ctx.require_version(Version(6, 0), at, "a nested expression (a value in backticks)") {
        return None;
    }
    resolve_all(ctx, screen, at, text);
    if expression {
        let result =
            expr::check_expression(text, &|r| reference_type(ctx, screen, r).unwrap_or(Type::Unknown));
        return match result {
            Ok(found) => Some(found),
            Err(problem) => {
                report(ctx, at, &problem, 0);
                None
            }
        };
    }
    let whole = expr::whole_reference(text)?;
    Some(reference_type(ctx, screen, &whole).unwrap_or(Type::Unknown))
}

/// An If `condition`: an expression without backticks that must be boolean
/// and use at least one dynamic value.
pub(crate) fn check_condition(ctx: &mut Ctx<'_>, screen: usize, at: &At<'_>, text: &str) {
    resolve_all(ctx, screen, at, text);
    let wrapped = format!("`{text}`");
    let result =
        expr::check_expression(&wrapped, &|r| reference_type(ctx, screen, r).unwrap_or(Type::Unknown));
    match result {
        Err(problem) => report(ctx, at, &problem, 1),
        Ok(Type::String | Type::Number) => ctx.checker.error(
            code::EXPRESSION_TYPE,
            at,
            "an If condition must be true or false, not a string or number",
        ),
        Ok(_) if expr::references(text).0.is_empty() => {
            let message = "an If condition needs at least one dynamic value (${data.…}, ${form.…})";
            ctx.checker.error(code::EXPRESSION_TYPE, at, message);
        }
        Ok(_) => {}
    }
}

fn report(ctx: &mut Ctx<'_>, at: &At<'_>, problem: &Problem, shift: usize) {
    let code = match problem.kind {
        ProblemKind::MalformedReference => code::REFERENCE_MALFORMED,
        ProblemKind::Syntax => code::EXPRESSION_SYNTAX,
        ProblemKind::Type => code::EXPRESSION_TYPE,
    };
    let offset = problem.offset.saturating_sub(shift);
    ctx.checker.error(code, at, format!("{} (at character {})", problem.message, offset + 1));
}

fn resolve_all(ctx: &mut Ctx<'_>, screen: usize, at: &At<'_>, text: &str) {
    let (references, problems) = expr::references(text);
    for problem in &problems {
        report(ctx, at, problem, 0);
    }
    for reference in &references {
        if let Scope::Screen { .. } = reference.scope {
            if !ctx.require_version(Version(4, 0), at, "${screen.…} references") {
                continue;
            }
        }
        if let Err(message) = reference_type(ctx, screen, reference) {
            ctx.checker.error(code::REFERENCE_UNKNOWN, at, message);
        }
    }
}

/// The type of the value `reference` names, or why it names nothing.
fn reference_type(ctx: &Ctx<'_>, screen: usize, reference: &Reference<'_>) -> Result<Type, String> {
    let field = reference.field;
    let (target, form) = match reference.scope {
        Scope::Data => (ctx.screens.get(screen), false),
        Scope::Form => (ctx.screens.get(screen), true),
        Scope::Screen { screen: id, form } => match ctx.screen(id) {
            Some(found) => (Some(found), form),
            None => return Err(format!("{}: there is no screen {}", reference.text, quoted(id))),
        },
    };
    let Some(target) = target else { return Ok(Type::Unknown) };
    let found = if form { target.input(field).map(|input| input.value) } else { target.data_type(field) };
    found.ok_or_else(|| {
        let place =
            if matches!(reference.scope, Scope::Screen { .. }) { "that screen" } else { "this screen" };
        let kind = if form { "has no input named" } else { "declares no data field" };
        format!("{}: {place} {kind} {}", reference.text, quoted(field))
    })
}

/// The picker component (PhotoPicker, DocumentPicker) whose value `text` is, if it is one.
pub(crate) fn picker_value(ctx: &Ctx<'_>, screen: usize, text: &str) -> Option<&'static str> {
    expr::references(text).0.iter().find_map(|reference| {
        let (target, field) = match reference.scope {
            Scope::Form => (ctx.screens.get(screen)?, reference.field),
            Scope::Screen { screen: id, form: true } => (ctx.screen(id)?, reference.field),
            _ => return None,
        };
        let component = target.input(field)?.component;
        matches!(component, "PhotoPicker" | "DocumentPicker").then_some(component)
    })
}
