//! Message templates: list, create (Woztell's legacy categories checked as
//! Meta's), edit, delete.

use super::code::{
    COUNT_OUT_OF_RANGE as COUNT, LENGTH_OUT_OF_RANGE as LENGTH, ONE_OF, UNKNOWN_FIELD as UNKNOWN,
    VALUE_INVALID,
};
use super::{checked, needs, Auth, Built, Woztell};
use crate::api::cloud::fail_on_errors;
use crate::api::providers::limits::{
    array, check_object, choice, exactly_one, integer, member, strings, text, Source,
};
use crate::api::providers::wire::{raw, Object};
use crate::api::{parse_document, Request};
use crate::json::Node;
use crate::report::{Issue, Report};
use crate::template::{validate_template, TemplateOptions};
use crate::Error;

/// Woztell's template categories (legacy names) and Meta's, for local validation.
const CATEGORIES: [(&str, &str); 5] = [
    ("TRANSACTIONAL", "UTILITY"),
    ("OTP", "AUTHENTICATION"),
    ("MARKETING", "MARKETING"),
    ("UTILITY", "UTILITY"),
    ("AUTHENTICATION", "AUTHENTICATION"),
];
const QUALITY: [&str; 3] = ["GREEN", "YELLOW", "RED"];
const EDIT_KEYS: [&str; 5] =
    ["wabaId", "messageTemplateName", "messageTemplateLanguage", "messageTemplateId", "components"];

/// `validation_failed` with the body's findings, then the definition's errors.
fn fail_on(body: Report, definition: Vec<Issue>) -> Result<(), Error> {
    fail_on_errors(Report::from_issues(body.errors.into_iter().chain(definition)))
}

