//! JSON Pointers (RFC 6901) naming where in the input a finding is.

use crate::json::Node;
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
        // One allocation of the right size (escapes aside).
        let mut pointer = Self(String::with_capacity(self.0.len() + 1 + key.len()));
        pointer.0.push_str(&self.0);
        pointer.push_key(key);
        pointer
    }

    /// The pointer to element `index` of the array this pointer names.
    #[must_use]
    pub fn index(&self, index: usize) -> Self {
        let mut pointer = Self(String::with_capacity(self.0.len() + 4));
        pointer.0.push_str(&self.0);
        pointer.push_index(index);
        pointer
    }

    /// Appends member `key` in place (a walk keeps one pointer and
    /// [`truncate`](Self::truncate)s it back on the way up).
    pub fn push_key(&mut self, key: &str) {
        self.0.push('/');
        if key.bytes().any(|b| b == b'~' || b == b'/') {
            self.0.push_str(&key.replace('~', "~0").replace('/', "~1"));
        } else {
            self.0.push_str(key);
        }
    }

    /// Appends element `index` in place.
    pub fn push_index(&mut self, index: usize) {
        // Writing to a String cannot fail.
        let _ = write!(self.0, "/{index}");
    }

    /// The length of the pointer's text, to [`truncate`](Self::truncate) back to.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether this is the root pointer.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Cuts the pointer back to a length [`len`](Self::len) gave.
    pub fn truncate(&mut self, len: usize) {
        self.0.truncate(len);
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

/// The tokens of a JSON Pointer, unescaped (`~1` → `/`, `~0` → `~`).
pub fn tokens(pointer: &str) -> impl Iterator<Item = String> + '_ {
    pointer.split('/').skip(1).map(|token| token.replace("~1", "/").replace("~0", "~"))
}

/// The deepest value on `pointer` that exists in `root` (for a finding about a
/// missing member, its parent).
pub fn deepest<'n>(root: &'n Node<'n>, pointer: &str) -> &'n Node<'n> {
    let mut node = root;
    for token in tokens(pointer) {
        let next = match node.items() {
            Some(items) => token.parse::<usize>().ok().and_then(|index| items.get(index)),
            None => node.get(&token),
        };
        match next {
            Some(child) => node = child,
            None => break,
        }
    }
    node
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
