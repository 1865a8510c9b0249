// A Worker that runs the shared suite inside workerd and answers with the results.
import * as api from "../../../pkg/workerd.js";
import * as lite from "../../../pkg/lite/workerd.js";
import * as phone from "../../../pkg/phone/workerd.js";
import { runCases } from "../cases.mjs";
import { cases, phoneCases } from "../suite.mjs";
import { cloudCases } from "../cloud-suite.mjs";
import { providerCases } from "../provider-suite.mjs";
import { receiveCases } from "../receive-suite.mjs";

export default {
  async fetch(request) {
    // ?graph=<base URL of the fake Graph API>: the client cases instead;
    // ?bird=…&cirrus=…: the provider clients' cases against those fakes.
    const query = new URL(request.url).searchParams;
    const graph = query.get("graph");
    // ?lite: the shared suite against whatsapp-edge/lite, and what it exports.
    if (query.has("lite")) return Response.json({ results: await runCases(cases, [lite]), exports: Object.keys(lite) });
    // ?phone: the phone cases against whatsapp-edge/phone, and what it exports.
    if (query.has("phone")) return Response.json({ results: await runCases(cases, [phone], phoneCases), exports: Object.keys(phone) });
    // ?receive: the receiving side's cases (webhooks, the handshake).
    if (query.has("receive")) return Response.json(await runCases(receiveCases, [api]));
    if (query.has("bird")) return Response.json(await runCases(providerCases, [api, { bird: query.get("bird"), cirrus: query.get("cirrus") }]));
    return Response.json(await (graph ? runCases(cloudCases, [api, graph]) : runCases(cases, [api])));
  },
};
