// Sending a text message through the client to the loopback fake Graph API
// (tests/js/fake-graph.mjs), ours (with its local validation and +E.164
// normalisation) vs whatsapp-api-js 6.3.0 against the same fake in the same
// process (its fetch ponyfill points graph.facebook.com at the fake). The
// ratio is the per-request cost including the HTTP round trip; the target is
// that ours is not slower (>= 1.00x).
import { CloudApiClient } from "../../pkg/node.js";
import { WhatsAppAPI } from "whatsapp-api-js";
import { Text } from "whatsapp-api-js/messages";
import { startFakeGraph, TOKEN, PHONE_ID } from "../../tests/js/fake-graph.mjs";

const fake = await startFakeGraph();
const received = fake.received;
const ours = new CloudApiClient({ accessToken: TOKEN, phoneNumberId: PHONE_ID, baseUrl: fake.baseUrl, retry: { maxRetries: 0 }, timeoutMs: Number(process.env.TIMEOUT_MS ?? 30000) }); // TIMEOUT_MS=0: no per-request abort signal, as whatsapp-api-js
const peer = new WhatsAppAPI({
  token: TOKEN,
  v: "v23.0",
  secure: false,
  ponyfill: { fetch: (url, init) => fetch(String(url).replace("https://graph.facebook.com", fake.baseUrl), init) },
});
const recipients = ["+14155552671", "+442071838750", "+5511987654321", "+919876543210"];

export default {
  name: "client: send a text message (loopback HTTP)",
  peerName: "whatsapp-api-js 6.3.0 sendMessage",
  async: true,
  inputs: recipients,
  ours: async (to) => {
    received.length = 0; // the fake keeps every request; the bench sends many thousands
    const answer = await ours.sendMessage({ messaging_product: "whatsapp", to, type: "text", text: { body: "Your order shipped" } });
    return answer.messages[0].id === "wamid.FAKE";
  },
  peer: async (to) => {
    received.length = 0;
    const answer = await peer.sendMessage(PHONE_ID, to, new Text("Your order shipped"));
    return answer.messages[0].id === "wamid.FAKE";
  },
};

export const close = () => fake.close();
