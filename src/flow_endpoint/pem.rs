//! Private keys as users have them: PEM (PKCS#8, PKCS#1, or encrypted
//! PKCS#8 with a passphrase), turned into the PKCS#8 DER WebCrypto imports.

use super::code;
use super::der::{self, KeyDer, Pbes2};
use crate::base64;
use crate::Error;

/// Key material (plaintext DER, derived keys, passphrases): zeroed when
/// dropped, so freed memory — which wasm never returns and the allocator
/// hands out again — does not keep it. `Debug` shows only the length.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretBytes(Vec<u8>);

impl SecretBytes {
    /// Takes ownership of `bytes`, to be zeroed on drop.
    pub fn new(bytes: Vec<u8>) -> Self {
        Self(bytes)
    }

    /// The bytes.
    pub fn as_slice(&self) -> &[u8] {
        &self.0
    }
}

impl Drop for SecretBytes {
    fn drop(&mut self) {
        self.0.fill(0);
        // Keeps the zeroing from being dropped as a dead store before the free.
        std::hint::black_box(&self.0);
    }
}

impl std::fmt::Debug for SecretBytes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SecretBytes({} bytes)", self.0.len())
    }
}

/// A private key read from PEM: ready to import, or still encrypted.
#[derive(Clone, Debug)]
pub enum PrivateKey {
    /// PKCS#8 DER of an RSA key.
    Pkcs8(SecretBytes),
    /// An encrypted PKCS#8 key; decrypt with the passphrase, then import.
    Encrypted(Pbes2),
}

/// Reads a PEM private key (or bare base64 DER). Errors never quote the key.
pub fn read(pem: &str) -> Result<PrivateKey, Error> {
    let invalid = |why: &str| Error::new(code::INVALID_PRIVATE_KEY, format!("privateKey: {why}"));
    let (label, headers, body) = match armor(pem) {
        Some(parts) => parts,
        None if !pem.contains("-----") => ("", "", pem),
        None => return Err(invalid("the PEM armor (-----BEGIN …----- / -----END …-----) is incomplete")),
    };
    if headers.contains("ENCRYPTED") {
        return Err(Error::new(
            code::UNSUPPORTED_PRIVATE_KEY,
            "privateKey: legacy encrypted PEM (Proc-Type: 4,ENCRYPTED) is not supported; convert it with \
             `openssl pkcs8 -topk8 -v2 aes-256-cbc -in key.pem -out key8.pem` (or use OpenSSL 3's \
             `openssl genrsa -des3`, which writes BEGIN ENCRYPTED PRIVATE KEY)",
        ));
    }
    // Sized up front: a growing buffer would leave copies of the key in the memory it frees.
    let mut compact = Vec::with_capacity(body.len());
    compact.extend(body.bytes().filter(|b| !b.is_ascii_whitespace()));
    let compact = SecretBytes::new(compact);
    let compact =
        std::str::from_utf8(compact.as_slice()).map_err(|_| invalid("the PEM body is not base64"))?;
    let der = base64::decode(compact).ok_or_else(|| invalid("the PEM body is not base64"))?;
    let der = SecretBytes::new(der);
    let der = der.as_slice();
    if label == "ENCRYPTED PRIVATE KEY" || (label.is_empty() && der::classify(der).is_none()) {
        return match der::pbes2(der) {
            Ok(encrypted) => Ok(PrivateKey::Encrypted(encrypted)),
            Err(true) => Err(Error::new(
                code::UNSUPPORTED_PRIVATE_KEY,
                "privateKey: only PBES2 keys (PBKDF2 with AES-CBC or DES-EDE3-CBC) can be decrypted; \
                 re-encrypt with `openssl pkcs8 -topk8 -v2 aes-256-cbc`",
            )),
            Err(false) => Err(invalid("not an RSA private key (PKCS#8 or PKCS#1)")),
        };
    }
    match der::classify(der) {
        Some(KeyDer::Pkcs8) if label != "RSA PRIVATE KEY" => {
            Ok(PrivateKey::Pkcs8(SecretBytes::new(der.to_vec())))
        }
        Some(KeyDer::Pkcs1) if label != "PRIVATE KEY" => {
            Ok(PrivateKey::Pkcs8(SecretBytes::new(der::pkcs1_to_pkcs8(der))))
        }
        _ => Err(invalid("not an RSA private key (PKCS#8 or PKCS#1)")),
    }
}

/// The label, the header lines (e.g. `Proc-Type`) and the base64 body of the
/// first PEM block.
fn armor(pem: &str) -> Option<(&str, &str, &str)> {
    let after_begin = pem.split_once("-----BEGIN ")?.1;
    let (label, rest) = after_begin.split_once("-----")?;
    let (inside, _) = rest.split_once(&format!("-----END {label}-----"))?;
    // RFC 1421 headers end at the first blank line.
    let (headers, body) = match inside.find(':') {
        Some(_) => {
            inside.split_once("\n\n").or_else(|| inside.split_once("\r\n\r\n")).unwrap_or((inside, ""))
        }
        None => ("", inside),
    };
    Some((label, headers, body))
}

/// DES-EDE3-CBC keys are decrypted here (WebCrypto has no DES): the PBKDF2
/// output is derived by WebCrypto and handed in. Returns the PKCS#8 DER.
pub fn decrypt_des(encrypted: &Pbes2, derived_key: &[u8]) -> Result<SecretBytes, Error> {
    let decrypted =
        super::des::decrypt_ede3_cbc(derived_key, &encrypted.iv, &encrypted.data).map(SecretBytes::new);
    decrypted.filter(|der| der::classify(der.as_slice()) == Some(KeyDer::Pkcs8)).ok_or_else(wrong_passphrase)
}

/// Checks what AES-CBC decryption (WebCrypto, which unpads) gave.
pub fn check_decrypted(der: SecretBytes) -> Result<SecretBytes, Error> {
    match der::classify(der.as_slice()) {
        Some(KeyDer::Pkcs8) => Ok(der),
        _ => Err(wrong_passphrase()),
    }
}

/// The passphrase did not decrypt the key.
pub fn wrong_passphrase() -> Error {
    Error::new(code::WRONG_PASSPHRASE, "privateKey: the passphrase does not decrypt the key")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_bad_inputs_apart_without_quoting_them() {
        let secret_body = "MIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7AgEAAkEA";
        let cases = [
            (format!("-----BEGIN PRIVATE KEY-----\n{secret_body}\n"), code::INVALID_PRIVATE_KEY),
            ("-----BEGIN PRIVATE KEY-----\n!!!\n-----END PRIVATE KEY-----".to_owned(), code::INVALID_PRIVATE_KEY),
            (
                format!(
                    "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: DES-EDE3-CBC,0011\n\n{secret_body}\n-----END RSA PRIVATE KEY-----"
                ),
                code::UNSUPPORTED_PRIVATE_KEY,
            ),
            ("-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----".to_owned(), code::INVALID_PRIVATE_KEY),
        ];
        for (pem, expected) in cases {
            let error = read(&pem).unwrap_err();
            assert_eq!(error.code, expected, "{}", error.message);
            assert!(!error.message.contains(secret_body));
        }
    }

    #[test]
    fn secret_bytes_do_not_print() {
        let secret = SecretBytes::new(b"0123456789".to_vec());
        assert_eq!(format!("{secret:?}"), "SecretBytes(10 bytes)");
        assert_eq!(secret.as_slice(), b"0123456789");
    }
}
