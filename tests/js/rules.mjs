// One failing and one passing input for every rule of validateTemplate,
// validateTemplateSend, validateMessage and (flow-rules.mjs) validateFlow,
// keyed by issue code. Plain data and builders, no Node APIs, so every runtime
// can run it.

import { flowRules } from "./flow-rules.mjs";

const clone = (value) => JSON.parse(JSON.stringify(value));

/** A valid MARKETING template with a header variable, body variables, a footer and buttons. */
export const template = (edit = (t) => t) =>
  edit({
    name: "order_update",
    language: "en_US",
    category: "MARKETING",
    components: [
      { type: "HEADER", format: "TEXT", text: "Order {{1}} update", example: { header_text: ["A12"] } },
      {
        type: "BODY",
        text: "Hello {{1}}, your order is on its way and arrives on {{2}} as promised.",
        example: { body_text: [["Pablo", "Friday"]] },
      },
      { type: "FOOTER", text: "Reply STOP to opt out" },
      {
        type: "BUTTONS",
        buttons: [
          { type: "URL", text: "Track", url: "https://shop.example/track/{{1}}", example: ["https://shop.example/track/A12"] },
          { type: "PHONE_NUMBER", text: "Call us", phone_number: "+15550001111" },
        ],
      },
    ],
  });

const body = (t) => t.components[1];
const buttons = (t) => t.components[3].buttons;

/** A valid AUTHENTICATION template. */
export const auth = (edit = (t) => t) =>
  edit({
    name: "login_code",
    language: "en",
    category: "AUTHENTICATION",
    components: [
      { type: "BODY", add_security_recommendation: true },
      { type: "FOOTER", code_expiration_minutes: 10 },
      {
        type: "BUTTONS",
        buttons: [
          {
            type: "OTP",
            otp_type: "ONE_TAP",
            text: "Copy code",
            autofill_text: "Autofill",
            supported_apps: [{ package_name: "com.example.app", signature_hash: "K8a/AINcGX7" }],
          },
        ],
      },
    ],
  });

const card = (edit = (c) => c) =>
  edit({
    components: [
      { type: "HEADER", format: "IMAGE", example: { header_handle: ["4::aW"] } },
      { type: "BODY", text: "Rare plant {{1}} in stock now.", example: { body_text: [["Aloe"]] } },
      { type: "BUTTONS", buttons: [{ type: "QUICK_REPLY", text: "More like this" }] },
    ],
  });

/** A valid carousel template with `n` cards. */
export const carousel = (n = 2, edit = (t) => t) =>
  edit({
    name: "plants",
    language: "en_US",
    category: "MARKETING",
    components: [
      { type: "BODY", text: "Hi {{1}}, see our rare plants this week.", example: { body_text: [["Pablo"]] } },
      { type: "CAROUSEL", cards: Array.from({ length: n }, () => card()) },
    ],
  });

/** A valid limited-time-offer template. */
export const lto = (edit = (t) => t) =>
  edit({
    name: "offer",
    language: "en_US",
    category: "MARKETING",
    components: [
      { type: "HEADER", format: "IMAGE", example: { header_handle: ["4::aW"] } },
      { type: "LIMITED_TIME_OFFER", limited_time_offer: { text: "Expiring offer!", has_expiration: true } },
      { type: "BODY", text: "Good news, {{1}}! Use the code to save on every trip.", example: { body_text: [["Pablo"]] } },
      {
        type: "BUTTONS",
        buttons: [
          { type: "COPY_CODE", example: "SAVE25" },
          { type: "URL", text: "Book now", url: "https://x.example/o?c={{1}}", example: ["https://x.example/o?c=1"] },
        ],
      },
    ],
  });

/** A send that fits `template()`. */
export const send = (edit = (s) => s) =>
  edit({
    name: "order_update",
    language: { code: "en_US" },
    components: [
      { type: "header", parameters: [{ type: "text", text: "A12" }] },
      { type: "body", parameters: [{ type: "text", text: "Pablo" }, { type: "text", text: "Friday" }] },
      { type: "button", sub_type: "url", index: 0, parameters: [{ type: "text", text: "A12" }] },
    ],
  });

const message = (extra) => ({ messaging_product: "whatsapp", to: "+16505551234", ...extra });
const list = (edit = (m) => m) =>
  edit(
    message({
      type: "interactive",
      interactive: {
        type: "list",
        body: { text: "Pick a slot" },
        action: {
          button: "Slots",
          sections: [{ title: "Today", rows: [{ id: "a", title: "9:00" }, { id: "b", title: "10:00" }] }],
        },
      },
    }),
  );
