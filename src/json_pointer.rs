//! JSON Pointers (RFC 6901) naming where in the input a finding is.

use std::fmt::Write;

/// A JSON Pointer built segment by segment; the empty pointer is the root.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JsonPointer(String);

impl JsonPointer {
    /// The root of the document (`""`).
    pub fn root() -> Self {
        Self::default()
    }

    /// The pointer to member `key` of the object this pointer names.
    #[must_use]
    pub fn key(&self, key: &str) -> Self {
        let mut pointer = self.0.clone();
        pointer.reserve(key.len() + 1);
        pointer.push('/');
        for c in key.chars() {
            match c {
                '~' => pointer.push_str("~0"),
                '/' => pointer.push_str("~1"),
                other => pointer.push(other),
            }
        }
        Self(pointer)
    }

    /// The pointer to element `index` of the array this pointer names.
    #[must_use]
    pub fn index(&self, index: usize) -> Self {
        let mut pointer = self.0.clone();
        // Writing to a String cannot fail.
        let _ = write!(pointer, "/{index}");
        Self(pointer)
    }

    /// The pointer as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<JsonPointer> for String {
    fn from(pointer: JsonPointer) -> Self {
        pointer.0
    }
}

impl From<&JsonPointer> for String {
    fn from(pointer: &JsonPointer) -> Self {
        pointer.0.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::JsonPointer;

    #[test]
    fn root_is_empty() {
        assert_eq!(JsonPointer::root().as_str(), "");
    }

    #[test]
    fn keys_and_indexes_nest() {
        let p = JsonPointer::root().key("components").index(2).key("text");
        assert_eq!(p.as_str(), "/components/2/text");
    }

    #[test]
    fn tilde_and_slash_are_escaped() {
        assert_eq!(JsonPointer::root().key("a/b~c").as_str(), "/a~1b~0c");
        assert_eq!(JsonPointer::root().key("").as_str(), "/");
    }
}
