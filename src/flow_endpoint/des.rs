//! Triple DES (DES-EDE3-CBC) decryption, for private keys encrypted the way
//! Meta's instructions produce them (`openssl genrsa -des3`): WebCrypto has
//! no DES. Only ever run on the key file, once, so a plain bit-permutation
//! implementation is fast enough and small.

const IP: [u8; 64] = [
    58, 50, 42, 34, 26, 18, 10, 2, 60, 52, 44, 36, 28, 20, 12, 4, 62, 54, 46, 38, 30, 22, 14, 6, 64, 56, 48,
    40, 32, 24, 16, 8, 57, 49, 41, 33, 25, 17, 9, 1, 59, 51, 43, 35, 27, 19, 11, 3, 61, 53, 45, 37, 29, 21,
    13, 5, 63, 55, 47, 39, 31, 23, 15, 7,
];
const FP: [u8; 64] = [
    40, 8, 48, 16, 56, 24, 64, 32, 39, 7, 47, 15, 55, 23, 63, 31, 38, 6, 46, 14, 54, 22, 62, 30, 37, 5, 45,
    13, 53, 21, 61, 29, 36, 4, 44, 12, 52, 20, 60, 28, 35, 3, 43, 11, 51, 19, 59, 27, 34, 2, 42, 10, 50, 18,
    58, 26, 33, 1, 41, 9, 49, 17, 57, 25,
];
const E: [u8; 48] = [
    32, 1, 2, 3, 4, 5, 4, 5, 6, 7, 8, 9, 8, 9, 10, 11, 12, 13, 12, 13, 14, 15, 16, 17, 16, 17, 18, 19, 20,
    21, 20, 21, 22, 23, 24, 25, 24, 25, 26, 27, 28, 29, 28, 29, 30, 31, 32, 1,
];
const P: [u8; 32] = [
    16, 7, 20, 21, 29, 12, 28, 17, 1, 15, 23, 26, 5, 18, 31, 10, 2, 8, 24, 14, 32, 27, 3, 9, 19, 13, 30, 6,
    22, 11, 4, 25,
];
const PC1: [u8; 56] = [
    57, 49, 41, 33, 25, 17, 9, 1, 58, 50, 42, 34, 26, 18, 10, 2, 59, 51, 43, 35, 27, 19, 11, 3, 60, 52, 44,
    36, 63, 55, 47, 39, 31, 23, 15, 7, 62, 54, 46, 38, 30, 22, 14, 6, 61, 53, 45, 37, 29, 21, 13, 5, 28, 20,
    12, 4,
];
const PC2: [u8; 48] = [
    14, 17, 11, 24, 1, 5, 3, 28, 15, 6, 21, 10, 23, 19, 12, 4, 26, 8, 16, 7, 27, 20, 13, 2, 41, 52, 31, 37,
    47, 55, 30, 40, 51, 45, 33, 48, 44, 49, 39, 56, 34, 53, 46, 42, 50, 36, 29, 32,
];
const SHIFTS: [u8; 16] = [1, 1, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 1];
const S: [[u8; 64]; 8] = [
    [
        14, 4, 13, 1, 2, 15, 11, 8, 3, 10, 6, 12, 5, 9, 0, 7, 0, 15, 7, 4, 14, 2, 13, 1, 10, 6, 12, 11, 9, 5,
        3, 8, 4, 1, 14, 8, 13, 6, 2, 11, 15, 12, 9, 7, 3, 10, 5, 0, 15, 12, 8, 2, 4, 9, 1, 7, 5, 11, 3, 14,
        10, 0, 6, 13,
    ],
    [
        15, 1, 8, 14, 6, 11, 3, 4, 9, 7, 2, 13, 12, 0, 5, 10, 3, 13, 4, 7, 15, 2, 8, 14, 12, 0, 1, 10, 6, 9,
        11, 5, 0, 14, 7, 11, 10, 4, 13, 1, 5, 8, 12, 6, 9, 3, 2, 15, 13, 8, 10, 1, 3, 15, 4, 2, 11, 6, 7, 12,
        0, 5, 14, 9,
    ],
    [
        10, 0, 9, 14, 6, 3, 15, 5, 1, 13, 12, 7, 11, 4, 2, 8, 13, 7, 0, 9, 3, 4, 6, 10, 2, 8, 5, 14, 12, 11,
        15, 1, 13, 6, 4, 9, 8, 15, 3, 0, 11, 1, 2, 12, 5, 10, 14, 7, 1, 10, 13, 0, 6, 9, 8, 7, 4, 15, 14, 3,
        11, 5, 2, 12,
    ],
    [
        7, 13, 14, 3, 0, 6, 9, 10, 1, 2, 8, 5, 11, 12, 4, 15, 13, 8, 11, 5, 6, 15, 0, 3, 4, 7, 2, 12, 1, 10,
        14, 9, 10, 6, 9, 0, 12, 11, 7, 13, 15, 1, 3, 14, 5, 2, 8, 4, 3, 15, 0, 6, 10, 1, 13, 8, 9, 4, 5, 11,
        12, 7, 2, 14,
    ],
    [
        2, 12, 4, 1, 7, 10, 11, 6, 8, 5, 3, 15, 13, 0, 14, 9, 14, 11, 2, 12, 4, 7, 13, 1, 5, 0, 15, 10, 3, 9,
        8, 6, 4, 2, 1, 11, 10, 13, 7, 8, 15, 9, 12, 5, 6, 3, 0, 14, 11, 8, 12, 7, 1, 14, 2, 13, 6, 15, 0, 9,
        10, 4, 5, 3,
    ],
    [
        12, 1, 10, 15, 9, 2, 6, 8, 0, 13, 3, 4, 14, 7, 5, 11, 10, 15, 4, 2, 7, 12, 9, 5, 6, 1, 13, 14, 0, 11,
        3, 8, 9, 14, 15, 5, 2, 8, 12, 3, 7, 0, 4, 10, 1, 13, 11, 6, 4, 3, 2, 12, 9, 5, 15, 10, 11, 14, 1, 7,
        6, 0, 8, 13,
    ],
    [
        4, 11, 2, 14, 15, 0, 8, 13, 3, 12, 9, 7, 5, 10, 6, 1, 13, 0, 11, 7, 4, 9, 1, 10, 14, 3, 5, 12, 2, 15,
        8, 6, 1, 4, 11, 13, 12, 3, 7, 14, 10, 15, 6, 8, 0, 5, 9, 2, 6, 11, 13, 8, 1, 4, 10, 7, 9, 5, 0, 15,
        14, 2, 3, 12,
    ],
    [
        13, 2, 8, 4, 6, 15, 11, 1, 10, 9, 3, 14, 5, 0, 12, 7, 1, 15, 13, 8, 10, 3, 7, 4, 12, 5, 6, 11, 0, 14,
        9, 2, 7, 11, 4, 1, 9, 12, 14, 2, 0, 6, 10, 13, 15, 3, 5, 8, 2, 1, 14, 7, 4, 10, 8, 13, 15, 12, 9, 0,
        3, 5, 6, 11,
    ],
];