const replies = (edit = (m) => m) =>
  edit(
    message({
      type: "interactive",
      interactive: {
        type: "button",
        body: { text: "Confirm?" },
        action: { buttons: [{ type: "reply", reply: { id: "y", title: "Yes" } }, { type: "reply", reply: { id: "n", title: "No" } }] },
      },
    }),
  );
const flow = (edit = (m) => m) =>
  edit(
    message({
      type: "interactive",
      interactive: {
        type: "flow",
        body: { text: "Book a table" },
        action: { name: "flow", parameters: { flow_message_version: "3", flow_id: "123", flow_cta: "Book" } },
      },
    }),
  );

/** An interactive media carousel of `n` URL cards (Meta's example shape). */
const mediaCarousel = (n = 2, edit = (m) => m) =>
  edit(
    message({
      type: "interactive",
      interactive: {
        type: "carousel",
        body: { text: "Here are our latest arrivals" },
        action: {
          cards: Array.from({ length: n }, (_, i) => ({
            card_index: i,
            type: "cta_url",
            header: { type: "image", image: { link: `https://example.com/${i}.jpg` } },
            body: { text: "A rosette-shaped succulent" },
            action: { name: "cta_url", parameters: { display_text: "Shop now", url: `https://example.com/${i}` } },
          })),
        },
      },
    }),
  );
const quickReplies = (count) => ({ buttons: Array.from({ length: count }, (_, b) => ({ type: "quick_reply", quick_reply: { id: `b${b}`, title: `Option ${b}` } })) });
const contacts = (list) => message({ type: "contacts", contacts: list });
const ana = (extra = {}) => ({ name: { formatted_name: "Ana Ruiz", first_name: "Ana" }, ...extra });
const request = (kind, edit = (m) => m) =>
  edit(message({ type: "interactive", interactive: { type: kind, body: { text: "Please share your phone number." }, action: { name: kind } } }));
const addressMessage = (parameters) =>
  message({ type: "interactive", interactive: { type: "address_message", body: { text: "Where should we deliver?" }, action: { name: "address_message", parameters } } });

const v = (fn, input, extra) => ({ fn, input, extra });
const T = (input, extra) => v("validateTemplate", input, extra);
const S = (sendInput, definition = template()) => v("validateTemplateSend", definition, sendInput);
const M = (input) => v("validateMessage", input);
/** validateTemplateSend without a definition: the rules every send keeps. */
const S0 = (sendInput) => v("validateTemplateSend", null, sendInput);
/** A template message around `send()`, for validateMessage. */
const templateMessage = (edit = (s) => s) => message({ type: "template", template: send(edit) });
/** A send of `auth()` addressed by `address` ({ to } and/or { recipient }). */
const authSend = (address) => ({
  messaging_product: "whatsapp",
  ...address,
  type: "template",
  template: { name: "login_code", language: { code: "en" }, components: [{ type: "body", parameters: [{ type: "text", text: "123456" }] }, { type: "button", sub_type: "url", index: 0, parameters: [{ type: "text", text: "123456" }] }] },
});
/** A multi-product (MPM) button send with `sections`. */
const mpmSend = (sections) => ({
  name: "catalog_offer",
  language: { code: "en_US" },
  components: [
    { type: "body", parameters: [{ type: "text", text: "Pablo" }] },
    { type: "button", sub_type: "mpm", index: 0, parameters: [{ type: "action", action: { thumbnail_product_retailer_id: "sku1", sections } }] },
  ],
});
const items = (id) => [{ product_retailer_id: id }];
/** A limited-time-offer send whose expiration is `ms`. */
const offerSend = (ms) => ({ name: "offer", language: { code: "en_US" }, components: [{ type: "limited_time_offer", parameters: [{ type: "limited_time_offer", limited_time_offer: { expiration_time_ms: ms } }] }] });
/** A template made from Meta's template library. */
const library = (edit = (t) => t) =>
  edit({ name: "order_shipped", language: "en_US", category: "UTILITY", library_template_name: "delivery_update_1", library_template_body_inputs: { add_contact_number: true, add_track_package_link: true }, library_template_button_inputs: [{ type: "URL", url: { base_url: "https://shop.example/track/{{1}}", url_suffix_example: "https://shop.example/track/A12" } }] });

