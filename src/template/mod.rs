//! Template definitions — the create/edit payload of `/<WABA_ID>/message_templates`
//! — checked against every rule in REFERENCE.md §1 before Meta sees them.
//!
//! `validate_template` walks the document once: top-level fields here, the
//! HEADER, BODY and FOOTER texts and their variables in `header_body_footer`,
//! buttons in `buttons`, and the components with rules of their own in
//! `authentication`, `carousel` and `offer` (limited-time offers); library
//! templates in `library`, sends against a definition in `send`.

mod authentication;
mod buttons;
mod carousel;
pub mod code;
mod header_body_footer;
pub mod languages;
mod library;
mod offer;
pub mod send;
mod shape;
pub mod variables;
mod variables_and_examples;

use crate::check::{At, Checker};
use crate::json::Node;
use crate::options::OptionFields;
use crate::report::Report;
use crate::text::quoted;
use crate::Error;

/// Template category (REFERENCE.md §1.3), matched case-insensitively.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Category {
    /// `MARKETING`
    Marketing,
    /// `UTILITY`
    Utility,
    /// `AUTHENTICATION`
    Authentication,
}

impl Category {
    fn parse(text: &str) -> Option<Self> {
        match text.to_ascii_uppercase().as_str() {
            "MARKETING" => Some(Self::Marketing),
            "UTILITY" => Some(Self::Utility),
            "AUTHENTICATION" => Some(Self::Authentication),
            _ => None,
        }
    }
}

/// How variables are written (REFERENCE.md §1.5).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParameterFormat {
    /// `{{1}}`, `{{2}}` — the default.
    Positional,
    /// `{{first_name}}`
    Named,
}

/// Whether the payload creates a template or edits one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// POST `/<WABA_ID>/message_templates`: name, language and category required.
    #[default]
    Create,
    /// POST `/<TEMPLATE_ID>`: only category, components and TTL can change.
    Edit,
}

/// Options of `validateTemplate`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), serde(rename_all = "camelCase"))]
pub struct TemplateOptions {
    /// `"create"` (default) or `"edit"`.
    #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "\"create\" | \"edit\""))]
    pub mode: Option<String>,
}

impl TemplateOptions {
    /// Reads the options; an unknown mode is misuse.
    pub fn read(fields: &mut OptionFields<'_>) -> Result<Self, Error> {
        let mode = fields.choice("mode", &["create", "edit"])?;
        Ok(Self { mode: mode.map(str::to_owned) })
    }

    fn mode(&self) -> Mode {
        if self.mode.as_deref() == Some("edit") {
            Mode::Edit
        } else {
            Mode::Create
        }
    }
}

/// Legacy categories and what replaced them.
const LEGACY_CATEGORIES: [(&str, &str); 8] = [
    ("TRANSACTIONAL", "UTILITY"),
    ("OTP", "AUTHENTICATION"),
    ("ACCOUNT_UPDATE", "UTILITY"),
    ("ALERT_UPDATE", "UTILITY"),
    ("APPOINTMENT_UPDATE", "UTILITY"),
    ("AUTO_REPLY", "UTILITY"),
    ("PAYMENT_UPDATE", "UTILITY"),
    ("SHIPPING_UPDATE", "UTILITY"),
];

const TOP_LEVEL_KEYS: [&str; 15] = [
    "name",
    "category",
    "language",
    "languages",
    "parameter_format",
    "components",
    "message_send_ttl_seconds",
    "allow_category_change",
    "sub_category",
    "cta_url_link_tracking_opted_out",
    "library_template_name",
    "library_template_button_inputs",
    "library_template_body_inputs",
    "optimization_spec",
    "bid_spec",
];

/// State shared by the rules while one definition is walked.
pub(crate) struct Ctx<'s> {
    pub checker: Checker<'s>,
    pub category: Option<Category>,
    pub format: ParameterFormat,
    /// Whether the template has a limited-time-offer component.
    pub has_lto: bool,
    /// Whether positional / named variables have been seen (to report mixing).
    pub seen_positional: bool,
    pub seen_named: bool,
}

/// Validates a template create (or, with `mode: "edit"`, edit) payload.
/// `source` is the JSON text `doc` came from, when there is one.
pub fn validate_template(doc: &Node, source: Option<&str>, options: &TemplateOptions) -> Report {
    let mut ctx = Ctx {
        checker: Checker::new(doc, source),
        category: None,
        format: ParameterFormat::Positional,
        has_lto: false,
        seen_positional: false,
        seen_named: false,
    };
    let root = At::root(doc);
    if root.object(&mut ctx.checker).is_some() {
        check_definition(&mut ctx, &root, options.mode());
    }
    ctx.checker.finish()
}

