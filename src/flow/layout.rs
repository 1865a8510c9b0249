//! A screen's component tree: where each component may be (Form, If, Switch,
//! NavigationList, RichText), per-screen counts, the Footer rules of If, and
//! unique input names. Properties are checked by `props`.

use super::components::{self, Spec, IF_CHILDREN};
use super::version::Version;
use super::{code, props, Ctx};
use crate::check::{first_occurrences, At};
use crate::text::quoted;

/// What the screen rules need from the walk.
pub(crate) struct Summary {
    /// Footers on the longest path through If/Switch branches.
    pub footers: usize,
}

/// Where a list of components sits.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Layout,
    Form,
    /// A branch of an If nested this deep (1 = an If directly in the layout or a Form).
    If(u8),
    Switch(u8),
}

/// Per-screen caps: (component, most per screen).
const PER_SCREEN: [(&str, usize); 7] = [
    ("OptIn", 5),
    ("EmbeddedLink", 2),
    ("Image", 3),
    ("ImageCarousel", 2),
    ("PhotoPicker", 1),
    ("DocumentPicker", 1),
    ("NavigationList", 2),
];
const MAX_COMPONENTS: usize = 50;
const MAX_IF_DEPTH: u8 = 3;

/// An input's name, the component, and the (If/Switch address, branch) pairs it is inside.
type NamedInput<'s> = (&'s str, At<'s>, Vec<(usize, usize)>);

struct Walk<'s> {
    screen: usize,
    /// Every component, in document order, with its type.
    seen: Vec<(&'static str, At<'s>, Place)>,
    /// Input names with the If/Switch branches they sit in.
    names: Vec<NamedInput<'s>>,
    /// The branches being walked: (address of the If/Switch, branch number).
    branches: Vec<(usize, usize)>,
}

/// Checks the components of screen `screen` (its `layout.children`).
pub(crate) fn check_layout<'s>(ctx: &mut Ctx<'s>, screen: usize, children: &At<'s>) -> Summary {
    let mut walk = Walk { screen, seen: Vec::new(), names: Vec::new(), branches: Vec::new() };
    let footers = check_list(ctx, &mut walk, children, Place::Layout);
    if footers > 1 {
        let at = walk.seen.iter().rev().find(|(kind, _, place)| *kind == "Footer" && *place == Place::Layout);
        let at = at.map_or(*children, |(_, at, _)| *at);
        ctx.checker.error(code::COMPONENT_LIMIT, &at, "You can only have 1 Footer component per screen.");
    }
    check_counts(ctx, &walk, children);
    check_names(ctx, &walk);
    Summary { footers }
}

/// Walks one list of components; returns the Footers on its longest path.
fn check_list<'s>(ctx: &mut Ctx<'s>, walk: &mut Walk<'s>, list: &At<'s>, place: Place) -> usize {
    let Some(items) = list.elements(&mut ctx.checker) else { return 0 };
    let mut footers = 0;
    for node in items {
        footers += check_component(ctx, walk, &At { node }, place);
    }
    footers
}

/// One component; returns the Footers it contributes to a path.
fn check_component<'s>(ctx: &mut Ctx<'s>, walk: &mut Walk<'s>, at: &At<'s>, place: Place) -> usize {
    if at.object(&mut ctx.checker).is_none() {
        return 0;
    }
    let Some(kind_at) = at.required(&mut ctx.checker, "type", "a component") else { return 0 };
    let Some(kind) = kind_at.str(&mut ctx.checker) else { return 0 };
    let Some(spec) = components::spec(kind) else {
        let message = format!("unknown component type {}; known: {}", quoted(kind), components::names());
        ctx.checker.error(code::COMPONENT_TYPE_INVALID, &kind_at, message);
        return 0;
    };
    ctx.require_version(spec.since, &kind_at, spec.name);
    check_place(ctx, spec, &kind_at, place);
    walk.seen.push((spec.name, *at, place));
    props::check_props(ctx, walk.screen, spec, at);
    if spec.input {
        if let Some(name) = at.get("name").and_then(|n| n.node.as_str()) {
            walk.names.push((name, *at, walk.branches.clone()));
        }
    }
    match spec.name {
        "Footer" => 1,
        "Form" => at.get("children").map_or(0, |children| check_list(ctx, walk, &children, Place::Form)),
        "If" => check_if(ctx, walk, at, place),
        "Switch" => check_switch(ctx, walk, at, place),
        _ => 0,
    }
}

