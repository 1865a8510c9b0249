// A valid Flow JSON of about `bytes` bytes (Flow JSON 7.3, no endpoint):
// a chain of screens, each with declared data, references to it and to the
// previous screen's form, a Form-free set of inputs, an If, a data-source and a
// Footer navigating to the next screen; the last one completes. Deterministic.
// Used by the bench (validateFlow vs JSON.parse) and by tests of large input.
export function generateFlow(bytes = 200 * 1024) {
  const screens = [];
  const screen = (i, last) => ({
    id: `STEP_${letters(i)}`,
    title: `Step ${i + 1}`,
    ...(last ? { terminal: true, success: true } : {}),
    data: {
      greeting: { type: "string", __example__: "Hello" },
      count: { type: "number", __example__: 3 },
      options: {
        type: "array",
        items: { type: "object", properties: { id: { type: "string" }, title: { type: "string" } } },
        __example__: [{ id: "a", title: "A" }],
      },
    },
    layout: {
      type: "SingleColumnLayout",
      children: [
        { type: "TextHeading", text: "${data.greeting}" },
        { type: "TextBody", text: `Please answer question ${i + 1}. Your answers stay private and help us serve you better.` },
        { type: "TextInput", name: "full_name", label: "Your name", "input-type": "text", required: true, "helper-text": "As on your ID" },
        { type: "TextInput", name: "age", label: "Age", "input-type": "number", "min-chars": 1, "max-chars": 3 },
        {
          type: "RadioButtonsGroup",
          name: "choice",
          label: "Pick one",
          "data-source": [
            { id: "yes", title: "Yes", description: "I agree with the terms" },
            { id: "no", title: "No", description: "I do not agree" },
            { id: "later", title: "Later", description: "Ask me again later" },
          ],
        },
        { type: "Dropdown", name: "option", label: "Option", "data-source": "${data.options}" },
        {
          type: "If",
          condition: "${form.age} > 17",
          then: [{ type: "TextCaption", text: "`'Thanks, ' ${form.full_name}`" }],
          else: [{ type: "TextCaption", text: "Ask a parent to help you" }],
        },
        { type: "OptIn", name: "news", label: "Send me news" },
        {
          type: "Footer",
          label: last ? "Done" : "Next",
          "on-click-action": last
            ? { name: "complete", payload: { name: "${form.full_name}", choice: "${form.choice}" } }
            : {
                name: "navigate",
                next: { type: "screen", name: `STEP_${letters(i + 1)}` },
                payload: { greeting: "Welcome back", count: 1, options: [{ id: "a", title: "A" }] },
              },
        },
      ],
    },
  });
  // Screens are alike: size one, then add as many as the target needs.
  const perScreen = JSON.stringify({ screens: [screen(0, false)] }, null, 2).length;
  const count = Math.max(1, Math.round(bytes / perScreen));
  for (let i = 0; i < count; i++) screens.push(screen(i, i === count - 1));
  return JSON.stringify({ version: "7.3", screens }, null, 2);
}

/** Screen ids allow only letters and underscores: 0 → A, 25 → Z, 26 → BA, … */
function letters(n) {
  let out = "";
  do {
    out = String.fromCharCode(65 + (n % 26)) + out;
    n = Math.floor(n / 26);
  } while (n > 0);
  return out;
}
