// What a template's preview must show, worked out from its definition alone
// (for demo.test.mjs): the header (its text with the example's values, or the
// kind of media), the body with its variables filled from the examples (an
// authentication body is Meta's preset text), the footer, the limited-time
// offer, the button labels as WhatsApp shows them (three at most: else two
// and "See all options"), and each carousel card the same way. Text is
// compared with WhatsApp's formatting markers and runs of spaces left out.

/** `text` without formatting markers (* _ ~ `), its white space folded. */
export const plain = (text) => (text ?? "").replace(/[*_~`]/g, "").replace(/\s+/g, " ").trim();

/** `text` with each {{n}} or {{name}} from `example` (positional under `key`, named under `${key}_named_params`); unknown ones stay. */
function fill(text, example, key) {
  const positional = example?.[key];
  // body_text is [[…]], header_text is […]; anything else (a bare string) gives no values.
  const values = !Array.isArray(positional) ? [] : Array.isArray(positional[0]) ? positional[0] : positional;
  const named = Object.fromEntries((example?.[`${key}_named_params`] ?? []).map((p) => [p.param_name, p.example]));
  return text.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (whole, name) => (/^\d+$/.test(name) ? values[Number(name) - 1] : named[name]) ?? whole);
}

/** The label WhatsApp shows on `button` (its text, or Meta's fixed label for the kinds that have one). */
function label(button) {
  const type = String(button.type ?? "").toUpperCase();
  if (type === "COPY_CODE") return "Copy offer code";
  if (type === "OTP") {
    const oneTap = ["ONE_TAP", "ZERO_TAP"].includes(String(button.otp_type ?? "").toUpperCase());
    return oneTap ? button.autofill_text ?? "Autofill" : button.text ?? "Copy code";
  }
  const fallback = { CATALOG: "View catalog", MPM: "View items", VOICE_CALL: "Call" }[type] ?? "";
  return button.text || fallback;
}

/** `{ media, header, body, footer, offer, buttons, cards }` for `components` (a template's, or a card's). */
function shown(components, authentication) {
  const find = (type) => components.find((c) => String(c.type).toUpperCase() === type);
  const header = find("HEADER");
  const format = String(header?.format ?? "").toUpperCase();
  const body = find("BODY");
  const footer = find("FOOTER");
  const offer = find("LIMITED_TIME_OFFER")?.limited_time_offer;
  let buttons = (find("BUTTONS")?.buttons ?? []).map(label);
  if (buttons.length > 3) buttons = [...buttons.slice(0, 2), "See all options"];
  const authBody = body && `*{{1}}* is your verification code.${body.add_security_recommendation ? " For your security, do not share this code." : ""}`;
  const authFooter = footer?.code_expiration_minutes !== undefined ? `This code expires in ${footer.code_expiration_minutes} minutes.` : undefined;
  return {
    media: header && format !== "TEXT" ? format.toLowerCase() : null,
    header: format === "TEXT" ? plain(fill(header.text ?? "", header.example, "header_text")) : null,
    body: body ? plain(authentication ? authBody : fill(body.text ?? "", body.example, "body_text")) : null,
    footer: footer ? plain(authentication ? authFooter : footer.text) || null : null,
    offer: offer ? plain(offer.text) : null,
    buttons: buttons.map(plain),
    cards: (find("CAROUSEL")?.cards ?? []).map((card) => shown(card.components ?? [], false)),
  };
}

/** What the preview of template `definition` shows. */
export function expectedPreview(definition) {
  return shown(definition.components ?? [], String(definition.category).toUpperCase() === "AUTHENTICATION");
}
