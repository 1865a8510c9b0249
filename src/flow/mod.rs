//! WhatsApp Flow JSON checked against Meta's rules (REFERENCE.md §3) before upload.
//!
//! `validate_flow` indexes the screens first (ids, declared data, input
//! names: what references and navigation may name), then walks every screen
//! (`screen`), its components (`layout`, table in `components`, per-property
//! rules in `props`, actions in `actions`, references and expressions in
//! `refs`/`expr`), and finally the screen graph (`routing`). Versions gate
//! features throughout; `meta` re-shapes findings as Meta's `validation_errors`.

mod actions;
pub mod code;
pub mod components;
pub mod expr;
mod index;
mod layout;
pub mod meta;
mod props;
mod refs;
mod relations;
mod routing;
mod screen;
pub mod version;

use crate::check::{At, Checker};
use crate::json::Node;
use crate::options::OptionFields;
use crate::report::Report;
use crate::text::quoted;
use crate::Error;
use index::ScreenInfo;
use serde::Serialize;
use version::Version;

/// Meta's upload limit for a Flow JSON.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;

/// Options of `validateFlow`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), serde(rename_all = "camelCase"))]
pub struct FlowOptions {
    /// Also return the findings as Meta's `validation_errors` objects.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub meta_errors: Option<bool>,
}

impl FlowOptions {
    /// Reads the options; unknown keys are misuse.
    pub fn read(fields: &mut OptionFields<'_>) -> Result<Self, Error> {
        Ok(Self { meta_errors: fields.boolean("metaErrors")? })
    }
}

/// What `validateFlow` returns: a [`Report`]'s fields, the version the rules
/// were applied for, and (on request) the same findings in Meta's shape.
/// (The report's fields are repeated rather than `#[serde(flatten)]`ed: flatten
/// goes through serde's map machinery, kilobytes of .wasm.)
#[derive(Serialize, Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct FlowReport {
    /// No finding blocks the upload.
    pub ok: bool,
    /// Findings that block the upload, in input order.
    pub errors: Vec<crate::Issue>,
    /// Findings that do not, in input order.
    pub warnings: Vec<crate::Issue>,
    /// The Flow JSON `version`, when it is one Meta knows.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub version: Option<String>,
    /// The errors as the Flows API would return them (with `metaErrors: true`).
    #[serde(rename = "validation_errors", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub validation_errors: Option<Vec<meta::ValidationError>>,
}

impl FlowReport {
    /// The report with its version and, when asked for, Meta's shape of it.
    pub fn new(
        report: Report,
        version: Option<String>,
        validation_errors: Option<Vec<meta::ValidationError>>,
    ) -> Self {
        Self { ok: report.ok, errors: report.errors, warnings: report.warnings, version, validation_errors }
    }
}

/// Where a value sits, for messages and rules that depend on it.
#[derive(Clone, Copy)]
pub(crate) struct Owner {
    /// The screen.
    pub screen: usize,
    /// The component type.
    pub component: &'static str,
}

/// State shared by the rules while one Flow is walked.
pub(crate) struct Ctx<'s> {
    pub checker: Checker<'s>,
    /// The version rules apply for (the latest when the given one is unusable).
    pub version: Version,
    /// Every screen, indexed before the walk.
    pub screens: Vec<ScreenInfo<'s>>,
    /// `screens` by id.
    pub screen_ids: crate::check::NameIndex,
    /// Whether `data_api_version` is set (the Flow uses a data endpoint).
    pub endpoint: bool,
    /// `navigate` actions found: (from screen, to screen, where).
    pub navigations: Vec<(usize, usize, At<'s>)>,
    /// Screens with a `data_exchange` action (the endpoint picks the next screen).
    pub exchanges: Vec<usize>,
    /// ImageCarousel components in the whole Flow (at most 3).
    pub carousels: usize,
}

impl<'s> Ctx<'s> {
    /// Whether the Flow's version has a feature introduced in `since`; if not,
    /// a `flow.feature_version` error at `at` naming the version needed.
    pub fn require_version(&mut self, since: Version, at: &At<'_>, what: &str) -> bool {
        if self.version >= since {
            return true;
        }
        let message = format!("{what} needs Flow JSON {since} or later; this Flow is {}", self.version);
        self.checker.error(code::FEATURE_VERSION, at, message);
        false
    }

