//! Just enough DER to tell RSA private-key formats apart, wrap PKCS#1 in
//! PKCS#8 (what WebCrypto imports) and read PBES2 parameters.

/// `rsaEncryption` (1.2.840.113549.1.1.1).
const RSA_ENCRYPTION: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];
const PBES2: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05, 0x0d];
const PBKDF2: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05, 0x0c];
const HMAC_SHA: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02];
const AES_CBC: &[u8] = &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x01];
const DES_EDE3_CBC: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x03, 0x07];

const SEQUENCE: u8 = 0x30;
const INTEGER: u8 = 0x02;
const OCTET_STRING: u8 = 0x04;
const OID: u8 = 0x06;

/// A cursor over DER elements.
pub struct Reader<'a>(pub &'a [u8]);

impl<'a> Reader<'a> {
    /// The next element's tag and contents.
    pub fn element(&mut self) -> Option<(u8, &'a [u8])> {
        let (&tag, rest) = self.0.split_first()?;
        let (&first, mut rest) = rest.split_first()?;
        let length = if first < 0x80 {
            usize::from(first)
        } else {
            let count = usize::from(first & 0x7f);
            if count == 0 || count > 4 {
                return None;
            }
            let (bytes, after) = (rest.get(..count)?, rest.get(count..)?);
            rest = after;
            bytes.iter().fold(0usize, |length, &byte| length << 8 | usize::from(byte))
        };
        let (contents, after) = (rest.get(..length)?, rest.get(length..)?);
        self.0 = after;
        Some((tag, contents))
    }

    /// The next element's contents when its tag is `tag`.
    pub fn expect(&mut self, tag: u8) -> Option<&'a [u8]> {
        self.element().filter(|(found, _)| *found == tag).map(|(_, contents)| contents)
    }
}

/// What a private key's DER is.
#[derive(Debug, PartialEq, Eq)]
pub enum KeyDer {
    /// PKCS#8 `PrivateKeyInfo` of an RSA key: import as is.
    Pkcs8,
    /// PKCS#1 `RSAPrivateKey`: wrap with [`pkcs1_to_pkcs8`].
    Pkcs1,
}

/// Tells PKCS#8 from PKCS#1 (an RSA key either way), or `None`.
pub fn classify(der: &[u8]) -> Option<KeyDer> {
    let mut outer = Reader(Reader(der).expect(SEQUENCE)?);
    let version = outer.expect(INTEGER)?;
    match outer.element()? {
        (SEQUENCE, algorithm) if version == [0] => {
            (Reader(algorithm).expect(OID)? == RSA_ENCRYPTION).then_some(KeyDer::Pkcs8)
        }
        (INTEGER, _modulus) => Some(KeyDer::Pkcs1),
        _ => None,
    }
}

/// Wraps a PKCS#1 `RSAPrivateKey` in a PKCS#8 `PrivateKeyInfo`. The key is
/// copied once, into an output sized up front: intermediate buffers that
/// held it would be freed without being zeroed.
pub fn pkcs1_to_pkcs8(pkcs1: &[u8]) -> Vec<u8> {
    let mut algorithm = element(OID, RSA_ENCRYPTION);
    algorithm.extend_from_slice(&[0x05, 0x00]);
    let mut prefix = vec![INTEGER, 1, 0];
    prefix.extend(element(SEQUENCE, &algorithm));
    prefix.extend(header(OCTET_STRING, pkcs1.len()));
    let outer = header(SEQUENCE, prefix.len() + pkcs1.len());
    let mut out = Vec::with_capacity(outer.len() + prefix.len() + pkcs1.len());
    out.extend(outer);
    out.extend(prefix);
    out.extend_from_slice(pkcs1);
    out
}

/// A DER tag and length.
fn header(tag: u8, length: usize) -> Vec<u8> {
    let mut out = vec![tag];
    if length < 0x80 {
        out.push(length as u8);
    } else {
        let bytes = length.to_be_bytes();
        let skip = bytes.iter().take_while(|&&byte| byte == 0).count();
        let significant = bytes.get(skip..).unwrap_or_default();
        out.push(0x80 | significant.len() as u8);
        out.extend_from_slice(significant);
    }
    out
}

fn element(tag: u8, contents: &[u8]) -> Vec<u8> {
    let mut out = header(tag, contents.len());
    out.extend_from_slice(contents);
    out
}

/// The hash PBKDF2 uses (its HMAC PRF).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Prf {
    /// hmacWithSHA1 (the default when absent).
    Sha1,
    /// hmacWithSHA256 (OpenSSL 3's default).
    Sha256,
    /// hmacWithSHA384.
    Sha384,
    /// hmacWithSHA512.
    Sha512,
}

impl Prf {
    /// The WebCrypto hash name.
    pub fn name(self) -> &'static str {
        match self {
            Prf::Sha1 => "SHA-1",
            Prf::Sha256 => "SHA-256",
            Prf::Sha384 => "SHA-384",
            Prf::Sha512 => "SHA-512",
        }
    }
}

/// The cipher a PBES2 key is encrypted with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cipher {
    /// AES-CBC with a 16, 24 or 32-byte key (WebCrypto decrypts it).
    AesCbc(usize),
    /// DES-EDE3-CBC (decrypted here: WebCrypto has no DES).
    DesEde3Cbc,
}

impl Cipher {
    /// Key length in bytes.
    pub fn key_len(self) -> usize {
        match self {
            Cipher::AesCbc(length) => length,
            Cipher::DesEde3Cbc => 24,
        }
    }
}

