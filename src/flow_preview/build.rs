//! One Flow screen turned into the preview's tree (spec §7): If/Switch resolved,
//! `visible` applied, texts and markdown, the Footer (disabled while a visible
//! required input is empty), actions with their payloads resolved. Inputs,
//! options, pickers and images are built in `inputs`.

use super::eval::Env;
use super::locale::Locale;
use super::markdown::{self, Block, Inline};
use super::value::Val;
use crate::flow::version::Version;
use crate::json::Node;
use crate::json_pointer::JsonPointer;

/// A tree object under construction.
pub struct Obj(Vec<(String, Val)>);

impl Obj {
    /// An object with `type` and `path`.
    pub fn node(kind: &str, path: &str) -> Self {
        Obj(Vec::new()).text("type", kind).text("path", path)
    }

    /// An empty object.
    pub fn new() -> Self {
        Obj(Vec::new())
    }

    /// Adds `key: value`. (The builder's methods are not inlined: each call
    /// site inlined cost ~100 bytes of .wasm, and there are hundreds.)
    #[inline(never)]
    pub fn put(mut self, key: &str, value: Val) -> Self {
        self.0.push((key.to_owned(), value));
        self
    }

    /// Adds a string member.
    #[inline(never)]
    pub fn text(self, key: &str, value: &str) -> Self {
        self.put(key, Val::Str(value.to_owned()))
    }

    /// Adds an owned string member.
    #[inline(never)]
    pub fn string(self, key: &str, value: String) -> Self {
        self.put(key, Val::Str(value))
    }

    /// Adds a string member when there is one (empty strings are left out).
    #[inline(never)]
    pub fn opt(self, key: &str, value: Option<String>) -> Self {
        match value.filter(|v| !v.is_empty()) {
            Some(value) => self.put(key, Val::Str(value)),
            None => self,
        }
    }

    /// Adds a boolean member.
    #[inline(never)]
    pub fn flag(self, key: &str, value: bool) -> Self {
        self.put(key, Val::Bool(value))
    }

    /// The finished object.
    pub fn done(self) -> Val {
        Val::Obj(self.0)
    }
}

/// A finding of the preview, at a node of the Flow.
pub type Problem<'d> = (&'static str, &'d Node<'d>, String);

/// The state of one screen's build.
pub struct Build<'d, 'e> {
    /// Values references read.
    pub env: Env<'e>,
    /// The Flow's version (features are drawn as of it).
    pub version: Version,
    /// Chrome strings.
    pub locale: &'static Locale,
    /// The preview's findings.
    pub problems: Vec<Problem<'d>>,
    /// Where the walk is.
    pub pointer: JsonPointer,
    /// Whether a visible required input is empty (the Footer is then disabled).
    pub blocked: bool,
    /// The Footer, once met.
    pub footer: Option<Val>,
    /// A Form's `error-messages`, by input name.
    pub form_errors: Val,
    /// The `now` option: the date the preview treats as today.
    pub now: Option<String>,
}

