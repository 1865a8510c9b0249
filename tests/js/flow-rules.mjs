// One failing and one passing input for every `flow.*` code of validateFlow,
// keyed by issue code and merged into `rules` (rules.mjs). Plain data and
// builders, no Node APIs, so every runtime can run it. Each case edits the
// same valid Flow; `good` differs from `bad` only by the fix.

/** Meta's Flow JSON size limit (src/flow/mod.rs MAX_BYTES). */
const MAX_BYTES = 10 * 1024 * 1024;

const clone = (value) => JSON.parse(JSON.stringify(value));

const screen = (id, children, extra = {}) => ({ id, ...extra, layout: { type: "SingleColumnLayout", children } });
const navigate = (name, payload) => ({ name: "navigate", next: { type: "screen", name }, ...(payload && { payload }) });
const footer = (label, action) => ({ type: "Footer", label, "on-click-action": action });
const link = (action, text = "Read the terms") => ({ type: "EmbeddedLink", text, "on-click-action": action });
const openUrl = { name: "open_url", url: "https://shop.example/terms" };
const textInput = (extra = {}) => ({ type: "TextInput", label: "Name", name: "name", ...extra });
const radio = (options) => ({ type: "RadioButtonsGroup", label: "Size", name: "size", "data-source": options });
const option = (id, extra = {}) => ({ id, title: `Size ${id}`, ...extra });
const when = (then, otherwise, condition = "${form.name} != ''") => ({
  type: "If",
  condition,
  then,
  ...(otherwise && { else: otherwise }),
});

/**
 * A valid Flow JSON 7.3: FIRST asks for a name and navigates (passing it) to
 * LAST, a terminal screen that thanks and completes. `edit` changes it in place.
 */
export const flow = (edit = () => {}) => {
  const f = {
    version: "7.3",
    screens: [
      screen("FIRST", [textInput(), footer("Continue", navigate("LAST", { name: "${form.name}" }))], { title: "Your name" }),
      screen(
        "LAST",
        [
          { type: "TextBody", text: "Thanks, ${data.name}" },
          footer("Done", { name: "complete", payload: { name: "${data.name}" } }),
        ],
        { terminal: true, title: "Done", data: { name: { type: "string", __example__: "Ana" } } },
      ),
    ],
  };
  edit(f);
  return f;
};

const kids = (f, i = 0) => f.screens[i].layout.children;
/** Inserts components on FIRST after its TextInput (so the first lands at children/1). */
const add = (...components) => (f) => void kids(f).splice(1, 0, ...components);
const set = (values) => (f) => void Object.assign(f, values);
const input = (edit) => (f) => void edit(kids(f)[0]);
const lastText = (text) => (f) => void (kids(f, 1)[0].text = text);
/** LAST renamed (and FIRST's navigate with it). */
const rename = (id) => (f) => {
  f.screens[1].id = id;
  kids(f)[1]["on-click-action"].next.name = id;
};
const endpoint = (routing_model = { FIRST: ["LAST"], LAST: [] }) =>
  set({ data_api_version: "3.0", routing_model });

const F = (input, grow) => ({ fn: "validateFlow", input, ...(grow && { grow }) });
const C = (bad, good, path, severity) => ({ bad: F(flow(bad)), good: F(flow(good)), path, ...(severity && { severity }) });

const FIRST = "/screens/0/layout/children";
const LAST = "/screens/1/layout/children";

/** `n` extra terminal screens END_A, END_B, … and FIRST routing to LAST and all of them. */
const branches = (n) => (f) => {
  const ids = Array.from({ length: n }, (_, i) => `END_${String.fromCharCode(65 + i)}`);
  for (const id of ids) f.screens.push(screen(id, [footer("Done", { name: "complete" })], { terminal: true }));
  endpoint({ FIRST: ["LAST", ...ids], LAST: [], ...Object.fromEntries(ids.map((id) => [id, []])) })(f);
};

/** FIRST navigates to MIDDLE (not terminal); with `onward`, MIDDLE links on to LAST. */
const middle = (onward) => (f) => {
  kids(f)[1]["on-click-action"] = navigate("MIDDLE", { name: "${form.name}" });
  const children = [{ type: "TextBody", text: "Almost there" }];
  if (onward) children.push(link(navigate("LAST", { name: "${data.name}" }), "Go on"));
  f.screens.splice(1, 0, screen("MIDDLE", children, { data: { name: { type: "string", __example__: "Ana" } } }));
};

