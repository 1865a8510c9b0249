//! The component table: every Flow component, its properties, their kinds,
//! limits and the version that introduced each (REFERENCE.md §3.4).
//!
//! Generic checks (required, unknown, type, enum, length, version) read this
//! table (in `table`); rules that relate properties or components live in
//! `layout`, `props` and `relations`.

mod table;

use super::version::Version;
pub use table::COMPONENTS;

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
