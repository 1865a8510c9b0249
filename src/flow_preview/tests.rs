//! Golden trees of Flow previews: each fact of the spec with a source (MWP:
//! Meta's own web preview; M-FC/M-FJ: Meta's Components and Flow JSON pages)
//! is an assertion here. Native only: serde_json is a native dev-dependency.
#![cfg(not(target_arch = "wasm32"))]

use super::{render, to_json, FlowPreviewOptions};
use crate::options::OptionFields;
use serde_json::{json, Value};

struct Out {
    tree: Value,
    html: String,
    codes: Vec<&'static str>,
    screens: Value,
}

fn options(text: &str) -> FlowPreviewOptions {
    let node = crate::json::parse(text).unwrap();
    let mut fields = OptionFields::new("renderFlowPreview", Some(&node)).unwrap();
    let options = FlowPreviewOptions::read(&mut fields).unwrap();
    fields.finish().unwrap();
    options
}

fn preview_with(flow: &str, opts: &str) -> Out {
    let doc = crate::json::parse(flow).unwrap();
    let preview = render(&doc, Some(flow), &options(opts));
    Out {
        tree: serde_json::from_str(&to_json(&preview.tree)).unwrap(),
        html: preview.html,
        codes: preview.issues.iter().map(|i| i.code).collect(),
        screens: serde_json::from_str(&to_json(&preview.screens)).unwrap(),
    }
}

/// A one-screen Flow of `version` with these components (and `data` declarations).
fn screen(version: &str, data: &str, children: &str) -> String {
    format!(
        r#"{{"version":"{version}","screens":[{{"id":"A","title":"Title","terminal":true,"data":{data},
        "layout":{{"type":"SingleColumnLayout","children":[{children}]}}}}]}}"#
    )
}

fn preview(version: &str, children: &str) -> Out {
    preview_with(&screen(version, "{}", children), "{}")
}

const FOOTER: &str = r#"{"type":"Footer","label":"Done","on-click-action":{"name":"complete","payload":{}}}"#;

fn body(out: &Out, index: usize) -> &Value {
    &out.tree["body"][index]
}

