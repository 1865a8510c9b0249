//! Writing JSON string literals: the one escaper every hand-written JSON
//! body and result in the crate uses (no serde_json in the .wasm), and the
//! quoting of values in messages (`crate::text::quoted`).

/// Appends `text` to `out` as a JSON string literal.
pub fn write_string(out: &mut String, text: &str) {
    out.reserve(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // What JSON requires (U+0000-U+001F), and DEL and the C1 controls
            // (U+007F-U+009F), which are valid unescaped but invisible in a message.
            c if c.is_control() => {
                let byte = u32::from(c);
                out.push_str("\\u00");
                out.push(hex_digit(byte >> 4));
                out.push(hex_digit(byte & 15));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// `text` as a JSON string literal.
pub fn string_literal(text: &str) -> String {
    let mut out = String::new();
    write_string(&mut out, text);
    out
}

fn hex_digit(value: u32) -> char {
    char::from_digit(value, 16).unwrap_or('0')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_escape_what_json_requires_and_parse_back() {
        let text = "a\"b\\c\nd\re\tf\u{1}g\u{1f}\u{7f}\u{9f}\u{a0}é€😀";
        let literal = string_literal(text);
        assert_eq!(literal, "\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u001f\\u007f\\u009f\u{a0}é€😀\"");
        let parsed = crate::json::parse(&literal).unwrap();
        assert_eq!(parsed.as_str(), Some(text));
    }
}
