//! The validators and the preview JavaScript calls (cargo feature `validate`):
//! convert arguments, call the core, convert back. No logic lives here
//! beyond argument checking. Phones are in `phone` (every entry has them).

use super::convert::{self, Capped, Document};
use crate::flow::{self, FlowOptions, FlowReport};
use crate::preview::{self, Measured};
use crate::report::Report;
use crate::template::{self, TemplateOptions};
use crate::{message, Issue};
use wasm_bindgen::prelude::*;

fn not_json(issue: Issue, what: &str) -> JsValue {
    let issue = Issue { message: format!("{what} is not valid JSON: {}", issue.message), ..issue };
    convert::to_js(&Report::from_issues([issue]))
}

/// Checks a template create payload (or, with `{ mode: "edit" }`, an edit)
/// against Meta's rules. `definition` is an object, or JSON text for
/// findings with line and column.
///
/// @example
/// ```ts
/// const report = validateTemplate(definition); // or JSON text, for line and column
/// if (!report.ok) for (const issue of report.errors) console.log(issue.code, issue.path, issue.message);
/// ```
#[wasm_bindgen(js_name = validateTemplate, unchecked_return_type = "Report")]
pub fn validate_template(
    #[wasm_bindgen(unchecked_param_type = "object | string")] definition: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "TemplateOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let options = convert::options(&options, "validateTemplate", TemplateOptions::read)?;
    let definition = Document::read(&definition, "validateTemplate", "definition")?;
    Ok(match definition.parse() {
        Ok((node, source)) => convert::to_js(&template::validate_template(&node, source, &options)),
        Err(issue) => not_json(issue, "the definition"),
    })
}

/// Checks a template send — the `template` object of a message, or the whole
/// message — against the definition it uses (counts, names, buttons, cards).
/// With `definition` null or undefined, only the rules every send keeps
/// whatever its template (the ones `validateMessage` applies) are checked.
///
/// @example
/// ```ts
/// const report = validateTemplateSend(definition, message.template);
/// if (!report.ok) console.log(report.errors.map((issue) => `${issue.path}: ${issue.message}`));
/// ```
#[wasm_bindgen(js_name = validateTemplateSend, unchecked_return_type = "Report")]
pub fn validate_template_send(
    #[wasm_bindgen(unchecked_param_type = "object | string | null | undefined")] definition: JsValue,
    #[wasm_bindgen(unchecked_param_type = "object | string")] send: JsValue,
) -> Result<JsValue, JsValue> {
    let definition = if definition.is_null() || definition.is_undefined() {
        None
    } else {
        Some(Document::read(&definition, "validateTemplateSend", "definition")?)
    };
    let send = Document::read(&send, "validateTemplateSend", "send")?;
    let definition = match definition.as_ref().map(Document::parse) {
        Some(Ok((node, _))) => Some(node),
        Some(Err(issue)) => return Ok(not_json(issue, "the definition")),
        None => None,
    };
    Ok(match (send.parse(), definition) {
        (Ok((node, source)), Some(definition)) => {
            convert::to_js(&template::send::validate_template_send(&definition, &node, source))
        }
        (Ok((node, source)), None) => {
            convert::to_js(&template::send::validate_template_send_alone(&node, source))
        }
        (Err(issue), _) => not_json(issue, "the send"),
    })
}

/// Checks any Cloud API outbound message body (text, media, location,
/// contacts, reaction, interactive, template) against Meta's limits.
///
/// @example
/// ```ts
/// const report = validateMessage({ messaging_product: "whatsapp", to: "+14155552671", type: "text", text: { body: "Hi" } });
/// console.log(report.ok); // true
/// ```
#[wasm_bindgen(js_name = validateMessage, unchecked_return_type = "Report")]
pub fn validate_message(
    #[wasm_bindgen(unchecked_param_type = "object | string")] message: JsValue,
) -> Result<JsValue, JsValue> {
    let message = Document::read(&message, "validateMessage", "message")?;
    Ok(match message.parse() {
        Ok((node, source)) => convert::to_js(&message::validate_message(&node, source)),
        Err(issue) => not_json(issue, "the message"),
    })
}

