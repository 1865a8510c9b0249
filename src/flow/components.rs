//! The component table: every Flow component, its properties, their kinds,
//! limits and the version that introduced each (REFERENCE.md §3.4).
//!
//! Generic checks (required, unknown, type, enum, length, version) read this
//! table; rules that relate properties or components live in `layout` and
//! `props`.

use super::version::Version;

/// What a property's value must be. Every kind except `Name`, `Children` and
/// `Cases` also accepts a dynamic reference (`"${data.x}"`) or, from 6.0, a
/// nested expression.
#[derive(Clone, Copy, Debug)]
pub enum Kind {
    /// Non-empty text of at most this many characters (0: no limit).
    Text(u32),
    /// Any string.
    Str,
    /// `true` / `false`.
    Bool,
    /// A whole number in this range.
    Int(i64, i64),
    /// Any number.
    Number,
    /// One of these strings.
    Enum(&'static [&'static str]),
    /// An input's name: a static, non-empty string.
    Name,
    /// An array of strings.
    Strings,
    /// TextBody/TextCaption/RichText text: a string, or (markdown, 5.1+) an
    /// array of strings; at most this many characters in all (0: no limit).
    Lines(u32),
    /// A base64 image; the most KB it may have (0: Meta only recommends 300 KB).
    Image(u32),
    /// A base64 image in an option item: 300 KB, from 6.0 100 KB.
    ItemImage,
    /// A `#RRGGBB` colour.
    Color,
    /// An object with these properties.
    Sub(&'static [Prop]),
    /// An array of objects with these properties, with at least / at most this many.
    List(&'static [Prop], usize, usize),
    /// An array of at most this many texts of at most this many characters each.
    TextList(usize, u32),
    /// A date (format depends on version and component).
    Date,
    /// An array of dates.
    Dates,
    /// An array of weekday names.
    Days,
    /// An action object; the names it may have.
    Action(&'static [&'static str]),
    /// An array of option items.
    DataSource,
    /// An array of components.
    Children,
    /// Switch cases: an object whose members are arrays of components.
    Cases,
    /// An object (init-values, error-messages).
    Object,
    /// A string or an object of strings (CalendarPicker range labels, picker error messages).
    TextOrObject(u32),
    /// A boolean or an object of booleans (CalendarPicker `required` in range mode).
    BoolOrObject,
    /// A date or an object of dates (CalendarPicker init-value).
    DateOrObject,
}

/// When a property must be present.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Required {
    /// Optional.
    No,
    /// Always.
    Yes,
    /// From this version (optional before).
    Since(Version),
}

/// One property of a component.
#[derive(Clone, Copy, Debug)]
pub struct Prop {
    /// The JSON key.
    pub name: &'static str,
    /// What its value must be.
    pub kind: Kind,
    /// Whether it must be present.
    pub required: Required,
    /// The first version that has it.
    pub since: Version,
}

/// One component type.
#[derive(Debug)]
pub struct Spec {
    /// The `type` value.
    pub name: &'static str,
    /// The first version that has it.
    pub since: Version,
    /// Whether it collects a value (has a `name` other components can reference).
    pub input: bool,
    /// Its properties, `type` excluded.
    pub props: &'static [Prop],
}

const V0: Version = Version(0, 0);
const V4: Version = Version(4, 0);
const V5: Version = Version(5, 0);
const V51: Version = Version(5, 1);
const V6: Version = Version(6, 0);
const V61: Version = Version(6, 1);
const V62: Version = Version(6, 2);
const V63: Version = Version(6, 3);
const V7: Version = Version(7, 0);
const V71: Version = Version(7, 1);

const fn opt(name: &'static str, kind: Kind) -> Prop {
    Prop { name, kind, required: Required::No, since: V0 }
}
const fn req(name: &'static str, kind: Kind) -> Prop {
    Prop { name, kind, required: Required::Yes, since: V0 }
}
const fn since(name: &'static str, kind: Kind, version: Version) -> Prop {
    Prop { name, kind, required: Required::No, since: version }
}

