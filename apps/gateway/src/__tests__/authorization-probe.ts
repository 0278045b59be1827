import { randomUUID } from "node:crypto";
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from "graphql";
import type { GraphQLResponse } from "./harness.js";

/** Who calls: no credentials, a citizen holding a portal tracking token, an API key, or a staff session. */
export const PRINCIPALS = [
  "anonymous",
  "logged_out",
  "citizen",
  "integrator",
  "operator",
  "dispatcher",
  "handler",
  "supervisor",
  "callback_agent",
  "qa_inspector",
  "leader",
  "admin",
] as const;

export type Principal = (typeof PRINCIPALS)[number];

/** A root field's expected policy: "public" (every principal) or the principals allowed. */
export type Policy = "public" | Principal[];

export type RootField = { key: string; operation: "query" | "mutation" | "subscription"; field: GraphQLField<unknown, unknown> };

/**
 * What a principal carries: HTTP headers, and the portal access token (the citizen's). Everyone
 * probes with the same real tracking number; only the citizen holds a token that opens it.
 */
export type Credentials = { headers: Record<string, string>; trackingNumber: string; accessToken?: string };

/** Error codes that mean "authorisation refused" (the last: a portal tracking token that opens nothing). */
export const DENIAL_CODES: ReadonlySet<string> = new Set(["UNAUTHENTICATED", "FORBIDDEN", "INTAKE/TRACKING_ACCESS_INVALID"]);

/** Codes that mean the probe itself is wrong (the operation was not even executed). */
const PROBE_FAILURE_CODES: ReadonlySet<string> = new Set(["GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "BAD_REQUEST"]);

/** Every root query, mutation and subscription as `Query.x`, `Mutation.y`, `Subscription.z`, sorted. */
export function rootFieldsOf(schema: GraphQLSchema): RootField[] {
  const roots = [
    ["query", schema.getQueryType()],
    ["mutation", schema.getMutationType()],
    ["subscription", schema.getSubscriptionType()],
  ] as const;
  return roots
    .flatMap(([operation, type]) =>
      type ? Object.values(type.getFields()).map((field) => ({ key: `${type.name}.${field.name}`, operation, field })) : [],
    )
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** A dummy value of an input type: required input fields filled recursively, optional ones left out. */
function dummyValue(type: GraphQLInputType, name: string, credentials: Credentials, depth = 0): unknown {
  if (isNonNullType(type)) {
    return dummyValue(type.ofType, name, credentials, depth);
  }
  if (isListType(type)) {
    return [dummyValue(type.ofType, name, credentials, depth)];
  }
  if (name === "accessToken") {
    return credentials.accessToken ?? "x";
  }
  if (name === "trackingNumber") {
    return credentials.trackingNumber;
  }
  if (isEnumType(type)) {
    return type.getValues()[0]!.name;
  }
  if (isInputObjectType(type)) {
    if (depth > 5) {
      throw new Error(`input type ${type.name} nests too deeply for the authorisation probe`);
    }
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined) {
        value[field.name] = dummyValue(field.type, field.name, credentials, depth + 1);
      }
    }
    return value;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case "ID":
        return randomUUID();
      case "Int":
      case "Float":
        return 1;
      case "Boolean":
        return false;
      case "DateTimeISO":
        return "2026-01-05T00:00:00.000Z";
      case "String":
        return "x";
      default:
        throw new Error(`the authorisation probe has no dummy value for scalar ${type.name}; add one in authorization-probe.ts`);
    }
  }
  throw new Error(`unexpected input type for ${name}`);
}

/**
 * A minimal operation calling one root field: required arguments as variables with dummy values
 * (the citizen's real tracking number and token where the field asks for them), and `__typename`
 * selected from an object result.
 */
export function probeOperation(root: RootField, credentials: Credentials): { query: string; variables: Record<string, unknown> } {
  const required = root.field.args.filter((arg: GraphQLArgument) => isNonNullType(arg.type) && arg.defaultValue === undefined);
  const definitions = required.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(", ");
  const passed = required.map((arg) => `${arg.name}: $${arg.name}`).join(", ");
  const variables = Object.fromEntries(required.map((arg) => [arg.name, dummyValue(arg.type, arg.name, credentials)]));
  const selection = isLeafType(getNamedType(root.field.type)) ? "" : " { __typename }";
  const query = `${root.operation} Probe${definitions ? `(${definitions})` : ""} { ${root.field.name}${passed ? `(${passed})` : ""}${selection} }`;
  return { query, variables };
}

export type Outcome = { allowed: boolean; codes: string[] };

/** Classifies an answer: denied when an error carries a denial code; allowed otherwise (data, or any other error). */
export function classify(key: string, principal: Principal, response: GraphQLResponse): Outcome {
  const codes = (response.errors ?? []).map((error) => String(error.extensions?.code ?? "NO_CODE"));
  const denied = codes.some((code) => DENIAL_CODES.has(code));
  // Without `data` the operation never ran (parse, validation or variable errors): the probe is wrong.
  if (codes.some((code) => PROBE_FAILURE_CODES.has(code)) || (!("data" in response) && !denied)) {
    throw new Error(`the probe of ${key} as ${principal} was not executed: ${JSON.stringify(response.errors)}`);
  }
  return { allowed: !denied, codes };
}

/** The principals a policy allows. */
export function allowedBy(policy: Policy): Set<Principal> {
  return new Set(policy === "public" ? PRINCIPALS : policy);
}

/** Runs `task` over `items` with at most `limit` in flight, keeping the order of results. */
export async function mapConcurrently<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
