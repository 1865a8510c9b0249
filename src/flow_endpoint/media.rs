//! Flow media (PhotoPicker/DocumentPicker uploads): the encryption metadata
//! a Flow completion carries, and the layout of the CDN file
//! (`AES-256-CBC(plaintext) || first 10 bytes of HMAC-SHA256(hmac_key, iv || ciphertext)`).

use crate::base64;
use crate::json::Node;
use crate::Error;

/// Length of the truncated HMAC at the end of the CDN file.
pub const HMAC_LEN: usize = 10;

/// The decoded `encryption_metadata` of one uploaded file.
#[derive(Debug, PartialEq, Eq)]
pub struct MediaKeys {
    /// AES-256-CBC key (32 bytes).
    pub encryption_key: Vec<u8>,
    /// HMAC-SHA256 key (32 bytes).
    pub hmac_key: Vec<u8>,
    /// AES-CBC IV (16 bytes).
    pub iv: Vec<u8>,
    /// SHA-256 of the decrypted file.
    pub plaintext_hash: Vec<u8>,
    /// SHA-256 of the CDN file as downloaded.
    pub encrypted_hash: Vec<u8>,
}

/// Reads the metadata: the `encryption_metadata` object, or the whole media
/// item of a Flow response (`{ cdn_url, file_name, encryption_metadata }`).
pub fn read_keys(node: &Node<'_>) -> Result<MediaKeys, Error> {
    let metadata = node.get("encryption_metadata").unwrap_or(node);
    let field = |name: &str, length: usize| {
        metadata
            .get(name)
            .and_then(Node::as_str)
            .and_then(base64::decode)
            .filter(|bytes| bytes.len() == length)
            .ok_or_else(|| {
                Error::invalid_argument(format!(
                    "decryptFlowMedia: encryption_metadata.{name} must be base64 of {length} bytes"
                ))
            })
    };
    Ok(MediaKeys {
        encryption_key: field("encryption_key", 32)?,
        hmac_key: field("hmac_key", 32)?,
        iv: field("iv", 16)?,
        plaintext_hash: field("plaintext_hash", 32)?,
        encrypted_hash: field("encrypted_hash", 32)?,
    })
}

/// The ciphertext's length in a CDN file of `file_len` bytes (the rest is
/// the 10-byte HMAC); `None` when it would not be a whole, non-empty number
/// of AES blocks.
pub fn ciphertext_len(file_len: usize) -> Option<usize> {
    file_len.checked_sub(HMAC_LEN).filter(|&cut| cut > 0 && cut.is_multiple_of(16))
}

/// Splits the CDN file into the ciphertext and its 10-byte HMAC; `None` when
/// the ciphertext is not a whole, non-empty number of AES blocks.
pub fn split(cdn_file: &[u8]) -> Option<(&[u8], &[u8])> {
    cdn_file.split_at_checked(ciphertext_len(cdn_file.len())?)
}

/// The error for any failed check (which one failed is not said: it would
/// help no one but an attacker, and the remedy is the same — download again).
pub fn integrity_error(what: &str) -> Error {
    Error::new(super::code::MEDIA_INTEGRITY, format!("decryptFlowMedia: {what} does not match"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_metadata_and_splits_files() {
        let b64 = |n: usize| base64::encode(&vec![7; n]);
        let item = format!(
            r#"{{"cdn_url":"u","encryption_metadata":{{"encryption_key":"{}","hmac_key":"{}","iv":"{}","plaintext_hash":"{}","encrypted_hash":"{}"}}}}"#,
            b64(32),
            b64(32),
            b64(16),
            b64(32),
            b64(32)
        );
        let keys = read_keys(&crate::json::parse(&item).unwrap()).unwrap();
        assert_eq!(keys.iv, vec![7; 16]);
        let short = item.replace(&b64(16), &b64(12));
        assert_eq!(read_keys(&crate::json::parse(&short).unwrap()).unwrap_err().code, "invalid_argument");
        assert_eq!(split(&[0; 42]).map(|(c, t)| (c.len(), t.len())), Some((32, 10)));
        assert_eq!(split(&[0; 41]), None);
        assert_eq!(split(&[0; 10]), None);
    }
}
