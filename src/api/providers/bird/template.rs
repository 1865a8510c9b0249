//! Bird templates (`template`, sent instead of `body`): a Bird Studio project
//! (`projectId`, `version`, `locale`) or a platform template `name`, with
//! parameters keyed as the template defines them; and the mapping of a Cloud
//! API template send onto one.

use super::code;
use crate::check::{self, char_len, At, Checker};
use crate::json::{self, Node};
use crate::json_pointer::JsonPointer;
use crate::report::Issue;
use crate::text::quoted;
use crate::Error;

/// The members a Bird template may have (Bird's schema is closed).
const TEMPLATE_KEYS: [&str; 10] = [
    "name",
    "projectId",
    "version",
    "locale",
    "parameters",
    "variables",
    "attachments",
    "shortLinks",
    "utmParameters",
    "settings",
];
/// Parameter types, and the JSON type of the value each takes (`None`: any).
const PARAMETER_TYPES: [(&str, Option<&str>); 12] = [
    ("string", Some("string")),
    ("number", Some("number")),
    ("boolean", Some("boolean")),
    ("object", Some("object")),
    ("sectionList", None),
    ("timeslotList", None),
    ("productSections", None),
    ("productList", None),
    ("shippingMethodList", None),
    ("lineItemList", None),
    ("whatsappProductSections", None),
    ("whatsappProductItems", None),
];
const UTM_PARAMETERS: (usize, usize) = (1, 8);
const UTM_KEY_MAX: usize = 20;
const UTM_VALUE_MAX: usize = 100;

pub(super) fn check(checker: &mut Checker<'_>, template: &At<'_>) {
    if template.object(checker).is_none() {
        return;
    }
    checker.closed_keys(template, &TEMPLATE_KEYS, "a Bird template", code::UNKNOWN_FIELD);
    if template.get("name").is_none() && template.get("projectId").is_none() {
        let message = "a template names its Bird Studio project (projectId, with version and locale) or its platform name";
        checker.error(code::TEMPLATE_INVALID, template, message);
    }
    if let Some(name) = template.get("name") {
        name.str(checker);
    }
    if let Some(project) = template.get("projectId") {
        if project.str(checker).is_some_and(|id| !super::is_uuid(id)) {
            checker.error(code::TEMPLATE_INVALID, &project, "projectId is the template project's UUID");
        }
    }
    if let Some(version) = template.get("version") {
        if version.str(checker).is_some_and(|v| v != "latest" && !super::is_uuid(v)) {
            checker.error(code::TEMPLATE_INVALID, &version, "version is \"latest\" or a version's UUID");
        }
    }
    if let Some(locale) = template.get("locale") {
        if let Some(text) = locale.str(checker) {
            if !is_bcp47(text) {
                let hint = if is_bcp47(&text.replace('_', "-")) {
                    format!(" (write {})", quoted(&text.replace('_', "-")))
                } else {
                    String::new()
                };
                let message =
                    format!("locale {} is not a BCP 47 language tag such as en or en-US{hint}", quoted(text));
                checker.error(code::TEMPLATE_INVALID, &locale, message);
            }
        }
    }
    if let Some(parameters) = template.get("parameters") {
        for parameter in parameters.array(checker).unwrap_or_default() {
            check_parameter(checker, &parameter);
        }
    }
    if let Some(variables) = template.get("variables") {
        if variables.object(checker).is_some() {
            for value in variables.node.members().unwrap_or_default() {
                At { node: &value.1 }.str(checker);
            }
        }
    }
    if let Some(attachments) = template.get("attachments") {
        for attachment in attachments.array(checker).unwrap_or_default() {
            check_attachment(checker, &attachment);
        }
    }
    if let Some(links) = template.get("shortLinks").filter(|l| l.node.value != json::Value::Null) {
        if links.object(checker).is_some() {
            checker.unknown_keys(&links, &["enabled", "domain"], "template.shortLinks");
            if let Some(enabled) = links.get("enabled") {
                enabled.bool(checker);
            }
            if let Some(domain) = links.get("domain") {
                domain.str(checker);
            }
        }
    }
    if let Some(utm) = template.get("utmParameters") {
        check_utm(checker, &utm);
    }
    if let Some(settings) = template.get("settings") {
        settings.object(checker);
    }
}