/// A PKCS#8 `EncryptedPrivateKeyInfo` with PBES2 (PBKDF2 + a CBC cipher).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pbes2 {
    /// PBKDF2 salt.
    pub salt: Vec<u8>,
    /// PBKDF2 iteration count.
    pub iterations: u32,
    /// PBKDF2's PRF.
    pub prf: Prf,
    /// The cipher.
    pub cipher: Cipher,
    /// The cipher's IV.
    pub iv: Vec<u8>,
    /// The encrypted `PrivateKeyInfo`.
    pub data: Vec<u8>,
}

/// Reads an `EncryptedPrivateKeyInfo`: `Err(true)` when it is PBES2 with a
/// KDF or cipher we cannot run (e.g. PKCS#12 PBE, scrypt, DES alone), `Err(false)`
/// when it is not an encrypted key at all.
pub fn pbes2(der: &[u8]) -> Result<Pbes2, bool> {
    let parsed = (|| {
        let mut info = Reader(Reader(der).expect(SEQUENCE)?);
        let mut algorithm = Reader(info.expect(SEQUENCE)?);
        let data = info.expect(OCTET_STRING)?.to_vec();
        Some((algorithm.expect(OID)?, algorithm.expect(SEQUENCE), data))
    })();
    let Some((oid, params, data)) = parsed else { return Err(false) };
    let params = params.filter(|_| oid == PBES2).ok_or(true)?;
    (|| {
        let mut params = Reader(params);
        let mut kdf = Reader(params.expect(SEQUENCE)?);
        let mut scheme = Reader(params.expect(SEQUENCE)?);
        if kdf.expect(OID)? != PBKDF2 {
            return None;
        }
        let mut kdf = Reader(kdf.expect(SEQUENCE)?);
        let salt = kdf.expect(OCTET_STRING)?.to_vec();
        let iterations = kdf.expect(INTEGER)?;
        let iterations = u32::try_from(iterations.iter().fold(0u64, |n, &b| n << 8 | u64::from(b))).ok()?;
        let mut prf = Prf::Sha1;
        while let Some((tag, contents)) = kdf.element() {
            // keyLength (INTEGER) is implied by the cipher; prf is an AlgorithmIdentifier.
            if tag == SEQUENCE {
                prf = match Reader(contents).expect(OID)?.strip_prefix(HMAC_SHA)? {
                    [7] => Prf::Sha1,
                    [9] => Prf::Sha256,
                    [10] => Prf::Sha384,
                    [11] => Prf::Sha512,
                    _ => return None,
                };
            }
        }
        let cipher = match scheme.expect(OID)? {
            oid if oid == DES_EDE3_CBC => Cipher::DesEde3Cbc,
            oid => match oid.strip_prefix(AES_CBC)? {
                [0x02] => Cipher::AesCbc(16),
                [0x16] => Cipher::AesCbc(24),
                [0x2a] => Cipher::AesCbc(32),
                _ => return None,
            },
        };
        let iv = scheme.expect(OCTET_STRING)?.to_vec();
        Some(Pbes2 { salt, iterations, prf, cipher, iv, data })
    })()
    .ok_or(true)
}

/// Removes PKCS#7 padding for `block`-byte blocks; `None` if it is not valid.
pub fn unpad(mut data: Vec<u8>, block: usize) -> Option<Vec<u8>> {
    let pad = usize::from(*data.last()?);
    let start = data.len().checked_sub(pad)?;
    let valid = pad >= 1 && pad <= block && data.get(start..)?.iter().all(|&byte| usize::from(byte) == pad);
    valid.then(|| {
        data.truncate(start);
        data
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_pkcs1_and_classifies_both() {
        // A structurally valid (not mathematically meaningful) RSAPrivateKey: version 0, then INTEGERs.
        let mut body = vec![INTEGER, 1, 0];
        for _ in 0..8 {
            body.extend(element(INTEGER, &[0x55; 130]));
        }
        let pkcs1 = element(SEQUENCE, &body);
        assert_eq!(classify(&pkcs1), Some(KeyDer::Pkcs1));
        let pkcs8 = pkcs1_to_pkcs8(&pkcs1);
        assert_eq!(classify(&pkcs8), Some(KeyDer::Pkcs8));
        let mut inner = Reader(Reader(&pkcs8).expect(SEQUENCE).unwrap());
        inner.element();
        inner.element();
        assert_eq!(inner.expect(OCTET_STRING).unwrap(), pkcs1.as_slice());
        assert_eq!(classify(&[0x30, 0x03, 0x02, 0x01]), None);
        assert_eq!(pbes2(&pkcs8), Err(false), "a plain key is not an encrypted one");
        let mut algorithm = element(OID, RSA_ENCRYPTION);
        algorithm.extend(element(SEQUENCE, &[]));
        let mut info = element(SEQUENCE, &algorithm);
        info.extend(element(OCTET_STRING, &[1, 2, 3]));
        assert_eq!(pbes2(&element(SEQUENCE, &info)), Err(true), "not PBES2: an unsupported scheme");
        assert_eq!(pbes2(b"junk"), Err(false));
    }

    #[test]
    fn unpads_only_valid_padding() {
        assert_eq!(unpad(vec![1, 2, 3, 3, 3], 8), Some(vec![1, 2]));
        assert_eq!(unpad(vec![1, 2, 3, 2, 3], 8), None);
        assert_eq!(unpad(vec![0; 8], 8), None);
        assert_eq!(unpad(vec![9; 9], 8), None);
        assert_eq!(unpad(vec![], 8), None);
    }
}
