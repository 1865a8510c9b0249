//! Flow previews (`renderFlowPreview`): one screen of a Flow JSON drawn as
//! WhatsApp shows it (the spec is `FLOW-PREVIEW.md` in the shared design
//! folder; its facts are cited as M-FC, M-FJ, MWP…), as a tree and as safe HTML.
//!
//! The screen's data comes from the `data` option, else each declaration's
//! `__example__`; the form from the `form` option, else `init-value`s. The
//! Flow's own validation findings come first in `issues`, then the preview's.

mod build;
mod eval;
pub mod html;
mod image;
mod inputs;
mod locale;
mod markdown;
mod nav;
mod request;
mod screens;
#[cfg(test)]
mod tests;
pub mod value;

use crate::check::{At, Checker};
use crate::flow::{self, version::Version, FlowOptions};
use crate::json::Node;
use crate::json_pointer::JsonPointer;
use crate::options::OptionFields;
use crate::report::Issue;
use crate::text::quoted;
use crate::Error;
use build::{Build, Obj};
pub use request::render_request;
use value::Val;

/// Stable issue codes of Flow previews (`preview.flow_*`, `preview.image_rejected`;
/// unsafe links are `preview.link_unsafe`, as in template previews).
pub mod code {
    /// A `${data.…}` with no value in the data option, the payload or `__example__`: shown empty.
    pub const FLOW_DATA_UNRESOLVED: &str = "preview.flow_data_unresolved";
    /// A nested expression that does not evaluate: shown empty.
    pub const FLOW_EXPRESSION_ERROR: &str = "preview.flow_expression_error";
    /// A component type the preview does not draw (an inline error instead).
    pub const FLOW_UNKNOWN_COMPONENT: &str = "preview.flow_unknown_component";
    /// An image that is not base64 PNG, JPEG, WebP or GIF by its bytes: not shown.
    pub const IMAGE_REJECTED: &str = "preview.image_rejected";
    /// The `screen` option names no screen of the Flow: the entry screen is shown.
    pub const FLOW_SCREEN_MISSING: &str = "preview.flow_screen_missing";
    /// Content WhatsApp cuts or drops (M-FC): NavigationList texts over their limits, items over 20.
    pub const FLOW_TRUNCATED: &str = "preview.flow_truncated";
}

/// Options of `renderFlowPreview` (spec §7).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FlowPreviewOptions {
    /// The screen to draw (default: the entry screen).
    pub screen: Option<String>,
    /// `${data.…}` of that screen.
    pub data: Option<Val>,
    /// Current form values by input name.
    pub form: Option<Val>,
    /// Other screens' `{ data, form }`, for `${screen.S.…}`.
    pub context: Option<Val>,
    /// `"dark"` or light.
    pub dark: bool,
    /// Right to left.
    pub rtl: bool,
    /// Chrome strings (`en`, `pt_BR`, `es`, `ar`).
    pub locale: Option<String>,
    /// The business's name for the branding line.
    pub business: Option<String>,
    /// The date the preview treats as today (`YYYY-MM-DD`): date inputs open
    /// there unless the Flow's `min-date` is later. Nothing reads the clock.
    pub now: Option<String>,
}

impl FlowPreviewOptions {
    /// Reads the options; unknown keys and wrong types are misuse.
    pub fn read(fields: &mut OptionFields<'_>) -> Result<Self, Error> {
        let screen = fields.string("screen")?.map(str::to_owned);
        let data = fields.object("data")?.map(Val::from_node);
        let form = fields.object("form")?.map(Val::from_node);
        let context = fields.object("context")?.map(Val::from_node);
        let theme = fields.choice("theme", &["light", "dark"])?;
        let direction = fields.choice("direction", &["ltr", "rtl"])?;
        let locale = fields.string("locale")?.map(str::to_owned);
        let business = fields.object("business")?.and_then(|b| b.get("name")).and_then(Node::as_str);
        let business = business.map(str::to_owned);
        let now = fields.string("now")?.map(str::to_owned);
        if let Some(now) = now.as_deref().filter(|now| !crate::time::is_calendar_date(now)) {
            return Err(Error::invalid_argument(format!(
                "renderFlowPreview: now must be a date written YYYY-MM-DD, got {}",
                quoted(now)
            )));
        }
        Ok(Self {
            screen,
            data,
            form,
            context,
            dark: theme == Some("dark"),
            rtl: direction == Some("rtl"),
            locale,
            business,
            now,
        })
    }
}

/// What `renderFlowPreview` returns.
#[derive(Clone, Debug, PartialEq)]
pub struct FlowPreview {
    /// The screen in its phone frame, as HTML (escaped, class names only, no inline styles).
    pub html: String,
    /// The tree the HTML is drawn from (spec §7 `FlowTree`).
    pub tree: Val,
    /// The Flow's validation findings, then the preview's.
    pub issues: Vec<Issue>,
    /// `{ id, title, terminal, entry, next }` of every screen.
    pub screens: Val,
}

