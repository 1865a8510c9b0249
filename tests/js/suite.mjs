import { rules, run } from "./rules.mjs";

// The package's behaviour, written once and run unchanged in Node, in workerd
// and in Chromium: no Node APIs, no test framework, just `api` (the imported
// package) in and thrown errors out.

function same(actual, expected, label) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${label}: expected ${e}, got ${a}`);
}

function throwsCode(fn, code, label) {
  let thrown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  if (thrown === undefined) throw new Error(`${label}: expected a throw`);
  if (!(thrown instanceof Error)) throw new Error(`${label}: threw a non-Error ${String(thrown)}`);
  same(thrown.code, code, `${label} .code`);
  if (typeof thrown.message !== "string" || thrown.message.length === 0) {
    throw new Error(`${label}: thrown Error has no message`);
  }
  return thrown;
}

function phoneError(code, column) {
  return { code, path: "", severity: "error", line: 1, column };
}

function checkPhoneError(api, input, expected) {
  const result = api.parsePhone(input);
  same(result.ok, false, `${input} ok`);
  same(result.valid, false, `${input} valid`);
  same(result.errors.length, 1, `${input} error count`);
  const { message, ...rest } = result.errors[0];
  same(rest, expected, `${input} error`);
  if (!message) throw new Error(`${input}: error has no message`);
}

export const cases = {
  "init() resolves and is idempotent": async (api) => {
    same(await api.init(), undefined, "init()");
    same(await api.default(), undefined, "default export");
  },

  "parsePhone validates for the region, formats, and returns waId": (api) => {
    same(
      api.parsePhone("+14155552671"),
      {
        ok: true,
        e164: "+14155552671",
        waId: "14155552671",
        country: "US",
        type: "fixed_line_or_mobile",
        national: "(415) 555-2671",
        international: "+1 415 555 2671",
        possible: true,
        valid: true,
        errors: [],
      },
      "US number",
    );
    same(api.parsePhone("+44 7400 123456").type, "mobile", "GB mobile");
  },

  "parsePhone accepts what people type": (api) => {
    for (const [input, options] of [
      ["+1 (415) 555-2671"],
      ["tel:+1-415-555-2671"],
      ["＋１ ４１５ ５５５ ２６７１"],
      ["(415) 555-2671", { defaultCountry: "US" }],
      ["011 1 415 555 2671", { defaultCountry: "US" }],
    ]) {
      same(api.parsePhone(input, options).e164, "+14155552671", input);
    }
    same(api.parsePhone("020 7183 8750", { defaultCountry: "GB" }).e164, "+442071838750", "GB national");
    same(api.parsePhone("00 44 20 7183 8750", { defaultCountry: "DE" }).e164, "+442071838750", "00 prefix");
  },

  "parsePhone returns structured errors with positions": (api) => {
    checkPhoneError(api, "+1 415", phoneError("phone.too_short", 7));
    checkPhoneError(api, "", phoneError("phone.not_a_number", 1));
    checkPhoneError(api, "+1 415 5x5 2671", phoneError("phone.not_a_number", 9));
    checkPhoneError(api, "14155552671", phoneError("phone.missing_country", 1));
    checkPhoneError(api, "+999 123 4567", phoneError("phone.invalid_country_code", 2));
    checkPhoneError(api, "+1 415 555 26710", phoneError("phone.too_long", 16));
    checkPhoneError(api, "+1 555 555 5555", phoneError("phone.invalid_for_region", 4));
  },

  "parsePhones parses a batch in one call": (api) => {
    const results = api.parsePhones(["+14155552671", "+1 415", "020 7183 8750"], { defaultCountry: "GB" });
    same(results.map((r) => r.ok), [true, false, true], "verdicts");
    same(results[2].country, "GB", "national with default country");
  },

  "columns count UTF-16 code units, as JavaScript indexes": (api) => {
    const input = "+1😀2";
    const [issue] = api.parsePhone(input).errors;
    same(input.slice(issue.column - 1).startsWith("😀"), true, "column points at the emoji");
  },

  "misuse throws an Error with a stable code": (api) => {
    const e = throwsCode(() => api.parsePhone(4155552671), "invalid_argument", "number input");
    same(/string/.test(e.message) && /number/.test(e.message), true, "message names expected and actual type");
    throwsCode(() => api.parsePhone(null), "invalid_argument", "null input");
    throwsCode(() => api.parsePhone("+14155552671", "US"), "invalid_argument", "options as string");
    throwsCode(() => api.parsePhone("+14155552671", { country: "US" }), "invalid_argument", "unknown option");
    throwsCode(() => api.parsePhone("+14155552671", { defaultCountry: "USA" }), "invalid_argument", "bad region");
    throwsCode(() => api.parsePhone("+14155552671", { defaultCountry: "ZZ" }), "invalid_argument", "unknown region");
    // phone.js answers Rust with U+001F-separated parts: a country holding one is still just a bad country.
    const odd = throwsCode(() => api.parsePhone("+1", { defaultCountry: "U\x1fS", x: 1 }), "invalid_argument", "odd region");
    same(odd.message.startsWith("defaultCountry must be"), true, "the country is checked before unknown keys");
    throwsCode(() => api.parsePhones("+14155552671"), "invalid_argument", "parsePhones takes an array");
    throwsCode(() => api.parsePhones(["+14155552671", 7]), "invalid_argument", "array of strings");
  },

  "options are optional and checked": (api) => {
    same(api.parsePhone("+14155552671", undefined).ok, true, "undefined options");
    same(api.parsePhone("+14155552671", null).ok, true, "null options");
    same(api.parsePhone("+14155552671", { defaultCountry: "US" }).ok, true, "with region");
  },

  "parsePhone reads options as every export does, with the same messages": (api) => {
    // phone.js checks phone options in JavaScript (the phone build has no JSON
    // parser); the other exports' reader is src/options.rs. Same text, bar the
    // function's name and the list of known options.
    const message = (fn) => {
      try {
        fn();
      } catch (error) {
        return error.message.replace(/^(parsePhone|validateTemplate): /, "").replace(/; known options: .*/, "");
      }
      return "no throw";
    };
    const cyclic = {};
    cyclic.self = cyclic;
    const optionsCases = [
      ["a string", "US", "US"],
      ["a number", 5, 5],
      ["an array", [], []],
      ["a function", () => 1, () => 1],
      ["a cycle", cyclic, cyclic],
      ["a BigInt", 1n, 1n],
      ["an unknown key", { "q\"\r\n\x7f\x85😀": 1 }, { "q\"\r\n\x7f\x85😀": 1 }],
      ["a known key of the wrong type", { defaultCountry: 5 }, { mode: 5 }],
      ["an object for a string", { defaultCountry: {} }, { mode: {} }],
    ];
    for (const [label, phone, template] of optionsCases) {
      same(
        message(() => api.parsePhone("+1", phone)),
        message(() => api.validateTemplate({}, template)).replaceAll("mode", "defaultCountry"),
        label,
      );
    }
  },

  "the module keeps working after a throw": (api) => {
    for (let i = 0; i < 3; i++) {
      try {
        api.parsePhone({});
      } catch {}
      same(api.parsePhone("+442071838750").ok, true, `call ${i} after throw`);
    }
  },

  "renderTemplatePreview builds the bubble, fills variables and escapes everything": (api) => {
    const definition = {
      name: "order_update",
      language: "en_US",
      category: "MARKETING",
      components: [
        { type: "BODY", text: "Hi {{1}}, *welcome*", example: { body_text: [["Ana"]] } },
        { type: "FOOTER", text: "Reply STOP" },
        { type: "BUTTONS", buttons: [{ type: "URL", text: "Open", url: "https://x.example/{{1}}", example: ["https://x.example/a"] }] },
      ],
    };
    const send = {
      name: "order_update",
      language: { code: "en_US" },
      components: [
        { type: "body", parameters: [{ type: "text", text: "<img src=x onerror=alert(1)>" }] },
        { type: "button", sub_type: "url", index: 0, parameters: [{ type: "text", text: "a" }] },
      ],
    };
    const { html, tree, issues } = api.renderTemplatePreview(definition, { send, theme: "dark" });
    same(tree.theme, "dark", "theme");
    same(tree.body[0].children[1], { type: "variable", name: "{{1}}", text: "<img src=x onerror=alert(1)>", resolved: true }, "variable");
    same(tree.buttons[0].href, "https://x.example/a", "button href");
    if (html.includes("<img")) throw new Error("a value became markup");
    if (!html.includes("<strong>welcome</strong>")) throw new Error(`formatting missing: ${html}`);
    same(issues.filter((i) => i.severity === "error"), [], "issues");
  },

  "renderFlowPreview draws a screen: data, If, the Footer's state, escaping, the screen list": (api) => {
    const flow = {
      version: "7.3",
      screens: [
        {
          id: "WELCOME",
          title: "Hi ${data.name}",
          data: { name: { type: "string", __example__: "<img src=x onerror=alert(1)>" } },
          layout: {
            type: "SingleColumnLayout",
            children: [
              { type: "TextInput", name: "email", label: "Email", "input-type": "email", required: true },
              { type: "If", condition: "${form.email} != ''", then: [{ type: "TextBody", text: "Thanks" }], else: [{ type: "TextBody", text: "Type your email" }] },
              { type: "Footer", label: "Next", "on-click-action": { name: "navigate", next: { type: "screen", name: "DONE" }, payload: { email: "${form.email}" } } },
            ],
          },
        },
        { id: "DONE", title: "Done", terminal: true, layout: { type: "SingleColumnLayout", children: [{ type: "Footer", label: "Close", "on-click-action": { name: "complete", payload: {} } }] } },
      ],
    };
    const empty = api.renderFlowPreview(flow);
    same(empty.tree.screen.title, "Hi <img src=x onerror=alert(1)>", "title from __example__");
    if (empty.html.includes("<img")) throw new Error("a data value became markup");
    same(empty.tree.body[1].text, "Type your email", "else branch while the form is empty");
    same([empty.tree.footer.disabled, empty.tree.footer.reason], [true, "required"], "footer waits for the required input");
    same(empty.screens.map((s) => [s.id, s.entry, s.next]), [["WELCOME", true, ["DONE"]], ["DONE", false, []]], "screens");
    const typed = api.renderFlowPreview(JSON.stringify(flow), { form: { email: "a@x.example" }, theme: "dark", direction: "rtl", locale: "es" });
    same(typed.tree.body[1].text, "Thanks", "then branch");
    same(typed.tree.footer.action, { kind: "navigate", next: "DONE", payload: { email: "a@x.example" } }, "payload resolved");
    same(typed.tree.branding.text, "Administrado por la empresa.", "locale");
    if (!typed.html.startsWith('<div class="wf-phone wf-dark" dir="rtl"')) throw new Error(typed.html.slice(0, 80));
    same(api.renderFlowPreview(flow, { screen: "DONE" }).tree.screen.back, "back", "a later screen has Back");
    same(api.renderFlowPreview("{").issues[0].code, "json.syntax", "not JSON is a finding");
    throwsCode(() => api.renderFlowPreview(flow, { theme: "blue" }), "invalid_argument", "theme");
    throwsCode(() => api.renderFlowPreview(flow, { data: "x" }), "invalid_argument", "data not an object");
    throwsCode(() => api.renderFlowPreview(flow, { colour: "red" }), "invalid_argument", "unknown option");
  },

  "renderTemplatePreview: images are lazy and referrer-free; media: placeholder names no media URL": (api) => {
    const image = "https://cdn.example/header.png";
    const definition = {
      name: "media",
      language: "en_US",
      category: "MARKETING",
      components: [
        { type: "HEADER", format: "IMAGE", example: { header_handle: [image] } },
        { type: "BODY", text: "See https://x.example/a" },
      ],
    };
    const loaded = api.renderTemplatePreview(definition);
    const img = loaded.html.match(/<img [^>]*>/)?.[0];
    same(img, `<img class="wa-media" alt="Header image" src="${image}" referrerpolicy="no-referrer" loading="lazy" decoding="async">`, "img");
    for (const media of ["image", "video", "document"]) {
      const components = [{ ...definition.components[0], format: media.toUpperCase() }, definition.components[1]];
      const { html, tree } = api.renderTemplatePreview({ ...definition, components }, { media: "placeholder" });
      if (html.includes("cdn.example") || html.includes("<img") || html.includes("src=")) throw new Error(`${media}: ${html}`);
      const label = media[0].toUpperCase() + media.slice(1);
      if (!html.includes(`<div class="wa-media wa-placeholder wa-${media}">${label}</div>`)) throw new Error(`${media} placeholder: ${html}`);
      same(tree.header, { type: "media", media, url: image }, `${media} tree keeps the URL`);
      if (!html.includes('href="https://x.example/a"')) throw new Error("links stay links");
    }
    same(api.renderTemplatePreview(definition, { media: "load" }).html, loaded.html, "load is the default");
    throwsCode(() => api.renderTemplatePreview(definition, { media: "none" }), "invalid_argument", "unknown media");
    throwsCode(() => api.renderTemplatePreview(definition, { media: true }), "invalid_argument", "media not a string");
  },

  "renderTemplatePreview: a text over 64 KiB is not formatted but cut, with a warning": (api) => {
    const LIMIT = 65536;
    const text = "*a* ".repeat(LIMIT / 4) + "*b*";
    const definition = { name: "long", language: "en_US", category: "MARKETING", components: [{ type: "BODY", text }] };
    for (const given of [definition, JSON.stringify(definition, null, 1)]) {
      const { html, tree, issues } = api.renderTemplatePreview(given);
      const warnings = issues.filter((issue) => issue.code === "preview.text_too_long");
      same(warnings.map(({ path, severity }) => ({ path, severity })), [{ path: "/components/0/text", severity: "warning" }], "warning");
      if (!warnings[0].message.startsWith("65539 bytes, over the preview's limit of 65536")) throw new Error(warnings[0].message);
      same(tree.body, [{ type: "paragraph", children: [{ type: "text", text: `${text.slice(0, LIMIT)}…` }] }], "cut, plain");
      if (html.includes("<strong>")) throw new Error("a cut text is not formatted");
      if (typeof given === "string") {
        // At the text's opening quote: 1-based line, and column in UTF-16 units.
        const at = given.indexOf('"*a* ');
        const before = given.slice(0, at);
        same([warnings[0].line, warnings[0].column], [before.split("\n").length, at - before.lastIndexOf("\n")], "position");
      }
    }
    // Within the limit: formatted as usual.
    const within = api.renderTemplatePreview({ ...definition, components: [{ type: "BODY", text: text.slice(0, LIMIT) }] });
    same(within.issues.filter((issue) => issue.code === "preview.text_too_long"), [], "within the limit");
    if (!within.html.includes("<strong>a</strong>")) throw new Error("within the limit: formatted");
  },

  "renderTemplatePreview: a definition or send over 1 MiB is not rendered": (api) => {
    const body = { type: "BODY", text: "x".repeat(1_100_000) };
    const definition = { name: "huge", language: "en_US", category: "MARKETING", components: [body] };
    for (const given of [definition, JSON.stringify(definition)]) {
      const { html, tree, issues } = api.renderTemplatePreview(given, { theme: "dark" });
      same(issues.map(({ code, path, severity }) => ({ code, path, severity })), [{ code: "preview.too_large", path: "", severity: "error" }], "one finding");
      const size = JSON.stringify(definition).length; // ASCII: as many bytes
      if (!issues[0].message.startsWith(`the definition is ${size} bytes of JSON, over the preview's limit of 1048576`)) throw new Error(issues[0].message);
      same([tree.theme, tree.body, tree.header], ["dark", [], undefined], "empty tree");
      if (!html.startsWith('<div class="wa-preview wa-dark"') || html.includes("xxx")) throw new Error(html);
    }
    const small = { ...definition, components: [{ type: "BODY", text: "Hi {{1}}" }] };
    const send = { components: [{ type: "body", parameters: [{ type: "text", text: "y".repeat(1_100_000) }] }] };
    for (const given of [send, JSON.stringify(send)]) {
      const { issues } = api.renderTemplatePreview(small, { send: given });
      same(issues.map((issue) => issue.code), ["preview.too_large"], "send");
      // Measured with the options that carry it, before anything is copied.
      const size = Number(issues[0].message.match(/^the send is (\d+) bytes/)?.[1]);
      if (!(size >= 1_100_000 && size < 1_100_200)) throw new Error(issues[0].message);
    }
  },
};

