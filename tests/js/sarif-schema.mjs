// The parts of the SARIF 2.1.0 schema (OASIS, sarif-schema-2.1.0.json,
// errata01) that `whatsapp-edge check --format sarif` emits, transcribed with
// their required properties, enums, minimums and additionalProperties: false,
// plus a validator for the JSON Schema keywords they use. The official schema
// is not vendored (no network here, and it is not ours to copy); set
// SARIF_SCHEMA=/path/to/sarif-schema-2.1.0.json to validate against it too.
const ref = (name) => ({ $ref: `#/definitions/${name}` });
const closed = (properties, required = []) => ({ type: "object", additionalProperties: false, properties, required });

export const sarifSubset = {
  ...closed({
    $schema: { type: "string", format: "uri" },
    version: { type: "string", enum: ["2.1.0"] },
    runs: { type: ["array", "null"], items: ref("run") },
    properties: ref("propertyBag"),
  }, ["version", "runs"]),
  definitions: {
    propertyBag: { type: "object" },
    message: { ...closed({ text: { type: "string" }, id: { type: "string" } }), anyOf: [{ required: ["text"] }, { required: ["id"] }] },
    multiformatMessageString: closed({ text: { type: "string" }, markdown: { type: "string" } }, ["text"]),
    run: closed({
      tool: ref("tool"),
      columnKind: { enum: ["utf16CodeUnits", "unicodeCodePoints"] },
      results: { type: ["array", "null"], items: ref("result") },
      properties: ref("propertyBag"),
    }, ["tool"]),
    tool: closed({ driver: ref("toolComponent"), properties: ref("propertyBag") }, ["driver"]),
    toolComponent: closed({
      name: { type: "string" },
      version: { type: "string" },
      informationUri: { type: "string", format: "uri" },
      rules: { type: "array", uniqueItems: true, items: ref("reportingDescriptor") },
      properties: ref("propertyBag"),
    }, ["name"]),
    reportingDescriptor: closed({
      id: { type: "string" },
      shortDescription: ref("multiformatMessageString"),
      defaultConfiguration: ref("reportingConfiguration"),
      properties: ref("propertyBag"),
    }, ["id"]),
    reportingConfiguration: closed({
      enabled: { type: "boolean" },
      level: { enum: ["none", "note", "warning", "error"] },
      properties: ref("propertyBag"),
    }),
    result: closed({
      ruleId: { type: "string" },
      ruleIndex: { type: "integer", minimum: -1 },
      level: { enum: ["none", "note", "warning", "error"] },
      message: ref("message"),
      locations: { type: "array", items: ref("location") },
      properties: ref("propertyBag"),
    }, ["message"]),
    location: closed({ physicalLocation: ref("physicalLocation"), properties: ref("propertyBag") }),
    physicalLocation: {
      ...closed({ artifactLocation: ref("artifactLocation"), region: ref("region"), properties: ref("propertyBag") }),
      anyOf: [{ required: ["address"] }, { required: ["artifactLocation"] }],
    },
    artifactLocation: closed({ uri: { type: "string", format: "uri-reference" }, uriBaseId: { type: "string" }, properties: ref("propertyBag") }),
    region: closed({
      startLine: { type: "integer", minimum: 1 },
      startColumn: { type: "integer", minimum: 1 },
      endLine: { type: "integer", minimum: 1 },
      endColumn: { type: "integer", minimum: 1 },
      properties: ref("propertyBag"),
    }),
  },
};

/**
 * Checks `value` against `schema` (draft-04 keywords: type, enum, required,
 * properties, additionalProperties, items, uniqueItems, minimum, minItems,
 * anyOf, $ref to #/definitions). Returns the list of violations ("" = none).
 */
export function validate(value, schema, root = schema, at = "") {
  const problems = [];
  if (schema.$ref) {
    const name = schema.$ref.replace("#/definitions/", "");
    return validate(value, root.definitions[name], root, at);
  }
  if (schema.type) {
    const types = [schema.type].flat();
    const actual = value === null ? "null" : Array.isArray(value) ? "array" : Number.isInteger(value) ? "integer" : typeof value;
    const ok = types.some((type) => type === actual || (type === "number" && actual === "integer"));
    if (!ok) return [`${at}: ${actual}, expected ${types.join("|")}`];
  }
  if (schema.enum && !schema.enum.includes(value)) problems.push(`${at}: ${JSON.stringify(value)} not in ${schema.enum.join("|")}`);
  if (schema.minimum !== undefined && typeof value === "number" && value < schema.minimum) problems.push(`${at}: ${value} < ${schema.minimum}`);
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) problems.push(`${at}: fewer than ${schema.minItems} items`);
    if (schema.uniqueItems && new Set(value.map((item) => JSON.stringify(item))).size !== value.length) problems.push(`${at}: items not unique`);
    if (schema.items) value.forEach((item, i) => problems.push(...validate(item, schema.items, root, `${at}/${i}`)));
  } else if (value && typeof value === "object") {
    for (const key of schema.required ?? []) if (!(key in value)) problems.push(`${at}: missing ${key}`);
    for (const [key, item] of Object.entries(value)) {
      const property = schema.properties?.[key];
      if (property) problems.push(...validate(item, property, root, `${at}/${key}`));
      else if (schema.additionalProperties === false) problems.push(`${at}: unexpected property ${key}`);
      else if (typeof schema.additionalProperties === "object") problems.push(...validate(item, schema.additionalProperties, root, `${at}/${key}`));
    }
  }
  if (schema.anyOf && !schema.anyOf.some((option) => validate(value, option, root, at).length === 0)) {
    problems.push(`${at}: matches none of anyOf`);
  }
  return problems;
}