/**
 * code → { bad, good, path?, severity? }: `bad` must report `code` (at `path`)
 * as an error, or as a warning with `severity: "warning"`; `good` must be free
 * of errors and must not report `code` at all. Each input is { fn, input,
 * extra?, grow? } (see `run`).
 */
export const rules = {
  wrong_type: { bad: T(template((t) => ({ ...t, name: 42 }))), good: T(template()), path: "/name" },
  missing: { bad: T(template((t) => ({ ...t, language: undefined }))), good: T(template()), path: "/language" },
  "template.name_invalid": { bad: T(template((t) => ({ ...t, name: "Order Update" }))), good: T(template()), path: "/name" },
  "template.category_invalid": { bad: T(template((t) => ({ ...t, category: "PROMO" }))), good: T(template((t) => ({ ...t, category: "marketing" }))), path: "/category" },
  "template.category_legacy": { bad: T(template((t) => ({ ...t, category: "TRANSACTIONAL" }))), good: T(template((t) => ({ ...t, category: "UTILITY" }))), path: "/category" },
  "template.language_invalid": { bad: T(template((t) => ({ ...t, language: "en-US" }))), good: T(template()), path: "/language" },
  "template.parameter_format_invalid": { bad: T(template((t) => ({ ...t, parameter_format: "NUMBERED" }))), good: T(template((t) => ({ ...t, parameter_format: "positional" }))), path: "/parameter_format" },
  "template.component_type_invalid": { bad: T(template((t) => (t.components[2].type = "SIGNATURE", t))), good: T(template()), path: "/components/2/type" },
  "template.component_duplicate": { bad: T(template((t) => (t.components.push({ type: "FOOTER", text: "x" }), t))), good: T(template()), path: "/components/4/type" },
  "template.body_missing": { bad: T(template((t) => (t.components.splice(1, 1), t))), good: T(template()), path: "/components" },
  "template.component_not_allowed": { bad: T(auth((t) => (t.components.unshift({ type: "HEADER", format: "TEXT", text: "Hi" }), t))), good: T(auth()) },
  "template.text_too_long": { bad: T(template((t) => (t.components[2].text = "x".repeat(61), t))), good: T(template()), path: "/components/2/text" },
  "template.text_empty": { bad: T(template((t) => (body(t).text = "  ", delete body(t).example, t))), good: T(template()), path: "/components/1/text" },
  "template.text_formatting": { bad: T(template((t) => (t.components[0].text = "Order {{1}}\nupdate", t))), good: T(template()), path: "/components/0/text" },
  "template.variable_malformed": { bad: T(template((t) => (body(t).text = "Hello {{ 1 }}, your order {{2}} is here today.", t))), good: T(template()) },
  "template.variable_not_sequential": { bad: T(template((t) => (body(t).text = "Hello {{1}}, your order arrives on {{3}} as promised.", t))), good: T(template()) },
  "template.variable_format_mismatch": { bad: T(template((t) => (body(t).text = "Hello {{name}}, your order arrives on {{2}} as promised.", t))), good: T(template()) },
  "template.variable_not_allowed": { bad: T(template((t) => (t.components[2].text = "Sent to {{1}} today", t))), good: T(template()), path: "/components/2/text" },
  "template.variable_at_edge": { bad: T(template((t) => (body(t).text = "{{1}}, your order is on its way and arrives on {{2}}", t))), good: T(template()), path: "/components/1/text" },
  "template.example_missing": { bad: T(template((t) => (delete body(t).example, t))), good: T(template()), path: "/components/1" },
  "template.example_mismatch": { bad: T(template((t) => (body(t).example.body_text = [["Pablo"]], t))), good: T(template()), path: "/components/1/example/body_text" },
  "template.header_format_invalid": { bad: T(template((t) => (t.components[0].format = "AUDIO", t))), good: T(template()), path: "/components/0/format" },
  "template.header_handle_missing": { bad: T(template((t) => (t.components[0] = { type: "HEADER", format: "IMAGE" }, t))), good: T(template((t) => (t.components[0] = { type: "HEADER", format: "IMAGE", example: { header_handle: ["4::x"] } }, t))), path: "/components/0" },
  "template.buttons_count": { bad: T(template((t) => (t.components[3].buttons = [], t))), good: T(template()), path: "/components/3/buttons" },
  "template.button_type_count": { bad: T(template((t) => (buttons(t).push({ type: "PHONE_NUMBER", text: "Other", phone_number: "+15550002222" }), t))), good: T(template()), path: "/components/3/buttons" },
  "template.button_type_invalid": { bad: T(template((t) => (buttons(t)[1].type = "EMAIL", t))), good: T(template()), path: "/components/3/buttons/1/type" },
  "template.buttons_grouping": {
    bad: T(template((t) => (t.components[3].buttons = [{ type: "QUICK_REPLY", text: "A" }, buttons(t)[1], { type: "QUICK_REPLY", text: "B" }], t))),
    good: T(template((t) => (t.components[3].buttons = [{ type: "QUICK_REPLY", text: "A" }, { type: "QUICK_REPLY", text: "B" }, buttons(t)[1]], t))),
    path: "/components/3/buttons",
  },
  "template.button_url_invalid": { bad: T(template((t) => (buttons(t)[0].url = "https://shop.example/{{1}}/track", t))), good: T(template()), path: "/components/3/buttons/0/url" },
  "template.button_phone_invalid": { bad: T(template((t) => (buttons(t)[1].phone_number = "call us", t))), good: T(template()), path: "/components/3/buttons/1/phone_number" },
  "template.button_flow_invalid": {
    bad: T(template((t) => (buttons(t)[1] = { type: "FLOW", text: "Book", flow_id: "1", flow_name: "book" }, t))),
    good: T(template((t) => (buttons(t)[1] = { type: "FLOW", text: "Book", flow_id: "1" }, t))),
    path: "/components/3/buttons/1",
  },
  "template.button_copy_code_invalid": { bad: T(lto((t) => (t.components[3].buttons[0].example = "X".repeat(16), t))), good: T(lto()), path: "/components/3/buttons/0/example" },
  "template.otp_button_required": { bad: T(auth((t) => (t.components[2].buttons = [{ type: "QUICK_REPLY", text: "Hi" }], t))), good: T(auth()) },
  "template.otp_not_allowed": { bad: T(template((t) => (buttons(t).push({ type: "OTP", otp_type: "COPY_CODE" }), t))), good: T(template()), path: "/components/3/buttons/2" },
  "template.otp_type_invalid": { bad: T(auth((t) => (t.components[2].buttons[0].otp_type = "TWO_TAP", t))), good: T(auth()), path: "/components/2/buttons/0/otp_type" },
  "template.otp_apps_invalid": { bad: T(auth((t) => (delete t.components[2].buttons[0].supported_apps, t))), good: T(auth()), path: "/components/2/buttons/0" },
  "template.otp_package_name_invalid": { bad: T(auth((t) => (t.components[2].buttons[0].supported_apps[0].package_name = "app", t))), good: T(auth()), path: "/components/2/buttons/0/supported_apps/0/package_name" },
  "template.otp_signature_hash_invalid": { bad: T(auth((t) => (t.components[2].buttons[0].supported_apps[0].signature_hash = "short", t))), good: T(auth()), path: "/components/2/buttons/0/supported_apps/0/signature_hash" },
  "template.otp_zero_tap_terms": { bad: T(auth((t) => (t.components[2].buttons[0].otp_type = "ZERO_TAP", t))), good: T(auth((t) => Object.assign(t.components[2].buttons[0], { otp_type: "ZERO_TAP", zero_tap_terms_accepted: true }) && t)), path: "/components/2/buttons/0" },
  "template.auth_content": { bad: T(auth((t) => (t.components[0].text = "Your code is {{1}}", t))), good: T(auth()), path: "/components/0/text" },
  "template.auth_expiration_range": { bad: T(auth((t) => (t.components[1].code_expiration_minutes = 91, t))), good: T(auth()), path: "/components/1/code_expiration_minutes" },
  "template.category_feature": { bad: T(carousel(2, (t) => ({ ...t, category: "UTILITY" }))), good: T(carousel(2)), path: "/components/1" },
  "template.carousel_card_count": { bad: T(carousel(1)), good: T(carousel(10)), path: "/components/1/cards" },
  "template.carousel_card_invalid": { bad: T(carousel(2, (t) => (t.components[1].cards[1].components[0].format = "DOCUMENT", t))), good: T(carousel(2)), path: "/components/1/cards/1/components/0" },
  "template.carousel_cards_differ": { bad: T(carousel(2, (t) => (t.components[1].cards[1].components.splice(1, 1), t))), good: T(carousel(3)), path: "/components/1/cards/1" },
  "template.lto_invalid": { bad: T(lto((t) => (t.components.push({ type: "FOOTER", text: "Terms apply" }), t))), good: T(lto()), path: "/components/4" },
  "template.button_copy_code_invalid#without_offer": { bad: T(template((t) => (buttons(t).push({ type: "COPY_CODE", example: "X".repeat(16) }), t))), good: T(template((t) => (buttons(t).push({ type: "COPY_CODE", example: "X".repeat(15) }), t))), path: "/components/3/buttons/2/example" },
  "template.library_inputs_invalid": { bad: T(library((t) => (delete t.library_template_name, t))), good: T(library()), path: "/library_template_body_inputs" },
  "template.library_inputs_invalid#expiration": { bad: T(library((t) => ({ ...t, library_template_body_inputs: { code_expiration_minutes: 91 } }))), good: T(library((t) => ({ ...t, library_template_body_inputs: { code_expiration_minutes: 10 } }))), path: "/library_template_body_inputs/code_expiration_minutes" },
  "template.optimization_spec_invalid": { bad: T(template((t) => ({ ...t, category: "UTILITY", optimization_spec: { bid_amount: 120 } }))), good: T(template((t) => ({ ...t, optimization_spec: { bid_amount: 120 } }))), path: "/optimization_spec" },
  "template.bid_spec_retired": { bad: T(template((t) => ({ ...t, bid_spec: { bid_amount: 120 } }))), good: T(template((t) => ({ ...t, optimization_spec: { bid_amount: 120 } }))), path: "/bid_spec" },
  "template.ttl_range": { bad: T(auth((t) => ({ ...t, message_send_ttl_seconds: 1000 }))), good: T(auth((t) => ({ ...t, message_send_ttl_seconds: 600 }))), path: "/message_send_ttl_seconds" },

  "template_send.template_mismatch": { bad: S(send((s) => ({ ...s, language: { code: "en" } }))), good: S(send()), path: "/language/code" },
  "template_send.language_policy": { bad: S(send((s) => ({ ...s, language: { code: "en_US", policy: "fallback" } }))), good: S(send((s) => ({ ...s, language: { code: "en_US", policy: "deterministic" } }))), path: "/language/policy" },
  "template_send.component_type_invalid": { bad: S(send((s) => (s.components.push({ type: "footer", parameters: [] }), s))), good: S(send()), path: "/components/3/type" },
  "template_send.component_duplicate": { bad: S(send((s) => (s.components.push(clone(s.components[1])), s))), good: S(send()), path: "/components/3" },
  "template_send.parameter_count": { bad: S(send((s) => (s.components[1].parameters.pop(), s))), good: S(send()), path: "/components/1" },
  "template_send.parameter_missing": { bad: S(send((s) => (s.components.pop(), s))), good: S(send()), path: "/components" },
  "template_send.parameter_missing#no_components": { bad: S(send((s) => (delete s.components, s))), good: S(send()), path: "/components" },
  "template_send.parameter_type": { bad: S(send((s) => (s.components[1].parameters[0] = { type: "image", image: { id: "1" } }, s))), good: S(send()), path: "/components/1/parameters/0/type" },
  "template_send.parameter_value": { bad: S(send((s) => (s.components[1].parameters[0].text = "", s))), good: S(send()), path: "/components/1/parameters/0/text" },
  "template_send.parameter_text": { bad: S(send((s) => (s.components[1].parameters[0].text = "Pablo\nPicasso", s))), good: S(send()), path: "/components/1/parameters/0/text" },
  "template_send.parameter_name": { bad: S(send((s) => (s.components[1].parameters[0].parameter_name = "name", s))), good: S(send()), path: "/components/1/parameters/0/parameter_name" },
  "template_send.button_sub_type": { bad: S(send((s) => (s.components[2].sub_type = "phone_number", s))), good: S(send()), path: "/components/2/sub_type" },
  "template_send.button_index": { bad: S(send((s) => (s.components.push({ type: "button", sub_type: "url", index: 1, parameters: [{ type: "text", text: "x" }] }), s))), good: S(send()), path: "/components/3" },
  "template_send.carousel_cards": {
    bad: S({ name: "plants", language: { code: "en_US" }, components: [{ type: "body", parameters: [{ type: "text", text: "Pablo" }] }, { type: "carousel", cards: [0, 1, 2].map((i) => ({ card_index: i, components: [{ type: "header", parameters: [{ type: "image", image: { id: "9" } }] }, { type: "body", parameters: [{ type: "text", text: "Aloe" }] }] })) }] }, carousel(2)),
    good: S({ name: "plants", language: { code: "en_US" }, components: [{ type: "body", parameters: [{ type: "text", text: "Pablo" }] }, { type: "carousel", cards: [0, 1].map((i) => ({ card_index: i, components: [{ type: "header", parameters: [{ type: "image", image: { id: "9" } }] }, { type: "body", parameters: [{ type: "text", text: "Aloe" }] }] })) }] }, carousel(2)),
    path: "/components/1/cards",
  },
  "template_send.lto_expiration": {
    bad: S({ name: "offer", language: { code: "en_US" }, components: [{ type: "header", parameters: [{ type: "image", image: { link: "https://x.example/a.png" } }] }, { type: "body", parameters: [{ type: "text", text: "Pablo" }] }, { type: "limited_time_offer", parameters: [{ type: "limited_time_offer", limited_time_offer: { expiration_time_ms: -1 } }] }, { type: "button", sub_type: "copy_code", index: 0, parameters: [{ type: "coupon_code", coupon_code: "SAVE25" }] }, { type: "button", sub_type: "url", index: 1, parameters: [{ type: "text", text: "1" }] }] }, lto()),
    good: S({ name: "offer", language: { code: "en_US" }, components: [{ type: "header", parameters: [{ type: "image", image: { link: "https://x.example/a.png" } }] }, { type: "body", parameters: [{ type: "text", text: "Pablo" }] }, { type: "limited_time_offer", parameters: [{ type: "limited_time_offer", limited_time_offer: { expiration_time_ms: 1893456000000 } }] }, { type: "button", sub_type: "copy_code", index: 0, parameters: [{ type: "coupon_code", coupon_code: "SAVE25" }] }, { type: "button", sub_type: "url", index: 1, parameters: [{ type: "text", text: "1" }] }] }, lto()),
    path: "/components/2/parameters/0/limited_time_offer/expiration_time_ms",
  },
  "template_send.parameter_count#header_without_definition": { bad: S0(send((s) => (s.components[0].parameters.push({ type: "text", text: "B7" }), s))), good: S0(send()), path: "/components/0/parameters" },
  "template_send.parameter_type#header_without_definition": { bad: S0(send((s) => (s.components[0].parameters[0] = { type: "payload", payload: "x" }, s))), good: S0(send()), path: "/components/0/parameters/0/type" },
  "template_send.parameter_value#header_without_definition": { bad: S0(send((s) => (s.components[0].parameters[0].text = "x".repeat(61), s))), good: S0(send((s) => (s.components[0].parameters[0].text = "x".repeat(60), s))), path: "/components/0/parameters/0/text" },
  "template_send.parameter_value#body_beside_others": {
    bad: { ...M(templateMessage()), grow: { "/template/components/1/parameters/0/text": 1025 } },
    good: { ...M(templateMessage()), grow: { "/template/components/1/parameters/0/text": 1024 } },
    path: "/template/components/1/parameters/0/text",
  },
  "template_send.parameter_value#body_alone": {
    bad: { ...M(templateMessage((s) => (s.components = [s.components[1]], s))), grow: { "/template/components/0/parameters/0/text": 32769 } },
    good: { ...M(templateMessage((s) => (s.components = [s.components[1]], s))), grow: { "/template/components/0/parameters/0/text": 32768 } },
    path: "/template/components/0/parameters/0/text",
  },
  "template_send.parameter_value#url_suffix_empty": { bad: S0(send((s) => (s.components[2].parameters[0].text = "", s))), good: S0(send()), path: "/components/2/parameters/0/text" },
  "template_send.parameter_value#payload_empty": { bad: M(templateMessage((s) => (s.components[2] = { type: "button", sub_type: "quick_reply", index: 0, parameters: [{ type: "payload", payload: " " }] }, s))), good: M(templateMessage((s) => (s.components[2] = { type: "button", sub_type: "quick_reply", index: 0, parameters: [{ type: "payload", payload: "more" }] }, s))), path: "/template/components/2/parameters/0/payload" },
  "template_send.parameter_value#coupon_code_empty": { bad: S0(send((s) => (s.components[2] = { type: "button", sub_type: "copy_code", index: 0, parameters: [{ type: "coupon_code", coupon_code: "" }] }, s))), good: S0(send((s) => (s.components[2] = { type: "button", sub_type: "copy_code", index: 0, parameters: [{ type: "coupon_code", coupon_code: "SAVE25" }] }, s))), path: "/components/2/parameters/0/coupon_code" },
  "template_send.parameter_names_mixed": { bad: S0(send((s) => (s.components[1].parameters[0].parameter_name = "first_name", s))), good: S0(send((s) => (s.components[1].parameters.forEach((p, i) => (p.parameter_name = ["first_name", "day"][i])), s.components.shift(), s))), path: "/components/1/parameters/0" },
  "template_send.mpm_sections": { bad: S0(mpmSend([{ title: "Plants", product_items: items("sku1") }, { product_items: items("sku2") }])), good: S0(mpmSend([{ title: "Plants", product_items: items("sku1") }, { title: "Pots", product_items: items("sku2") }])), path: "/components/1/parameters/0/action/sections/1/title" },
  "template_send.mpm_sections#one_untitled": { bad: S0(mpmSend([])), good: S0(mpmSend([{ product_items: items("sku1") }])), path: "/components/1/parameters/0/action/sections" },
  "template_send.lto_expiration#without_definition": { bad: S0(offerSend(0)), good: S0(offerSend(1893456000000)), path: "/components/0/parameters/0/limited_time_offer/expiration_time_ms" },
  "template_send.auth_to_bsuid": { bad: S(authSend({ recipient: "US.13491208655302741918" }), auth()), good: S(authSend({ to: "+16505551234", recipient: "US.13491208655302741918" }), auth()), path: "/recipient" },
  "template_send.auth_code": {
    bad: S({ name: "login_code", language: { code: "en" }, components: [{ type: "body", parameters: [{ type: "text", text: "1234567890123456" }] }, { type: "button", sub_type: "url", index: 0, parameters: [{ type: "text", text: "1234567890123456" }] }] }, auth()),
    good: S({ name: "login_code", language: { code: "en" }, components: [{ type: "body", parameters: [{ type: "text", text: "123456" }] }, { type: "button", sub_type: "url", index: 0, parameters: [{ type: "text", text: "123456" }] }] }, auth()),
    path: "/components/0/parameters/0/text",
  },

  "message.messaging_product": { bad: M(message({ messaging_product: "sms", type: "text", text: { body: "hi" } })), good: M(message({ type: "text", text: { body: "hi" } })), path: "/messaging_product" },
  "message.recipient_missing": { bad: M({ messaging_product: "whatsapp", type: "text", text: { body: "hi" } }), good: M(message({ type: "text", text: { body: "hi" } })), path: "" },
  "message.recipient_invalid": { bad: M(message({ to: "+0 650 555", type: "text", text: { body: "hi" } })), good: M(message({ to: "+1 (650) 555-1234", type: "text", text: { body: "hi" } })), path: "/to" },
  "message.bsuid_invalid": { bad: M({ messaging_product: "whatsapp", recipient: "us.123", type: "text", text: { body: "hi" } }), good: M({ messaging_product: "whatsapp", recipient: "US.13491208655302741918", type: "text", text: { body: "hi" } }), path: "/recipient" },
  "message.recipient_type": { bad: M(message({ recipient_type: "broadcast", type: "text", text: { body: "hi" } })), good: M(message({ recipient_type: "individual", type: "text", text: { body: "hi" } })), path: "/recipient_type" },
  "message.type_invalid": { bad: M(message({ type: "fax", fax: {} })), good: M(message({ type: "text", text: { body: "hi" } })), path: "/type" },
  "message.text_too_long": { bad: M(message({ type: "text", text: { body: "x".repeat(4097) } })), good: M(message({ type: "text", text: { body: "x".repeat(4096) } })), path: "/text/body" },
  "message.text_empty": { bad: M(message({ type: "text", text: { body: "" } })), good: M(message({ type: "text", text: { body: "hi" } })), path: "/text/body" },
  "message.media_source": { bad: M(message({ type: "image", image: { id: "1", link: "https://x.example/a.png" } })), good: M(message({ type: "image", image: { id: "1" } })), path: "/image/link" },
  "message.media_field": { bad: M(message({ type: "audio", audio: { id: "1", caption: "hi" } })), good: M(message({ type: "audio", audio: { id: "1" } })), path: "/audio/caption" },
  "message.coordinates": { bad: M(message({ type: "location", location: { latitude: 91, longitude: 0 } })), good: M(message({ type: "location", location: { latitude: 37.48, longitude: -122.15 } })), path: "/location/latitude" },
  "message.contact_invalid": { bad: M(message({ type: "contacts", contacts: [] })), good: M(message({ type: "contacts", contacts: [{ name: { formatted_name: "Ana", first_name: "Ana" } }] })), path: "/contacts" },
  "message.interactive_invalid": { bad: M(list((m) => (m.interactive.action.sections[0].rows = Array.from({ length: 11 }, (_, i) => ({ id: `r${i}`, title: "x" })), m))), good: M(list()), path: "/interactive/action/sections" },
  "message.not_unique": { bad: M(replies((m) => (m.interactive.action.buttons[1].reply.id = "y", m))), good: M(replies()), path: "/interactive/action/buttons/1/reply/id" },
  "message.enum": { bad: M(flow((m) => (m.interactive.action.parameters.mode = "test", m))), good: M(flow((m) => (m.interactive.action.parameters.mode = "draft", m))), path: "/interactive/action/parameters/mode" },
  "message.contacts_encoded": { bad: M(contacts(JSON.stringify([ana()]))), good: M(contacts([ana()])), path: "/contacts", severity: "warning" },
  "message.contact_name": { bad: M(contacts([{ name: { formatted_name: "Ana Ruiz" } }])), good: M(contacts([{ name: { formatted_name: "Ana Ruiz", last_name: "Ruiz" } }])), path: "/contacts/0/name" },
  "message.contact_birthday": { bad: M(contacts([ana({ birthday: "23/04/1990" })])), good: M(contacts([ana({ birthday: "1990-04-23" })])), path: "/contacts/0/birthday" },
  "message.flow_cta": { bad: M(flow((m) => (m.interactive.action.parameters.flow_cta = "Book your table today", m))), good: M(flow((m) => (m.interactive.action.parameters.flow_cta = "Book your table", m))), path: "/interactive/action/parameters/flow_cta" },
  "message.reply_id_spaces": { bad: M(replies((m) => (m.interactive.action.buttons[0].reply.id = "y ", m))), good: M(replies()), path: "/interactive/action/buttons/0/reply/id" },
  "message.carousel_invalid": { bad: M(mediaCarousel(1)), good: M(mediaCarousel(10)), path: "/interactive/action/cards" },
  "message.carousel_layout": { bad: M(mediaCarousel(2, (m) => ((m.interactive.action.cards[1].action = quickReplies(1)), m))), good: M(mediaCarousel(2, (m) => (m.interactive.action.cards.forEach((card) => (card.action = quickReplies(2))), m))), path: "/interactive/action/cards/1/action" },
  "message.fixed_request": { bad: M(request("call_permission_request", (m) => ((m.interactive.header = { type: "text", text: "Hi" }), m))), good: M(request("request_contact_info")), path: "/interactive/header" },
  "message.group_recipient": { bad: M({ ...message({ type: "text", text: { body: "Hi" } }), recipient_type: "group" }), good: M({ ...message({ type: "text", text: { body: "Hi" } }), recipient_type: "group", to: "Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD" }), path: "/to" },
  "message.group_type": { bad: M({ messaging_product: "whatsapp", recipient_type: "group", to: "Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD", type: "location", location: { latitude: 1, longitude: 2 } }), good: M({ messaging_product: "whatsapp", recipient_type: "group", to: "Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD", type: "image", image: { link: "https://example.com/a.jpg" } }), path: "/type", severity: "warning" },
  "message.address_invalid": { bad: M(addressMessage({ country: "US" })), good: M(addressMessage({ country: "IN", values: { name: "Ana", in_pin_code: "400063" } })), path: "/interactive/action/parameters/country" },
  ...flowRules,
};

/**
 * Runs `api[fn]` on a case. `grow` maps JSON Pointers of strings in `input` to
 * lengths: each such string is padded with "A" to its length first (size
 * limits, without megabytes in tests/fixtures/rules.json).
 */
export function run(api, { fn, input, extra, grow }) {
  if (grow !== undefined) {
    input = clone(input);
    for (const [pointer, length] of Object.entries(grow)) {
      const tokens = pointer.split("/").slice(1);
      const key = tokens.pop();
      const parent = tokens.reduce((node, token) => node[token], input);
      parent[key] = parent[key].padEnd(length, "A");
    }
  }
  return extra === undefined ? api[fn](input) : api[fn](input, extra);
}
