// Hostile Flows for renderFlowPreview and <wa-flow-preview> (tests/js/preview-xss.test.mjs):
// every text payload of the template corpus in every string a Flow screen shows
// (titles, labels, options and their metadata, captions, markdown link texts and
// table cells, alt texts, `${data.…}` values), every URL payload as a markdown
// link, a markdown image and an open_url, and images that are not what they say.
import { TEXTS, URLS } from "./xss-corpus.mjs";

const b64 = (text) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));
const SVG = b64("<svg xmlns='http://www.w3.org/2000/svg' onload=\"window.__pwned='svg-b64'\"><script>window.__pwned='svg'</script></svg>");
const HTML = b64("<html><script>window.__pwned='html-b64'</script></html>");
const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
/** Image sources that must never become an <img>: SVG and HTML as base64, lies about the type, breakouts. */
export const BAD_IMAGES = [
  SVG,
  HTML,
  `data:image/svg+xml;base64,${SVG}`,
  `data:text/html;base64,${HTML}`,
  `data:image/gif;base64,${PNG}`,
  `${PNG}"><img src=x onerror="window.__pwned='src'">`,
  `iVBOR' onerror='window.__pwned=1`,
  "https://evil.example/a.png",
  ...URLS,
];

const flow = (title, data, children) => ({
  version: "7.3",
  screens: [
    { id: "S", title, terminal: true, data, layout: { type: "SingleColumnLayout", children } },
  ],
});

/** One Flow with `t` everywhere a screen shows text, `${data.x}` filled with it too. */
function textFlow(t) {
  const items = [{ id: "a", title: t, description: t, metadata: t, "alt-text": t, color: t }, { id: "b", title: "B" }];
  return flow(`${t} \${data.x}`, { x: { type: "string", __example__: t } }, [
    { type: "TextHeading", text: t },
    { type: "TextSubheading", text: "${data.x}" },
    { type: "TextBody", text: [t, "${data.x}"], markdown: true },
    { type: "TextCaption", text: t },
    { type: "RichText", text: [`# ${t}`, `[${t}](https://x.example/)`, `| ${t} | b |`, "|---|---|", `| ${t} | **${t}** |`, `![${t}](data:image/png;base64,${PNG})`] },
    { type: "TextInput", name: "i", label: t, "helper-text": t, "init-value": t },
    { type: "TextArea", name: "ta", label: t, "helper-text": t },
    { type: "CheckboxGroup", name: "c", label: t, description: t, "data-source": items },
    { type: "RadioButtonsGroup", name: "r", label: t, "data-source": items, "init-value": "a" },
    { type: "ChipsSelector", name: "ch", label: t, description: t, "data-source": items },
    { type: "Dropdown", name: "d", label: t, "data-source": items, "init-value": "a" },
    { type: "DatePicker", name: "dp", label: t, "helper-text": t, "init-value": t },
    { type: "OptIn", name: "o", label: t, "on-click-action": { name: "open_url", url: "https://x.example/" } },
    { type: "EmbeddedLink", text: t, "on-click-action": { name: "navigate", next: { type: "screen", name: t }, payload: { x: t } } },
    { type: "Image", src: PNG, "alt-text": t, width: 10, height: 10 },
    { type: "PhotoPicker", name: "p", label: t, description: t },
    { type: "Footer", label: t, "left-caption": t, "right-caption": t, "on-click-action": { name: "complete", payload: { t } } },
  ]);
}

function listFlow(t) {
  const item = { id: "1", "main-content": { title: t, description: t, metadata: t }, end: { title: t, metadata: t }, badge: t, tags: [t], "on-click-action": { name: "data_exchange", payload: { t } } };
  return flow(t, {}, [{ type: "NavigationList", name: "n", label: t, description: t, "list-items": [item] }]);
}

/** A Flow with `url` as a markdown link, a markdown image, an open_url and an Image src. */
function urlFlow(url) {
  return flow("URL", {}, [
    { type: "RichText", text: [`[tap](${url})`, `![img](${url})`] },
    { type: "TextBody", markdown: true, text: `[tap](${url})` },
    { type: "EmbeddedLink", text: "open", "on-click-action": { name: "open_url", url } },
    { type: "Image", src: url },
  ]);
}

function imageFlow(src) {
  return flow("Images", {}, [
    { type: "Image", src },
    { type: "ImageCarousel", images: [{ src, "alt-text": "a" }, { src: PNG, "alt-text": "ok" }] },
    { type: "RadioButtonsGroup", name: "r", label: "R", "data-source": [{ id: "a", title: "A", image: src }] },
    { type: "RichText", text: `![x](${src})` },
  ]);
}

/** `{ label, flow, data? }` cases. */
export function flowCases() {
  return [
    ...TEXTS.map((t, i) => ({ label: `flow text ${i}`, flow: textFlow(t), data: i % 2 ? { x: t } : undefined })),
    ...TEXTS.map((t, i) => ({ label: `flow list ${i}`, flow: listFlow(t) })),
    ...URLS.map((u, i) => ({ label: `flow url ${i}`, flow: urlFlow(u) })),
    ...BAD_IMAGES.map((src, i) => ({ label: `flow image ${i}`, flow: imageFlow(src) })),
  ];
}
