import { readFileSync, writeFileSync } from "node:fs";
import { DEMO_API_KEY } from "@civicline/platform";
import type { Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGatewaySchema } from "../schema.js";
import {
  allowedBy,
  classify,
  mapConcurrently,
  PRINCIPALS,
  probeOperation,
  rootFieldsOf,
  type Credentials,
  type Outcome,
  type Policy,
  type Principal,
  type RootField,
} from "./authorization-probe.js";
import { probeSubscription, watchSubscriptionRegistrations, wsClient } from "./authorization-ws.js";
import { citizenAccessToken } from "./citizen.js";
import { pickSliceIds, startTestGateway, type GraphQLResponse, type TestGateway } from "./harness.js";

/**
 * The authorisation matrix: every root query, mutation and subscription of the schema, called by
 * every principal over real HTTP or WebSocket, against the policy table in
 * authorization-matrix.json. A new root field without a line in the table fails here.
 *
 * Regenerate the table from what the gateway does (then review every changed line by hand):
 *   UPDATE_AUTH_MATRIX=1 npx vitest run src/__tests__/authorization-matrix.test.ts
 */
const TABLE_URL = new URL("./authorization-matrix.json", import.meta.url);
const UPDATE = process.env.UPDATE_AUTH_MATRIX === "1";
const STAFF_LOGINS: ReadonlyArray<[Principal, string]> = [
  ["operator", "operator"],
  ["dispatcher", "dispatcher"],
  ["handler", "handler"],
  ["supervisor", "supervisor"],
  ["callback_agent", "callback"],
  ["qa_inspector", "qa"],
  ["leader", "leader"],
  ["admin", "admin"],
];
/** Root fields that would end the session they are called with: probed after everything else. */
const LAST = new Set(["Mutation.logout"]);
const CITIZEN_PHONE = "13766660014";
const DISAGREE = "the gateway and authorization-matrix.json disagree: fix the field's policy in its resolver or service, or (after review) the table";

const table = JSON.parse(readFileSync(TABLE_URL, "utf8")) as Record<string, Policy>;
const rootFields = rootFieldsOf(await buildGatewaySchema(null));
const observed = new Map<string, Map<Principal, Outcome>>();

let gateway: TestGateway;
const credentials = {} as Record<Principal, Credentials>;

/** A ticket submitted on the portal, and the citizen's tracking access token for it (SMS code verified). */
async function citizenTicket(): Promise<{ trackingNumber: string; accessToken: string }> {
  const ids = await pickSliceIds(gateway);
  const submitted = await gateway.gql<{ submitRequest: { trackingNumber: string } }>(
    "mutation($input: SubmitRequestInput!) { submitRequest(input: $input) { trackingNumber } }",
    {
      input: {
        requestType: "COMPLAINT",
        categoryId: ids.categoryId,
        description: "小区门口的路灯坏了一周，晚上很黑。",
        districtId: ids.districtId,
        townshipId: ids.townshipId,
        address: "张店区柳泉路 1 号",
        citizenName: "吴先生",
        phone: CITIZEN_PHONE,
      },
    },
  );
  expect(submitted.errors).toBeUndefined();
  const trackingNumber = submitted.data!.submitRequest.trackingNumber;
  return { trackingNumber, accessToken: await citizenAccessToken(gateway.url, trackingNumber, CITIZEN_PHONE) };
}

beforeAll(async () => {
  gateway = await startTestGateway();
  const { trackingNumber, accessToken } = await citizenTicket();
  credentials.anonymous = { headers: {}, trackingNumber };
  credentials.citizen = { headers: {}, trackingNumber, accessToken };
  credentials.integrator = { headers: { "x-api-key": DEMO_API_KEY }, trackingNumber };
  for (const [principal, username] of STAFF_LOGINS) {
    credentials[principal] = { headers: { cookie: await gateway.login(username) }, trackingNumber };
  }
  const stale = await gateway.login("operator");
  expect((await gateway.gql<{ logout: boolean }>("mutation { logout }", undefined, stale)).errors).toBeUndefined();
  credentials.logged_out = { headers: { cookie: stale }, trackingNumber };
}, 60_000);

afterAll(async () => {
  if (UPDATE && observed.size === rootFields.length) {
    writeFileSync(TABLE_URL, `${JSON.stringify(observedTable(), null, 2)}\n`);
    console.info(`authorization-matrix.json rewritten; review each changed line. What let principals through:\n${reviewNotes().join("\n")}`);
  }
  await gateway?.stop();
});

function record(key: string, principal: Principal, outcome: Outcome): void {
  const row = observed.get(key) ?? new Map<Principal, Outcome>();
  row.set(principal, outcome);
  observed.set(key, row);
}

