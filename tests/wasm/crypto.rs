//! Layer 2: src/wasm/crypto.rs round trips through the engine's WebCrypto
//! (known vectors: FIPS 180-2 for SHA-256, RFC 4231 for HMAC, PBKDF2-SHA256
//! checked against Python's hashlib, OpenSSL for AES-CBC and RSA-OAEP-SHA256),
//! and the failures a tampered input must give.

use super::hex;
use js_sys::Uint8Array;
use wasm_bindgen_test::wasm_bindgen_test;
use whatsapp_edge::wasm::crypto;

/// A 2048-bit RSA key (PKCS#8 DER), made for this test with `openssl genpkey` and `openssl pkcs8 -topk8`.
const RSA_PKCS8: &str = "308204bd020100300d06092a864886f70d0101010500048204a7308204a30201000282010100b48c33348c83a1c1314c18e2d322cf94b45ce53023bfb0cef2ecbc5253a71ce55cd0500c3159956b751710613c40cd8cd3513fda27843e9e5e2bdcb55eefb61ba0a1c223348445ba1c0fee3d2ac7a6420a3367708c3f73c5ccefdbe503dd043992ae6dc9820ccf152964dcd2394e0a75ed044d89bff969699fd42fa70253539433d232faaf1b6e40ddaab223a7167a0f3d7fbc7bda46be07db54cc068e999a465ee07119b761590395a5999d5890cca7bc4cae591e88278e1b683f067f0486a52a79d85b8ad813c7acaac3f15315164d6d200ab6239b4019f6f90799a62809f72762fc9fc68373688bc3c9b6d055795075d4865d0c9e45bce2d6c264dbd5a93d020301000102820100055c6c60d1134f884708756cb6cc3fd1b0915994d65ae8cb1c577f380a97d9b9cdc9b9b6c2f8600172d69e7be4a81ff2608bf713693cfa0705d0d39ae718c3158aed82b03cecf88d102c40ecbc0a759b5c662e5a1f2ffb261271c4dbc603980e85967c58116e83efa2ed05c9903e0afd796e39472fd61e152ed3c41e7769360011cc4e1f055a52f551548c318b4a7a0ee4c124d1848f6abb86f6d854ec02eb79891cad9df6d74b21e4b2cb48a99a1d8c006cacbcf5b3ca7a1a3dd3802de6d1717dfb999cb11acf9121c4cb6081b2f1856f0c24f989c3678ca698721ac3f0ddc924cd0b456d6bc5d2a55222ca78b09a4a8bfc4910b36f128c40c9d10174acc39902818100dc7e2d22924037b3aff02e827658319e1fdab76f67b15673267871160735631627e2541e01773cb1e9a580f01c2180205e6bcd8ed23442e32ea33339a0634666098aca189f4f1fbb2345882c54427cba270848200b77a57acbd284d635b803d97463d36a8f5cea615e20125383e5f76b35bef5044d905667d09e63c1a589a9e302818100d19f47f8ce899c281bdaf0478a32225fe83ac82f425009caaec2a9e6bfb76c89db242ad7de445bd58256ec489d279564a409c4f305743b3e2b227b5b063a33504e4e9d9d555e3dfd19d95fe81c197a376032114bcd4b28f421cc2c91b4e49d663d19fcf1c5119620cfdf29c2159194f36be9c11a0fdb6bde7fa9880a640c4a5f028180080707f9a43d7649b2741a1d61d5a028d39c10e59b6ed768e5d3a8ba5694d900ab7f0ff4efb4b99ef894aff70def224d0b62fd5edfc44b531e158efde01afd2b25d9c9b5cfc6ffaebe7fff8f2d9a261458eb7244c86618be39c176589e280eebd1d2f8957e96b169ce1578d5558dffce056ce85ab9c031852211422c80ac5c650281800b3e2ac30a78d0fa49bc2d64f8e1857c755d29bd772609d0681d22b5b094aaea9de94baef649de4f0e459138b7cd16b326252bfe08cdda1b947eadf50cd974451b5e161009331bca0667e53ff2b9df17373e9834e396e3646ca7a1c052de6c1ebeaa3529d67302055280daa1813ca4ab859f2cef33e885d992294a959c1618ab02818100a2c8339e2b196f112a74ca18c37bdbf3254fb286b3afa010195e85e61e3ab6ec5084025c1bf213e39ebc98afb5be3a7899548b9e0e98fe8987c32345f876e3fa9067a4a772925f2dc07a65c7f1086d97a5097dad5487c05cf2e3b6ce5f0f7727163de4a80d831b9f12471d2286e56e42c08d5e1ad3cec1a84699ff84e96b75b9";
/// "0123456789abcdef" encrypted to that key with RSA-OAEP, SHA-256 and MGF1-SHA-256 (`openssl pkeyutl`).
const RSA_CIPHERTEXT: &str = "496d0b238c54ee236fb127ac51880858b295ed4a157a996317dcfd16b08be8f0ad8b3a403c279d4ed26645ce28ca526a6d45763ab408c0546c5ba7ec66661ca4ef3d2ae28f4fde82749146edae5011bc24e6464508b82cbef2551b0b3bbf60b7ed1a184d0e5e216ed9085cb2f7f8fcb6a254657ee7186cd3889eef252ef8e086552fc925dd5115b8d42c41d9a6d4ba0ba1cb6ee5aa84f1ac49efe6a56d8674b57f27c4ac4ea6c3021f8ac04190948dc9e81e34d83889a8f4242f9f2b31b9881f61a9debd6af8032cba4abeb0caed445624f28a3998e1d6cfdcd5cee3d50de0612ca625d1fce75353bf3a35a6d70d6408589fa7490832e862bcf8fab603e829f5";

