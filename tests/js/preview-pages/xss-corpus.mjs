// The XSS corpus for previews: template definitions and sends whose every
// text, example, label, URL and parameter carries a payload. Each payload
// that would run sets window.__pwned; a request for `x` or evil.example
// would show up in the test's network log. Shared by the page (xss.js) and
// the Node test that drives it.

/** Text payloads: markup, broken entities, bidi controls, formatting markers around markup. */
export const TEXTS = [
  "<script>window.__pwned = 'script'</script>",
  "<img src=x onerror=\"window.__pwned = 'img'\">",
  "\"><svg onload=\"window.__pwned = 'svg'\">",
  "'><svg/onload=window.__pwned='svg2'>",
  "</div></bdi></p></a><script>window.__pwned = 'close'</script>",
  "<iframe src=\"javascript:window.__pwned = 'iframe'\"></iframe>",
  "<a href=\"javascript:window.__pwned = 'a'\">tap</a>",
  "<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned='math'>",
  "<style>*{background:url(https://evil.example/css)}</style><link rel=stylesheet href=https://evil.example/x.css>",
  "<meta http-equiv=refresh content=\"0;url=javascript:window.__pwned='meta'\"><base href=\"https://evil.example/\">",
  "<form action=https://evil.example/><button formaction=javascript:window.__pwned='form'>go</button></form>",
  "&lt;script&gt;window.__pwned = 'entity'&lt;/script&gt;",
  "&lt",
  "&#x3c",
  "&#x3cimg src=x onerror=window.__pwned='hex'&#x3e",
  "&#60;img src=x onerror=window.__pwned='dec'&#62;",
  "&amp;lt;script&amp;gt;",
  "&",
  "see https://x.example/\u202Egnp.exe and +1 415 555 2671\u202E",
  "\u202Egnp.exe \u202Dx\u202C \u2066isolated\u2069 \u2067rtl\u2069 \u2068first\u2069 \u202Ax\u202B",
  "*<b>*",
  "*<img src=x onerror=window.__pwned='bold'>*",
  "_\"onmouseover=window.__pwned='italic'_",
  "_\" onmouseover=\"window.__pwned='italic2'\" x=\"_",
  "~<s onmouseover=window.__pwned='strike'>~",
  "`</code><script>window.__pwned = 'code'</script>`",
  "```</pre><script>window.__pwned = 'pre'</script>```",
  "```\n</pre><img src=x onerror=window.__pwned='block'>\n```",
  "> <img src=x onerror=window.__pwned='quote'>",
  "* <img src=x onerror=window.__pwned='bullet'>",
  "1. <img src=x onerror=window.__pwned='numbered'>",
  "https://x.example/\"><img src=x onerror=window.__pwned='autolink'>",
  "www.x.example/'onmouseover='window.__pwned=1",
  "+1 415 555 2671\"><img src=x onerror=window.__pwned='tel'>",
  "{{1}}<script>window.__pwned='var'</script>{{1}}",
  "\uE0000\uE001 \uE000<script>\uE001 \uE000999\uE001",
  "\u0000<script>window.__pwned='nul'</script>",
  "<!--<img src=x onerror=window.__pwned='comment'>-->",
  "<![CDATA[<img src=x onerror=window.__pwned='cdata'>]]>",
  "<template><img src=x onerror=window.__pwned='template'></template>",
  "<noscript><p title=\"</noscript><img src=x onerror=window.__pwned='noscript'>\">",
];

/** URL payloads: script schemes in every spelling, data:, obfuscation, attribute breakouts. */
export const URLS = [
  "javascript:window.__pwned='js'",
  "JaVaScRiPt:window.__pwned='mixed'",
  " javascript:window.__pwned='space'",
  "\tjavascript:window.__pwned='tab'",
  "java\tscript:window.__pwned='inner-tab'",
  "java\nscript:window.__pwned='newline'",
  "\u0001javascript:window.__pwned='control'",
  "javascript&colon;window.__pwned='colon-entity'",
  "&#106;avascript:window.__pwned='entity'",
  "&#x6A;avascript:window.__pwned='hex-entity'",
  "%6Aavascript:window.__pwned='percent'",
  "javascript://%0awindow.__pwned='comment'",
  "data:text/html,<script>window.__pwned='data'</script>",
  "data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0nYjY0Jzwvc2NyaXB0Pg==",
  "data:image/svg+xml,<svg onload=window.__pwned='svg-data'>",
  "DATA:image/png;base64,iVBORw0KGgo=",
  "vbscript:msgbox(1)",
  "VBScript:msgbox(1)",
  "file:///etc/passwd",
  "//evil.example/x",
  "/x",
  "x",
  "https:javascript:window.__pwned='https-colon'",
  "https://x.example/\"onmouseover=\"window.__pwned='quote'",
  "https://x.example/'onmouseover='window.__pwned=1",
  "https://x.example/\"><img src=x onerror=window.__pwned='breakout'>",
  "https://x.example/ onmouseover=window.__pwned=1",
  "https://x.example/`x`",
  "tel:javascript:window.__pwned=1",
  "tel:+1\"onclick=\"window.__pwned=1",
  // Invisible characters: a link that reads as another (or as nothing).
  "https://x.example/\u200Bpay",
  "https://\u202Eelpmaxe.x/",
  "https://x.exa\u00ADmple/",
  "https://x.example/\uFEFF",
  "https://x.example/\u2060a",
  "https://x.example/a\u2028b",
  "https://x.example/\u{E0041}",
  "tel:+1\u200B4155552671",
];