cases["phoneMetadataVersion names the libphonenumber-js release the metadata came from"] = (api) => {
  const version = api.phoneMetadataVersion();
  if (!/^\d+\.\d+\.\d+$/.test(version)) throw new Error(`not a release: ${JSON.stringify(version)}`);
  same(api.phoneMetadataVersion(), version, "the same every call");
};

// Meta's supported versions (Flows changelog): publishing 5.1-7.3, sending 2.1-7.3, 7.3 recommended.
cases["validateFlow: the version findings name the publishable 5.1 to 7.3"] = (api) => {
  const flow = (version) => ({ version, screens: [{ id: "A", terminal: true, layout: { type: "SingleColumnLayout", children: [
    { type: "Footer", label: "Done", "on-click-action": { name: "complete", payload: {} } }] } }] });
  const unknown = api.validateFlow(flow("7.4")).errors.find((issue) => issue.code === "flow.version_invalid");
  if (!unknown || !unknown.message.includes("publishes 5.1 to 7.3 (7.3 recommended)")) throw new Error(JSON.stringify(unknown));
  const frozen = api.validateFlow(flow("5.0")).warnings.find((issue) => issue.code === "flow.version_frozen");
  if (!frozen || !frozen.message.includes("publish on 5.1 to 7.3")) throw new Error(JSON.stringify(frozen));
  for (const good of ["5.1", "7.3"]) {
    const report = api.validateFlow(flow(good));
    same([report.errors, report.warnings], [[], []], good);
  }
};