fn check_parameter(checker: &mut Checker<'_>, parameter: &At<'_>) {
    if parameter.object(checker).is_none() {
        return;
    }
    checker.unknown_keys(parameter, &["type", "key", "value"], "a template parameter");
    if let Some(key) =
        parameter.required(checker, "key", "a template parameter (the variable's key in Bird Studio)")
    {
        if key.str(checker).is_some_and(str::is_empty) {
            checker.error(code::TEMPLATE_PARAMETER, &key, "key cannot be empty");
        }
    }
    let Some(kind_at) = parameter.required(checker, "type", "a template parameter") else { return };
    let Some(kind) = kind_at.str(checker) else { return };
    let Some((_, value_type)) = PARAMETER_TYPES.iter().find(|(known, _)| *known == kind) else {
        let known: Vec<&str> = PARAMETER_TYPES.iter().map(|(name, _)| *name).collect();
        let message = format!("parameter type {} is not one of {}", quoted(kind), known.join(", "));
        checker.error(code::TEMPLATE_PARAMETER, &kind_at, message);
        return;
    };
    let Some(value) = parameter.required(checker, "value", "a template parameter") else { return };
    if let Some(expected) = value_type {
        let given = value.node.value.type_name();
        if given != *expected {
            let message = format!("a {kind} parameter's value is a {expected}, got {given}");
            checker.error(code::TEMPLATE_PARAMETER, &value, message);
        }
    }
}

fn check_attachment(checker: &mut Checker<'_>, attachment: &At<'_>) {
    if attachment.object(checker).is_none() {
        return;
    }
    checker.unknown_keys(attachment, &["mediaUrl", "filename", "inline"], "a template attachment");
    if let Some(url) = attachment.required(checker, "mediaUrl", "a template attachment") {
        super::body::check_url(checker, &url);
    }
    if let Some(filename) = attachment.required(checker, "filename", "a template attachment") {
        filename.str(checker);
    }
    if let Some(inline) = attachment.get("inline") {
        inline.bool(checker);
    }
}

/// 1–8 UTM parameters, each a `key` (≤ 20) with a `value` (≤ 100) or a
/// `reference` (`platform_name` or `channel_name`).
fn check_utm(checker: &mut Checker<'_>, utm: &At<'_>) {
    let Some(items) = utm.array(checker) else { return };
    let (min, max) = UTM_PARAMETERS;
    if !(min..=max).contains(&items.len()) {
        let message = format!("utmParameters has {min} to {max} entries; this one has {}", items.len());
        checker.error(code::TEMPLATE_INVALID, utm, message);
    }
    for item in items {
        if item.object(checker).is_none() {
            continue;
        }
        checker.unknown_keys(&item, &["key", "value", "reference"], "a UTM parameter");
        if let Some(key) = item.required(checker, "key", "a UTM parameter") {
            utm_text(checker, &key, UTM_KEY_MAX, "key");
        }
        match (item.get("value"), item.get("reference")) {
            (Some(value), None) => utm_text(checker, &value, UTM_VALUE_MAX, "value"),
            (None, Some(reference)) => {
                if reference.str(checker).is_some_and(|r| r != "platform_name" && r != "channel_name") {
                    checker.error(
                        code::TEMPLATE_INVALID,
                        &reference,
                        "reference is platform_name or channel_name",
                    );
                }
            }
            _ => checker.error(
                code::TEMPLATE_INVALID,
                &item,
                "a UTM parameter has a value or a reference (platform_name, channel_name), one of them",
            ),
        }
    }
}

fn utm_text(checker: &mut Checker<'_>, at: &At<'_>, max: usize, what: &str) {
    let Some(text) = at.str(checker) else { return };
    if text.is_empty() || char_len(text) > max {
        checker.error(
            code::TEMPLATE_INVALID,
            at,
            format!("a UTM parameter's {what} has 1 to {max} characters"),
        );
    }
}

