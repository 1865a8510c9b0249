//! Onboarding (Embedded Signup, manual connection), accounts and numbers,
//! campaigns and analytics.

use super::code::{COUNT_OUT_OF_RANGE as COUNT, LENGTH_OUT_OF_RANGE as LENGTH, UNKNOWN_FIELD as UNKNOWN};
use super::{uuid_arg, uuid_member, Cm};
use crate::api::cloud::fail_on_errors;
use crate::api::providers::limits::{array, object, text, Source};
use crate::api::providers::wire::{raw, Object};
use crate::api::template_send::recipient;
use crate::api::Request;
use crate::check::code::WRONG_TYPE;
use crate::check::{At, Checker};
use crate::json::{string_literal, Node};
use crate::Error;

impl Cm {
    /// POST `/onboarding/exchange`: `{ code, waba_id, phone_number_id, business_id?, bot_id?, data_localization_region? }`.
    pub fn exchange<'t>(&self, json: impl Into<Source<'t>>, body: &Node) -> Result<Request, Error> {
        let source: Source<'_> = json.into();
        const KEYS: [&str; 6] =
            ["code", "waba_id", "phone_number_id", "business_id", "bot_id", "data_localization_region"];
        self.plain("/onboarding/exchange", source, body, &KEYS, &|checker, body| {
            text(checker, body, "code", true, (1, 2048), LENGTH);
            text(checker, body, "waba_id", true, (1, 64), LENGTH);
            text(checker, body, "phone_number_id", true, (1, 64), LENGTH);
            text(checker, body, "business_id", false, (1, 64), LENGTH);
            uuid_member(checker, body, "bot_id", false);
            text(checker, body, "data_localization_region", false, (2, 2), LENGTH);
        })
    }

    /// POST `/onboarding/manual`: `{ waba_id, phone_number_id, access_token, business_id?, bot_id? }`
    /// (the platform takes it with a dashboard JWT only).
    pub fn manual<'t>(&self, json: impl Into<Source<'t>>, body: &Node) -> Result<Request, Error> {
        let source: Source<'_> = json.into();
        const KEYS: [&str; 5] = ["waba_id", "phone_number_id", "access_token", "business_id", "bot_id"];
        self.plain("/onboarding/manual", source, body, &KEYS, &|checker, body| {
            text(checker, body, "waba_id", true, (1, 64), LENGTH);
            text(checker, body, "phone_number_id", true, (1, 64), LENGTH);
            text(checker, body, "access_token", true, (20, 4096), LENGTH);
            text(checker, body, "business_id", false, (1, 64), LENGTH);
            uuid_member(checker, body, "bot_id", false);
        })
    }

    /// GET `/accounts`.
    pub fn accounts(&self) -> Request {
        Request::get(self.url("/accounts"))
    }

    /// GET `/phone_numbers`.
    pub fn phone_numbers(&self) -> Request {
        Request::get(self.url("/phone_numbers"))
    }

    /// POST `/phone_numbers/{phone_id}/link-bot` with `{ bot_id }` (a UUID, or none to unlink).
    pub fn link_bot(&self, phone_id: &str, bot_id: Option<&str>) -> Result<Request, Error> {
        let phone = uuid_arg(phone_id, "phoneId")?;
        let bot = match bot_id {
            Some(bot) => string_literal(uuid_arg(bot, "botId")?),
            None => "null".to_owned(),
        };
        let body = Object::default().raw(self.name("bot_id"), &bot).finish();
        Ok(Request::post(self.url(&format!("/phone_numbers/{phone}/link-bot")), Some(body), true))
    }

    /// POST `/phone_numbers/{phone_id}/autoreply` with `{ enabled }`.
    pub fn autoreply(&self, phone_id: &str, enabled: bool) -> Result<Request, Error> {
        let phone = uuid_arg(phone_id, "phoneId")?;
        let body =
            Object::default().raw(self.name("enabled"), if enabled { "true" } else { "false" }).finish();
        Ok(Request::post(self.url(&format!("/phone_numbers/{phone}/autoreply")), Some(body), true))
    }

    /// GET `/campaigns` (`limit`).
    pub fn campaigns<'t>(&self, json: impl Into<Source<'t>>, query: &Node) -> Result<Request, Error> {
        self.list("/campaigns", json.into(), query, &["limit"], (1, 1000))
    }

    /// POST `/campaigns`: `{ phone_number_id (the platform's UUID), name, template_name,
    /// template_language?, template_components?, scheduled_at? }` (the client's `phoneId` by default).
    pub fn create_campaign<'t>(&self, json: impl Into<Source<'t>>, body: &Node) -> Result<Request, Error> {
        let source: Source<'_> = json.into();
        let json = source.text;
        const KEYS: [&str; 6] = [
            "phone_number_id",
            "name",
            "template_name",
            "template_language",
            "template_components",
            "scheduled_at",
        ];
        let default = self.phone_id.as_ref().filter(|_| body.get("phone_number_id").is_none());
        super::checked(body, source, &KEYS, &|checker, body| {
            if default.is_none() {
                uuid_member(checker, body, "phone_number_id", true);
            }
            text(checker, body, "name", true, (1, 255), LENGTH);
            text(checker, body, "template_name", true, (1, 512), LENGTH);
            text(checker, body, "template_language", false, (2, 12), LENGTH);
            array(checker, body, "template_components", false, (0, usize::MAX), COUNT);
            text(checker, body, "scheduled_at", false, (1, 64), LENGTH);
        })?;
        let mut object = Object::default();
        if let Some(id) = default {
            object.string(self.name("phone_number_id"), id);
        }
        for (key, value) in body.members().unwrap_or_default() {
            object.raw(self.name(&key.name), raw(json, value));
        }
        Ok(Request::post(self.url("/campaigns"), Some(object.finish()), false))
    }

    /// POST `/campaigns/{id}/recipients`: `recipients` (1–10000 of `{ to_phone, variables? }`), numbers as +E.164.
    pub fn add_recipients<'t>(
        &self,
        campaign_id: &str,
        json: impl Into<Source<'t>>,
        recipients: &Node,
    ) -> Result<Request, Error> {
        let source: Source<'_> = json.into();
        let json = source.text;
        let id = uuid_arg(campaign_id, "the campaign id")?;
        let mut checker = Checker::new(recipients, source.positions());
        let root = At::root(recipients);
        let mut list = Vec::new();
        match root.node.items() {
            Some(items) if !items.is_empty() && items.len() <= 10_000 => {
                for item in root.items() {
                    if let Some(entry) = self.recipient(&mut checker, &item, json) {
                        list.push(entry);
                    }
                }
            }
            Some(items) => checker.error(
                COUNT,
                &root,
                format!("a campaign takes 1 to 10000 recipients per call; got {}", items.len()),
            ),
            None => checker.error(WRONG_TYPE, &root, "recipients is an array"),
        }
        fail_on_errors(checker.finish())?;
        let list = format!("[{}]", list.join(","));
        let body = Object::default().raw(self.name("recipients"), &list).finish();
        Ok(Request::post(self.url(&format!("/campaigns/{id}/recipients")), Some(body), false))
    }

    /// One campaign recipient `{ to_phone, variables? }` as sent (the number as +E.164), or its findings.
    fn recipient(&self, checker: &mut Checker<'_>, item: &At<'_>, json: &str) -> Option<String> {
        if !object(checker, item, &["to_phone", "variables"], UNKNOWN) {
            return None;
        }
        let phone = text(checker, item, "to_phone", true, (5, 20), LENGTH).map(recipient);
        let variables = item.get("variables");
        if let Some(at) = variables.filter(|v| v.node.members().is_none()) {
            let message =
                format!("variables is an object of name → value, got {}", at.node.value.type_name());
            checker.error(WRONG_TYPE, &at, message);
        }
        match (phone, item.get("to_phone")) {
            (Some(Ok(phone)), _) => {
                let mut object = Object::default();
                object.string(self.name("to_phone"), &phone);
                if let Some(variables) = variables {
                    object.raw(self.name("variables"), raw(json, variables.node));
                }
                Some(object.finish())
            }
            (Some(Err(error)), Some(at)) => {
                for issue in error.issues {
                    checker.error(issue.code, &at, issue.message);
                }
                None
            }
            _ => None,
        }
    }

    /// POST `/campaigns/{id}/launch`.
    pub fn launch_campaign(&self, campaign_id: &str) -> Result<Request, Error> {
        let id = uuid_arg(campaign_id, "the campaign id")?;
        Ok(Request::post(self.url(&format!("/campaigns/{id}/launch")), None, false))
    }

    /// GET `/analytics/{report}` (`funnel`, `timeseries`, `costs`) with `days` 1–90.
    pub fn analytics<'t>(
        &self,
        report: &str,
        json: impl Into<Source<'t>>,
        query: &Node,
    ) -> Result<Request, Error> {
        self.list(&format!("/analytics/{report}"), json.into(), query, &["days"], (0, 0))
    }
}