/** The table as observed: "public" when every principal got through, else who did. */
function observedTable(): Record<string, Policy> {
  return Object.fromEntries(
    rootFields.map(({ key }) => {
      const allowed = PRINCIPALS.filter((principal) => observed.get(key)?.get(principal)?.allowed);
      return [key, allowed.length === PRINCIPALS.length ? "public" : allowed];
    }),
  );
}

/** For the reviewer of a regenerated table: per root field, the answers of the principals who got through. */
function reviewNotes(): string[] {
  return rootFields.map(({ key }) => {
    const answers = new Map<string, Principal[]>();
    for (const [principal, outcome] of observed.get(key) ?? []) {
      if (outcome.allowed) {
        const answer = outcome.codes.join(", ") || "data";
        answers.set(answer, [...(answers.get(answer) ?? []), principal]);
      }
    }
    return `  ${key}: ${[...answers].map(([answer, principals]) => `${answer} ← ${principals.join(" ")}`).join("; ") || "nobody"}`;
  });
}

/** One line per cell where the gateway and the table disagree. */
function mismatches(fields: RootField[]): string[] {
  return fields.flatMap(({ key }) => {
    if (!(key in table)) {
      return [`${key}: no policy in authorization-matrix.json`];
    }
    const expected = allowedBy(table[key]!);
    return PRINCIPALS.flatMap((principal) => {
      const outcome = observed.get(key)?.get(principal);
      if (!outcome || outcome.allowed === expected.has(principal)) {
        return [];
      }
      const got = outcome.allowed ? `got through (${outcome.codes.join(", ") || "data"})` : `was refused (${outcome.codes.join(", ")})`;
      return [`${key} as ${principal}: the table says ${expected.has(principal) ? "allow" : "deny"}, but it ${got}`];
    });
  });
}

async function probeOverHttp(root: RootField, principal: Principal): Promise<void> {
  const { query, variables } = probeOperation(root, credentials[principal]);
  const response = await fetch(`${gateway.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...credentials[principal].headers },
    body: JSON.stringify({ query, variables }),
  });
  record(root.key, principal, classify(root.key, principal, (await response.json()) as GraphQLResponse));
}

/** Probes every principal on the given root fields over HTTP, a few requests at a time. */
async function probeAllOverHttp(fields: RootField[]): Promise<void> {
  const cells = fields.flatMap((root) => PRINCIPALS.map((principal) => ({ root, principal })));
  await mapConcurrently(cells, 6, ({ root, principal }) => probeOverHttp(root, principal));
}

describe("the authorisation matrix", () => {
  it.skipIf(UPDATE)("has a policy for every root field of the schema and for nothing else", () => {
    const missing = rootFields.filter(({ key }) => !(key in table)).map(({ key }) => key);
    const gone = Object.keys(table).filter((key) => !rootFields.some((root) => root.key === key));
    const help = `Each root field needs a line in apps/gateway/src/__tests__/authorization-matrix.json: "public" or the principals allowed (${PRINCIPALS.join(", ")}).`;
    expect(missing, `root fields without a policy: add them to the table. ${help}`).toEqual([]);
    expect(gone, "the table lists root fields the schema no longer has: remove them").toEqual([]);
    for (const [key, policy] of Object.entries(table)) {
      expect(policy === "public" || policy.every((principal) => PRINCIPALS.includes(principal)), `${key}: unknown principal`).toBe(true);
    }
  });

  it("lets every principal run exactly the queries the table allows", async () => {
    const queries = rootFields.filter((root) => root.operation === "query");
    await probeAllOverHttp(queries);
    expect(UPDATE ? [] : mismatches(queries), DISAGREE).toEqual([]);
  }, 60_000);

  it("lets every principal start exactly the subscriptions the table allows (over graphql-ws)", async () => {
    const subscriptions = rootFields.filter((root) => root.operation === "subscription");
    const clients = new Map<Principal, Client>();
    const registered = watchSubscriptionRegistrations(gateway.app.services.pubsub);
    try {
      for (const principal of PRINCIPALS) {
        clients.set(principal, wsClient(gateway.url, credentials[principal].headers));
        // One at a time: a registration seen now belongs to the subscription just sent.
        for (const root of subscriptions) {
          const client = clients.get(principal)!;
          record(root.key, principal, await probeSubscription({ client, root, principal, credentials: credentials[principal], registered }));
        }
      }
    } finally {
      registered.restore();
      await Promise.all([...clients.values()].map((client) => client.dispose()));
    }
    expect(UPDATE ? [] : mismatches(subscriptions), DISAGREE).toEqual([]);
  }, 60_000);

  it("lets every principal run exactly the mutations the table allows", async () => {
    const mutations = rootFields.filter((root) => root.operation === "mutation");
    await probeAllOverHttp(mutations.filter((root) => !LAST.has(root.key)));
    await probeAllOverHttp(mutations.filter((root) => LAST.has(root.key)));
    expect(UPDATE ? [] : mismatches(mutations), DISAGREE).toEqual([]);
  }, 60_000);
});