/// A BCP 47 language tag in the shape Bird's locales have: a 2–3 letter
/// language, then subtags of 2–8 letters or digits (`en`, `en-US`, `pt-BR`).
fn is_bcp47(text: &str) -> bool {
    let mut parts = text.split('-');
    let language = parts.next().unwrap_or_default();
    (2..=3).contains(&language.len())
        && language.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|part| (2..=8).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// The Bird `template` object (JSON text) for a Cloud API template message
/// (`message`, parsed from `text`); issues point into the send's `template`.
pub(super) fn from_cloud(text: &str, message: &Node) -> Result<String, Error> {
    let mut issues = Vec::new();
    let root = JsonPointer::root().key("template");
    let template = message.get("template");
    let name = template.and_then(|t| t.get("name")).map_or("\"\"", |n| json::source(text, n));
    let code_node = template.and_then(|t| t.get("language")).and_then(|l| l.get("code"));
    let locale = code_node.and_then(Node::as_str).unwrap_or_default().replace('_', "-");
    if !is_bcp47(&locale) {
        let path = root.key("language").key("code");
        let message = format!(
            "language {} has no BCP 47 form Bird's locale takes (e.g. en_US: en-US)",
            quoted(&locale)
        );
        issues.push(Issue::error(code::TEMPLATE_UNMAPPABLE, path, message));
    }
    let mut parameters = Vec::new();
    let components = template.and_then(|t| t.get("components")).and_then(Node::items).unwrap_or_default();
    for (index, component) in components.iter().enumerate() {
        let at = root.key("components").index(index);
        let kind = component.get("type").and_then(Node::as_str).unwrap_or_default().to_ascii_lowercase();
        let params = component.get("parameters").and_then(Node::items).unwrap_or_default();
        if kind != "body" && kind != "header" {
            if !params.is_empty() || kind == "button" {
                let message = format!(
                    "a {kind} component has no equivalent in Bird's template call; send the template with sendMessage and its Bird keys"
                );
                issues.push(Issue::error(code::TEMPLATE_UNMAPPABLE, at, message));
            }
            continue;
        }
        for (position, parameter) in params.iter().enumerate() {
            match map_parameter(text, parameter, &kind, position) {
                Ok(mapped) => parameters.push(mapped),
                Err(issue) => {
                    let path = at.key("parameters").index(position);
                    let path = match issue.path.as_str() {
                        "" => path,
                        member => path.key(member.trim_start_matches('/')),
                    };
                    issues.push(Issue { path: path.into(), ..issue });
                }
            }
        }
    }
    if !issues.is_empty() {
        return Err(Error::validation_failed(issues));
    }
    let parameters = if parameters.is_empty() {
        String::new()
    } else {
        format!(r#","parameters":[{}]"#, parameters.join(","))
    };
    Ok(format!(r#"{{"name":{name},"locale":"{locale}"{parameters}}}"#))
}

/// One text parameter as a Bird string parameter; an issue (with a path
/// relative to the parameter) when it has no Bird form.
fn map_parameter(text: &str, parameter: &Node, component: &str, position: usize) -> Result<String, Issue> {
    let kind = parameter.get("type").and_then(Node::as_str).unwrap_or_default();
    if kind != "text" {
        let message = format!(
            "a {kind} parameter has no equivalent in Bird's template call (its parameters are strings keyed in Bird Studio); send the template with sendMessage and its Bird keys"
        );
        return Err(Issue::error(code::TEMPLATE_UNMAPPABLE, "", message));
    }
    let value = match parameter.get("text") {
        Some(value) if value.as_str().is_some() => json::source(text, value),
        Some(value) => {
            let message = format!("expected a string, got {}", value.value.type_name());
            return Err(Issue::error(check::code::WRONG_TYPE, "/text", message));
        }
        None => return Err(Issue::error(check::code::MISSING, "/text", "a text parameter needs text")),
    };
    let key = match parameter.get("parameter_name") {
        Some(name) if name.as_str().is_some() => json::source(text, name).to_owned(),
        _ if component == "body" => format!("\"{}\"", position + 1),
        _ => {
            let message = "a header parameter without parameter_name has no Bird key: name it (parameter_name, the key in Bird Studio)";
            return Err(Issue::error(code::TEMPLATE_UNMAPPABLE, "", message));
        }
    };
    Ok(format!(r#"{{"type":"string","key":{key},"value":{value}}}"#))
}
