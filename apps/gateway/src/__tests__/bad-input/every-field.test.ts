import { readFileSync } from "node:fs";
import { DEMO_API_KEY } from "@civicline/platform";
import { getNamedType, isEnumType, isInputObjectType, isLeafType, isListType, isNonNullType, isScalarType, type GraphQLInputType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGatewaySchema } from "../../schema.js";
import { mapConcurrently, rootFieldsOf, type Policy, type Principal, type RootField } from "../authorization-probe.js";
import { citizenAccessToken } from "../citizen.js";
import { pickSliceIds, startTestGateway, type GraphQLResponse, type TestGateway } from "../harness.js";
import { VALID_UNUSUAL } from "./kit.js";

// Every root query and mutation, called by a principal the authorisation table allows, with every
// argument and input field (optional ones too) set to a bad value of its type: ids that are no UUID,
// numbers, empty text, negative and 32-bit-maximum numbers, SQL/LIKE/tsquery metacharacters. Whatever
// a field refuses, it refuses with a code and a readable message: never INTERNAL_SERVER_ERROR.

type Variant = { name: string; id: () => string; text: string; int: number; float: number };
const META = `${VALID_UNUSUAL.sql} ${VALID_UNUSUAL.like} ${VALID_UNUSUAL.tsquery}`;
const VARIANTS: Variant[] = [
  { name: "ids that are no UUID", id: () => "not-a-uuid", text: "x", int: 1, float: 1 },
  { name: "ids that are numbers", id: () => "42", text: "x", int: 1, float: 1 },
  { name: "empty ids and text", id: () => "", text: "", int: 0, float: 0 },
  { name: "negative numbers", id: () => crypto.randomUUID(), text: "x", int: -1, float: -1.5 },
  { name: "the largest 32-bit numbers", id: () => crypto.randomUUID(), text: "x", int: 2 ** 31 - 1, float: 1e308 },
  { name: "metacharacters in every text", id: () => "' OR 1=1 --", text: META, int: 1, float: 1 },
  { name: "NUL bytes in every id and text", id: () => "\u0000", text: "a\u0000b", int: 1, float: 1 },
];
const STAFF: Partial<Record<Principal, string>> = {
  operator: "operator",
  dispatcher: "dispatcher",
  handler: "handler",
  supervisor: "supervisor",
  callback_agent: "callback",
  qa_inspector: "qa",
  leader: "leader",
  admin: "admin",
};
const SKIP = new Set(["Mutation.logout", "Mutation.login"]);
const LEAK = /\bat .+\.(js|ts):\d+|QueryFailedError|syntax for type|byte sequence|violates|relation "|column "/;

const table = JSON.parse(readFileSync(new URL("../authorization-matrix.json", import.meta.url), "utf8")) as Record<string, Policy>;
const roots = rootFieldsOf(await buildGatewaySchema(null)).filter((root) => root.operation !== "subscription" && !SKIP.has(root.key));

let gateway: TestGateway;
const headers: Partial<Record<Principal, Record<string, string>>> = { anonymous: {}, integrator: { "x-api-key": DEMO_API_KEY } };
let citizen: { trackingNumber: string; accessToken: string };

beforeAll(async () => {
  gateway = await startTestGateway();
  for (const [principal, username] of Object.entries(STAFF)) {
    headers[principal as Principal] = { cookie: await gateway.login(username) };
  }
  const ids = await pickSliceIds(gateway);
  const submitted = await gateway.gql<{ submitRequest: { trackingNumber: string } }>("mutation($i: SubmitRequestInput!) { submitRequest(input: $i) { trackingNumber } }", {
    i: { requestType: "COMPLAINT", categoryId: ids.categoryId, description: "路灯坏了一周。", districtId: ids.districtId, address: "柳泉路1号", citizenName: "吴先生", phone: "13766660015" },
  });
  const trackingNumber = submitted.data!.submitRequest.trackingNumber;
  citizen = { trackingNumber, accessToken: await citizenAccessToken(gateway.url, trackingNumber, "13766660015") };
});
afterAll(() => gateway?.stop());

/** A bad value of an input type for a variant: every field of an input object filled, lists of one. */
function badValue(type: GraphQLInputType, name: string, variant: Variant, depth = 0): unknown {
  if (isNonNullType(type)) {
    return badValue(type.ofType, name, variant, depth);
  }
  if (isListType(type)) {
    return [badValue(type.ofType, name, variant, depth)];
  }
  if (name === "accessToken") {
    return citizen.accessToken;
  }
  if (name === "trackingNumber") {
    return citizen.trackingNumber;
  }
  if (isEnumType(type)) {
    return type.getValues()[0]!.name;
  }
  if (isInputObjectType(type)) {
    return depth > 4 ? {} : Object.fromEntries(Object.values(type.getFields()).map((field) => [field.name, badValue(field.type, field.name, variant, depth + 1)]));
  }
  if (isScalarType(type)) {
    const values: Record<string, unknown> = { ID: variant.id(), Int: variant.int, Float: variant.float, Boolean: false, String: variant.text, DateTimeISO: "2026-01-05T00:00:00.000Z" };
    return values[type.name];
  }
  throw new Error(`no bad value for ${name}`);
}

/** The first principal the table lets call a root field. */
function principalFor(root: RootField): Principal {
  const policy = table[root.key];
  if (!policy || policy === "public") {
    return "anonymous";
  }
  return policy.includes("citizen") ? "anonymous" : policy.find((principal) => headers[principal])!;
}

async function call(root: RootField, variant: Variant): Promise<GraphQLResponse> {
  const args = root.field.args;
  const definitions = args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(", ");
  const passed = args.map((arg) => `${arg.name}: $${arg.name}`).join(", ");
  const selection = isLeafType(getNamedType(root.field.type)) ? "" : " { __typename }";
  const query = `${root.operation}${definitions ? `(${definitions})` : ""} { ${root.field.name}${passed ? `(${passed})` : ""}${selection} }`;
  const variables = Object.fromEntries(args.map((arg) => [arg.name, badValue(arg.type, arg.name, variant)]));
  const response = await fetch(`${gateway.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers[principalFor(root)] },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse;
}

describe("every root field with bad values of every type", () => {
  it.each(VARIANTS.map((variant): [string, Variant] => [variant.name, variant]))("%s: a coded, readable answer, never an internal error", async (_name, variant) => {
    const answers = await mapConcurrently(roots, 6, async (root) => ({ key: root.key, response: await call(root, variant) }));
    const failures = answers.flatMap(({ key, response }) =>
      (response.errors ?? [])
        .filter((error) => !error.extensions?.code || error.extensions.code === "INTERNAL_SERVER_ERROR" || LEAK.test(error.message))
        .map((error) => `${key}: ${String(error.extensions?.code)} ${error.message.slice(0, 120)}`),
    );
    expect(failures).toEqual([]);
  });
});
