//! Message templates: list, find (the definition a send is checked
//! against), get, create and edit (each validated first), delete.

use super::{fail_on_errors, path_id, Cloud};
use crate::api::{encode_component, Request};
use crate::json::Node;
use crate::template::{validate_template, TemplateOptions};
use crate::Error;

impl Cloud {
    /// GET `/<WABA_ID>/message_templates` with query filters (`limit`, `after`,
    /// `before`, `name`, `status`, `category`, `language`, `fields`).
    pub fn list_templates(&self, query: &[(&str, &str)]) -> Result<Request, Error> {
        const FILTERS: [&str; 8] =
            ["limit", "after", "before", "name", "status", "category", "language", "fields"];
        if let Some((key, _)) = query.iter().find(|(key, _)| !FILTERS.contains(key)) {
            return Err(Error::invalid_argument(format!(
                "unknown template filter {key}; known: {}",
                FILTERS.join(", ")
            )));
        }
        let mut url = self.url(&format!("{}/message_templates", self.waba()?));
        for (index, (key, value)) in query.iter().enumerate() {
            url.push(if index == 0 { '?' } else { '&' });
            url.push_str(key);
            url.push('=');
            url.push_str(&encode_component(value));
        }
        Ok(Request::get(url))
    }

    /// GET `/<WABA_ID>/message_templates?name=…&language=…` with the fields a
    /// send is checked against (the definition a template message uses).
    pub fn find_template(&self, name: &str, language: &str) -> Result<Request, Error> {
        const FIELDS: &str = "name,language,status,category,parameter_format,components";
        self.list_templates(&[("name", name), ("language", language), ("fields", FIELDS)])
    }

    /// GET `/<TEMPLATE_ID>`.
    pub fn get_template(&self, template_id: &str) -> Result<Request, Error> {
        let id = path_id(Some(template_id), "a template id")?;
        Ok(Request::get(self.url(id)))
    }

    /// POST `/<WABA_ID>/message_templates`: `definition` validated as a create payload first.
    pub fn create_template(&self, text: &str, definition: &Node) -> Result<Request, Error> {
        fail_on_errors(validate_template(definition, None, &TemplateOptions::default()))?;
        let url = self.url(&format!("{}/message_templates", self.waba()?));
        Ok(Request::post(url, Some(text.to_owned()), false))
    }

    /// POST `/<TEMPLATE_ID>`: an edit, validated first.
    pub fn edit_template(&self, template_id: &str, text: &str, edit: &Node) -> Result<Request, Error> {
        let options = TemplateOptions { mode: Some("edit".to_owned()) };
        fail_on_errors(validate_template(edit, None, &options))?;
        let id = path_id(Some(template_id), "a template id")?;
        // Editing twice to the same content changes nothing: safe to repeat.
        Ok(Request::post(self.url(id), Some(text.to_owned()), true))
    }

    /// POST `/<WABA_ID>/message_templates/archive` (or `/unarchive`, within 28
    /// days) with `{ hsm_ids: [1–100 template ids] }`
    /// (https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/template-archival).
    pub fn archive_templates(&self, ids: &Node, archive: bool) -> Result<Request, Error> {
        let mut found = Vec::new();
        super::check_body(ids, false, |checker, list| {
            found = super::check_ids(checker, &list, 100, "template ids");
        })?;
        for id in &found {
            path_id(Some(id), "a template id")?;
        }
        let body = super::id_list_body("hsm_ids", &found, None);
        let action = if archive { "archive" } else { "unarchive" };
        Ok(Request::post(self.url(&format!("{}/message_templates/{action}", self.waba()?)), Some(body), true))
    }

    /// DELETE `/<WABA_ID>/message_templates?name=…` (every language), or one
    /// template with `hsm_id`.
    pub fn delete_template(&self, name: &str, template_id: Option<&str>) -> Result<Request, Error> {
        if name.is_empty() {
            return Err(Error::invalid_argument("deleteTemplate needs the template's name"));
        }
        let mut url = format!(
            "{}?name={}",
            self.url(&format!("{}/message_templates", self.waba()?)),
            encode_component(name)
        );
        if let Some(id) = template_id {
            url.push_str("&hsm_id=");
            url.push_str(path_id(Some(id), "a template id")?);
        }
        Ok(Request::delete(url))
    }
}

/// Template definitions a client fetched to check sends against, by name and
/// language: kept so each is fetched once, at most [`TemplateDefinitions::MAX`]
/// (the oldest is dropped first), so a long-lived client's memory is bounded.
#[derive(Default)]
pub struct TemplateDefinitions(Vec<(String, String, String)>);

impl TemplateDefinitions {
    /// Most definitions kept.
    pub const MAX: usize = 256;

    /// The definition of `name` in `language`, as JSON text, if fetched before.
    pub fn find(&self, name: &str, language: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, l, _)| n == name && l == language)
            .map(|(_, _, definition)| definition.as_str())
    }

    /// Keeps `definition` for `name` in `language` (replacing an older one).
    pub fn remember(&mut self, name: String, language: String, definition: String) {
        self.0.retain(|(n, l, _)| *n != name || *l != language);
        if self.0.len() >= Self::MAX {
            self.0.remove(0);
        }
        self.0.push((name, language, definition));
    }
}

#[cfg(test)]
mod tests {
    use super::super::example as cloud;
    use super::*;

    #[test]
    fn template_endpoints_build_metas_paths() {
        let list = cloud().list_templates(&[("limit", "10"), ("name", "order update")]).unwrap();
        assert_eq!(
            list.url,
            "https://graph.example/v23.0/102290129340398/message_templates?limit=10&name=order%20update"
        );
        assert!(cloud().list_templates(&[("page", "2")]).is_err());
        let delete = cloud().delete_template("order_update", Some("123")).unwrap();
        assert_eq!(
            delete.url,
            "https://graph.example/v23.0/102290129340398/message_templates?name=order_update&hsm_id=123"
        );
        assert_eq!(delete.method, "DELETE");
        assert!(cloud().get_template("../me").is_err(), "ids cannot walk the path");
        let missing = Cloud { waba_id: None, ..cloud() };
        assert_eq!(missing.list_phone_numbers().unwrap_err().code, "invalid_argument");
    }

    #[test]
    fn definitions_are_found_by_name_and_language_replaced_and_bounded() {
        let mut kept = TemplateDefinitions::default();
        kept.remember("order".into(), "en_US".into(), "{\"v\":1}".into());
        kept.remember("order".into(), "pt_BR".into(), "{\"v\":2}".into());
        kept.remember("order".into(), "en_US".into(), "{\"v\":3}".into());
        assert_eq!(kept.find("order", "en_US"), Some("{\"v\":3}"));
        assert_eq!(kept.find("order", "pt_BR"), Some("{\"v\":2}"));
        assert_eq!(kept.find("order", "es"), None);
        for index in 0..TemplateDefinitions::MAX {
            kept.remember(format!("t{index}"), "en".into(), "{}".into());
        }
        assert_eq!(kept.find("order", "en_US"), None, "the oldest went first");
        assert_eq!(kept.find("t0", "en"), Some("{}"));
        assert_eq!(kept.0.len(), TemplateDefinitions::MAX);
    }
}