fn if_depth(place: Place) -> u8 {
    match place {
        Place::If(depth) | Place::Switch(depth) => depth,
        Place::Layout | Place::Form => 0,
    }
}

/// Whether a component of this type may be in a list at `place`.
fn check_place(ctx: &mut Ctx<'_>, spec: &Spec, kind_at: &At<'_>, place: Place) {
    let name = spec.name;
    let problem = match place {
        Place::Form if name == "Form" => Some("a Form cannot contain another Form".to_owned()),
        Place::Layout if spec.input && ctx.version < Version(4, 0) => {
            Some(format!("before Flow JSON 4.0, {name} must be inside a Form"))
        }
        Place::If(_) | Place::Switch(_) if !IF_CHILDREN.contains(&name) => {
            Some(format!("{name} cannot be inside If or Switch"))
        }
        Place::Switch(_) if name == "If" || name == "Switch" => {
            Some(format!("{name} cannot be inside Switch"))
        }
        Place::If(_) | Place::Switch(_) if name == "ChipsSelector" && ctx.version < Version(7, 1) => {
            Some("ChipsSelector can be inside If or Switch from Flow JSON 7.1".to_owned())
        }
        Place::If(depth) | Place::Switch(depth) if name == "Footer" && depth > 1 => {
            Some("a Footer can only be in an If at the first level, not in a nested one".to_owned())
        }
        _ => None,
    };
    if let Some(message) = problem {
        ctx.checker.error(code::COMPONENT_NOT_ALLOWED, kind_at, message);
    }
}

fn check_if<'s>(ctx: &mut Ctx<'s>, walk: &mut Walk<'s>, at: &At<'s>, place: Place) -> usize {
    let depth = if_depth(place) + 1;
    if depth > MAX_IF_DEPTH {
        let message = format!("If can be nested at most {MAX_IF_DEPTH} deep");
        ctx.checker.error(code::NESTING_TOO_DEEP, at, message);
    }
    let address = std::ptr::from_ref(at.node) as usize;
    let branch = |ctx: &mut Ctx<'s>, walk: &mut Walk<'s>, key: &str, number: usize| {
        let list = at.get(key)?;
        walk.branches.push((address, number));
        let footers = check_list(ctx, walk, &list, Place::If(depth));
        walk.branches.pop();
        Some((list, footers))
    };
    let then = branch(ctx, walk, "then", 0);
    let otherwise = branch(ctx, walk, "else", 1);
    if let Some((list, _)) = &then {
        if list.node.items().is_some_and(<[_]>::is_empty) {
            let message = "Invalid value found at: \"then\" due to empty array. It should contain at least one component.";
            ctx.checker.error(code::BRANCH_EMPTY, list, message);
        }
    }
    let then_footers = then.as_ref().map_or(0, |(_, footers)| *footers);
    let else_footers = otherwise.as_ref().map_or(0, |(_, footers)| *footers);
    if then_footers != else_footers && then_footers.max(else_footers) > 0 {
        let message = match &otherwise {
            None => "Missing Footer inside one of the if branches. Branch \"else\" should exist and contain one Footer.",
            Some(_) => "Missing Footer inside one of the if branches.",
        };
        ctx.checker.error(code::FOOTER_BRANCHES, at, message);
    }
    then_footers.max(else_footers)
}

fn check_switch<'s>(ctx: &mut Ctx<'s>, walk: &mut Walk<'s>, at: &At<'s>, place: Place) -> usize {
    let depth = if_depth(place).max(1);
    let Some(cases) = at.get("cases") else { return 0 };
    let members = cases.node.members().unwrap_or_default();
    if cases.node.members().is_some_and(<[_]>::is_empty) {
        ctx.checker.error(code::BRANCH_EMPTY, &cases, "Invalid empty property found at: \"cases\".");
    }
    let address = std::ptr::from_ref(at.node) as usize;
    let mut most = 0;
    for (number, (_, case)) in members.iter().enumerate() {
        walk.branches.push((address, number));
        most = most.max(check_list(ctx, walk, &At { node: case }, Place::Switch(depth)));
        walk.branches.pop();
    }
    most
}