/// The actions each kind of trigger may use (REFERENCE.md §3.5).
pub const FOOTER_ACTIONS: &[&str] = &["navigate", "complete", "data_exchange"];
/// `on-click-action` of EmbeddedLink and OptIn (`open_url` from 6.0).
pub const LINK_ACTIONS: &[&str] = &["navigate", "data_exchange", "open_url"];
/// `on-select-action` of selection components (`update_data` from 6.0).
pub const SELECT_ACTIONS: &[&str] = &["data_exchange", "update_data"];
/// `on-unselect-action`: only `update_data`.
pub const UNSELECT_ACTIONS: &[&str] = &["update_data"];
/// `on-select-action` of date pickers.
pub const DATE_ACTIONS: &[&str] = &["data_exchange"];
/// `on-click-action` of NavigationList.
pub const LIST_ACTIONS: &[&str] = &["navigate", "data_exchange"];

/// Components allowed in If branches (ChipsSelector from 7.1).
pub const IF_CHILDREN: &[&str] = &[
    "TextHeading",
    "TextSubheading",
    "TextBody",
    "TextCaption",
    "CheckboxGroup",
    "DatePicker",
    "Dropdown",
    "EmbeddedLink",
    "Footer",
    "Image",
    "OptIn",
    "RadioButtonsGroup",
    "Switch",
    "TextArea",
    "TextInput",
    "If",
    "ChipsSelector",
];

/// Allowed values of DocumentPicker `allowed-mime-types`.
pub const MIME_TYPES: &[&str] = &[
    "application/gzip",
    "application/msword",
    "application/pdf",
    "application/vnd.ms-excel",
    "application/vnd.ms-powerpoint",
    "application/vnd.oasis.opendocument.presentation",
    "application/vnd.oasis.opendocument.spreadsheet",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/x-7z-compressed",
    "application/zip",
    "image/avif",
    "image/gif",
    "image/heic",
    "image/heif",
    "image/jpeg",
    "image/png",
    "image/tiff",
    "image/webp",
    "text/plain",
    "video/mp4",
    "video/mpeg",
];

/// An option of CheckboxGroup, RadioButtonsGroup, Dropdown and ChipsSelector.
pub const ITEM: &[Prop] = &[
    req("id", Kind::Str),
    req("title", Kind::Text(30)),
    opt("description", Kind::Text(300)),
    opt("metadata", Kind::Text(20)),
    opt("enabled", Kind::Bool),
    since("image", Kind::ItemImage, V5),
    since("alt-text", Kind::Str, V5),
    since("color", Kind::Color, V5),
    since("on-select-action", Kind::Action(UNSELECT_ACTIONS), V6),
    since("on-unselect-action", Kind::Action(UNSELECT_ACTIONS), V6),
];

/// An item of NavigationList.
pub const NAV_ITEM: &[Prop] = &[
    req("id", Kind::Str),
    req(
        "main-content",
        Kind::Sub(&[
            req("title", Kind::Text(30)),
            opt("description", Kind::Text(20)),
            opt("metadata", Kind::Text(80)),
        ]),
    ),
    opt("start", Kind::Sub(&[req("image", Kind::Image(100)), opt("alt-text", Kind::Str)])),
    opt(
        "end",
        Kind::Sub(&[
            opt("title", Kind::Text(10)),
            opt("description", Kind::Text(10)),
            opt("metadata", Kind::Text(10)),
        ]),
    ),
    opt("badge", Kind::Text(15)),
    opt("tags", Kind::TextList(3, 15)),
    opt("on-click-action", Kind::Action(LIST_ACTIONS)),
];

/// An image of ImageCarousel.
pub const CAROUSEL_IMAGE: &[Prop] = &[req("src", Kind::Image(0)), req("alt-text", Kind::Str)];

