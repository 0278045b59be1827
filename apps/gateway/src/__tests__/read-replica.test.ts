import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startApp, type RunningApp } from "../app.js";
import { queryDatabase, ticketPlace } from "./faults/gateway-process.js";

// DATABASE_READ_URL: the ticket search and its export read the replica, the ticket page and every write
// the primary. The "replica" is a copy of the primary taken at one moment (CREATE DATABASE … TEMPLATE),
// so a ticket created afterwards exists on the primary only — as on a replica lagging behind.
const adminUrl = inject("postgresAdminUrl");
const suffix = randomBytes(4).toString("hex");
const primaryName = `civicline_primary_${suffix}`;
const replicaName = `civicline_replica_${suffix}`;
let app: RunningApp | undefined;
let before: string;
let after: string;

function urlOf(name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin(sql: string): Promise<void> {
  await queryDatabase(adminUrl, sql);
}

const settings = { port: 0, seedDemoOnEmpty: true, logLevel: "warn", nodeEnv: "production", allowDevSmsInProduction: true } as const;

async function gql<T>(query: string, variables: Record<string, unknown> = {}, cookie?: string): Promise<{ data?: T; errors?: Array<{ extensions?: { code?: string } }> }> {
  const response = await fetch(`${app!.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as never;
}

async function submit(phone: string): Promise<string> {
  const reply = await gql<{ submitRequest: { trackingNumber: string } }>("mutation($i: SubmitRequestInput!) { submitRequest(input: $i) { trackingNumber } }", {
    i: { requestType: "HELP", ...(await ticketPlace(app!.url)), description: "小区门口积水严重，行人无法通过。", address: "张店区华光路 5 号", citizenName: "吴女士", phone },
  });
  return reply.data!.submitRequest.trackingNumber;
}

async function login(): Promise<string> {
  const response = await fetch(`${app!.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: `mutation { login(input: { username: "supervisor", password: "civicline-demo" }) { token } }` }),
  });
  return response.headers.get("set-cookie")!.split(";")[0]!;
}

const SEARCH = "query($n: String) { searchTickets(filter: { trackingNumber: $n }) { hits { trackingNumber } } }";
const DOSSIER = "query($n: String!) { ticketDossier(trackingNumber: $n) { ticket { trackingNumber } } }";

beforeAll(async () => {
  await admin(`CREATE DATABASE ${primaryName} ENCODING 'UTF8' TEMPLATE template0`);
  // First start: migrations, demo data and one ticket; then the copy is taken while nothing is connected.
  app = await startApp({ ...settings, databaseUrl: urlOf(primaryName) });
  before = await submit("13900005001");
  await app.stop();
  await admin(`CREATE DATABASE ${replicaName} TEMPLATE ${primaryName}`);
  app = await startApp({ ...settings, databaseUrl: urlOf(primaryName), databaseReadUrl: urlOf(replicaName) });
  after = await submit("13900005002");
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await admin(`DROP DATABASE IF EXISTS ${primaryName} WITH (FORCE)`);
  await admin(`DROP DATABASE IF EXISTS ${replicaName} WITH (FORCE)`);
}, 60_000);

describe("DATABASE_READ_URL", () => {
  it("sends the ticket search and its CSV export to the replica and the ticket page to the primary", async () => {
    const cookie = await login();
    const found = async (number: string) => (await gql<{ searchTickets: { hits: Array<{ trackingNumber: string }> } }>(SEARCH, { n: number }, cookie)).data!.searchTickets.hits.map((hit) => hit.trackingNumber);
    expect(await found(before)).toEqual([before]);
    // Written after the copy: on the primary only, so the search (replica) does not know it yet …
    expect(await found(after)).toEqual([]);
    const beforeCsv = await (await fetch(`${app!.url}/tickets/export.csv?${new URLSearchParams({ filter: JSON.stringify({ trackingNumber: before }) })}`, { headers: { cookie } })).text();
    expect(beforeCsv).toContain(before);
    const csv = await (await fetch(`${app!.url}/tickets/export.csv?${new URLSearchParams({ filter: JSON.stringify({ trackingNumber: after }) })}`, { headers: { cookie } })).text();
    expect(csv).not.toContain(after);
    // … while the ticket page reads the primary.
    const dossier = await gql<{ ticketDossier: { ticket: { trackingNumber: string } } }>(DOSSIER, { n: after }, cookie);
    expect(dossier.data?.ticketDossier.ticket.trackingNumber).toBe(after);
  });

  it("opens the replica's connection read-only, so a write sent there fails instead of landing", async () => {
    const replica = app!.services.readDataSource!;
    const rows = (await replica.query("SHOW default_transaction_read_only")) as Array<{ default_transaction_read_only: string }>;
    expect(rows[0]?.default_transaction_read_only).toBe("on");
    await expect(replica.query("CREATE TABLE written_by_mistake (id int)")).rejects.toThrow(/read-only transaction/);
  });
});