impl<'d> Build<'d, '_> {
    /// The components of `list` (a `children`, `then`, `else` or case array) drawn into `out`.
    pub fn children(&mut self, list: &'d Node<'d>, out: &mut Vec<Val>) {
        for (index, node) in list.items().unwrap_or_default().iter().enumerate() {
            let len = self.pointer.len();
            self.pointer.push_index(index);
            self.component(node, out);
            self.pointer.truncate(len);
        }
    }

    fn under(&mut self, key: &str, list: Option<&'d Node<'d>>, out: &mut Vec<Val>) {
        let Some(list) = list else { return };
        let len = self.pointer.len();
        self.pointer.push_key(key);
        self.children(list, out);
        self.pointer.truncate(len);
    }

    /// A property read against the screen's values.
    #[inline(never)]
    pub fn prop(&mut self, node: &'d Node<'d>, key: &str) -> Option<Val> {
        node.get(key).map(|value| self.env.node(value))
    }

    /// A property as text (absent: None).
    #[inline(never)]
    pub fn prop_text(&mut self, node: &'d Node<'d>, key: &str) -> Option<String> {
        self.prop(node, key).map(|v| v.text())
    }

    fn component(&mut self, node: &'d Node<'d>, out: &mut Vec<Val>) {
        let kind = node.get("type").and_then(Node::as_str).unwrap_or_default();
        let visible = self.prop(node, "visible").is_none_or(|v| v.truthy());
        if visible {
            self.draw(kind, node, out);
        }
        self.report_values(node);
    }

    fn draw(&mut self, kind: &str, node: &'d Node<'d>, out: &mut Vec<Val>) {
        let path = self.pointer.as_str().to_owned();
        match kind {
            // M-FJ: a Form draws nothing; its init-values and error-messages feed its children.
            "Form" => {
                if let Some(errors) = self.prop(node, "error-messages") {
                    self.form_errors = errors;
                }
                self.under("children", node.get("children"), out);
            }
            // Spec §2: If renders `then` or `else`.
            "If" => {
                let condition = node.get("condition").is_some_and(|c| self.env.condition(c));
                let branch = if condition { "then" } else { "else" };
                self.under(branch, node.get(branch), out);
            }
            // Spec §2: the case whose key equals the value as a string; "default" as the
            // fallback (Meta's example; UNCONFIRMED as a rule); else nothing.
            "Switch" => {
                let value = self.prop(node, "value").map(|v| v.text()).unwrap_or_default();
                let cases = node.get("cases");
                let key = [value.as_str(), "default"]
                    .into_iter()
                    .find(|key| cases.and_then(|c| c.get(key)).is_some())
                    .map(str::to_owned);
                if let Some(key) = key {
                    let len = self.pointer.len();
                    self.pointer.push_key("cases");
                    self.under(&key, cases.and_then(|c| c.get(&key)), out);
                    self.pointer.truncate(len);
                }
            }
            "TextHeading" | "TextSubheading" | "TextBody" | "TextCaption" | "RichText" => {
                out.push(self.text_node(kind, &path, node));
            }
            "Footer" => self.footer = Some(self.footer_node(&path, node)),
            "EmbeddedLink" => {
                let text = self.prop_text(node, "text").unwrap_or_default();
                let action = self.action_of(node, "on-click-action");
                out.push(Obj::node(kind, &path).string("text", text).put("action", action).done());
            }
            _ => match self.input(kind, &path, node) {
                Some(drawn) => out.push(drawn),
                None => {
                    let message = format!(
                        "component type {} is not one the preview knows; it is not drawn",
                        crate::text::quoted(kind)
                    );
                    self.problems.push((super::code::FLOW_UNKNOWN_COMPONENT, node, message.clone()));
                    out.push(Obj::node("error", &path).string("message", message).done());
                }
            },
        }
    }

    /// Unresolved data and failed expressions met while drawing `node`, as findings on it.
    fn report_values(&mut self, node: &'d Node<'d>) {
        for reference in std::mem::take(&mut self.env.unresolved) {
            let message = format!(
                "{reference} has no value (no data option, navigate payload or __example__): shown empty"
            );
            self.problems.push((super::code::FLOW_DATA_UNRESOLVED, node, message));
        }
        for expression in std::mem::take(&mut self.env.failed) {
            let message =
                format!("expression {} does not evaluate: shown empty", crate::text::quoted(&expression));
            self.problems.push((super::code::FLOW_EXPRESSION_ERROR, node, message));
        }
    }

    fn text_node(&mut self, kind: &str, path: &str, node: &'d Node<'d>) -> Val {
        let rich = kind == "RichText";
        let mut parts = Vec::new();
        match self.prop(node, "text") {
            Some(Val::List(items)) => {
                for item in &items {
                    parts.push(item.text());
                }
            }
            Some(value) => parts.push(value.text()),
            None => {}
        }
        // Markdown from 5.1 (M-FC): RichText always, TextBody/TextCaption with `markdown: true`.
        let markdown = self.version >= Version(5, 1)
            && (rich
                || (matches!(kind, "TextBody" | "TextCaption")
                    && self.prop(node, "markdown").is_some_and(|v| v.truthy())));
        let mut out = Obj::node(kind, path);
        if markdown {
            let mut problems = Vec::new();
            let blocks = markdown::parse(&parts, rich, &mut problems);
            for (code, message) in problems {
                self.problems.push((code, node, message));
            }
            out = out.put("blocks", list_of(&blocks, block));
        } else {
            out = out.string("text", parts.join("\n"));
        }
        if matches!(kind, "TextBody" | "TextCaption") {
            let weight = self
                .prop_text(node, "font-weight")
                .filter(|w| matches!(w.as_str(), "bold" | "italic" | "bold_italic" | "normal"));
            out = out
                .opt("weight", weight)
                .flag("strike", self.prop(node, "strikethrough").is_some_and(|v| v.truthy()));
        }
        out.done()
    }

    fn footer_node(&mut self, path: &str, node: &'d Node<'d>) -> Val {
        let mut out =
            Obj::node("Footer", path).string("label", self.prop_text(node, "label").unwrap_or_default());
        for (key, name) in
            [("left-caption", "left"), ("center-caption", "center"), ("right-caption", "right")]
        {
            let caption = self.prop_text(node, key);
            out = out.opt(name, caption);
        }
        let enabled = self.prop(node, "enabled").is_none_or(|v| v.truthy());
        let action = self.action_of(node, "on-click-action");
        out.put("enabled", Val::Bool(enabled)).put("action", action).done()
    }

    /// The action at `key` of `node` (null when absent), its payload resolved;
    /// an `open_url` whose url is not http(s) keeps no url (and is reported).
    pub fn action_of(&mut self, node: &'d Node<'d>, key: &str) -> Val {
        let Some(action) = node.get(key) else { return Val::Null };
        let name = action.get("name").and_then(Node::as_str).unwrap_or_default();
        let mut out = Obj::new().text("kind", name);
        if let Some(next) = action.get("next").and_then(|n| n.get("name")).and_then(Node::as_str) {
            out = out.text("next", next);
        }
        if let Some(payload) = self.prop(action, "payload") {
            out = out.put("payload", payload);
        }
        if let Some(url) = self.prop_text(action, "url") {
            if markdown::is_web_link(&url) {
                out = out.string("url", url);
            } else {
                let message =
                    format!("open_url {}: only http: and https: links open", crate::text::quoted(&url));
                self.problems.push((crate::preview::code::LINK_UNSAFE, action, message));
            }
        }
        out.done()
    }
}