impl Woztell {
    /// GET `/whatsapp-message-templates`: `wabaId`, `first` (1–100), `after` | `before`, and the filters.
    pub fn templates<'t>(&self, json: impl Into<Source<'t>>, query: &Node) -> Built {
        let source: Source<'_> = json.into();
        let json = source.text;
        const KEYS: [&str; 10] = [
            "wabaId",
            "first",
            "after",
            "before",
            "status",
            "category",
            "quality_score",
            "language",
            "name",
            "content",
        ];
        const STATUSES: [&str; 5] = ["APPROVED", "PENDING", "REJECTED", "PENDING_DELETION", "DELETED"];
        let default = self.waba_id.as_ref();
        checked(query, source, &KEYS, &|checker, query| {
            needs(checker, query, "wabaId", default);
            member(checker, query, "first", true);
            integer(checker, query, "first", (1, 100), COUNT);
            exactly_one(checker, query, ["after", "before"], false, ONE_OF);
            strings(checker, query, "status", &STATUSES, COUNT, VALUE_INVALID);
            strings(checker, query, "category", &["TRANSACTIONAL", "MARKETING", "OTP"], COUNT, VALUE_INVALID);
            strings(checker, query, "language", &[], COUNT, VALUE_INVALID);
            choice(checker, query, "quality_score", false, &QUALITY, VALUE_INVALID);
            text(checker, query, "name", false, (1, 512), LENGTH);
            text(checker, query, "content", false, (1, 1024), LENGTH);
        })?;
        Ok((Auth::Token, self.get("whatsapp-message-templates", json, query, &[("wabaId", default)])))
    }

    /// The definition `{ name, language, category, components }` of a Woztell body, with
    /// Woztell's category (TRANSACTIONAL, OTP) mapped onto Meta's for `validateTemplate`.
    fn meta_definition(json: &str, body: &Node) -> String {
        let mut object = Object::default();
        for (key, value) in body.members().unwrap_or_default() {
            match key.name.as_ref() {
                "category" => {
                    match value.as_str().and_then(|c| CATEGORIES.iter().find(|(woztell, _)| *woztell == c)) {
                        Some((_, meta)) => object.string("category", meta),
                        None => object.raw("category", raw(json, value)),
                    }
                }
                "name" | "language" | "components" => object.raw(&key.name, raw(json, value)),
                _ => &mut object,
            };
        }
        object.finish()
    }

    /// PUT `/whatsapp-message-template`: `{ wabaId, name, language, category (TRANSACTIONAL, MARKETING, OTP), components }`,
    /// checked like `validateTemplate` with the category mapped onto Meta's.
    pub fn create_template<'t>(&self, json: impl Into<Source<'t>>, body: &Node) -> Built {
        let source: Source<'_> = json.into();
        let json = source.text;
        const KEYS: [&str; 5] = ["wabaId", "name", "language", "category", "components"];
        let default = self.waba_id.as_ref();
        let fields = check_object(body, source.positions(), &KEYS, UNKNOWN, &|checker, body| {
            needs(checker, body, "wabaId", default);
            let allowed: Vec<&str> = CATEGORIES.iter().map(|(woztell, _)| *woztell).collect();
            choice(checker, body, "category", true, &allowed, VALUE_INVALID);
        });
        let mut definition = Vec::new();
        if body.members().is_some() {
            let meta = Self::meta_definition(json, body);
            definition = validate_template(&parse_document(&meta)?, None, &TemplateOptions::default()).errors;
            // The category is checked above against Woztell's names (and Meta's).
            definition.retain(|issue| issue.path != "/category");
        }
        fail_on(fields, definition)?;
        let body = self.body(json, body, &[("wabaId", default)]);
        let request = Request {
            method: "PUT",
            ..Request::post(self.url("whatsapp-message-template"), Some(body), false)
        };
        Ok((Auth::Token, request))
    }

    /// PATCH `/whatsapp-message-template`: `{ wabaId, messageTemplateName, messageTemplateLanguage,
    /// messageTemplateId, components }`, the components checked as an edit.
    pub fn edit_template<'t>(&self, json: impl Into<Source<'t>>, body: &Node) -> Built {
        let source: Source<'_> = json.into();
        let json = source.text;
        let default = self.waba_id.as_ref();
        let fields = check_object(body, source.positions(), &EDIT_KEYS, UNKNOWN, &|checker, body| {
            needs(checker, body, "wabaId", default);
            text(checker, body, "messageTemplateName", true, (1, 512), LENGTH);
            text(checker, body, "messageTemplateLanguage", true, (2, 12), LENGTH);
            text(checker, body, "messageTemplateId", true, (1, 64), LENGTH);
            array(checker, body, "components", true, (1, usize::MAX), COUNT);
        });
        let mut definition = Vec::new();
        if body.get("components").and_then(Node::items).is_some() {
            let edit = Object::default().members(json, body, EDIT_KEYS.get(..4).unwrap_or_default()).finish();
            let options = TemplateOptions { mode: Some("edit".to_owned()) };
            definition = validate_template(&parse_document(&edit)?, None, &options).errors;
        }
        fail_on(fields, definition)?;
        let body = self.body(json, body, &[("wabaId", default)]);
        let request = Request {
            method: "PATCH",
            ..Request::post(self.url("whatsapp-message-template"), Some(body), true)
        };
        Ok((Auth::Token, request))
    }

    /// DELETE `/whatsapp-message-template` with the body `{ wabaId, name }`.
    pub fn delete_template<'t>(&self, json: impl Into<Source<'t>>, body: &Node) -> Built {
        let source: Source<'_> = json.into();
        let json = source.text;
        let default = self.waba_id.as_ref();
        checked(body, source, &["wabaId", "name"], &|checker, body| {
            needs(checker, body, "wabaId", default);
            text(checker, body, "name", true, (1, 512), LENGTH);
        })?;
        let body = self.body(json, body, &[("wabaId", default)]);
        Ok((
            Auth::Token,
            Request { body: Some(body), ..Request::delete(self.url("whatsapp-message-template")) },
        ))
    }
}
