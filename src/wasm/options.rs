//! Options objects as Rust types: one declaration gives the struct, its
//! TypeScript interface (tsify) and its reader, so the `.d.ts`, the keys
//! accepted and the values read cannot drift apart.

use super::object::field;
use crate::Error;
use js_sys::Function;
use wasm_bindgen::{JsCast, JsValue};

/// The JavaScript type of a tsify-declared type, for signatures: the
/// `.d.ts` names the generated interface and no annotation is needed.
pub type Js<T> = <T as tsify::Tsify>::JsType;

/// A credential (token, key, signature) read from an options object:
/// present, not empty, free of anything that could split a header
/// ([`crate::api::auth::check_credential`]). No `Debug`: it never reaches a
/// message.
#[derive(Default)]
pub struct Secret(pub String);

/// An options object being read, with the name of what it configures (a
/// class or a method) for error messages.
pub struct Reader<'a> {
    /// The object the caller passed (`undefined` reads as empty).
    pub value: &'a JsValue,
    /// What it configures, e.g. `CloudApiClient` or `sendTemplate`.
    pub owner: &'static str,
    /// The first misuse found. Fields are read to the end and the first
    /// error kept, rather than returned at once: straight-line readers,
    /// without the clean-up code of an early return after every field
    /// (measured: 2.7 KB of .wasm for the Woztell options alone).
    failed: std::cell::Cell<Option<Error>>,
}

impl Reader<'_> {
    /// `read`'s value, or its default with the error kept (the first one wins).
    pub fn or_default<T: Default>(&self, read: Result<T, Error>) -> T {
        read.unwrap_or_else(|error| {
            self.keep(error);
            T::default()
        })
    }

    /// The first misuse kept, if any.
    #[inline(never)]
    fn finish(self) -> Result<(), Error> {
        self.failed.take().map_or(Ok(()), Err)
    }

    #[inline(never)]
    fn keep(&self, error: Error) {
        let first = self.failed.take().unwrap_or(error);
        self.failed.set(Some(first));
    }

    /// `value[key]`, unless missing, `undefined` or `null`.
    pub fn get(&self, key: &str) -> Option<JsValue> {
        field(self.value, key)
    }

    /// The error for a value of the wrong type.
    pub fn misuse(&self, key: &str, what: &str) -> Error {
        Error::invalid_argument(format!("{}: {key} must be {what}", self.owner))
    }

    /// The error for a required option left out.
    pub fn missing(&self, key: &str) -> Error {
        Error::invalid_argument(format!("{}: {key} is required", self.owner))
    }
}

/// A type an option can have: how it is read from the object.
pub trait OptionValue: Sized {
    /// `reader.value[key]` as this type, or the misuse error its type implies.
    fn read(reader: &Reader<'_>, key: &'static str) -> Result<Self, Error>;
}

/// An options object declared with [`js_options!`].
pub trait Options: tsify::Tsify + Sized {
    /// Its own keys.
    const KEYS: &'static [&'static str];
    /// Its keys and those of the types it extends, as slices.
    fn keys(keys: &mut Vec<&'static [&'static str]>) {
        keys.push(Self::KEYS);
    }
    /// Reads each field from `reader`, keeping the first misuse in it
    /// (unknown keys are checked by [`read`]).
    fn read_fields(reader: &Reader<'_>) -> Self;
}

/// An optional options argument (`undefined` reads as empty) as `T`.
pub fn optional<T: Options>(value: Option<Js<T>>, owner: &'static str) -> Result<T, Error> {
    let value: JsValue = value.map_or(JsValue::UNDEFINED, JsCast::unchecked_into);
    read(&value, owner, true)
}

/// Reads `value` as `T` for `owner`: an object (or `undefined`, when
/// `optional`) with no key `T` does not declare.
pub fn read<T: Options>(value: &JsValue, owner: &'static str, optional: bool) -> Result<T, Error> {
    check_object(value, owner, optional, T::keys)?;
    let reader = Reader { value, owner, failed: None.into() };
    let options = T::read_fields(&reader);
    reader.finish()?;
    Ok(options)
}