#[test]
fn a_text_input_golden_tree() {
    let out =
        preview("7.3", r#"{"type":"TextInput","name":"n","label":"Name","helper-text":"As on your ID"}"#);
    assert_eq!(
        body(&out, 0),
        &json!({"type":"TextInput","path":"/screens/0/layout/children/0","name":"n","label":"Name",
            "optional":true,"value":"","helper":"As on your ID","inputKind":"text","disabled":false,"labelLarge":false})
    );
    assert_eq!(
        out.tree["screen"],
        json!({"id":"A","title":"Title","terminal":true,"success":false,
        "back":"close","refreshOnBack":false,"sensitive":[]})
    );
    assert_eq!(out.tree["branding"], json!({"text":"Managed by the business.","linkText":"Learn more"}));
    assert_eq!(out.tree["version"], "7.3");
}

// MWP (20+ cases): required fields get no mark, optional ones "(optional)" after the label;
// OptIn gets it as a prefix ("(optional) Keep me up to date…").
#[test]
fn optional_marks_follow_whatsapp() {
    let out = preview(
        "7.3",
        r#"{"type":"TextInput","name":"a","label":"Req","required":true},
           {"type":"TextInput","name":"b","label":"Opt"},
           {"type":"OptIn","name":"c","label":"Keep me up to date"}"#,
    );
    assert_eq!(body(&out, 0)["optional"], false);
    assert_eq!(body(&out, 1)["optional"], true);
    assert!(
        out.html.contains("Opt</span><span class=\"wf-optional\" dir=\"auto\">(optional)</span>"),
        "{}",
        out.html
    );
    assert!(!out.html.contains("Req</span><span class=\"wf-optional\""));
    assert!(out.html.contains("(optional) Keep me up to date"), "{}", out.html);
    assert!(!out.html.contains('*'));
}

// MWP (15+ renders): the Footer is disabled while a visible required input is empty;
// optional inputs never disable it; `enabled: false` does.
#[test]
fn the_footer_waits_for_required_inputs() {
    let children = format!(
        r#"{{"type":"TextInput","name":"a","label":"A","required":true}},
           {{"type":"CheckboxGroup","name":"b","label":"B","data-source":[{{"id":"x","title":"X"}}]}},{FOOTER}"#
    );
    let flow = screen("7.3", "{}", &children);
    let empty = preview_with(&flow, "{}");
    assert_eq!(empty.tree["footer"]["disabled"], true);
    assert_eq!(empty.tree["footer"]["reason"], "required");
    assert!(empty.html.contains("aria-disabled=\"true\" disabled"));
    let filled = preview_with(&flow, r#"{"form":{"a":"Ana"}}"#);
    assert_eq!(filled.tree["footer"]["disabled"], false);
    assert_eq!(filled.tree["footer"]["action"], json!({"kind":"complete","payload":{}}));
    let off = preview(
        "7.3",
        r#"{"type":"Footer","label":"Go","enabled":false,"on-click-action":{"name":"complete","payload":{}}}"#,
    );
    assert_eq!(off.tree["footer"]["reason"], "enabled");
}

// MWP: a Dropdown with `visible: "${data.is_dropdown_visible}"` and example false is gone,
// and does not count towards "required".
#[test]
fn invisible_components_are_not_drawn_nor_required() {
    let data = r#"{"show":{"type":"boolean","__example__":false}}"#;
    let children = format!(
        r#"{{"type":"Dropdown","name":"d","label":"D","required":true,"visible":"${{data.show}}",
            "data-source":[{{"id":"1","title":"One"}}]}},{FOOTER}"#
    );
    let out = preview_with(&screen("7.3", data, &children), "{}");
    assert_eq!(out.tree["body"], json!([]));
    assert_eq!(out.tree["footer"]["disabled"], false);
    let shown = preview_with(&screen("7.3", data, &children), r#"{"data":{"show":true}}"#);
    assert_eq!(shown.tree["body"][0]["type"], "Dropdown");
    assert_eq!(shown.tree["footer"]["disabled"], true);
}

// MWP: `${data.value} && (${form.animal} == 'cat')` with example true and the input empty
// shows the else branch; the Switch `default` case shows when nothing matches.
#[test]
fn if_and_switch_resolve_against_data_and_form() {
    let data = r#"{"value":{"type":"boolean","__example__":true}}"#;
    let children = r#"{"type":"TextInput","name":"animal","label":"Animal"},
        {"type":"If","condition":"${data.value} && (${form.animal} == 'cat')",
         "then":[{"type":"TextBody","text":"Meow"}],"else":[{"type":"TextBody","text":"Not a cat"}]},
        {"type":"Switch","value":"${form.animal}","cases":{"dog":[{"type":"TextBody","text":"Woof"}],
         "default":[{"type":"TextBody","text":"Something else"}]}}"#;
    let flow = screen("7.3", data, children);
    let empty = preview_with(&flow, "{}");
    assert_eq!(empty.tree["body"][1]["text"], "Not a cat");
    assert_eq!(empty.tree["body"][1]["path"], "/screens/0/layout/children/1/else/0");
    assert_eq!(empty.tree["body"][2]["text"], "Something else");
    let cat = preview_with(&flow, r#"{"form":{"animal":"cat"}}"#);
    assert_eq!(cat.tree["body"][1]["text"], "Meow");
    let dog = preview_with(&flow, r#"{"form":{"animal":"dog"}}"#);
    assert_eq!(dog.tree["body"][2]["text"], "Woof");
    assert_eq!(dog.tree["body"][2]["path"], "/screens/0/layout/children/2/cases/dog/0");
}

// MWP: "Choose up to 2 options." from max-selected-items.
#[test]
fn chips_say_how_many_to_choose() {
    let out = preview(
        "7.3",
        r#"{"type":"ChipsSelector","name":"c","label":"Pick","max-selected-items":2,"init-value":["b"],
            "data-source":[{"id":"a","title":"A"},{"id":"b","title":"B"},{"id":"c","title":"C"}]}"#,
    );
    assert_eq!(body(&out, 0)["hint"], "Choose up to 2 options.");
    assert_eq!(body(&out, 0)["control"], "chip");
    assert_eq!(body(&out, 0)["items"][1], json!({"id":"b","title":"B","selected":true,"disabled":false}));
}

// MWP: "Add 1 to 10 photos. Max file size 10 MB." (min 1, max 10, 10240 KB); a DocumentPicker
// with min = max = 1 and 1024 KB says only "Max file size 1 MB.".
#[test]
fn pickers_generate_their_count_sentence() {
    let out = preview(
        "7.3",
        r#"{"type":"PhotoPicker","name":"p","label":"Photos","min-uploaded-photos":1,"max-uploaded-photos":10,"max-file-size-kb":10240},
           {"type":"DocumentPicker","name":"d","label":"Doc","min-uploaded-documents":1,"max-uploaded-documents":1,"max-file-size-kb":1024}"#,
    );
    assert_eq!(body(&out, 0)["hint"], "Add 1 to 10 photos. Max file size 10 MB.");
    assert_eq!(body(&out, 0)["button"], "Take photo");
    assert_eq!(body(&out, 0)["optional"], false);
    assert_eq!(body(&out, 1)["hint"], "Max file size 1 MB.");
    assert_eq!(body(&out, 1)["button"], "Upload document");
}

// MWP: a TextArea counts "17 / 600" (max-length defaults to 600).
#[test]
fn text_areas_count_characters() {
    let out =
        preview("7.3", r#"{"type":"TextArea","name":"t","label":"About","init-value":"seventeen letters"}"#);
    assert_eq!(body(&out, 0)["counter"], json!({"length":17,"max":600}));
    assert!(out.html.contains(">17 / 600<"), "{}", out.html);
}

// MWP: CalendarPicker shows "Oct 23 2024" (en); range mode has two fields, the end optional
// when required.end-date is false. Before 5.0 DatePicker values are milliseconds (M-FC).
#[test]
fn dates_show_as_the_device_formats_them() {
    let out =
        preview("7.3", r#"{"type":"CalendarPicker","name":"c","label":"When","init-value":"2024-10-23"}"#);
    assert_eq!(body(&out, 0)["value"], "Oct 23 2024");
    let range = preview(
        "7.3",
        r#"{"type":"CalendarPicker","name":"r","mode":"range","title":"Stay","label":{"start-date":"In","end-date":"Out"},
            "required":{"start-date":true,"end-date":false},"init-value":{"start-date":"2024-10-22"}}"#,
    );
    let fields = &body(&range, 0)["fields"];
    assert_eq!(fields[0]["value"], "Oct 22 2024");
    assert_eq!((fields[0]["optional"].clone(), fields[1]["optional"].clone()), (json!(false), json!(true)));
    let old = preview(
        "4.0",
        r#"{"type":"Form","name":"f","children":[{"type":"DatePicker","name":"d","label":"D","init-value":"1729641600000"}]}"#,
    );
    assert_eq!(body(&old, 0)["value"], "Oct 23 2024");
    let pt = preview_with(
        &screen("7.3", "{}", r#"{"type":"DatePicker","name":"d","label":"D","init-value":"2024-10-23"}"#),
        r#"{"locale":"pt_BR"}"#,
    );
    assert_eq!(pt.tree["body"][0]["value"], "23 out 2024");
}

// M-FC: min-date and max-date bound the date dialog (milliseconds before 5.0); the `now`
// option (spec §7) is the day an empty date field's dialog opens on, kept inside those limits.
#[test]
fn date_limits_bound_the_dialog_and_now_is_where_it_opens() {
    let flow = screen(
        "7.3",
        "{}",
        r#"{"type":"DatePicker","name":"d","label":"D","min-date":"2025-01-01","max-date":"2025-06-30"},
           {"type":"CalendarPicker","name":"c","label":"C","init-value":"2025-03-04"}"#,
    );
    let out = preview_with(&flow, r#"{"now":"2026-12-07"}"#);
    let field = body(&out, 0);
    assert_eq!(
        (&field["min"], &field["max"], &field["opens"]),
        (&json!("2025-01-01"), &json!("2025-06-30"), &json!("2025-06-30"))
    );
    assert!(out.html.contains(r#" min="2025-01-01" max="2025-06-30""#), "{}", out.html);
    assert_eq!(body(&out, 1)["opens"], "2025-03-04", "a value opens the dialog on itself");
    let inside = preview_with(&flow, r#"{"now":"2025-02-10"}"#);
    assert_eq!(body(&inside, 0)["opens"], "2025-02-10");
    let clockless = preview_with(&flow, "{}");
    assert_eq!(body(&clockless, 0).get("opens"), None, "without now nothing reads the clock");
    let old = preview(
        "4.0",
        r#"{"type":"Form","name":"f","children":[{"type":"DatePicker","name":"d","label":"D","min-date":"1729641600000"}]}"#,
    );
    assert_eq!(body(&old, 0)["min"], "2024-10-23");
}

// A Portuguese copy of M-UC shows "Gerenciada pela empresa. Saiba mais" and "(opcional)".
#[test]
fn chrome_strings_are_localised() {
    let out = preview_with(
        &screen("7.3", "{}", r#"{"type":"TextInput","name":"a","label":"A"}"#),
        r#"{"locale":"pt_BR"}"#,
    );
    assert_eq!(out.tree["branding"], json!({"text":"Gerenciada pela empresa.","linkText":"Saiba mais"}));
    assert!(out.html.contains("(opcional)"));
    for (locale, text) in
        [("es", "Administrado por la empresa."), ("ar", "تديرها الشركة."), ("xx", "Managed by the business.")]
    {
        let out = preview_with(
            &screen("7.3", "{}", "{\"type\":\"TextBody\",\"text\":\"x\"}"),
            &format!(r#"{{"locale":"{locale}"}}"#),
        );
        assert_eq!(out.tree["branding"]["text"], text, "{locale}");
    }
}

// M-FC: markdown from 5.1 (TextBody with markdown:true, RichText); before, text shows literally.
#[test]
fn markdown_is_gated_by_version_and_flag() {
    let text = r#"{"type":"TextBody","markdown":true,"text":"*it*"}"#;
    let new = preview("5.1", text);
    assert_eq!(
        body(&new, 0)["blocks"],
        json!([{"type":"paragraph","children":[{"type":"italic","children":[{"type":"text","text":"it"}]}]}])
    );
    let plain = preview("7.3", r#"{"type":"TextBody","text":"*it*"}"#);
    assert_eq!(body(&plain, 0)["text"], "*it*");
    let rich =
        preview("7.3", r##"{"type":"RichText","text":["# Head","Body with [link](https://x.example)"]}"##);
    assert!(rich.html.contains("<h2 class=\"wf-heading\">Head</h2>"), "{}", rich.html);
    assert!(rich.html.contains(
        "<a href=\"https://x.example\" target=\"_blank\" rel=\"noopener noreferrer nofollow\">link</a>"
    ));
}

// REF §3.1: label-variant from 7.0, data-source images from 5.0.
#[test]
fn version_gates_change_the_drawing() {
    let input = r#"{"type":"TextInput","name":"a","label":"A","label-variant":"large"}"#;
    assert_eq!(body(&preview("7.0", input), 0)["labelLarge"], true);
    assert_eq!(body(&preview("6.3", input), 0)["labelLarge"], false);
    let png =
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
    let radio = format!(
        r#"{{"type":"RadioButtonsGroup","name":"r","label":"R","data-source":[{{"id":"a","title":"A","image":"{png}"}}]}}"#
    );
    assert!(body(&preview("5.0", &radio), 0)["items"][0]["image"]["dataUrl"]
        .as_str()
        .unwrap()
        .starts_with("data:image/png;base64,"));
    assert!(body(&preview("4.0", &format!(r#"{{"type":"Form","name":"f","children":[{radio}]}}"#)), 0)
        ["items"][0]
        .get("image")
        .is_none());
}

// M-FC: Image alt text is "Image" when none is given; only PNG/JPEG/WebP/GIF bytes show (no SVG).
#[test]
fn images_are_checked_by_their_bytes() {
    let png =
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
    let out = preview(
        "7.3",
        &format!(r#"{{"type":"Image","src":"{png}","width":200,"height":200,"scale-type":"cover"}}"#),
    );
    assert_eq!(body(&out, 0)["src"]["alt"], "Image");
    assert_eq!((body(&out, 0)["width"].clone(), body(&out, 0)["fit"].clone()), (json!(200), json!("cover")));
    assert!(out.html.contains("width=\"200\" height=\"200\""));
    let svg = crate::base64::encode(b"<svg onload=\"alert(1)\"/>");
    let bad = preview("7.3", &format!(r#"{{"type":"Image","src":"{svg}"}}"#));
    assert!(bad.codes.contains(&"preview.image_rejected"));
    assert!(!bad.html.contains("<img") && !bad.html.contains("svg"));
}

#[test]
fn the_entry_screen_and_the_screen_list() {
    let flow = r#"{"version":"7.3","screens":[
        {"id":"B","title":"Second","terminal":true,"layout":{"type":"SingleColumnLayout","children":[
          {"type":"Footer","label":"Done","on-click-action":{"name":"complete","payload":{}}}]}},
        {"id":"A","title":"First","data":{"who":{"type":"string","__example__":"Ana"}},"layout":{"type":"SingleColumnLayout","children":[
          {"type":"TextBody","text":"Hi ${data.who}"},
          {"type":"Footer","label":"Next","on-click-action":{"name":"navigate","next":{"type":"screen","name":"B"},"payload":{"x":"${data.who}"}}}]}}]}"#;
    let out = preview_with(flow, "{}");
    assert_eq!(out.tree["screen"]["id"], "A");
    assert_eq!(out.tree["body"][0]["text"], "Hi Ana");
    assert_eq!(out.tree["footer"]["action"], json!({"kind":"navigate","next":"B","payload":{"x":"Ana"}}));
    assert_eq!(
        out.screens,
        json!([{"id":"B","title":"Second","terminal":true,"entry":false,"next":[]},
               {"id":"A","title":"First","terminal":false,"entry":true,"next":["B"]}])
    );
    let second = preview_with(flow, r#"{"screen":"B"}"#);
    assert_eq!(second.tree["screen"]["back"], "back");
    let missing = preview_with(flow, r#"{"screen":"Z"}"#);
    assert_eq!(missing.tree["screen"]["id"], "A");
    assert_eq!(missing.codes.last(), Some(&"preview.flow_screen_missing"));
    let data = preview_with(flow, r#"{"data":{"who":"<b>Bo</b>"}}"#);
    assert!(data.html.contains("Hi &lt;b&gt;Bo&lt;/b&gt;"));
}

// The Flow's own findings come first, then the preview's.
#[test]
fn validation_findings_come_before_the_previews() {
    let out = preview("7.3", r#"{"type":"TextBody","text":"${data.nothing}"},{"type":"Blink","text":"x"}"#);
    let first_preview = out.codes.iter().position(|c| c.starts_with("preview.")).unwrap();
    assert!(first_preview > 0, "{:?}", out.codes);
    assert!(out.codes[..first_preview].iter().all(|c| !c.starts_with("preview.")), "{:?}", out.codes);
    assert!(
        out.codes.contains(&"preview.flow_unknown_component")
            && out.codes.contains(&"preview.flow_data_unresolved")
    );
    assert!(out.html.contains("wf-error-node"));
}

#[test]
fn navigation_lists_and_links() {
    let out = preview(
        "7.3",
        r#"{"type":"NavigationList","name":"n","list-items":[
            {"id":"1","main-content":{"title":"Basic","metadata":"Good"},"end":{"title":"$100","description":"/ month"},"badge":"New","tags":["a"],
             "on-click-action":{"name":"data_exchange","payload":{"plan":"1"}}},
            {"id":"2","main-content":{"title":"Pro"},"on-click-action":{"name":"data_exchange","payload":{}}}]},
           {"type":"EmbeddedLink","text":"Terms","on-click-action":{"name":"open_url","url":"javascript:alert(1)"}}"#,
    );
    let items = &body(&out, 0)["items"];
    assert_eq!(items[0]["end"], json!({"title":"$100","description":"/ month"}));
    assert_eq!(items[0]["action"], json!({"kind":"data_exchange","payload":{"plan":"1"}}));
    assert!(out.html.contains("wf-chevron"), "a row without `end` gets a chevron");
    assert_eq!(body(&out, 1)["action"], json!({"kind":"open_url"}));
    assert!(out.codes.contains(&"preview.link_unsafe"));
    assert!(!out.html.contains("javascript"));
}

/// Every corpus Flow: every screen renders (no panic), has its id in the tree and the
/// screen list, draws no unknown component, and its HTML holds no inline style,
/// script or event handler.
#[test]
fn every_corpus_flow_renders_every_screen() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/corpus/flows");
    let mut screens = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let ids: Vec<String> = serde_json::from_str::<Value>(&text).unwrap()["screens"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["id"].as_str().unwrap().to_owned())
            .collect();
        for id in &ids {
            for opts in [
                format!(r#"{{"screen":"{id}"}}"#),
                format!(r#"{{"screen":"{id}","theme":"dark","direction":"rtl","locale":"ar"}}"#),
            ] {
                let out = preview_with(&text, &opts);
                let name = path.display();
                assert_eq!(out.tree["screen"]["id"], id.as_str(), "{name}");
                assert_eq!(out.screens.as_array().unwrap().len(), ids.len(), "{name}");
                assert!(!out.codes.contains(&"preview.flow_unknown_component"), "{name}: {:?}", out.codes);
                assert!(
                    !out.codes.contains(&"preview.flow_expression_error"),
                    "{name} {id}: {:?}",
                    out.codes
                );
                for banned in [" style=", "<script", " onload", " onclick", "javascript:"] {
                    assert!(!out.html.contains(banned), "{name}: {banned}");
                }
                screens += 1;
            }
        }
    }
    assert!(screens >= 2 * 60, "{screens}");
}

// M-FJ (6.0): options and components carry their on-select / on-unselect actions, payloads resolved.
#[test]
fn selection_actions_are_in_the_tree() {
    let out = preview(
        "7.3",
        r#"{"type":"RadioButtonsGroup","name":"r","label":"R","on-select-action":{"name":"data_exchange","payload":{"r":"${form.r}"}},
            "data-source":[{"id":"a","title":"A","on-select-action":{"name":"update_data","payload":{"x":true}},
                            "on-unselect-action":{"name":"update_data","payload":{"x":false}}}]}"#,
    );
    let group = body(&out, 0);
    assert_eq!(group["onSelect"], json!({"kind":"data_exchange","payload":{"r":""}}));
    assert_eq!(group["items"][0]["onSelect"], json!({"kind":"update_data","payload":{"x":true}}));
    assert_eq!(group["items"][0]["onUnselect"], json!({"kind":"update_data","payload":{"x":false}}));
}

// M-FC: NavigationList texts over their limits are cut, items over the limit (20) not drawn.
#[test]
fn navigation_lists_cut_what_whatsapp_cuts() {
    let item = |i: usize| {
        format!(
            r#"{{"id":"{i}","main-content":{{"title":"A title that is longer than thirty characters","description":"short"}},
                "on-click-action":{{"name":"data_exchange","payload":{{}}}}}}"#
        )
    };
    let items: Vec<String> = (0..21).map(item).collect();
    let out = preview(
        "7.3",
        &format!(r#"{{"type":"NavigationList","name":"n","list-items":[{}]}}"#, items.join(",")),
    );
    let drawn = body(&out, 0)["items"].as_array().unwrap();
    assert_eq!(drawn.len(), 20);
    assert_eq!(drawn[0]["title"], "A title that is longer than th…");
    assert_eq!(drawn[0]["description"], "short");
    assert!(out.codes.contains(&"preview.flow_truncated"), "{:?}", out.codes);
    let within = preview(
        "7.3",
        &format!(
            r#"{{"type":"NavigationList","name":"n","list-items":[{}]}}"#,
            item(1).replace("A title that is longer than thirty characters", "Short")
        ),
    );
    assert!(!within.codes.contains(&"preview.flow_truncated"));
}