const VISIBLE: Prop = opt("visible", Kind::Bool);
const ENABLED: Prop = opt("enabled", Kind::Bool);
const REQUIRED: Prop = opt("required", Kind::Bool);
const NAME: Prop = req("name", Kind::Name);
const MEDIA_SIZE: Prop = since("media-size", Kind::Enum(&["regular", "large"]), V5);
const HELPER: Prop = opt("helper-text", Kind::Text(80));
const LABEL_VARIANT: Prop = since("label-variant", Kind::Enum(&["large"]), V7);

const HEADING: &[Prop] = &[req("text", Kind::Text(80)), VISIBLE];
const FONT_WEIGHT: Kind = Kind::Enum(&["bold", "italic", "bold_italic", "normal"]);
const BODY: &[Prop] = &[
    req("text", Kind::Lines(4096)),
    opt("font-weight", FONT_WEIGHT),
    opt("strikethrough", Kind::Bool),
    VISIBLE,
    since("markdown", Kind::Bool, V51),
];
const CAPTION: &[Prop] = &[
    req("text", Kind::Lines(409)),
    opt("font-weight", FONT_WEIGHT),
    opt("strikethrough", Kind::Bool),
    VISIBLE,
    since("markdown", Kind::Bool, V51),
];
const INPUT_TYPES: Kind = Kind::Enum(&["text", "number", "email", "password", "passcode", "phone"]);