/// The checks of [`read`] that do not depend on the type (kept out of its
/// copies, one per options type).
#[inline(never)]
fn check_object(
    value: &JsValue,
    owner: &str,
    optional: bool,
    keys_of: fn(&mut Vec<&'static [&'static str]>),
) -> Result<(), Error> {
    if value.is_undefined() || value.is_null() {
        return match optional {
            true => Ok(()),
            false => Err(Error::invalid_argument(format!("{owner} needs an options object"))),
        };
    }
    if !value.is_object() {
        return Err(Error::invalid_argument(format!("{owner}: its options must be an object")));
    }
    let keys = js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>());
    let mut known = Vec::new();
    keys_of(&mut known);
    let is_known = |key: &String| known.iter().any(|keys| keys.contains(&key.as_str()));
    match keys.iter().filter_map(|k| k.as_string()).find(|key| !is_known(key)) {
        None => Ok(()),
        Some(key) => Err(Error::invalid_argument(format!(
            "{owner}: unknown option {key}; known: {}",
            known.concat().join(", ")
        ))),
    }
}

impl OptionValue for Option<String> {
    #[inline(never)] // one call per field: inlined, each options type repeated every reader
    fn read(reader: &Reader<'_>, key: &'static str) -> Result<Self, Error> {
        match reader.get(key) {
            None => Ok(None),
            Some(value) => value.as_string().map(Some).ok_or_else(|| reader.misuse(key, "a string")),
        }
    }
}

/// A required string: present and not empty.
impl OptionValue for String {
    #[inline(never)] // one call per field: inlined, each options type repeated every reader
    fn read(reader: &Reader<'_>, key: &'static str) -> Result<Self, Error> {
        Option::<String>::read(reader, key)?.filter(|t| !t.is_empty()).ok_or_else(|| reader.missing(key))
    }
}

impl OptionValue for Secret {
    #[inline(never)] // one call per field: inlined, each options type repeated every reader
    fn read(reader: &Reader<'_>, key: &'static str) -> Result<Self, Error> {
        let value = String::read(reader, key)?;
        crate::api::auth::check_credential(reader.owner, key, &value)?;
        Ok(Secret(value))
    }
}

/// An optional credential: empty is absent.
impl OptionValue for Option<Secret> {
    #[inline(never)] // one call per field: inlined, each options type repeated every reader
    fn read(reader: &Reader<'_>, key: &'static str) -> Result<Self, Error> {
        match Option::<String>::read(reader, key)?.filter(|value| !value.is_empty()) {
            None => Ok(None),
            Some(value) => {
                crate::api::auth::check_credential(reader.owner, key, &value)?;
                Ok(Some(Secret(value)))
            }
        }
    }
}

/// A whole number ≥ 0 (counts, milliseconds).
impl OptionValue for Option<u32> {
    #[inline(never)] // one call per field: inlined, each options type repeated every reader
    fn read(reader: &Reader<'_>, key: &'static str) -> Result<Self, Error> {
        match reader.get(key) {
            None => Ok(None),
            Some(value) => value
                .as_f64()
                .filter(|n| n.fract() == 0.0 && *n >= 0.0 && *n <= f64::from(u32::MAX))
                .map(|n| Some(n as u32))
                .ok_or_else(|| reader.misuse(key, "a whole number ≥ 0")),
        }
    }
}

impl OptionValue for Option<bool> {
    #[inline(never)] // one call per field: inlined, each options type repeated every reader
    fn read(reader: &Reader<'_>, key: &'static str) -> Result<Self, Error> {
        match reader.get(key) {
            None => Ok(None),
            Some(value) => value.as_bool().map(Some).ok_or_else(|| reader.misuse(key, "a boolean")),
        }
    }
}

impl OptionValue for Option<Function> {
    #[inline(never)] // one call per field: inlined, each options type repeated every reader
    fn read(reader: &Reader<'_>, key: &'static str) -> Result<Self, Error> {
        match reader.get(key) {
            None => Ok(None),
            Some(value) => value.dyn_into().map(Some).map_err(|_| reader.misuse(key, "a function")),
        }
    }
}