/// Checks a WhatsApp Flow JSON (text for findings with line and column, or an
/// object) against Meta's rules for its `version`; with `{ metaErrors: true }`
/// the findings also come as the Flows API's `validation_errors`.
///
/// @example
/// ```ts
/// const report = validateFlow(flowJsonText);
/// for (const issue of report.errors) console.log(issue.line, issue.column, issue.code);
/// ```
#[wasm_bindgen(js_name = validateFlow, unchecked_return_type = "FlowReport")]
pub fn validate_flow(
    #[wasm_bindgen(unchecked_param_type = "object | string")] flow: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "FlowOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let options = convert::options(&options, "validateFlow", FlowOptions::read)?;
    let flow = Document::read(&flow, "validateFlow", "flow")?;
    Ok(match flow.parse() {
        Ok((node, source)) => convert::to_js(&flow::validate_flow(&node, source, &options)),
        Err(issue) => {
            let issue =
                Issue { message: format!("the Flow JSON is not valid JSON: {}", issue.message), ..issue };
            let report = Report::from_issues([issue]);
            let meta = options.meta_errors == Some(true);
            let validation_errors = meta.then(|| flow::meta::validation_errors(&report, None, None));
            convert::to_js(&FlowReport::new(report, None, validation_errors))
        }
    })
}

/// Renders a template definition as WhatsApp shows it: `{ html, tree, issues }`.
/// `options.send` (the `template` object of a send, or the whole message)
/// fills the variables; otherwise the definition's examples do.
///
/// @example
/// ```ts
/// const { html, tree, issues } = renderTemplatePreview(definition, { theme: "dark", send: message.template });
/// element.innerHTML = html; // escaped, no inline styles, http(s) links only
/// ```
#[wasm_bindgen(js_name = renderTemplatePreview, unchecked_return_type = "Preview")]
pub fn render_template_preview(
    #[wasm_bindgen(unchecked_param_type = "object | string")] definition: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "PreviewOptions & { send?: object | string }")]
    options: JsValue,
) -> Result<JsValue, JsValue> {
    const NAME: &str = "renderTemplatePreview";
    // Both documents are measured in JavaScript before they are copied: one
    // over the limit never enters wasm memory (preview::render_request reports
    // it from its size).
    let max = preview::MAX_DOCUMENT_BYTES;
    let options = convert::json_text_capped(&options, NAME, "options", max)?;
    let options = options.as_ref().map(|capped| match capped {
        Capped::Within(text) => Measured::Text { text, from_caller: false },
        Capped::Over(size) => Measured::Over(*size),
    });
    let definition = Document::read_capped(&definition, NAME, "definition", max)?;
    let definition = match &definition {
        Capped::Within(document) => {
            Measured::Text { text: &document.text, from_caller: document.from_caller }
        }
        Capped::Over(size) => Measured::Over(*size),
    };
    let result = preview::render_request(&definition, options.as_ref())?;
    let object = js_sys::Object::new();
    let tree = js_sys::JSON::parse(&preview::json::tree(&result.tree)).unwrap_or(JsValue::NULL);
    for (key, value) in [
        ("html", JsValue::from_str(&result.html)),
        ("tree", tree),
        ("issues", convert::to_js(&result.issues)),
    ] {
        super::object::set(&object, key, &value);
    }
    Ok(object.into())
}

#[wasm_bindgen(typescript_custom_section)]
const FLOW_PREVIEW_TYPES: &str = r#"
/** Options of `renderFlowPreview`. */
export interface FlowPreviewOptions {
  /** The screen to draw (default: the entry screen: the one no route or navigate targets, else the first). */
  screen?: string;
  /** `${data.…}` of that screen (default: each declaration's `__example__`). */
  data?: Record<string, unknown>;
  /** Current form values by input name (default: `init-value`s; else empty). */
  form?: Record<string, unknown>;
  /** Other screens' values, for `${screen.S.data.…}` and `${screen.S.form.…}`. */
  context?: Record<string, { data?: Record<string, unknown>; form?: Record<string, unknown> }>;
  /** `"light"` (default) or `"dark"`. */
  theme?: "light" | "dark";
  /** `"ltr"` (default) or `"rtl"`: flips the chrome; each text keeps `dir="auto"`. */
  direction?: "ltr" | "rtl";
  /** Chrome strings and dates: `en` (default), `pt_BR`, `es`, `ar`. */
  locale?: string;
  /** The business named in the branding line. */
  business?: { name?: string };
  /** The day the preview treats as today (`YYYY-MM-DD`): an empty date field's dialog opens there
   * (`opens` in the tree), kept within the Flow's `min-date`/`max-date`. Nothing reads the clock. */
  now?: string;
}
/** An image that passed the checks: base64 PNG, JPEG, WebP or GIF by its bytes. */
export interface FlowImage { dataUrl: string; mime: string; alt: string }
/** An action with its payload resolved (`url` only when http(s)). */
export interface FlowAction {
  kind: "navigate" | "complete" | "data_exchange" | "update_data" | "open_url" | string;
  next?: string;
  payload?: Record<string, unknown>;
  url?: string;
}
/** A drawn component: `type` is the Flow component's (or `"error"`), `path` its JSON Pointer in the Flow;
 * the other members depend on the type (labels, `optional`, `value`, `items`, `blocks`, `action`…). */
