//! Flows: list, read, create, metadata, Flow JSON (checked like
//! `validateFlow`), publish, deprecate, delete.

use super::code::{COUNT_OUT_OF_RANGE as COUNT, LENGTH_OUT_OF_RANGE as LENGTH, ONE_OF, VALUE_INVALID};
use super::{checked, id_arg, Auth, Built, Woztell};
use crate::api::cloud::fail_on_errors;
use crate::api::providers::limits::{array, exactly_one, integer, member, strings, text, Source};
use crate::api::providers::wire::{push_query, raw, Object};
use crate::api::{parse_document, Request};
use crate::check::code::MISSING;
use crate::check::{At, Checker};
use crate::flow::{validate_flow, FlowOptions};
use crate::json::{string_literal, Node};
use crate::report::Report;

/// A Flow's `name`, `categories` (Meta's list) and `endpoint_url` (https).
fn check_flow_fields(
    checker: &mut Checker<'_>,
    data: &At<'_>,
    name_required: bool,
    categories_required: bool,
) {
    text(checker, data, "name", name_required, (1, 200), LENGTH);
    let categories = crate::api::cloud::FLOW_CATEGORIES;
    let count = (1, categories.len());
    if array(checker, data, "categories", categories_required, count, COUNT).is_some() {
        strings(checker, data, "categories", &categories, COUNT, VALUE_INVALID);
    }
    let url = text(checker, data, "endpoint_url", false, (1, 2048), LENGTH);
    if let (Some(false), Some(at)) = (url.map(|u| u.starts_with("https://")), data.get("endpoint_url")) {
        checker.error(VALUE_INVALID, &at, "endpoint_url is an https URL");
    }
}

impl Woztell {
    /// GET `/flow`: `limit` (required), `after` | `before`.
    pub fn flows<'t>(&self, json: impl Into<Source<'t>>, query: &Node) -> Built {
        let source: Source<'_> = json.into();
        let json = source.text;
        checked(query, source, &["limit", "after", "before"], &|checker, query| {
            member(checker, query, "limit", true);
            integer(checker, query, "limit", (1, 1000), COUNT);
            exactly_one(checker, query, ["after", "before"], false, ONE_OF);
        })?;
        Ok((Auth::Signed, self.get("flow", json, query, &[])))
    }

    /// GET `/{path}?flowId=` (`flow-screen-payload`, `flow-preview`, `flow-detail`).
    pub fn flow_get(&self, path: &str, flow_id: &str) -> Built {
        let mut url = self.url(path);
        push_query(&mut url, "flowId", id_arg(flow_id, "flowId")?);
        Ok((Auth::Signed, Request::get(url)))
    }

    /// PUT `/create-flow` with `{ "data": { name, categories, clone_flow_id?, endpoint_url? } }`.
    pub fn create_flow<'t>(&self, json: impl Into<Source<'t>>, data: &Node) -> Built {
        let source: Source<'_> = json.into();
        let json = source.text;
        const KEYS: [&str; 4] = ["name", "categories", "clone_flow_id", "endpoint_url"];
        checked(data, source, &KEYS, &|checker, data| {
            check_flow_fields(checker, data, true, true);
            text(checker, data, "clone_flow_id", false, (1, 64), LENGTH);
        })?;
        let body = Object::default().raw("data", raw(json, data)).finish();
        Ok((
            Auth::Signed,
            Request { method: "PUT", ..Request::post(self.url("create-flow"), Some(body), false) },
        ))
    }

    /// PATCH `/flow-metadata`: `{ flowId, data: { name?, categories? }, endpoint_url? }` (the shape of the
    /// document's sample: `endpoint_url` beside `data`).
    pub fn flow_metadata<'t>(&self, flow_id: &str, json: impl Into<Source<'t>>, metadata: &Node) -> Built {
        let source: Source<'_> = json.into();
        let json = source.text;
        let id = id_arg(flow_id, "flowId")?;
        const KEYS: [&str; 3] = ["name", "categories", "endpoint_url"];
        checked(metadata, source, &KEYS, &|checker, metadata| {
            check_flow_fields(checker, metadata, false, false);
            if metadata.node.members().is_some_and(<[_]>::is_empty) {
                checker.error(MISSING, metadata, "give name, categories or endpoint_url");
            }
        })?;
        let mut object = Object::default();
        object.string("flowId", id);
        object.raw("data", &Object::default().members(json, metadata, &["endpoint_url"]).finish());
        if let Some(url) = metadata.get("endpoint_url") {
            object.raw("endpoint_url", raw(json, url));
        }
        let request = Request {
            method: "PATCH",
            ..Request::post(self.url("flow-metadata"), Some(object.finish()), true)
        };
        Ok((Auth::Signed, request))
    }

    /// PATCH `/flow-json`: `{ flowId, data: <Flow JSON> }`, the Flow JSON checked like `validateFlow` first.
    pub fn flow_json(&self, flow_id: &str, flow_json: &str) -> Built {
        let id = id_arg(flow_id, "flowId")?;
        let doc = parse_document(flow_json)?;
        // The Flow JSON is given as text: its findings carry line and column.
        let report = validate_flow(&doc, Some(flow_json), &FlowOptions::default());
        fail_on_errors(Report::from_issues(report.errors))?;
        let body = Object::default().string("flowId", id).raw("data", flow_json.trim()).finish();
        Ok((
            Auth::Signed,
            Request { method: "PATCH", ..Request::post(self.url("flow-json"), Some(body), true) },
        ))
    }

    /// `{ flowId }` to `path`: DELETE `/flow`, POST `/publish-flow`, POST `/deprecate-flow`.
    pub fn flow_action(&self, method: &'static str, path: &str, flow_id: &str) -> Built {
        let body = format!("{{\"flowId\":{}}}", string_literal(id_arg(flow_id, "flowId")?));
        Ok((Auth::Signed, Request { method, ..Request::post(self.url(path), Some(body), true) }))
    }
}