/// A markdown block as a tree value.
fn block(block: &Block) -> Val {
    match block {
        Block::Heading(level, children) => Obj::new()
            .text("type", "heading")
            .put("level", Val::Num(f64::from(*level)))
            .put("children", inlines(children))
            .done(),
        Block::Paragraph(children) => {
            Obj::new().text("type", "paragraph").put("children", inlines(children)).done()
        }
        Block::List(ordered, items) => Obj::new()
            .text("type", "list")
            .flag("ordered", *ordered)
            .put("items", list_of(items, |item| inlines(item)))
            .done(),
        Block::Table(header, rows) => {
            let row = |cells: &Vec<Vec<Inline>>| list_of(cells, |cell| inlines(cell));
            Obj::new().text("type", "table").put("header", row(header)).put("rows", list_of(rows, row)).done()
        }
    }
}

fn inlines(children: &[Inline]) -> Val {
    list_of(children, inline)
}

/// `items` drawn one by one into a list value (one loop for every Markdown level).
fn list_of<T>(items: &[T], draw: impl Fn(&T) -> Val) -> Val {
    let mut list = Vec::with_capacity(items.len());
    for item in items {
        list.push(draw(item));
    }
    Val::List(list)
}

fn inline(inline: &Inline) -> Val {
    let styled = |kind: &str, children: &[Inline]| {
        Obj::new().text("type", kind).put("children", inlines(children)).done()
    };
    match inline {
        Inline::Text(text) => Obj::new().text("type", "text").text("text", text.as_str()).done(),
        Inline::Bold(children) => styled("bold", children),
        Inline::Italic(children) => styled("italic", children),
        Inline::Strike(children) => styled("strike", children),
        Inline::Link(href, children) => Obj::new()
            .text("type", "link")
            .text("href", href.as_str())
            .put("children", inlines(children))
            .done(),
        Inline::Image(img) => Obj::new().text("type", "image").put("src", image_val(img)).done(),
    }
}

/// An image as a tree value: `{ dataUrl, mime, alt }`.
pub fn image_val(img: &super::image::Img) -> Val {
    Obj::new()
        .text("dataUrl", img.data_url.as_str())
        .text("mime", img.mime)
        .text("alt", img.alt.as_str())
        .done()
}
