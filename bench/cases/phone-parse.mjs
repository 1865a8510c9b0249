// Full phone parsing on the same inputs: our parsePhones (one call per batch)
// against libphonenumber-js/max parsePhoneNumberFromString + isValid + getType
// per number. Inputs: every region's example mobile number, in E.164 and with
// a digit changed (a mix of valid and invalid numbers, 245 regions).
import { createRequire } from "node:module";
import { parsePhones } from "../../pkg/node.js";
import { parsePhoneNumberFromString } from "libphonenumber-js/max";

const require = createRequire(import.meta.url);
const examples = require("libphonenumber-js/examples.mobile.json");
const metadata = require("libphonenumber-js/metadata.max.json");

const inputs = Object.entries(examples).flatMap(([region, example]) => {
  const code = metadata.countries[region][0];
  return [`+${code}${example}`, `+${code} ${example.slice(0, -1)}9`];
});

export default {
  name: "phone: parse + validate + type (batch)",
  peerName: "libphonenumber-js/max parse + isValid + getType",
  inputs: [inputs],
  peerInputs: [inputs],
  ours: (batch) => parsePhones(batch).filter((r) => r.valid && r.type).length,
  peer: (batch) =>
    batch.filter((input) => {
      const parsed = parsePhoneNumberFromString(input);
      return parsed?.isValid() && parsed.getType();
    }).length,
  perCall: inputs.length,
};