fn check_definition(ctx: &mut Ctx<'_>, root: &At<'_>, mode: Mode) {
    ctx.checker.unknown_keys(root, &TOP_LEVEL_KEYS, "a template");
    let create = mode == Mode::Create;
    for field in ["name", "language", "languages", "parameter_format"] {
        if let (Mode::Edit, Some(at)) = (mode, root.get(field)) {
            ctx.checker.warning(code::EDIT_IGNORED, &at, format!("{field} cannot be changed by an edit"));
        }
    }
    match root.get("name") {
        Some(at) => check_name(ctx, &at),
        None if create => ctx.checker.missing(root, "name", "a template needs a name"),
        None => {}
    }
    match root.get("category") {
        Some(at) => check_category(ctx, &at),
        None if create => ctx.checker.missing(root, "category", "a template needs a category"),
        None => {}
    }
    match (root.get("language"), root.get("languages")) {
        (Some(at), _) => check_language(ctx, &at),
        (None, Some(list)) => {
            for at in list.array(&mut ctx.checker).unwrap_or_default() {
                check_language(ctx, &at);
            }
        }
        (None, None) if create => ctx.checker.missing(root, "language", "a template needs a language"),
        (None, None) => {}
    }
    if let Some(at) = root.get("parameter_format") {
        check_parameter_format(ctx, &at);
    }
    library::check_library(ctx, root);
    library::check_max_price(ctx, root);
    if let Some(at) = root.get("allow_category_change") {
        ctx.checker.warning(
            crate::check::code::UNKNOWN_KEY,
            &at,
            "allow_category_change is no longer supported (since 2025-04-09); Meta assigns the category",
        );
    }
    match root.get("components") {
        Some(at) => check_components(ctx, &at),
        // A template from Meta's library takes its components from the library.
        None if create && root.get("library_template_name").is_none() => {
            ctx.checker.missing(root, "components", "a template needs components (at least a BODY)")
        }
        None => {}
    }
    if let Some(at) = root.get("message_send_ttl_seconds") {
        check_ttl(ctx, &at);
    }
}

fn check_name(ctx: &mut Ctx<'_>, at: &At<'_>) {
    let Some(name) = at.str(&mut ctx.checker) else { return };
    let valid_chars = name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if name.is_empty() || !valid_chars {
        let hint = name.to_ascii_lowercase().replace(|c: char| !c.is_ascii_alphanumeric() && c != '_', "_");
        ctx.checker.error_meta(
            code::NAME_INVALID,
            100,
            at,
            format!(
                "template names use only lowercase letters, digits and underscores (e.g. {})",
                quoted(&hint)
            ),
        );
    } else if name.len() > 512 {
        ctx.checker.error_meta(
            code::NAME_INVALID,
            100,
            at,
            format!("{} characters; the limit is 512", name.len()),
        );
    }
}

fn check_category(ctx: &mut Ctx<'_>, at: &At<'_>) {
    let Some(text) = at.str(&mut ctx.checker) else { return };
    ctx.category = Category::parse(text);
    if ctx.category.is_some() {
        return;
    }
    let upper = text.to_ascii_uppercase();
    match LEGACY_CATEGORIES.iter().find(|(legacy, _)| *legacy == upper) {
        Some((legacy, now)) => ctx.checker.error_meta(
            code::CATEGORY_LEGACY,
            100,
            at,
            format!("{legacy} is a pre-2023 category; use {now}"),
        ),
        None => ctx.checker.error_meta(
            code::CATEGORY_INVALID,
            100,
            at,
            format!("category must be MARKETING, UTILITY or AUTHENTICATION, got {}", quoted(text)),
        ),
    }
}

fn check_language(ctx: &mut Ctx<'_>, at: &At<'_>) {
    use languages::Language;
    let Some(code) = at.str(&mut ctx.checker) else { return };
    match languages::lookup(code) {
        Language::Supported => {}
        Language::WrongCase(exact) => ctx.checker.error_meta(
            code::LANGUAGE_INVALID,
            100,
            at,
            format!("language codes are case-sensitive: use {}", quoted(exact)),
        ),
        Language::Retired => ctx.checker.warning(
            code::LANGUAGE_INVALID,
            at,
            format!("{} is not in Meta's current language table and may be rejected", quoted(code)),
        ),
        Language::Unknown => ctx.checker.error_meta(
            code::LANGUAGE_INVALID,
            100,
            at,
            format!("{} is not a template language (e.g. en, en_US, pt_BR, es_MX)", quoted(code)),
        ),
    }
}

