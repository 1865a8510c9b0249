// Meta's documented Flow endpoint steps (REFERENCE §4), implemented
// independently with node:crypto: the other side of the cross-checks.
import crypto from "node:crypto";

/** What WhatsApp does: wrap a fresh AES-128 key with RSA-OAEP-SHA256, AES-128-GCM with a 16-byte IV. */
export function encryptRequest(publicKey, payload, { aesKey = crypto.randomBytes(16), iv = crypto.randomBytes(16) } = {}) {
  const cipher = crypto.createCipheriv(`aes-${aesKey.length * 8}-gcm`, aesKey, iv);
  const text = typeof payload === "string" ? payload : JSON.stringify(payload);
  const data = Buffer.concat([cipher.update(text, "utf8"), cipher.final(), cipher.getAuthTag()]);
  const wrapped = crypto.publicEncrypt({ key: publicKey, padding: crypto.constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha256" }, aesKey);
  return {
    aesKey,
    iv,
    envelope: { encrypted_flow_data: data.toString("base64"), encrypted_aes_key: wrapped.toString("base64"), initial_vector: iv.toString("base64") },
  };
}

/** What WhatsApp does with the answer: base64, flipped IV, AES-128-GCM with the tag at the end. */
export function decryptResponse(body, aesKey, iv) {
  const data = Buffer.from(body, "base64");
  const flipped = Buffer.from(iv.map((byte) => ~byte & 0xff));
  const decipher = crypto.createDecipheriv("aes-128-gcm", aesKey, flipped);
  decipher.setAuthTag(data.subarray(-16));
  return JSON.parse(Buffer.concat([decipher.update(data.subarray(0, -16)), decipher.final()]).toString("utf8"));
}

/** A Flow media upload as WhatsApp stores it on its CDN, with its encryption_metadata. */
export function encryptMedia(plain) {
  const [encryptionKey, hmacKey, iv] = [crypto.randomBytes(32), crypto.randomBytes(32), crypto.randomBytes(16)];
  const cipher = crypto.createCipheriv("aes-256-cbc", encryptionKey, iv);
  const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
  const mac = crypto.createHmac("sha256", hmacKey).update(Buffer.concat([iv, ciphertext])).digest().subarray(0, 10);
  const file = Buffer.concat([ciphertext, mac]);
  const sha = (bytes) => crypto.createHash("sha256").update(bytes).digest("base64");
  return {
    file,
    metadata: {
      encryption_key: encryptionKey.toString("base64"),
      hmac_key: hmacKey.toString("base64"),
      iv: iv.toString("base64"),
      plaintext_hash: sha(plain),
      encrypted_hash: sha(file),
    },
  };
}

/** A POST Request carrying `envelope`, signed with `appSecret` when given. */
export function post(envelope, appSecret) {
  const body = typeof envelope === "string" ? envelope : JSON.stringify(envelope);
  const headers = { "content-type": "application/json" };
  if (appSecret) headers["x-hub-signature-256"] = "sha256=" + crypto.createHmac("sha256", appSecret).update(body).digest("hex");
  return new Request("https://endpoint.example/flow", { method: "POST", headers, body });
}

/** What Meta sends as `flow_token_signature`: an HS256 JWT over `claims`, signed with `secret`. */
export function jwt(secret, claims, header = { alg: "HS256", typ: "JWT" }) {
  const part = (value) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const signed = `${part(header)}.${part(claims)}`;
  return `${signed}.${crypto.createHmac("sha256", secret).update(signed).digest("base64url")}`;
}