    /// The screen with this id.
    pub fn screen_index(&self, id: &str) -> Option<usize> {
        self.screen_ids.find(id, &|i| self.screens.get(i).map_or("", |screen| screen.id))
    }

    /// The screen with this id.
    pub fn screen(&self, id: &str) -> Option<&ScreenInfo<'s>> {
        self.screens.get(self.screen_index(id)?)
    }
}

const TOP_LEVEL_KEYS: [&str; 5] =
    ["version", "data_api_version", "routing_model", "screens", "data_channel_uri"];

/// Validates a Flow JSON document. `source` is the JSON text `doc` came from,
/// when there is one (findings then carry line and column).
pub fn validate_flow(doc: &Node, source: Option<&str>, options: &FlowOptions) -> FlowReport {
    let mut ctx = Ctx {
        checker: Checker::new(doc, source),
        version: version::LATEST,
        screens: Vec::new(),
        screen_ids: crate::check::NameIndex::default(),
        endpoint: false,
        navigations: Vec::new(),
        exchanges: Vec::new(),
        carousels: 0,
    };
    let root = At::root(doc);
    let mut known_version = None;
    if root.object(&mut ctx.checker).is_some() {
        known_version = check_top_level(&mut ctx, &root);
    }
    let report = ctx.checker.finish();
    let validation_errors =
        (options.meta_errors == Some(true)).then(|| meta::validation_errors(&report, Some(doc), source));
    FlowReport::new(report, known_version.map(|v| v.to_string()), validation_errors)
}

fn check_top_level<'s>(ctx: &mut Ctx<'s>, root: &At<'s>) -> Option<Version> {
    ctx.checker.closed_keys(root, &TOP_LEVEL_KEYS, "a Flow JSON", code::PROPERTY_UNKNOWN);
    if root.node.span.end > MAX_BYTES {
        let message = format!("{} bytes; a Flow JSON may have at most {MAX_BYTES}", root.node.span.end);
        ctx.checker.error(code::TOO_LARGE, root, message);
    }
    let known_version = check_version(ctx, root);
    if let Some(version) = known_version {
        ctx.version = version;
    }
    if let Some(at) = root.get("data_channel_uri") {
        if ctx.version >= Version(3, 0) {
            let message = "data_channel_uri is not supported from Flow JSON 3.0; set the endpoint_uri with the Flows API";
            ctx.checker.error(code::DATA_CHANNEL_URI, &at, message);
        } else {
            at.str(&mut ctx.checker);
        }
    }
    check_data_api_version(ctx, root);
    let Some(screens) = root.required(&mut ctx.checker, "screens", "a Flow JSON") else {
        return known_version;
    };
    let Some(list) = screens.array(&mut ctx.checker) else { return known_version };
    if list.is_empty() {
        ctx.checker.error(code::SCREENS_EMPTY, &screens, "a Flow needs at least one screen");
        return known_version;
    }
    ctx.screens = index::screens(&list);
    ctx.screen_ids = index::id_index(&ctx.screens);
    screen::check_ids(ctx);
    for (position, at) in list.iter().enumerate() {
        screen::check_screen(ctx, position, at);
    }
    if !ctx.screens.iter().any(|screen| screen.terminal) {
        ctx.checker.error(
            code::TERMINAL_MISSING,
            &screens,
            "no screen is terminal; a Flow needs at least one",
        );
    }
    routing::check(ctx, root);
    known_version
}

