//! `CloudApiClient` — Flows: create, list, read, update, upload JSON, publish, deprecate, delete, preview URL.

use super::super::convert::Document;
use super::super::options::{js_options, optional, Js};
use super::CloudApiClient;
use crate::api::cloud::Cloud;
use js_sys::Promise;
use wasm_bindgen::prelude::*;

js_options! {
    /// The options of `getFlowPreviewUrl`.
    pub struct FlowPreviewUrlOptions {
        /// Make a new link (the old one stops working).
        #[tsify(optional)]
        invalidate "invalidate": Option<bool>,
    }
}

#[wasm_bindgen]
impl CloudApiClient {
    /// Creates a Flow: `{ name, categories, flow_json?, endpoint_uri?, clone_flow_id?, publish? }`
    /// (`flow_json` checked by `validateFlow` first); resolves to `{ id, success, validation_errors? }`.
    #[wasm_bindgen(js_name = createFlow, unchecked_return_type = "Promise<FlowCreated>")]
    pub fn create_flow(&self, #[wasm_bindgen(unchecked_param_type = "object")] flow: JsValue) -> Promise {
        self.with_document(&flow, "createFlow", &Cloud::create_flow)
    }

    /// The business account's Flows.
    #[wasm_bindgen(js_name = listFlows, unchecked_return_type = "Promise<FlowList>")]
    pub fn list_flows(&self) -> Promise {
        self.run(self.cloud.list_flows())
    }

    /// A Flow's status, validation errors, versions and preview.
    #[wasm_bindgen(js_name = getFlow, unchecked_return_type = "Promise<FlowInfo>")]
    pub fn get_flow(&self, #[wasm_bindgen(js_name = "flowId")] flow_id: &str) -> Promise {
        self.run(self.cloud.get_flow(flow_id))
    }

    /// Updates a Flow's metadata: `name`, `categories`, `endpoint_uri`, `application_id`.
    #[wasm_bindgen(js_name = updateFlow, unchecked_return_type = "Promise<Success>")]
    pub fn update_flow(
        &self,
        #[wasm_bindgen(js_name = "flowId")] flow_id: &str,
        #[wasm_bindgen(unchecked_param_type = "object")] metadata: JsValue,
    ) -> Promise {
        let id = flow_id.to_owned();
        self.with_document(&metadata, "updateFlow", &move |cloud, text, node| {
            cloud.update_flow(&id, text, node)
        })
    }

    /// Uploads a Flow JSON (text or object) as the Flow's asset, checked by `validateFlow` first.
    #[wasm_bindgen(js_name = uploadFlowJson, unchecked_return_type = "Promise<FlowJsonUploaded>")]
    pub fn upload_flow_json(
        &self,
        #[wasm_bindgen(js_name = "flowId")] flow_id: &str,
        #[wasm_bindgen(js_name = "flowJson", unchecked_param_type = "object | string")] flow_json: JsValue,
    ) -> Promise {
        match Document::read(&flow_json, "uploadFlowJson", "flowJson") {
            Ok(document) => {
                let request = self.cloud.upload_flow_json(flow_id, &document.text);
                // Text the caller gave is uploaded as given: decoding the
                // checked copy back out of wasm would copy it a third time.
                let file = if document.from_caller { flow_json } else { JsValue::from_str(&document.text) };
                self.run_with(request, Some(file))
            }
            Err(error) => self.run(Err(error)),
        }
    }

    /// Publishes a Flow (irreversible: a published Flow can only be deprecated).
    #[wasm_bindgen(js_name = publishFlow, unchecked_return_type = "Promise<Success>")]
    pub fn publish_flow(&self, #[wasm_bindgen(js_name = "flowId")] flow_id: &str) -> Promise {
        self.run(self.cloud.flow_action(flow_id, "publish"))
    }

    /// Deprecates a published Flow.
    #[wasm_bindgen(js_name = deprecateFlow, unchecked_return_type = "Promise<Success>")]
    pub fn deprecate_flow(&self, #[wasm_bindgen(js_name = "flowId")] flow_id: &str) -> Promise {
        self.run(self.cloud.flow_action(flow_id, "deprecate"))
    }

    /// Deletes a draft Flow.
    #[wasm_bindgen(js_name = deleteFlow, unchecked_return_type = "Promise<Success>")]
    pub fn delete_flow(&self, #[wasm_bindgen(js_name = "flowId")] flow_id: &str) -> Promise {
        self.run(self.cloud.delete_flow(flow_id))
    }

    /// A web preview URL of the Flow; `{ invalidate: true }` makes a new one.
    #[wasm_bindgen(js_name = getFlowPreviewUrl, unchecked_return_type = "Promise<FlowPreviewUrl>")]
    pub fn get_flow_preview_url(
        &self,
        #[wasm_bindgen(js_name = "flowId")] flow_id: &str,
        options: Option<Js<FlowPreviewUrlOptions>>,
    ) -> Promise {
        let request = optional::<FlowPreviewUrlOptions>(options, "getFlowPreviewUrl")
            .and_then(|options| self.cloud.flow_preview(flow_id, options.invalidate == Some(true)));
        self.run(request)
    }
}
