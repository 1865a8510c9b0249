//! Message templates: list, create (checked like `validateTemplate`), sync
//! from Meta, delete.

use super::code::{ONE_OF, VALUE_INVALID};
use super::{checked, uuid_arg, Cm, ACCOUNT};
use crate::api::cloud::fail_on_errors;
use crate::api::providers::limits::{boolean, choice, exactly_one, text, Source};
use crate::api::Request;
use crate::json::Node;
use crate::report::Report;
use crate::template::{validate_template, TemplateOptions};
use crate::Error;

const TEMPLATE_CATEGORIES: [&str; 3] = ["MARKETING", "UTILITY", "AUTHENTICATION"];

impl Cm {
    /// GET `/templates` with filters `account_id`, `waba_id`, `status`, `category`, `language`, `limit` (1–500).
    pub fn templates<'t>(&self, json: impl Into<Source<'t>>, query: &Node) -> Result<Request, Error> {
        let source: Source<'_> = json.into();
        const KEYS: [&str; 6] = ["account_id", "waba_id", "status", "category", "language", "limit"];
        self.list("/templates", source, query, &KEYS, (1, 500))
    }

    /// POST `/templates`: `{ account_id | waba_id, name, category, language, components, parameter_format?,
    /// allow_category_change? }`, the definition checked like `validateTemplate` first.
    pub fn create_template<'t>(&self, json: impl Into<Source<'t>>, body: &Node) -> Result<Request, Error> {
        let source: Source<'_> = json.into();
        let json = source.text;
        const KEYS: [&str; 8] = [
            "account_id",
            "waba_id",
            "name",
            "category",
            "language",
            "components",
            "parameter_format",
            "allow_category_change",
        ];
        let mut definition = Report::default();
        let fields = checked(body, source, &KEYS, &|checker, body| {
            exactly_one(checker, body, ACCOUNT, true, ONE_OF);
            text(checker, body, "language", true, (2, 12), super::code::LENGTH_OUT_OF_RANGE);
            choice(checker, body, "category", true, &TEMPLATE_CATEGORIES, VALUE_INVALID);
            boolean(checker, body, "allow_category_change", false);
        });
        if body.members().is_some() {
            definition = validate_template(body, source.positions(), &TemplateOptions::default());
        }
        // The body's own findings first, then the definition's.
        let mut issues = fields.err().map(|error| error.issues).unwrap_or_default();
        issues.extend(definition.errors);
        fail_on_errors(Report::from_issues(issues))?;
        Ok(Request::post(self.url("/templates"), Some(self.write(json, body, None, false)), false))
    }

    /// POST `/templates/sync`: `{ account_id | waba_id }`.
    pub fn sync_templates<'t>(&self, json: impl Into<Source<'t>>, body: &Node) -> Result<Request, Error> {
        let request = self.plain("/templates/sync", json.into(), body, &ACCOUNT, &|checker, body| {
            exactly_one(checker, body, ACCOUNT, true, ONE_OF);
        })?;
        Ok(Request { idempotent: true, ..request })
    }

    /// DELETE `/templates/{uuid}` (the platform's template id); answers 204.
    pub fn delete_template(&self, uuid: &str) -> Result<Request, Error> {
        Ok(Request::delete(self.url(&format!("/templates/{}", uuid_arg(uuid, "the template id")?))))
    }
}