fn check_version(ctx: &mut Ctx<'_>, root: &At<'_>) -> Option<Version> {
    let at = root.required(&mut ctx.checker, "version", "a Flow JSON")?;
    let text = at.str(&mut ctx.checker)?;
    match Version::parse(text).filter(|v| v.is_known()) {
        Some(version) => {
            if version < version::OLDEST_PUBLISHABLE {
                let message = format!(
                    "Flow JSON {version} is frozen: Meta still sends Flows on it but no longer publishes \
                     them; publish on {}",
                    version::publishable_range()
                );
                ctx.checker.warning(code::VERSION_FROZEN, &at, message);
            }
            Some(version)
        }
        None => {
            let known: Vec<String> = version::KNOWN.iter().map(Version::to_string).collect();
            let message = format!(
                "unknown Flow JSON version {}; Meta publishes {} and still sends {} to {} (known: {})",
                quoted(text),
                version::publishable_range(),
                version::KNOWN.first().copied().unwrap_or(version::OLDEST_PUBLISHABLE),
                version::LATEST,
                known.join(", ")
            );
            ctx.checker.error_meta(code::VERSION_INVALID, 100, &at, message);
            None
        }
    }
}

fn check_data_api_version(ctx: &mut Ctx<'_>, root: &At<'_>) {
    let Some(at) = root.get("data_api_version") else { return };
    ctx.endpoint = true;
    let Some(text) = at.str(&mut ctx.checker) else { return };
    match text {
        "3.0" => {}
        "4.0" if ctx.version >= Version(7, 3) => {}
        "4.0" => {
            let message =
                format!("data_api_version 4.0 needs Flow JSON 7.3 or later; this Flow is {}", ctx.version);
            ctx.checker.error_meta(code::DATA_API_VERSION_INVALID, 100, &at, message);
        }
        other => {
            let message = format!("unknown data_api_version {}; known: 3.0, 4.0", quoted(other));
            ctx.checker.error_meta(code::DATA_API_VERSION_INVALID, 100, &at, message);
        }
    }
    if root.get("routing_model").is_none() {
        let message = "The property 'routing_model' is required for property 'data_api_version'.";
        ctx.checker.missing_as(code::ROUTING_MODEL_REQUIRED, root, "routing_model", message);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings(version: &str, data_api: Option<&str>) -> FlowReport {
        let api = data_api.map_or(String::new(), |v| {
            format!(r#""data_api_version": "{v}", "routing_model": {{"A": []}},"#)
        });
        let text = format!(
            r#"{{"version": "{version}", {api} "screens": [{{"id": "A", "terminal": true,
              "layout": {{"type": "SingleColumnLayout", "children": [{{"type": "Footer", "label": "Done",
              "on-click-action": {{"name": "complete", "payload": {{}}}}}}]}}}}]}}"#
        );
        validate_flow(&crate::json::parse(&text).unwrap(), Some(&text), &FlowOptions::default())
    }

    fn codes(issues: &[crate::Issue]) -> Vec<&str> {
        issues.iter().map(|issue| issue.code).collect()
    }

    // Meta's "Currently supported versions" (Flows changelog; META-2026.md §1.3):
    // publishing 5.1–7.3, sending 2.1–7.3; Data API 4.0 needs 7.3.
    #[test]
    fn the_version_findings_name_the_publishable_floor_and_the_ceiling() {
        let unknown = findings("7.4", None);
        assert_eq!(codes(&unknown.errors), [code::VERSION_INVALID]);
        let message = &unknown.errors[0].message;
        assert!(message.contains("publishes 5.1 to 7.3 (7.3 recommended)"), "{message}");
        assert!(message.contains("sends 2.1 to 7.3"), "{message}");
        let frozen = findings("5.0", None);
        assert_eq!(codes(&frozen.warnings), [code::VERSION_FROZEN]);
        assert!(
            frozen.warnings[0].message.contains("publish on 5.1 to 7.3"),
            "{}",
            frozen.warnings[0].message
        );
        for good in ["5.1", "7.3"] {
            let report = findings(good, None);
            assert!(report.errors.is_empty() && report.warnings.is_empty(), "{good}: {:?}", report.errors);
        }
        assert!(findings("7.3", Some("4.0")).errors.is_empty());
        assert_eq!(codes(&findings("7.2", Some("4.0")).errors), [code::DATA_API_VERSION_INVALID]);
        assert_eq!(codes(&findings("7.3", Some("5.0")).errors), [code::DATA_API_VERSION_INVALID]);
    }
}
