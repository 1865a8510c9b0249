//! What WoztellClient's calls resolve to: Woztell's answers (`ok: 1` and the
//! operation's fields, as its API reference documents them). They cross
//! untouched, so these are declarations: Rust never builds one.
#![allow(dead_code)] // declarations only: see above

use tsify::Tsify;

/// Every Woztell answer: `ok: 1` and the operation's fields.
#[derive(Tsify)]
pub struct WoztellAnswer {
    /// 1 (a 2xx answer without it rejects, unless `requireOk: false`).
    #[tsify(type = "1")]
    ok: (),
    /// The operation's fields.
    #[serde(flatten)]
    #[tsify(type = "Record<string, unknown>")]
    fields: (),
}

/// An answer to an update, a delete, a publish.
#[derive(Tsify)]
pub struct WoztellSuccess {
    /// `ok: 1` and the rest.
    #[serde(flatten)]
    answer: WoztellAnswer,
    /// Whether Meta applied it.
    success: bool,
}

/// A media id for a URL (it lasts 30 days).
#[derive(Tsify)]
pub struct WoztellMediaId {
    /// `ok: 1` and the rest.
    #[serde(flatten)]
    answer: WoztellAnswer,
    /// The media id, for sends.
    #[serde(rename = "mediaId")]
    media_id: String,
    /// "image", "audio", "video" or "file".
    #[serde(rename = "fileType")]
    file_type: String,
}

/// A template submitted to Meta.
#[derive(Tsify)]
pub struct WoztellTemplateCreated {
    /// `ok: 1` and the rest.
    #[serde(flatten)]
    answer: WoztellAnswer,
    /// Meta's template id.
    id: String,
    /// Its language.
    language: String,
}

/// A created object (a Flow).
#[derive(Tsify)]
pub struct WoztellCreated {
    /// `ok: 1` and the rest.
    #[serde(flatten)]
    answer: WoztellAnswer,
    /// Its id.
    id: String,
}

/// A Flow JSON upload's outcome.
#[derive(Tsify)]
pub struct WoztellFlowJsonUploaded {
    /// `ok: 1` and the rest.
    #[serde(flatten)]
    answer: WoztellAnswer,
    /// Whether the asset was stored.
    success: bool,
    /// What Meta found in it.
    #[tsify(type = "{ error: string; error_type: string; message: string; [key: string]: unknown }[]")]
    validation_errors: (),
}