fn check_parameter_format(ctx: &mut Ctx<'_>, at: &At<'_>) {
    let Some(text) = at.str(&mut ctx.checker) else { return };
    match text.to_ascii_uppercase().as_str() {
        "POSITIONAL" => ctx.format = ParameterFormat::Positional,
        "NAMED" => ctx.format = ParameterFormat::Named,
        _ => ctx.checker.error_meta(
            code::PARAMETER_FORMAT_INVALID,
            100,
            at,
            format!("parameter_format must be POSITIONAL or NAMED, got {}", quoted(text)),
        ),
    }
}

/// Component types that may appear at most once.
const COMPONENT_TYPES: [&str; 7] =
    ["HEADER", "BODY", "FOOTER", "BUTTONS", "CAROUSEL", "LIMITED_TIME_OFFER", "CALL_PERMISSION_REQUEST"];

fn check_components(ctx: &mut Ctx<'_>, at: &At<'_>) {
    let Some(components) = at.array(&mut ctx.checker) else { return };
    let mut seen: Vec<(&str, At<'_>)> = Vec::new();
    for component in &components {
        if component.object(&mut ctx.checker).is_none() {
            continue;
        }
        let Some(type_at) = component.required(&mut ctx.checker, "type", "a component") else { continue };
        let Some(kind) = type_at.one_of(
            &mut ctx.checker,
            &COMPONENT_TYPES,
            code::COMPONENT_TYPE_INVALID,
            Some(100),
            "component type",
        ) else {
            continue;
        };
        if seen.iter().any(|(earlier, _)| *earlier == kind) {
            ctx.checker.error_meta(
                code::COMPONENT_DUPLICATE,
                100,
                &type_at,
                format!("a template has at most one {kind} component"),
            );
            continue;
        }
        seen.push((kind, *component));
    }
    ctx.has_lto = seen.iter().any(|(kind, _)| *kind == "LIMITED_TIME_OFFER");
    let find = |kind: &str| seen.iter().find(|(k, _)| *k == kind).map(|(_, at)| *at);
    let authentication = ctx.category == Some(Category::Authentication);
    for (kind, component) in &seen {
        match *kind {
            "HEADER" if authentication => ctx.checker.error(
                code::COMPONENT_NOT_ALLOWED,
                component,
                "authentication templates have no header: Meta presets their content",
            ),
            "HEADER" => {
                header_body_footer::check_header(ctx, component);
            }
            "BODY" if authentication => authentication::check_auth_body(ctx, component),
            "BODY" => header_body_footer::check_body(
                ctx,
                component,
                header_body_footer::BodyKind::for_template(ctx.has_lto),
            ),
            "FOOTER" if authentication => authentication::check_auth_footer(ctx, component),
            "FOOTER" => header_body_footer::check_footer(ctx, component),
            "BUTTONS" => buttons::check_buttons_component(ctx, component),
            "CAROUSEL" => carousel::check_carousel(ctx, component),
            "LIMITED_TIME_OFFER" => {
                offer::check_lto(ctx, component, find("FOOTER"), find("HEADER"), find("BUTTONS"))
            }
            _ => ctx.checker.unknown_keys(component, &["type"], "a CALL_PERMISSION_REQUEST component"),
        }
    }
    if find("BODY").is_none() {
        ctx.checker.error_meta(
            code::BODY_MISSING,
            100,
            at,
            "every template needs exactly one BODY component",
        );
    }
    if authentication && find("BUTTONS").is_none() {
        ctx.checker.error(
            code::OTP_BUTTON_REQUIRED,
            at,
            "authentication templates need a BUTTONS component with one OTP button",
        );
    }
}

fn check_ttl(ctx: &mut Ctx<'_>, at: &At<'_>) {
    let Some(seconds) = at.integer(&mut ctx.checker) else { return };
    let (low, high, what) = match ctx.category {
        Some(Category::Authentication) => (30, 900, "30 seconds to 15 minutes for AUTHENTICATION"),
        Some(Category::Utility) => (30, 43_200, "30 seconds to 12 hours for UTILITY"),
        Some(Category::Marketing) => (43_200, 2_592_000, "12 hours to 30 days for MARKETING"),
        None => return,
    };
    if !(low..=high).contains(&seconds) {
        ctx.checker.error(
            code::TTL_RANGE,
            at,
            format!("message_send_ttl_seconds is {seconds}; the range is {what}"),
        );
    } else if ctx.category == Some(Category::Marketing) {
        ctx.checker.warning(
            code::TTL_RANGE,
            at,
            "a custom TTL on MARKETING templates applies only when sent with the Marketing Messages API",
        );
    }
}

/// Carousels and limited-time offers exist only in MARKETING templates.
fn require_marketing(ctx: &mut Ctx<'_>, at: &At<'_>, feature: &str) {
    if ctx.category.is_some_and(|category| category != Category::Marketing) {
        ctx.checker.error(
            code::CATEGORY_FEATURE,
            at,
            format!("{feature} templates must be in the MARKETING category"),
        );
    }
}