const buttons = (text, url) => [
  { type: "QUICK_REPLY", text },
  { type: "URL", text, url },
  { type: "URL", text, url: "{{1}}", example: [url] },
  { type: "URL", text, url: "https://x.example/{{1}}", example: [url] },
  { type: "PHONE_NUMBER", text, phone_number: url },
  { type: "COPY_CODE", example: text },
  { type: "FLOW", text, flow_id: "1" },
  { type: "OTP", otp_type: "ONE_TAP", text, autofill_text: text },
];

const body = (text) =>
  [`${text} {{1}}`, `*${text}* _${text}_ ~${text}~ \`${text}\``, "```", text, "```", `* ${text}`, `1. ${text}`, `> ${text}`].join("\n");

/** A marketing template with `text` everywhere text goes and `url` everywhere a link goes. */
function template(text, url, media = "IMAGE") {
  return {
    name: text,
    language: "en_US",
    category: "MARKETING",
    components: [
      { type: "HEADER", format: media, example: { header_handle: [url] } },
      { type: "LIMITED_TIME_OFFER", limited_time_offer: { text, has_expiration: true } },
      { type: "BODY", text: `${body(text)}\n${url}`, example: { body_text: [[text]] } },
      { type: "FOOTER", text },
      { type: "BUTTONS", buttons: buttons(text, url) },
    ],
  };
}

function textHeader(text) {
  return {
    name: "text_header",
    language: "en_US",
    category: "UTILITY",
    components: [
      { type: "HEADER", format: "TEXT", text: `${text} {{1}}`, example: { header_text: [text] } },
      { type: "BODY", text: body(text), example: { body_text_named_params: [{ param_name: "x", example: text }] } },
      { type: "FOOTER", text },
      { type: "BUTTONS", buttons: buttons(text, "https://x.example/ok").slice(0, 3) },
    ],
  };
}

function carousel(text, url) {
  const card = {
    components: [
      { type: "HEADER", format: "IMAGE", example: { header_handle: [url] } },
      { type: "BODY", text: body(text), example: { body_text: [[text]] } },
      { type: "BUTTONS", buttons: [{ type: "QUICK_REPLY", text }, { type: "URL", text, url: "{{1}}", example: [url] }] },
    ],
  };
  return {
    name: "carousel",
    language: "en_US",
    category: "MARKETING",
    components: [{ type: "BODY", text: body(text), example: { body_text: [[text]] } }, { type: "CAROUSEL", cards: [card, card] }],
  };
}

function authentication(text) {
  return {
    name: "auth",
    language: "en_US",
    category: "AUTHENTICATION",
    components: [
      { type: "BODY", add_security_recommendation: true },
      { type: "FOOTER", code_expiration_minutes: 5 },
      { type: "BUTTONS", buttons: [{ type: "OTP", otp_type: "COPY_CODE", text }] },
    ],
  };
}

/** A send whose every parameter is a payload. */
function send(text, url, media = "image", whole = false) {
  const mediaParameter = { type: media, [media]: { link: url, filename: text } };
  const template = {
    name: "x",
    language: { code: "en_US" },
    components: [
      { type: "header", parameters: [mediaParameter, { type: "location", location: { name: text, address: text, latitude: 0, longitude: 0 } }] },
      {
        type: "body",
        parameters: [
          { type: "text", text },
          { type: "currency", currency: { fallback_value: text, code: "USD", amount_1000: 1000 } },
          { type: "date_time", date_time: { fallback_value: text } },
          { type: "text", text, parameter_name: "x" },
        ],
      },
      { type: "limited_time_offer", parameters: [{ type: "limited_time_offer", limited_time_offer: { expiration_time_ms: 1e12 } }] },
      { type: "button", sub_type: "url", index: 1, parameters: [{ type: "text", text: url }] },
      { type: "button", sub_type: "url", index: "2", parameters: [{ type: "text", text }] },
      { type: "button", sub_type: "url", index: 3, parameters: [{ type: "text", text: url }] },
      { type: "button", sub_type: "copy_code", index: 5, parameters: [{ type: "coupon_code", coupon_code: text }] },
      {
        type: "carousel",
        cards: [0, 1].map((card_index) => ({
          card_index,
          components: [
            { type: "header", parameters: [mediaParameter] },
            { type: "body", parameters: [{ type: "text", text }] },
            { type: "button", sub_type: "url", index: 1, parameters: [{ type: "text", text: url }] },
          ],
        })),
      },
    ],
  };
  return whole ? { messaging_product: "whatsapp", to: "+14155552671", type: "template", template } : template;
}

/** Every case: { label, definition, send? }. */
export function cases() {
  const out = [];
  const url = (index) => URLS[index % URLS.length];
  TEXTS.forEach((text, index) => {
    const media = ["IMAGE", "VIDEO", "DOCUMENT", "LOCATION"][index % 4];
    out.push({ label: `text ${index}`, definition: template(text, url(index), media) });
    out.push({ label: `text header ${index}`, definition: textHeader(text) });
    out.push({ label: `carousel ${index}`, definition: carousel(text, url(index)) });
    out.push({ label: `authentication ${index}`, definition: authentication(text), send: send(text, url(index)) });
    out.push({
      label: `send ${index}`,
      definition: template("{{1}}", "https://x.example/{{1}}", media),
      send: send(text, url(index), media.toLowerCase() === "location" ? "image" : media.toLowerCase(), index % 2 === 0),
    });
  });
  URLS.forEach((link, index) => {
    const text = TEXTS[index % TEXTS.length];
    for (const media of ["IMAGE", "VIDEO", "DOCUMENT"]) {
      out.push({ label: `url ${index} ${media}`, definition: template(text, link, media) });
      out.push({ label: `url send ${index} ${media}`, definition: template(text, "https://x.example/ok.png", media), send: send(text, link, media.toLowerCase()) });
    }
    out.push({ label: `url carousel ${index}`, definition: carousel(text, link) });
  });
  return out;
}