#[wasm_bindgen_test]
async fn sha256_and_hmac_match_the_published_vectors() {
    let digest = crypto::sha256(&Uint8Array::from(&b"abc"[..])).await.unwrap();
    assert_eq!(digest, hex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    let data = Uint8Array::from(&b"what do ya want for nothing?"[..]);
    let mac = crypto::hmac_sign(b"Jefe", &data).await.unwrap();
    assert_eq!(mac, hex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
    assert!(crypto::hmac_verify(b"Jefe", &mac, &data).await.unwrap());
    let mut flipped = mac.clone();
    flipped[0] ^= 1;
    assert!(!crypto::hmac_verify(b"Jefe", &flipped, &data).await.unwrap(), "a changed MAC");
    assert!(!crypto::hmac_verify(b"Jeff", &mac, &data).await.unwrap(), "another secret");
}

#[wasm_bindgen_test]
async fn aes_gcm_round_trips_and_refuses_a_tampered_ciphertext() {
    let key = crypto::aes_key("AES-GCM", &[7; 16], &["encrypt", "decrypt"]).await.unwrap();
    let iv = [9u8; 12];
    let plain = "{\"screen\":\"THANKS\",\"data\":{\"é\":\"😀\"}}".as_bytes();
    let sealed = crypto::aes_gcm_encrypt(&key, &iv, plain).await.unwrap();
    assert_eq!(sealed.len(), plain.len() + 16, "the 16-byte tag at the end");
    assert_ne!(&sealed[..plain.len()], plain);
    assert_eq!(crypto::aes_gcm_decrypt(&key, &iv, &sealed).await.unwrap(), plain);
    let mut tampered = sealed.clone();
    *tampered.last_mut().unwrap() ^= 1;
    assert!(crypto::aes_gcm_decrypt(&key, &iv, &tampered).await.is_err(), "a changed tag");
    assert!(crypto::aes_gcm_decrypt(&key, &[8; 12], &sealed).await.is_err(), "another IV");
    assert!(crypto::aes_key("AES-GCM", &[7; 15], &["decrypt"]).await.is_err(), "a 120-bit key");
}

#[wasm_bindgen_test]
async fn aes_cbc_decrypts_an_openssl_ciphertext_in_wasm_and_in_javascript_memory() {
    let key = hex("000102030405060708090a0b0c0d0e0f");
    let iv = hex("101112131415161718191a1b1c1d1e1f");
    let sealed = hex("7178cd362d0083ded9bd6384cd3b5c60345b6ad2dac7a37ba973a6698119e30a");
    let plain = b"Flow media bytes, padded";
    assert_eq!(crypto::aes_cbc_decrypt(&key, &iv, &sealed).await.unwrap(), plain);
    let in_js = crypto::aes_cbc_decrypt_js(&key, &iv, &Uint8Array::from(&sealed[..])).await.unwrap();
    assert_eq!(Uint8Array::new(&in_js).to_vec(), plain);
    let mut other = key.clone();
    other[0] ^= 1;
    // Another key leaves bad PKCS#7 padding (checked with OpenSSL for this key).
    assert!(crypto::aes_cbc_decrypt(&other, &iv, &sealed).await.is_err(), "another key");
    assert!(crypto::aes_cbc_decrypt(&key, &iv, &sealed[..20]).await.is_err(), "not whole blocks");
}

#[wasm_bindgen_test]
async fn pbkdf2_sha256_matches_the_published_vector() {
    let derived = crypto::pbkdf2(b"password", b"salt", 1, "SHA-256", 32).await.unwrap();
    assert_eq!(derived, hex("120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"));
    let twice = crypto::pbkdf2(b"password", b"salt", 2, "SHA-256", 32).await.unwrap();
    assert_eq!(twice, hex("ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43"));
}

#[wasm_bindgen_test]
async fn rsa_oaep_sha256_decrypts_what_openssl_encrypted() {
    let key = crypto::rsa_oaep_key(&hex(RSA_PKCS8)).await.unwrap();
    let ciphertext = hex(RSA_CIPHERTEXT);
    assert_eq!(crypto::rsa_oaep_decrypt(&key, &ciphertext).await.unwrap(), b"0123456789abcdef");
    let mut tampered = ciphertext.clone();
    tampered[10] ^= 1;
    assert!(crypto::rsa_oaep_decrypt(&key, &tampered).await.is_err(), "a changed ciphertext");
    assert!(crypto::rsa_oaep_key(&hex(RSA_PKCS8)[..100]).await.is_err(), "a truncated key");
}
