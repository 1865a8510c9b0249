// Strict E.164 checking: our parsePhone against libphonenumber-js/max's
// isValidPhoneNumber. Not like for like — the peer also applies per-country
// rules, so "same verdict" counts where the answers differ (shape-valid
// numbers that no country assigns). The ratio tells what a recipient check costs.
import { parsePhone } from "../../pkg/node.js";
import { isValidPhoneNumber } from "libphonenumber-js/max";

const inputs = [
  "+14155552671", "+442071838750", "+5511987654321", "+919876543210", "+4915123456789",
  "+33612345678", "+8613812345678", "+61412345678", "+27821234567", "+5215512345678",
  "+1 415 555 2671", "4155552671", "+0123456789", "+1", "+1234567890123456", "+12ab45",
  "", "+999123456", "+15555555555", "+447911123456",
];

export default {
  name: "phone: strict E.164 check",
  peerName: "libphonenumber-js/max isValidPhoneNumber",
  inputs,
  ours: (input) => parsePhone(input).ok,
  peer: (input) => isValidPhoneNumber(input),
};
