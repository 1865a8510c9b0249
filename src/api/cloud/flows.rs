//! The Flows API (create, list, get, update metadata, upload Flow JSON,
//! publish, deprecate, delete, preview URL): request builders, with Flow JSON
//! checked by `validateFlow` before it is uploaded.

use super::Cloud;
use crate::api::{encode_component, FormPart, FormValue, Request};
use crate::flow::{validate_flow, FlowOptions};
use crate::json::{Node, Value};
use crate::Error;

/// Flow categories Meta accepts (REFERENCE.md §3.8).
pub const FLOW_CATEGORIES: [&str; 8] = [
    "SIGN_UP",
    "SIGN_IN",
    "APPOINTMENT_BOOKING",
    "LEAD_GENERATION",
    "CONTACT_US",
    "CUSTOMER_SUPPORT",
    "SURVEY",
    "OTHER",
];

/// The fields `getFlow` asks for.
const FLOW_FIELDS: &str = "id,name,status,categories,validation_errors,json_version,data_api_version,endpoint_uri,preview,whatsapp_business_account,application,health_status";

/// Fails with `validation_failed` when `flow_json` (text) has errors.
fn check_flow_json(text: &str) -> Result<(), Error> {
    let doc = crate::api::parse_document(text)?;
    let report = validate_flow(&doc, Some(text), &FlowOptions::default());
    if report.ok {
        Ok(())
    } else {
        Err(Error::validation_failed(report.errors))
    }
}

fn check_categories(categories: Option<&Node>) -> Result<(), Error> {
    let Some(categories) = categories else { return Ok(()) };
    let list = categories.items().unwrap_or_default();
    let known = |node: &Node| node.as_str().is_some_and(|c| FLOW_CATEGORIES.contains(&c));
    if list.is_empty() || !list.iter().all(known) {
        let message = format!("categories needs one or more of {}", FLOW_CATEGORIES.join(", "));
        return Err(Error::invalid_argument(message));
    }
    Ok(())
}

impl Cloud {
    /// POST `/<WABA_ID>/flows` with `{ name, categories, flow_json?, endpoint_uri?, clone_flow_id?, publish? }`;
    /// an included `flow_json` (text or object) is validated first.
    pub fn create_flow(&self, text: &str, body: &Node) -> Result<Request, Error> {
        if body.get("name").and_then(Node::as_str).is_none_or(str::is_empty) {
            return Err(Error::invalid_argument("createFlow needs a name (unique in the business account)"));
        }
        check_categories(Some(
            body.get("categories").unwrap_or(&Node { value: Value::Null, span: Default::default() }),
        ))?;
        match body.get("flow_json").map(|node| &node.value) {
            Some(Value::String(flow)) => check_flow_json(flow)?,
            Some(Value::Object(_)) => {
                let span = body.get("flow_json").map(|n| n.span).unwrap_or_default();
                check_flow_json(text.get(span.start..span.end).unwrap_or_default())?;
            }
            _ => {}
        }
        Ok(Request::post(self.url(&format!("{}/flows", self.waba()?)), Some(text.to_owned()), false))
    }

    /// GET `/<WABA_ID>/flows`.
    pub fn list_flows(&self) -> Result<Request, Error> {
        Ok(Request::get(self.url(&format!("{}/flows", self.waba()?))))
    }

    /// GET `/<FLOW_ID>` with its status, validation errors, versions and preview.
    pub fn get_flow(&self, flow_id: &str) -> Result<Request, Error> {
        let id = super::path_id(Some(flow_id), "a Flow id")?;
        Ok(Request::get(format!("{}?fields={FLOW_FIELDS}", self.url(id))))
    }

    /// POST `/<FLOW_ID>` with metadata (`name`, `categories`, `endpoint_uri`, `application_id`).
    pub fn update_flow(&self, flow_id: &str, text: &str, body: &Node) -> Result<Request, Error> {
        const FIELDS: [&str; 4] = ["name", "categories", "endpoint_uri", "application_id"];
        let members = body.members().ok_or_else(|| Error::invalid_argument("updateFlow takes an object"))?;
        if let Some((key, _)) = members.iter().find(|(key, _)| !FIELDS.contains(&key.name.as_ref())) {
            return Err(Error::invalid_argument(format!(
                "updateFlow: unknown field {}; known: {}",
                key.name,
                FIELDS.join(", ")
            )));
        }
        check_categories(body.get("categories"))?;
        let id = super::path_id(Some(flow_id), "a Flow id")?;
        Ok(Request::post(self.url(id), Some(text.to_owned()), true))
    }

    /// POST `/<FLOW_ID>/assets` (multipart: the Flow JSON as `flow.json`), validated first.
    /// The transport attaches `flow_json` itself as the file.
    pub fn upload_flow_json(&self, flow_id: &str, flow_json: &str) -> Result<Request, Error> {
        check_flow_json(flow_json)?;
        let id = super::path_id(Some(flow_id), "a Flow id")?;
        let form = vec![
            FormPart { name: "name", value: FormValue::Text("flow.json".to_owned()) },
            FormPart { name: "asset_type", value: FormValue::Text("FLOW_JSON".to_owned()) },
            FormPart {
                name: "file",
                value: FormValue::File {
                    filename: "flow.json".to_owned(),
                    content_type: "application/json".to_owned(),
                },
            },
        ];
        Ok(Request::post_form(self.url(&format!("{id}/assets")), form, true))
    }

    /// POST `/<FLOW_ID>/publish` or `/<FLOW_ID>/deprecate`.
    pub fn flow_action(&self, flow_id: &str, action: &'static str) -> Result<Request, Error> {
        let id = super::path_id(Some(flow_id), "a Flow id")?;
        Ok(Request::post(self.url(&format!("{id}/{action}")), None, true))
    }

    /// DELETE `/<FLOW_ID>` (drafts only: Meta refuses published Flows).
    pub fn delete_flow(&self, flow_id: &str) -> Result<Request, Error> {
        let id = super::path_id(Some(flow_id), "a Flow id")?;
        Ok(Request::delete(self.url(id)))
    }

    /// GET `/<FLOW_ID>?fields=preview.invalidate(<invalidate>)`: a web preview URL.
    pub fn flow_preview(&self, flow_id: &str, invalidate: bool) -> Result<Request, Error> {
        let id = super::path_id(Some(flow_id), "a Flow id")?;
        Ok(Request::get(format!(
            "{}?fields={}",
            self.url(id),
            encode_component(&format!("preview.invalidate({invalidate})"))
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::super::example as cloud;
    use crate::json::parse;

    #[test]
    fn flow_json_is_validated_before_upload() {
        let bad = r#"{"version":"7.3","screens":[]}"#;
        assert_eq!(cloud().upload_flow_json("9", bad).unwrap_err().issues[0].code, "flow.screens_empty");
        let create = r#"{"name":"x","categories":["SURVEY"],"flow_json":{"version":"7.3","screens":[]}}"#;
        assert_eq!(
            cloud().create_flow(create, &parse(create).unwrap()).unwrap_err().code,
            "validation_failed"
        );
        let no_category = r#"{"name":"x","categories":["GAMES"]}"#;
        assert_eq!(
            cloud().create_flow(no_category, &parse(no_category).unwrap()).unwrap_err().code,
            "invalid_argument"
        );
        let preview = cloud().flow_preview("9", true).unwrap();
        assert_eq!(preview.url, "https://graph.example/v23.0/9?fields=preview.invalidate%28true%29");
    }
}