cases["every validation rule fails its bad input and passes its good one"] = (api) => {
  for (const [key, { bad, good, path, severity = "error" }] of Object.entries(rules)) {
    const code = key.split("#")[0]; // "code#variant": another case of the same code
    const found = run(api, bad);
    const hits = (severity === "warning" ? found.warnings : found.errors).filter((issue) => issue.code === code);
    if (hits.length === 0) throw new Error(`${code}: no ${severity}`);
    if (path !== undefined && !hits.some((issue) => issue.path === path)) throw new Error(`${code}: not at ${path}`);
    const passed = run(api, good);
    same(passed.errors, [], `${code} good input`);
    same(passed.warnings.filter((issue) => issue.code === code), [], `${code} good input warnings`);
  }
};

/** Runs every case; never throws. Returns [{ name, ok, error? }]. */
/** The cases that need only parsePhone, parsePhones and init: what whatsapp-edge/phone must pass. */
export const phoneCases = [
  "init() resolves and is idempotent",
  "parsePhone validates for the region, formats, and returns waId",
  "parsePhone accepts what people type",
  "parsePhone returns structured errors with positions",
  "parsePhones parses a batch in one call",
  "columns count UTF-16 code units, as JavaScript indexes",
  "misuse throws an Error with a stable code",
  "options are optional and checked",
  "the module keeps working after a throw",
];