/// Every component Meta documents, in the order of its reference page.
pub const COMPONENTS: &[Spec] = &[
    Spec { name: "TextHeading", since: V0, input: false, props: HEADING },
    Spec { name: "TextSubheading", since: V0, input: false, props: HEADING },
    Spec { name: "TextBody", since: V0, input: false, props: BODY },
    Spec { name: "TextCaption", since: V0, input: false, props: CAPTION },
    Spec { name: "RichText", since: V51, input: false, props: &[req("text", Kind::Lines(0)), VISIBLE] },
    Spec {
        name: "TextInput",
        since: V0,
        input: true,
        props: &[
            req("label", Kind::Text(20)),
            NAME,
            opt("input-type", INPUT_TYPES),
            since("pattern", Kind::Str, V62),
            REQUIRED,
            opt("min-chars", Kind::Int(0, 100_000)),
            opt("max-chars", Kind::Int(1, 100_000)),
            HELPER,
            VISIBLE,
            since("init-value", Kind::Str, V4),
            since("error-message", Kind::Text(30), V4),
            LABEL_VARIANT,
        ],
    },
    Spec {
        name: "TextArea",
        since: V0,
        input: true,
        props: &[
            req("label", Kind::Text(20)),
            NAME,
            REQUIRED,
            opt("max-length", Kind::Int(1, 100_000)),
            HELPER,
            ENABLED,
            VISIBLE,
            since("init-value", Kind::Str, V4),
            since("error-message", Kind::Text(30), V4),
            LABEL_VARIANT,
        ],
    },
    Spec {
        name: "CheckboxGroup",
        since: V0,
        input: true,
        props: &[
            req("data-source", Kind::DataSource),
            NAME,
            Prop { name: "label", kind: Kind::Text(30), required: Required::Since(V4), since: V0 },
            since("description", Kind::Text(300), V4),
            opt("min-selected-items", Kind::Int(0, 20)),
            opt("max-selected-items", Kind::Int(1, 20)),
            ENABLED,
            REQUIRED,
            VISIBLE,
            opt("on-select-action", Kind::Action(SELECT_ACTIONS)),
            since("on-unselect-action", Kind::Action(UNSELECT_ACTIONS), V6),
            since("init-value", Kind::Strings, V4),
            since("error-message", Kind::Text(0), V4),
            MEDIA_SIZE,
        ],
    },
    Spec {
        name: "RadioButtonsGroup",
        since: V0,
        input: true,
        props: &[
            req("data-source", Kind::DataSource),
            NAME,
            Prop { name: "label", kind: Kind::Text(30), required: Required::Since(V4), since: V0 },
            since("description", Kind::Text(300), V4),
            ENABLED,
            REQUIRED,
            VISIBLE,
            opt("on-select-action", Kind::Action(SELECT_ACTIONS)),
            since("on-unselect-action", Kind::Action(UNSELECT_ACTIONS), V6),
            since("init-value", Kind::Str, V4),
            since("error-message", Kind::Text(0), V4),
            MEDIA_SIZE,
        ],
    },
    Spec {
        name: "Dropdown",
        since: V0,
        input: true,
        props: &[
            req("label", Kind::Text(20)),
            req("data-source", Kind::DataSource),
            NAME,
            REQUIRED,
            ENABLED,
            VISIBLE,
            opt("on-select-action", Kind::Action(SELECT_ACTIONS)),
            since("on-unselect-action", Kind::Action(UNSELECT_ACTIONS), V6),
            since("init-value", Kind::Str, V4),
            since("error-message", Kind::Text(0), V4),
        ],
    },
    Spec {
        name: "Footer",
        since: V0,
        input: false,
        props: &[
            req("label", Kind::Text(35)),
            req("on-click-action", Kind::Action(FOOTER_ACTIONS)),
            opt("left-caption", Kind::Text(15)),
            opt("center-caption", Kind::Text(15)),
            opt("right-caption", Kind::Text(15)),
            ENABLED,
        ],
    },
    Spec {
        name: "OptIn",
        since: V0,
        input: true,
        props: &[
            req("label", Kind::Text(120)),
            NAME,
            REQUIRED,
            VISIBLE,
            opt("on-click-action", Kind::Action(LINK_ACTIONS)),
            since("on-select-action", Kind::Action(UNSELECT_ACTIONS), V6),
            since("on-unselect-action", Kind::Action(UNSELECT_ACTIONS), V6),
            since("init-value", Kind::Bool, V4),
        ],
    },
    Spec {
        name: "EmbeddedLink",
        since: V0,
        input: false,
        props: &[req("text", Kind::Text(35)), req("on-click-action", Kind::Action(LINK_ACTIONS)), VISIBLE],
    },
    Spec {
        name: "DatePicker",
        since: V0,
        input: true,
        props: &[
            req("label", Kind::Text(40)),
            NAME,
            opt("min-date", Kind::Date),
            opt("max-date", Kind::Date),
            opt("unavailable-dates", Kind::Dates),
            HELPER,
            REQUIRED,
            ENABLED,
            VISIBLE,
            opt("on-select-action", Kind::Action(DATE_ACTIONS)),
            since("init-value", Kind::Date, V4),
            since("error-message", Kind::Text(80), V4),
        ],
    },
    Spec {
        name: "CalendarPicker",
        since: V61,
        input: true,
        props: &[
            NAME,
            req("label", Kind::TextOrObject(40)),
            opt("title", Kind::Text(80)),
            opt("description", Kind::Text(300)),
            opt("helper-text", Kind::TextOrObject(80)),
            opt("required", Kind::BoolOrObject),
            VISIBLE,
            ENABLED,
            opt("mode", Kind::Enum(&["single", "range"])),
            opt("min-date", Kind::Date),
            opt("max-date", Kind::Date),
            opt("unavailable-dates", Kind::Dates),
            opt("include-days", Kind::Days),
            opt("min-days", Kind::Int(0, 100_000)),
            opt("max-days", Kind::Int(1, 100_000)),
            opt("on-select-action", Kind::Action(DATE_ACTIONS)),
            opt("init-value", Kind::DateOrObject),
            opt("error-message", Kind::TextOrObject(80)),
        ],
    },
    Spec {
        name: "Image",
        since: V0,
        input: false,
        props: &[
            req("src", Kind::Image(0)),
            opt("width", Kind::Int(1, 100_000)),
            opt("height", Kind::Int(1, 100_000)),
            opt("scale-type", Kind::Enum(&["cover", "contain"])),
            opt("aspect-ratio", Kind::Number),
            opt("alt-text", Kind::Str),
            VISIBLE,
        ],
    },
    Spec {
        name: "ImageCarousel",
        since: V71,
        input: false,
        props: &[
            req("images", Kind::List(CAROUSEL_IMAGE, 1, 3)),
            opt("aspect-ratio", Kind::Enum(&["4:3", "16:9"])),
            opt("scale-type", Kind::Enum(&["contain", "cover"])),
            VISIBLE,
        ],
    },
    Spec {
        name: "If",
        since: V4,
        input: false,
        props: &[req("condition", Kind::Str), req("then", Kind::Children), opt("else", Kind::Children)],
    },
    Spec {
        name: "Switch",
        since: V4,
        input: false,
        props: &[req("value", Kind::Str), req("cases", Kind::Cases)],
    },
    Spec {
        name: "NavigationList",
        since: V62,
        input: false,
        props: &[
            NAME,
            req("list-items", Kind::List(NAV_ITEM, 1, 20)),
            opt("label", Kind::Text(80)),
            opt("description", Kind::Text(300)),
            opt("media-size", Kind::Enum(&["regular", "large"])),
            opt("on-click-action", Kind::Action(LIST_ACTIONS)),
            VISIBLE,
        ],
    },
    Spec {
        name: "ChipsSelector",
        since: V63,
        input: true,
        props: &[
            req("data-source", Kind::DataSource),
            NAME,
            req("label", Kind::Text(80)),
            opt("description", Kind::Text(300)),
            opt("min-selected-items", Kind::Int(0, 20)),
            opt("max-selected-items", Kind::Int(1, 20)),
            ENABLED,
            REQUIRED,
            VISIBLE,
            opt("init-value", Kind::Strings),
            opt("error-message", Kind::Text(0)),
            opt("on-select-action", Kind::Action(SELECT_ACTIONS)),
            since("on-unselect-action", Kind::Action(UNSELECT_ACTIONS), V71),
        ],
    },
    Spec {
        name: "PhotoPicker",
        since: V4,
        input: true,
        props: &[
            NAME,
            req("label", Kind::Text(80)),
            opt("description", Kind::Text(300)),
            opt("photo-source", Kind::Enum(&["camera_gallery", "camera", "gallery"])),
            opt("max-file-size-kb", Kind::Int(1, 25_600)),
            opt("min-uploaded-photos", Kind::Int(0, 30)),
            opt("max-uploaded-photos", Kind::Int(1, 30)),
            ENABLED,
            VISIBLE,
            opt("error-message", Kind::TextOrObject(0)),
        ],
    },
    Spec {
        name: "DocumentPicker",
        since: V4,
        input: true,
        props: &[
            NAME,
            req("label", Kind::Text(80)),
            opt("description", Kind::Text(300)),
            opt("max-file-size-kb", Kind::Int(1, 25_600)),
            opt("min-uploaded-documents", Kind::Int(0, 30)),
            opt("max-uploaded-documents", Kind::Int(1, 30)),
            opt("allowed-mime-types", Kind::Strings),
            ENABLED,
            VISIBLE,
            opt("error-message", Kind::TextOrObject(0)),
        ],
    },
    Spec {
        name: "Form",
        since: V0,
        input: false,
        props: &[
            NAME,
            req("children", Kind::Children),
            opt("init-values", Kind::Object),
            opt("error-messages", Kind::Object),
        ],
    },
];

/// The spec of component `name` (exact case, as Meta requires).
pub fn spec(name: &str) -> Option<&'static Spec> {
    COMPONENTS.iter().find(|spec| crate::json::same_text(spec.name, name))
}

/// The names, for messages.
pub fn names() -> String {
    COMPONENTS.iter().map(|spec| spec.name).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_component_fits_the_property_walk() {
        // props::check_fields keeps one slot per property in a fixed array of 24.
        let tables = COMPONENTS.iter().map(|spec| spec.props).chain([ITEM, NAV_ITEM, CAROUSEL_IMAGE]);
        assert!(tables.into_iter().all(|props| props.len() <= 24));
        for component in COMPONENTS {
            let mut names: Vec<_> = component.props.iter().map(|p| p.name).collect();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), component.props.len(), "{} lists a property twice", component.name);
            assert!(spec(component.name).is_some());
        }
    }
}