/// Any value, handed on as it is (a document the core reads as JSON, a file).
impl OptionValue for Option<JsValue> {
    #[inline(never)] // one call per field: inlined, each options type repeated every reader
    fn read(reader: &Reader<'_>, key: &'static str) -> Result<Self, Error> {
        Ok(reader.get(key))
    }
}

/// Strings (missing: none).
impl OptionValue for Vec<String> {
    #[inline(never)] // one call per field: inlined, each options type repeated every reader
    fn read(reader: &Reader<'_>, key: &'static str) -> Result<Self, Error> {
        let Some(value) = reader.get(key) else { return Ok(Vec::new()) };
        let misuse = || reader.misuse(key, "an array of strings");
        let items = value.dyn_into::<js_sys::Array>().map_err(|_| misuse())?;
        items.iter().map(|item| item.as_string().ok_or_else(misuse)).collect()
    }
}

/// A nested options object, read (and its keys checked) like the outer one.
impl<T: Options> OptionValue for Option<T> {
    #[inline(never)] // one call per field: inlined, each options type repeated every reader
    fn read(reader: &Reader<'_>, key: &'static str) -> Result<Self, Error> {
        match reader.get(key) {
            None => Ok(None),
            Some(value) if value.is_object() => read(&value, reader.owner, true).map(Some),
            Some(_) => Err(reader.misuse(key, "an object")),
        }
    }
}

/// Declares an options object once: the struct (with `tsify::Tsify`, so the
/// `.d.ts` gets its interface with the doc comments), its JavaScript keys
/// and its reader ([`Options`]). Each field is `name "jsKey": Type`, with
/// its doc comment and tsify attributes (`#[tsify(optional)]` on `Option`s,
/// `#[tsify(type = "…")]` where the Rust type does not say the TypeScript
/// one). `extends Parent via field` flattens another options type in (the
/// interface then `extends` it).
macro_rules! js_options {
    (
        $(#[$meta:meta])*
        pub struct $name:ident $(extends $parent:ident via $via:ident)? {
            $(
                $(#[$field_meta:meta])*
                $field:ident $key:literal : $ty:ty
            ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(tsify::Tsify)]
        pub struct $name {
            $(
                #[doc = concat!("The options of `", stringify!($parent), "`.")]
                #[serde(flatten)]
                pub $via: $parent,
            )?
            $(
                $(#[$field_meta])*
                #[serde(rename = $key)]
                pub $field: $ty,
            )*
        }

        impl $crate::wasm::options::Options for $name {
            const KEYS: &'static [&'static str] = &[$($key),*];

            $(
                fn keys(keys: &mut Vec<&'static [&'static str]>) {
                    keys.push(Self::KEYS);
                    <$parent as $crate::wasm::options::Options>::keys(keys);
                }
            )?

            fn read_fields(reader: &$crate::wasm::options::Reader<'_>) -> Self {
                use $crate::wasm::options::OptionValue;
                Self {
                    $($via: <$parent as $crate::wasm::options::Options>::read_fields(reader),)?
                    $($field: reader.or_default(OptionValue::read(reader, $key)),)*
                }
            }
        }
    };
}
pub(crate) use js_options;

/// An object of strings (`Record<string, string>`), as pairs in its key
/// order (missing: none); an empty value is refused.
impl OptionValue for Vec<(String, String)> {
    #[inline(never)] // one call per field: inlined, each options type repeated every reader
    fn read(reader: &Reader<'_>, key: &'static str) -> Result<Self, Error> {
        let Some(value) = reader.get(key) else { return Ok(Vec::new()) };
        let misuse = || reader.misuse(key, "an object of non-empty strings");
        let entries = js_sys::Object::entries(value.dyn_ref::<js_sys::Object>().ok_or_else(misuse)?);
        entries
            .iter()
            .map(|entry| {
                let pair: js_sys::Array = entry.unchecked_into();
                let (name, to) = (pair.get(0).as_string(), pair.get(1).as_string());
                Ok((name.ok_or_else(misuse)?, to.filter(|t| !t.is_empty()).ok_or_else(misuse)?))
            })
            .collect()
    }
}