/** Screens A and B (B terminal) off the main path: A links to B; with `back`, B links back to A. */
const island = (back) => (f) => {
  f.screens.push(screen("ISLAND_A", [link(navigate("ISLAND_B"), "Next")]));
  const children = [footer("Done", { name: "complete" })];
  if (back) children.unshift(link(navigate("ISLAND_A"), "Back"));
  f.screens.push(screen("ISLAND_B", children, { terminal: true }));
};

/** FIRST with an Image whose src the harness grows so the Flow JSON is `size` bytes. */
const sized = (size) => {
  const input = flow(add({ type: "Image", src: "A" }));
  const rest = JSON.stringify(input).length - 1;
  return F(input, { [`${FIRST}/1/src`]: size - rest });
};

/** code → { bad, good, path, severity? } for validateFlow (see rules.mjs). */
export const flowRules = {
  "flow.version_invalid": C(set({ version: "7.4" }), set({ version: "7.3" }), "/version"),
  "flow.version_frozen": C(set({ version: "5.0" }), set({ version: "5.1" }), "/version", "warning"),
  "flow.data_api_version_invalid": C(
    (f) => (endpoint()(f), set({ data_api_version: "5.0" })(f)),
    endpoint(),
    "/data_api_version",
  ),
  "flow.routing_model_required": C(set({ data_api_version: "3.0" }), endpoint(), "/routing_model"),
  "flow.data_channel_uri": C(set({ data_channel_uri: "https://shop.example/flow" }), () => {}, "/data_channel_uri"),
  "flow.feature_version": C(
    (f) => (f.version = "6.3", input((i) => (i["label-variant"] = "large"))(f)),
    (f) => (f.version = "7.0", input((i) => (i["label-variant"] = "large"))(f)),
    `${FIRST}/0/label-variant`,
  ),
  "flow.too_large": { bad: sized(MAX_BYTES + 1), good: sized(MAX_BYTES), path: "" },
  "flow.screens_empty": C(set({ screens: [] }), () => {}, "/screens"),
  "flow.screen_id_invalid": C(rename("LAST_2"), rename("LAST_TWO"), "/screens/1/id"),
  "flow.screen_id_duplicate": C(
    (f) => void f.screens.push({ ...clone(f.screens[1]), id: "LAST" }),
    (f) => void f.screens.push({ ...clone(f.screens[1]), id: "OTHER" }),
    "/screens/2/id",
  ),
  "flow.screen_id_reserved": C(rename("SUCCESS"), rename("DONE"), "/screens/1/id"),
  "flow.terminal_missing": C((f) => void delete f.screens[1].terminal, () => {}, "/screens"),
  "flow.terminal_footer": C((f) => void kids(f, 1).pop(), () => {}, "/screens/1/layout"),
  "flow.layout_invalid": C(
    (f) => void (f.screens[0].layout.type = "MultiColumnLayout"),
    (f) => void (f.screens[0].layout.type = "SingleColumnLayout"),
    "/screens/0/layout/type",
  ),
  "flow.data_declaration": C(
    (f) => void delete f.screens[1].data.name.__example__,
    () => {},
    "/screens/1/data/name/__example__",
  ),
  "flow.component_type_invalid": C(add({ type: "TextTitle", text: "Hi" }), add({ type: "TextHeading", text: "Hi" }), `${FIRST}/1/type`),
  "flow.property_unknown": C(input((i) => (i.placeholder = "Ana")), input((i) => (i["helper-text"] = "Ana")), `${FIRST}/0/placeholder`),
  "flow.value_invalid": C(input((i) => (i["input-type"] = "url")), input((i) => (i["input-type"] = "email")), `${FIRST}/0/input-type`),
  "flow.text_too_long": C(input((i) => (i.label = "x".repeat(21))), input((i) => (i.label = "x".repeat(20))), `${FIRST}/0/label`),
  "flow.text_long": C(add(link(openUrl, "x".repeat(26))), add(link(openUrl, "x".repeat(25))), `${FIRST}/1/text`, "warning"),
  "flow.text_empty": C(input((i) => (i.label = " ")), input((i) => (i.label = "Name")), `${FIRST}/0/label`),
  "flow.items_count": C(add(radio([])), add(radio([option("s")])), `${FIRST}/1/data-source`),
  "flow.item_id_duplicate": C(add(radio([option("s"), option("s")])), add(radio([option("s"), option("m")])), `${FIRST}/1/data-source/1/id`),
  // 137,900 base64 characters decode to 103,425 bytes (101 KB); 136,532 to 102,399 (under 100 KB).
  "flow.image_too_large": {
    bad: F(flow(add(radio([option("s", { image: "A" })]))), { [`${FIRST}/1/data-source/0/image`]: 137900 }),
    good: F(flow(add(radio([option("s", { image: "A" })]))), { [`${FIRST}/1/data-source/0/image`]: 136532 }),
    path: `${FIRST}/1/data-source/0/image`,
  },
  "flow.component_limit": C(add(link(openUrl), link(openUrl), link(openUrl)), add(link(openUrl), link(openUrl)), `${FIRST}/3`),
  "flow.component_not_allowed": C(
    set({ version: "3.1" }),
    (f) => (f.version = "3.1", kids(f).splice(0, 1, { type: "Form", name: "form", children: [textInput()] })),
    `${FIRST}/0/type`,
  ),
  "flow.name_duplicate": C(add(textInput()), add(textInput({ name: "surname" })), `${FIRST}/1/name`),
  "flow.footer_branches": C(
    (f) => void kids(f).splice(1, 1, when([kids(f)[1]])),
    (f) => void kids(f).splice(1, 1, when([kids(f)[1]], [footer("Skip", navigate("LAST", { name: "Ana" }))])),
    `${FIRST}/1`,
  ),
  "flow.branch_empty": C(add(when([])), add(when([{ type: "TextBody", text: "Hello" }])), `${FIRST}/1/then`),
  "flow.nesting_too_deep": C(
    add(when([when([when([when([{ type: "TextBody", text: "Deep" }])])])])),
    add(when([when([when([{ type: "TextBody", text: "Deep" }])])])),
    `${FIRST}/1/then/0/then/0/then/0`,
  ),
  "flow.range_invalid": C(
    input((i) => Object.assign(i, { "min-chars": 5, "max-chars": 3 })),
    input((i) => Object.assign(i, { "min-chars": 3, "max-chars": 5 })),
    `${FIRST}/0/max-chars`,
  ),
  "flow.date_invalid": C(
    add({ type: "DatePicker", label: "Date", name: "date", "min-date": "2024/01/01" }),
    add({ type: "DatePicker", label: "Date", name: "date", "min-date": "2024-01-01" }),
    `${FIRST}/1/min-date`,
  ),
  "flow.action_not_allowed": C(add(link({ name: "complete" })), add(link(openUrl)), `${FIRST}/1/on-click-action/name`),
  "flow.navigate_target": C(
    (f) => void (kids(f)[1]["on-click-action"].next.name = "THIRD"),
    (f) => void (kids(f)[1]["on-click-action"].next.name = "LAST"),
    `${FIRST}/1/on-click-action/next/name`,
  ),
  "flow.payload_invalid": C(add(link({ ...openUrl, payload: { id: "1" } })), add(link(openUrl)), `${FIRST}/1/on-click-action/payload`),
  "flow.reference_unknown": C(lastText("Thanks, ${data.nam}"), lastText("Thanks, ${data.name}"), `${LAST}/0/text`),
  "flow.reference_malformed": C(lastText("Thanks, ${data}"), lastText("Thanks, ${data.name}"), `${LAST}/0/text`),
  "flow.expression_syntax": C(lastText("`'Thanks, ' ${data.name} +`"), lastText("`'Thanks, ' ${data.name}`"), `${LAST}/0/text`),
  "flow.expression_type": C(
    add(when([{ type: "TextBody", text: "Hello" }], undefined, "${form.name}")),
    add(when([{ type: "TextBody", text: "Hello" }], undefined, "${form.name} != ''")),
    `${FIRST}/1/condition`,
  ),
  "flow.routing_invalid": C(endpoint({ FIRST: ["LAST"], LAST: ["FIRST"] }), endpoint({ FIRST: ["LAST"], LAST: [] }), "/routing_model/LAST/0"),
  "flow.routing_branches": C(branches(10), branches(9), "/routing_model"),
  "flow.routing_entry": C(
    (f) => void kids(f, 1).splice(1, 0, link(navigate("FIRST"), "Start over")),
    (f) => void kids(f, 1).splice(1, 0, link(openUrl, "Start over")),
    "/screens",
  ),
  "flow.routing_dead_end": C(middle(false), middle(true), "/screens/0"),
  "flow.screen_unreachable": C(island(true), island(false), "/screens/2", "warning"),
};