/// Caps per screen and per Flow, and the components that must be alone.
fn check_counts(ctx: &mut Ctx<'_>, walk: &Walk<'_>, children: &At<'_>) {
    // Component names are the table's own &'static strs: compare addresses, not text.
    let is = |a: &str, b: &str| std::ptr::eq(a, b) || a == b;
    let count = |kind: &str| walk.seen.iter().filter(|(k, _, _)| is(k, kind)).count();
    let nth = |kinds: &[&str], n: usize| {
        walk.seen.iter().filter(|(k, _, _)| kinds.iter().any(|kind| is(k, kind))).nth(n).map(|(_, at, _)| *at)
    };
    if walk.seen.len() > MAX_COMPONENTS {
        let message = format!("{} components; a screen may have at most {MAX_COMPONENTS}", walk.seen.len());
        ctx.checker.error(code::COMPONENT_LIMIT, children, message);
    }
    for (kind, most) in PER_SCREEN {
        let found = count(kind);
        if let Some(at) = nth(&[kind], most) {
            let message = format!("Maximum number of {kind} allowed per screen is {most} but found {found}.");
            ctx.checker.error(code::COMPONENT_LIMIT, &at, message);
        }
    }
    if let Some(at) = nth(&["PhotoPicker", "DocumentPicker"], 1) {
        let message =
            "You can only have a maximum of 1 component of type PhotoPicker or DocumentPicker per screen.";
        ctx.checker.error(code::COMPONENT_LIMIT, &at, message);
    }
    let carousels = count("ImageCarousel");
    if carousels > 0 && ctx.carousels < 3 && ctx.carousels + carousels > 3 {
        if let Some(at) = nth(&["ImageCarousel"], 3 - ctx.carousels) {
            ctx.checker.error(
                code::COMPONENT_LIMIT,
                &at,
                "a Flow may have at most 3 ImageCarousel components",
            );
        }
    }
    ctx.carousels += carousels;
    let terminal = ctx.screens.get(walk.screen).is_some_and(|s| s.terminal);
    let alone = |allowed_with: &[&str]| {
        walk.seen.iter().find(|(k, _, _)| !allowed_with.contains(k)).map(|(_, at, _)| *at)
    };
    if let Some(list) = nth(&["NavigationList"], 0) {
        if terminal {
            ctx.checker.error(
                code::COMPONENT_NOT_ALLOWED,
                &list,
                "NavigationList cannot be on a terminal screen",
            );
        }
        if let Some(other) =
            alone(&["NavigationList", "TextHeading", "TextSubheading", "TextBody", "TextCaption"])
        {
            let message =
                "NavigationList cannot be combined with input, Footer or media components on one screen";
            ctx.checker.error(code::COMPONENT_NOT_ALLOWED, &other, message);
        }
    }
    if nth(&["RichText"], 0).is_some() {
        let allowed: &[&str] =
            if ctx.version >= Version(6, 3) { &["RichText", "Footer"] } else { &["RichText"] };
        if let Some(other) = alone(allowed) {
            let message = if ctx.version >= Version(6, 3) {
                "RichText can share a screen only with a Footer"
            } else {
                "before Flow JSON 6.3, RichText must be alone on its screen"
            };
            ctx.checker.error(code::COMPONENT_NOT_ALLOWED, &other, message);
        }
    }
}

/// Input names are unique on a screen, except in different branches of one If or Switch.
fn check_names(ctx: &mut Ctx<'_>, walk: &Walk<'_>) {
    let first_of =
        first_occurrences(walk.names.len(), &|i| walk.names.get(i).map_or("", |(name, _, _)| *name));
    for (later, first) in first_of.into_iter().enumerate() {
        let (Some(first), Some((name, at, branches))) =
            (first.and_then(|i| walk.names.get(i)), walk.names.get(later))
        else {
            continue;
        };
        let exclusive = branches.iter().zip(&first.2).any(|(a, b)| a.0 == b.0 && a.1 != b.1);
        if !exclusive {
            let message = format!("another input on this screen is also named {}", quoted(name));
            let name_at = at.get("name").unwrap_or(*at);
            ctx.checker.error(code::NAME_DUPLICATE, &name_at, message);
        }
    }
}
