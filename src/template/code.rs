//! Stable issue codes for template definitions (`template.*`). Every code is
//! listed with its meaning in docs/issue-codes.md; a test keeps the two in step.

/// `name` is not `^[a-z0-9_]+$` or is longer than 512 characters.
pub const NAME_INVALID: &str = "template.name_invalid";
/// `category` is not MARKETING, UTILITY or AUTHENTICATION.
pub const CATEGORY_INVALID: &str = "template.category_invalid";
/// A pre-2023 category (TRANSACTIONAL, OTP, …).
pub const CATEGORY_LEGACY: &str = "template.category_legacy";
/// A language code that is not in Meta's table.
pub const LANGUAGE_INVALID: &str = "template.language_invalid";
/// `parameter_format` is not POSITIONAL or NAMED.
pub const PARAMETER_FORMAT_INVALID: &str = "template.parameter_format_invalid";
/// A component `type` Meta does not know.
pub const COMPONENT_TYPE_INVALID: &str = "template.component_type_invalid";
/// A component that may appear once appears again.
pub const COMPONENT_DUPLICATE: &str = "template.component_duplicate";
/// No BODY component.
pub const BODY_MISSING: &str = "template.body_missing";
/// A component that this category or template kind does not allow.
pub const COMPONENT_NOT_ALLOWED: &str = "template.component_not_allowed";
/// A text longer than Meta's limit for that field.
pub const TEXT_TOO_LONG: &str = "template.text_too_long";
/// A text that is required is empty.
pub const TEXT_EMPTY: &str = "template.text_empty";
/// Characters a field does not allow (newlines or formatting in a header, …).
pub const TEXT_FORMATTING: &str = "template.text_formatting";
/// Mismatched braces or a badly written `{{…}}`.
pub const VARIABLE_MALFORMED: &str = "template.variable_malformed";
/// Positional variables are not 1, 2, 3, … without gaps.
pub const VARIABLE_NOT_SEQUENTIAL: &str = "template.variable_not_sequential";
/// Positional variables first appear out of order.
pub const VARIABLE_ORDER: &str = "template.variable_order";
/// A named variable in a POSITIONAL template, or the reverse.
pub const VARIABLE_FORMAT_MISMATCH: &str = "template.variable_format_mismatch";
/// A variable where the field allows none, or more than it allows.
pub const VARIABLE_NOT_ALLOWED: &str = "template.variable_not_allowed";
/// The text starts or ends with a variable.
pub const VARIABLE_AT_EDGE: &str = "template.variable_at_edge";
/// The text ends with a variable followed only by punctuation.
pub const VARIABLE_NEAR_END: &str = "template.variable_near_end";
/// Too many variables for the amount of text.
pub const VARIABLE_DENSITY: &str = "template.variable_density";
/// Two variables with nothing but spaces between them.
pub const VARIABLES_ADJACENT: &str = "template.variables_adjacent";
/// The same variable used twice in one text.
pub const VARIABLE_REPEATED: &str = "template.variable_repeated";
/// A named variable longer than 20 characters.
pub const VARIABLE_NAME_LONG: &str = "template.variable_name_long";
/// Variables without the example Meta's review needs.
pub const EXAMPLE_MISSING: &str = "template.example_missing";
/// Examples that do not match the variables (count, names or shape).
pub const EXAMPLE_MISMATCH: &str = "template.example_mismatch";
/// An example given for a text without variables.
pub const EXAMPLE_UNUSED: &str = "template.example_unused";
/// HEADER `format` is missing or unknown.
pub const HEADER_FORMAT_INVALID: &str = "template.header_format_invalid";
/// A media header without `example.header_handle`.
pub const HEADER_HANDLE_MISSING: &str = "template.header_handle_missing";
/// A header format only some APIs or categories accept.
pub const HEADER_FORMAT_RESTRICTED: &str = "template.header_format_restricted";
/// BUTTONS without buttons, or more than 10.
pub const BUTTONS_COUNT: &str = "template.buttons_count";
/// More buttons of one type than Meta allows.
pub const BUTTON_TYPE_COUNT: &str = "template.button_type_count";
/// A button `type` Meta does not know.
pub const BUTTON_TYPE_INVALID: &str = "template.button_type_invalid";
/// Quick replies and other buttons interleaved.
pub const BUTTONS_GROUPING: &str = "template.buttons_grouping";
/// A URL button whose url is not http(s), too long, or badly parameterised.
pub const BUTTON_URL_INVALID: &str = "template.button_url_invalid";
/// A phone-number button whose number is not digits with an optional +.
pub const BUTTON_PHONE_INVALID: &str = "template.button_phone_invalid";
/// A FLOW button that names its Flow zero or several ways, or whose fields are invalid.
pub const BUTTON_FLOW_INVALID: &str = "template.button_flow_invalid";
/// A copy-code button without a valid example code.
pub const BUTTON_COPY_CODE_INVALID: &str = "template.button_copy_code_invalid";
/// An authentication template without exactly one OTP button.
pub const OTP_BUTTON_REQUIRED: &str = "template.otp_button_required";
/// An OTP button outside an AUTHENTICATION template.
pub const OTP_NOT_ALLOWED: &str = "template.otp_not_allowed";
/// `otp_type` is not COPY_CODE, ONE_TAP or ZERO_TAP.
pub const OTP_TYPE_INVALID: &str = "template.otp_type_invalid";
/// One-tap / zero-tap without valid `supported_apps`.
pub const OTP_APPS_INVALID: &str = "template.otp_apps_invalid";
/// `package_name` is not an Android package name.
pub const OTP_PACKAGE_NAME_INVALID: &str = "template.otp_package_name_invalid";
/// `signature_hash` is not 11 characters of `[A-Za-z0-9+/=]`.
pub const OTP_SIGNATURE_HASH_INVALID: &str = "template.otp_signature_hash_invalid";
/// Zero-tap without `zero_tap_terms_accepted: true`.
pub const OTP_ZERO_TAP_TERMS: &str = "template.otp_zero_tap_terms";
/// `package_name`/`signature_hash` on the button (Graph ≤ v20 only).
pub const OTP_LEGACY_APP_FIELDS: &str = "template.otp_legacy_app_fields";
/// Authentication body or footer content Meta presets.
pub const AUTH_CONTENT: &str = "template.auth_content";
/// `code_expiration_minutes` outside 1–90.
pub const AUTH_EXPIRATION_RANGE: &str = "template.auth_expiration_range";
/// A feature only MARKETING templates (or MARKETING/UTILITY) may use.
pub const CATEGORY_FEATURE: &str = "template.category_feature";
/// A carousel with fewer than 2 or more than 10 cards.
pub const CAROUSEL_CARD_COUNT: &str = "template.carousel_card_count";
/// A carousel card whose header, body or buttons break the card rules.
pub const CAROUSEL_CARD_INVALID: &str = "template.carousel_card_invalid";
/// Carousel cards whose components differ.
pub const CAROUSEL_CARDS_DIFFER: &str = "template.carousel_cards_differ";
/// A limited-time-offer template that breaks its rules.
pub const LTO_INVALID: &str = "template.lto_invalid";
/// `message_send_ttl_seconds` outside the category's range.
pub const TTL_RANGE: &str = "template.ttl_range";
/// A field an edit cannot change (it is ignored or rejected).
pub const EDIT_IGNORED: &str = "template.edit_ignored";
/// `library_template_body_inputs` / `library_template_button_inputs` without
/// `library_template_name`, or with a value out of its range.
pub const LIBRARY_INPUTS_INVALID: &str = "template.library_inputs_invalid";
/// `optimization_spec` (max price) on a template that is not MARKETING, or empty.
pub const OPTIMIZATION_SPEC_INVALID: &str = "template.optimization_spec_invalid";
/// `bid_spec`, unsupported since 2026-07-31: `optimization_spec` replaced it.
pub const BID_SPEC_RETIRED: &str = "template.bid_spec_retired";