/// Draws one screen of `doc` (`source`: its text, when the caller gave text).
pub fn render<'d>(doc: &'d Node<'d>, source: Option<&'d str>, options: &FlowPreviewOptions) -> FlowPreview {
    let report = flow::validate_flow(doc, source, &FlowOptions::default());
    let (mut issues, mut warnings) = (report.errors, report.warnings);
    issues.append(&mut warnings);
    let version = report.version.as_deref().and_then(Version::parse).unwrap_or(flow::version::LATEST);
    let list = doc.get("screens").and_then(Node::items).unwrap_or_default();
    let entry = screens::entry(doc, list);
    let mut checker = Checker::new(doc, source);
    let wanted = options.screen.as_deref();
    let found = wanted.and_then(|id| list.iter().position(|s| screens::id(s) == id));
    if let (Some(id), None) = (wanted, found) {
        let message = format!("the Flow has no screen {}: the entry screen is shown", quoted(id));
        checker.warning(code::FLOW_SCREEN_MISSING, &At::root(doc.get("screens").unwrap_or(doc)), message);
    }
    let index = found.or(entry);
    let locale = locale::find(options.locale.as_deref());
    let mut tree = Obj::new()
        .text("theme", if options.dark { "dark" } else { "light" })
        .text("direction", if options.rtl { "rtl" } else { "ltr" })
        .text("locale", locale.tag);
    if let Some((index, screen)) = index.and_then(|i| list.get(i).map(|s| (i, s))) {
        let drawn = draw_screen(screen, index, Some(index) == entry, version, locale, options);
        for (code, node, message) in drawn.problems {
            checker.warning(code, &At::root(node), message);
        }
        tree = tree.put("screen", drawn.screen).put("data", drawn.data).put("body", Val::List(drawn.body));
        if let Some(footer) = drawn.footer {
            tree = tree.put("footer", footer);
        }
    } else {
        tree = tree.put("body", Val::List(Vec::new()));
    }
    let branding = Obj::new()
        .text("text", locale.managed)
        .text("linkText", locale.learn_more)
        .opt("business", options.business.clone())
        .done();
    let tree = tree.put("branding", branding).string("version", version.to_string()).done();
    let preview = checker.finish();
    let (mut errors, mut warnings) = (preview.errors, preview.warnings);
    issues.append(&mut errors);
    issues.append(&mut warnings);
    let html = html::render(&tree, locale.optional);
    FlowPreview { html, tree, issues, screens: screens::summary(doc, list, entry) }
}

struct Drawn<'d> {
    screen: Val,
    /// The screen's data as drawn (the option's, else the examples).
    data: Val,
    body: Vec<Val>,
    footer: Option<Val>,
    problems: Vec<build::Problem<'d>>,
}

fn draw_screen<'d>(
    screen: &'d Node<'d>,
    index: usize,
    entry: bool,
    version: Version,
    locale: &'static locale::Locale,
    options: &FlowPreviewOptions,
) -> Drawn<'d> {
    let data = options.data.clone().unwrap_or_else(|| screens::examples(screen));
    let context = options.context.clone().unwrap_or(Val::Null);
    let layout = screen.get("layout").and_then(|l| l.get("children"));
    // Form state: init-values first (they may read ${data.…}), the form option over them.
    let mut form = {
        let empty = Val::Obj(Vec::new());
        let mut env = eval::Env {
            data: &data,
            form: &empty,
            context: &context,
            expressions: version >= Version(6, 0),
            unresolved: Vec::new(),
            failed: Vec::new(),
        };
        let mut defaults = Val::Obj(Vec::new());
        if let Some(layout) = layout {
            screens::form_defaults(layout, &mut env, &mut defaults);
        }
        defaults
    };
    if let Some(Val::Obj(given)) = &options.form {
        for (key, value) in given {
            form.set(key, value.clone());
        }
    }
    let env = eval::Env {
        data: &data,
        form: &form,
        context: &context,
        expressions: version >= Version(6, 0),
        unresolved: Vec::new(),
        failed: Vec::new(),
    };
    let mut pointer = JsonPointer::root();
    pointer.push_key("screens");
    pointer.push_index(index);
    let mut build = Build {
        env,
        version,
        locale,
        problems: Vec::new(),
        pointer,
        blocked: false,
        footer: None,
        form_errors: Val::Null,
        now: options.now.clone(),
    };
    let title = build.prop_text(screen, "title").unwrap_or_default();
    let mut body = Vec::new();
    if let Some(children) = layout {
        let len = build.pointer.len();
        build.pointer.push_key("layout");
        build.pointer.push_key("children");
        build.children(children, &mut body);
        build.pointer.truncate(len);
    }
    let flag = |key: &str| screen.get(key).and_then(Node::as_bool) == Some(true);
    let sensitive = screen.get("sensitive").map_or(Val::List(Vec::new()), Val::from_node);
    let screen_val = Obj::new()
        .text("id", screens::id(screen))
        .string("title", title)
        .flag("terminal", flag("terminal"))
        .flag("success", flag("success"))
        // UNCONFIRMED (spec §1): the close icon on the entry screen, the back arrow after.
        .text("back", if entry { "close" } else { "back" })
        .flag("refreshOnBack", flag("refresh_on_back"))
        .put("sensitive", sensitive)
        .done();
    let footer = build.footer.take().map(|mut footer| {
        let enabled = footer.get("enabled").is_none_or(Val::truthy);
        // MWP: disabled while a visible required input is empty, or when `enabled` is false.
        let reason = if build.blocked {
            Some("required")
        } else if !enabled {
            Some("enabled")
        } else {
            None
        };
        footer.set("disabled", Val::Bool(reason.is_some()));
        if let Some(reason) = reason {
            footer.set("reason", Val::Str(reason.into()));
        }
        footer
    });
    let problems = build.problems;
    Drawn { screen: screen_val, data: data.clone(), body, footer, problems }
}

/// Written as JSON: the tree or the screen list.
pub fn to_json(value: &Val) -> String {
    let mut out = String::with_capacity(1024);
    value.write_json(&mut out);
    out
}
