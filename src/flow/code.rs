//! Stable issue codes for Flow JSON (`flow.*`). Every code is listed with its
//! meaning in docs/issue-codes.md; a test keeps the two in step.

/// `version` is missing, not a string, or not a Flow JSON version Meta knows.
pub const VERSION_INVALID: &str = "flow.version_invalid";
/// A version Meta no longer accepts for new uploads or publishing (warning).
pub const VERSION_FROZEN: &str = "flow.version_frozen";
/// `data_api_version` is not "3.0" or "4.0", or 4.0 with Flow JSON below 7.3.
pub const DATA_API_VERSION_INVALID: &str = "flow.data_api_version_invalid";
/// `data_api_version` without `routing_model` (Meta: MISSING_REQUIRED_PROPERTY).
pub const ROUTING_MODEL_REQUIRED: &str = "flow.routing_model_required";
/// `data_channel_uri` in Flow JSON 3.0 or later (set the endpoint through the Flows API).
pub const DATA_CHANNEL_URI: &str = "flow.data_channel_uri";
/// A component, property, action or value used below the version that introduced it.
pub const FEATURE_VERSION: &str = "flow.feature_version";
/// The Flow JSON is larger than Meta's 10 MB limit.
pub const TOO_LARGE: &str = "flow.too_large";
/// `screens` is empty.
pub const SCREENS_EMPTY: &str = "flow.screens_empty";
/// A screen id with characters other than letters and underscores.
pub const SCREEN_ID_INVALID: &str = "flow.screen_id_invalid";
/// Two screens with the same id.
pub const SCREEN_ID_DUPLICATE: &str = "flow.screen_id_duplicate";
/// A screen named `SUCCESS` (reserved by Meta).
pub const SCREEN_ID_RESERVED: &str = "flow.screen_id_reserved";
/// No screen is `terminal`.
pub const TERMINAL_MISSING: &str = "flow.terminal_missing";
/// A terminal screen without a Footer.
pub const TERMINAL_FOOTER: &str = "flow.terminal_footer";
/// `layout` is not a SingleColumnLayout with children.
pub const LAYOUT_INVALID: &str = "flow.layout_invalid";
/// A screen `data` declaration without a valid type, `items`/`properties` or `__example__`.
pub const DATA_DECLARATION: &str = "flow.data_declaration";
/// A component `type` Meta does not know.
pub const COMPONENT_TYPE_INVALID: &str = "flow.component_type_invalid";
/// A property the component does not have (Meta: INVALID_PROPERTY_KEY).
pub const PROPERTY_UNKNOWN: &str = "flow.property_unknown";
/// A value outside the property's allowed values or format.
pub const VALUE_INVALID: &str = "flow.value_invalid";
/// A text longer than the component's limit.
pub const TEXT_TOO_LONG: &str = "flow.text_too_long";
/// A text longer than Meta documents but within what it has been seen to accept (warning).
pub const TEXT_LONG: &str = "flow.text_long";
/// An empty or (from 6.0) blank string where text is needed.
pub const TEXT_EMPTY: &str = "flow.text_empty";
/// Too few or too many items (options, list items, images, tags).
pub const ITEMS_COUNT: &str = "flow.items_count";
/// Two items of one list with the same `id`.
pub const ITEM_ID_DUPLICATE: &str = "flow.item_id_duplicate";
/// A base64 image larger than the component allows.
pub const IMAGE_TOO_LARGE: &str = "flow.image_too_large";
/// More components of a kind than a screen or Flow allows.
pub const COMPONENT_LIMIT: &str = "flow.component_limit";
/// A component where it may not be (If/Switch children, inputs outside a Form
/// before 4.0, NavigationList with others, RichText with others before 6.3, …).
pub const COMPONENT_NOT_ALLOWED: &str = "flow.component_not_allowed";
/// Two inputs with the same `name` on one screen.
pub const NAME_DUPLICATE: &str = "flow.name_duplicate";
/// A Footer in one branch of an If but not in the other (then also none outside: see `flow.component_limit`).
pub const FOOTER_BRANCHES: &str = "flow.footer_branches";
/// An empty `then` of If or empty `cases` of Switch.
pub const BRANCH_EMPTY: &str = "flow.branch_empty";
/// If nested more than 3 deep.
pub const NESTING_TOO_DEEP: &str = "flow.nesting_too_deep";
/// A minimum above its maximum (selected items, uploads, dates, days).
pub const RANGE_INVALID: &str = "flow.range_invalid";
/// A date not in the format this version and component expect.
pub const DATE_INVALID: &str = "flow.date_invalid";
/// An action this component or screen does not allow.
pub const ACTION_NOT_ALLOWED: &str = "flow.action_not_allowed";
/// A `navigate` to a screen that does not exist, or to the current one.
pub const NAVIGATE_TARGET: &str = "flow.navigate_target";
/// An action payload Meta rejects (update_data keys, open_url payload, picker values).
pub const PAYLOAD_INVALID: &str = "flow.payload_invalid";
/// A `${…}` naming data, a form field or a screen that does not exist.
pub const REFERENCE_UNKNOWN: &str = "flow.reference_unknown";
/// A `${…}` that is not a valid reference.
pub const REFERENCE_MALFORMED: &str = "flow.reference_malformed";
/// A nested (backtick) expression that does not parse.
pub const EXPRESSION_SYNTAX: &str = "flow.expression_syntax";
/// An expression operand of the wrong type, or a condition that is not boolean.
pub const EXPRESSION_TYPE: &str = "flow.expression_type";
/// A routing model entry naming unknown screens, routing to itself or backwards.
pub const ROUTING_INVALID: &str = "flow.routing_invalid";
/// More than 10 branches in the routing model.
pub const ROUTING_BRANCHES: &str = "flow.routing_branches";
/// No entry screen (every screen is the target of a route).
pub const ROUTING_ENTRY: &str = "flow.routing_entry";
/// A route that cannot reach a terminal screen.
pub const ROUTING_DEAD_END: &str = "flow.routing_dead_end";
/// A screen no route or navigation reaches (warning).
pub const SCREEN_UNREACHABLE: &str = "flow.screen_unreachable";
