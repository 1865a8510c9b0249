// renderFlowPreview through the built package in Node (full and lite entries):
// every screen of every corpus Flow renders, as text and as an object, in both
// themes and directions, with its screens listed and nothing the preview does
// not know; the Flow's own findings come first.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import * as full from "../../pkg/node.js";
import * as lite from "../../pkg/lite/node.js";

const dir = new URL("../fixtures/corpus/flows/", import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith(".json"));

for (const [entry, api] of [["full", full], ["lite", lite]]) {
  test(`${entry}: every screen of every corpus Flow renders, as text and as an object`, () => {
    assert.equal(files.length, 36);
    let screens = 0;
    for (const file of files) {
      const text = readFileSync(new URL(file, dir), "utf8");
      const flow = JSON.parse(text);
      const ids = flow.screens.map((s) => s.id);
      const validation = full.validateFlow(text);
      for (const [index, id] of ids.entries()) {
        const options = index % 2 ? { screen: id, theme: "dark", direction: "rtl", locale: "ar" } : { screen: id };
        const result = api.renderFlowPreview(index % 2 ? flow : text, options);
        assert.equal(result.tree.screen.id, id, `${file} ${id}`);
        assert.deepEqual(result.screens.map((s) => s.id), ids, file);
        assert.equal(result.screens.filter((s) => s.entry).length, 1, `${file}: one entry screen`);
        const codes = result.issues.map((i) => i.code);
        assert.ok(!codes.includes("preview.flow_unknown_component") && !codes.includes("preview.flow_expression_error"), `${file} ${id}: ${codes}`);
        // The Flow's own findings first, exactly as validateFlow reports them.
        const own = [...validation.errors, ...validation.warnings].map((i) => i.code);
        assert.deepEqual(codes.slice(0, own.length), own, `${file}: validation first`);
        assert.ok(codes.slice(own.length).every((c) => c.startsWith("preview.")), `${file}: then the preview's`);
        assert.match(result.html, /^<div class="wf-phone wf-(light|dark)" dir="(ltr|rtl)"/);
        assert.doesNotMatch(result.html, / style=|<script|javascript:| on[a-z]+=/i, file);
        if (result.tree.footer) assert.equal(typeof result.tree.footer.disabled, "boolean");
        screens++;
      }
    }
    assert.ok(screens >= 60, `${screens} screens`);
  });
}

test("a NavigationList screen, a RichText screen and a carousel screen draw what their Flows hold", () => {
  const read = (file) => JSON.parse(readFileSync(new URL(file, dir), "utf8"));
  const nav = full.renderFlowPreview(read("pywa_v6_2_navigation_list.json"));
  const list = nav.tree.body.find((n) => n.type === "NavigationList");
  assert.ok(list.items.length >= 2 && list.items.every((item) => item.title && item.action));
  const richFlow = read("pywa_v5_1_rich_text.json");
  const richScreen = richFlow.screens.find((s) => s.layout.children.some((c) => c.type === "RichText")).id;
  const rich = full.renderFlowPreview(richFlow, { screen: richScreen });
  const blocks = rich.tree.body.find((n) => n.type === "RichText").blocks;
  assert.ok(blocks.some((b) => b.type === "heading") && blocks.some((b) => b.type === "list"), JSON.stringify(blocks.map((b) => b.type)));
  const carousel = full.renderFlowPreview(read("pywa_v7_1_image_carousel.json"));
  const node = carousel.tree.body.find((n) => n.type === "ImageCarousel");
  assert.ok(node, "a carousel");
  assert.ok(node.images.every((img) => /^data:image\/(png|jpeg|webp|gif);base64,/.test(img.dataUrl)));
});

test("a Flow over Meta's 10 MB is reported from its size; options are read strictly", () => {
  const big = "x".repeat(10 * 1024 * 1024 + 1);
  assert.deepEqual(full.renderFlowPreview(big).issues.map((i) => i.code), ["preview.too_large"]);
  assert.throws(() => full.renderFlowPreview({ version: "7.3", screens: [] }, { direction: "up" }), (e) => e.code === "invalid_argument");
  assert.throws(() => full.renderFlowPreview({ version: "7.3", screens: [] }, { now: "7 Dec 2026" }), (e) => e.code === "invalid_argument" && /YYYY-MM-DD/.test(e.message));
});

test("now: an empty date field's dialog opens there, within the Flow's min-date and max-date", () => {
  const flow = {
    version: "7.3",
    screens: [{ id: "A", terminal: true, layout: { type: "SingleColumnLayout", children: [
      { type: "DatePicker", name: "d", label: "Day", "min-date": "2027-01-01", "max-date": "2027-03-31" },
      { type: "Footer", label: "Done", "on-click-action": { name: "complete", payload: {} } },
    ] } }],
  };
  for (const api of [full, lite]) {
    const { tree, html } = api.renderFlowPreview(flow, { now: "2026-12-07" });
    assert.deepEqual([tree.body[0].min, tree.body[0].max, tree.body[0].opens], ["2027-01-01", "2027-03-31", "2027-01-01"]);
    assert.match(html, /<input [^>]*type="date"[^>]* min="2027-01-01" max="2027-03-31"/);
    assert.equal(api.renderFlowPreview(flow).tree.body[0].opens, undefined);
  }
});