/// Picks bits of `input` (`width` bits wide) by 1-based position from the most significant.
fn permute(input: u64, width: u32, table: &[u8]) -> u64 {
    table.iter().fold(0, |out, &position| out << 1 | (input >> (width - u32::from(position))) & 1)
}

/// The 16 round keys of one DES key.
fn subkeys(key: u64) -> [u64; 16] {
    let permuted = permute(key, 64, &PC1);
    let (mut c, mut d) = (permuted >> 28, permuted & 0x0fff_ffff);
    let mut keys = [0; 16];
    for (slot, shift) in keys.iter_mut().zip(SHIFTS) {
        let rotate = |half: u64| (half << shift | half >> (28 - shift)) & 0x0fff_ffff;
        (c, d) = (rotate(c), rotate(d));
        *slot = permute(c << 28 | d, 56, &PC2);
    }
    keys
}

fn feistel(right: u64, key: u64) -> u64 {
    let mixed = permute(right, 32, &E) ^ key;
    let substituted = S.iter().enumerate().fold(0, |out, (index, sbox)| {
        let six = (mixed >> (42 - 6 * index)) & 63;
        let row = (six >> 4 & 2) | (six & 1);
        let column = six >> 1 & 15;
        out << 4 | u64::from(sbox.get((row * 16 + column) as usize).copied().unwrap_or(0))
    });
    permute(substituted, 32, &P)
}

/// One DES block with the round keys in the given order (reversed to decrypt).
fn block<'k>(input: u64, keys: impl Iterator<Item = &'k u64>) -> u64 {
    let permuted = permute(input, 64, &IP);
    let (mut left, mut right) = (permuted >> 32, permuted & 0xffff_ffff);
    for key in keys {
        (left, right) = (right, left ^ feistel(right, *key));
    }
    permute(right << 32 | left, 64, &FP)
}

/// DES-EDE3-CBC decryption of `data` (a whole number of 8-byte blocks) with a
/// 24-byte key and 8-byte IV, padding removed; `None` when the lengths or
/// the PKCS#7 padding are wrong (a wrong passphrase, almost always).
pub fn decrypt_ede3_cbc(key: &[u8], iv: &[u8], data: &[u8]) -> Option<Vec<u8>> {
    let word = |bytes: &[u8]| Some(u64::from_be_bytes(bytes.try_into().ok()?));
    let ks: Vec<[u64; 16]> =
        key.chunks_exact(8).map(|part| word(part).map(subkeys)).collect::<Option<_>>()?;
    let [k1, k2, k3] = ks.as_slice() else { return None };
    if key.len() != 24 || data.is_empty() || !data.len().is_multiple_of(8) {
        return None;
    }
    let mut previous = word(iv)?;
    let mut out = Vec::with_capacity(data.len());
    for chunk in data.chunks_exact(8) {
        let cipher = word(chunk)?;
        let plain = block(block(block(cipher, k3.iter().rev()), k2.iter()), k1.iter().rev()) ^ previous;
        out.extend_from_slice(&plain.to_be_bytes());
        previous = cipher;
    }
    super::der::unpad(out, 8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decrypts_the_classic_des_vector() {
        // With three equal keys, EDE3 is single DES: key 133457799BBCDFF1,
        // 0123456789ABCDEF -> 85E813540F0AB405 (the textbook worked example).
        let key = 0x1334_5779_9BBC_DFF1u64;
        let keys = subkeys(key);
        assert_eq!(block(0x0123_4567_89AB_CDEF, keys.iter()), 0x85E8_1354_0F0A_B405);
        assert_eq!(block(0x85E8_1354_0F0A_B405, keys.iter().rev()), 0x0123_4567_89AB_CDEF);
    }

    #[test]
    fn rejects_bad_lengths_and_padding() {
        assert!(decrypt_ede3_cbc(&[0; 24], &[0; 8], &[0; 7]).is_none());
        assert!(decrypt_ede3_cbc(&[0; 16], &[0; 8], &[0; 8]).is_none());
        assert!(decrypt_ede3_cbc(&[0; 24], &[0; 4], &[0; 8]).is_none());
    }
}