export interface FlowNode { type: string; path: string; [member: string]: unknown }
/** One screen as the preview draws it. */
export interface FlowTree {
  theme: "light" | "dark";
  direction: "ltr" | "rtl";
  locale: string;
  screen?: { id: string; title: string; terminal: boolean; success: boolean; back: "close" | "back"; refreshOnBack: boolean; sensitive: string[] };
  /** The screen's `${data.…}` values as drawn (the `data` option, else the `__example__`s). */
  data?: Record<string, unknown>;
  body: FlowNode[];
  footer?: { label: string; left?: string; center?: string; right?: string; enabled: boolean; disabled: boolean; reason?: "required" | "enabled"; action: FlowAction | null; path: string };
  branding: { text: string; linkText: string; business?: string };
  version: string;
}
/** A screen of the Flow, for a screen picker. */
export interface FlowScreenSummary { id: string; title: string; terminal: boolean; entry: boolean; next: string[] }
/** What `renderFlowPreview` returns. */
export interface FlowPreview {
  /** The screen in a 360×640 phone frame: escaped, class names only (style it with `flow-preview.css`). */
  html: string;
  tree: FlowTree;
  /** The Flow's validation findings, then the preview's (`preview.flow_*`, `preview.image_rejected`, `preview.link_unsafe`). */
  issues: Issue[];
  screens: FlowScreenSummary[];
}
"#;

/// Renders one screen of a Flow JSON as WhatsApp draws it: `{ html, tree,
/// issues, screens }`. `flow` is an object, or JSON text for findings with
/// line and column; `issues` has the Flow's validation findings first.
///
/// @example
/// ```ts
/// const { html, issues, screens } = renderFlowPreview(flowJson, { screen: "WELCOME", theme: "dark" });
/// element.innerHTML = html; // escaped, no inline styles, http(s) links and data: images only
/// ```
#[wasm_bindgen(js_name = renderFlowPreview, unchecked_return_type = "FlowPreview")]
pub fn render_flow_preview(
    #[wasm_bindgen(unchecked_param_type = "object | string")] flow: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "FlowPreviewOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    const NAME: &str = "renderFlowPreview";
    let max = crate::flow::MAX_BYTES;
    let options = convert::json_text_capped(&options, NAME, "options", max)?;
    let options = options.as_ref().map(|capped| match capped {
        Capped::Within(text) => Measured::Text { text, from_caller: false },
        Capped::Over(size) => Measured::Over(*size),
    });
    let flow = Document::read_capped(&flow, NAME, "flow", max)?;
    let flow = match &flow {
        Capped::Within(document) => {
            Measured::Text { text: &document.text, from_caller: document.from_caller }
        }
        Capped::Over(size) => Measured::Over(*size),
    };
    let result = crate::flow_preview::render_request(&flow, options.as_ref())?;
    let object = js_sys::Object::new();
    let parse = |value| js_sys::JSON::parse(&crate::flow_preview::to_json(value)).unwrap_or(JsValue::NULL);
    for (key, value) in [
        ("html", JsValue::from_str(&result.html)),
        ("tree", parse(&result.tree)),
        ("issues", convert::to_js(&result.issues)),
        ("screens", parse(&result.screens)),
    ] {
        super::object::set(&object, key, &value);
    }
    Ok(object.into())
}
