import { randomUUID } from "node:crypto";
import { createApiKey, endSessionsOfUser, hashToken, Role, upsertUser } from "@civicline/platform";
import { PostgresQueryRunner } from "typeorm/driver/postgres/PostgresQueryRunner.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startApp, type RunningApp } from "../app.js";
import { resolveActor } from "../auth.js";
import { CREDENTIAL_TTL_MS, CredentialCache, credentialCacheOf } from "../credential-cache.js";
import { createTestDatabase, type TestDatabase } from "@civicline/platform/testing";
import { allEntities, allMigrations } from "../modules.js";
import { startTestGateway, type TestGateway } from "./harness.js";

let gateway: TestGateway;
/** A second gateway instance on the same database: it hears logouts and changes over NOTIFY only. */
let second: RunningApp;
/**
 * An instance on a database of its own without demo data, for counting a request's statements: no
 * tickets means no event handlers or timers at work beside the request (the demo data's keep the pool
 * busy, more so with the clock a year ahead, when all its deadlines pass at once).
 */
let quietDb: TestDatabase;
let quiet: RunningApp;

beforeAll(async () => {
  gateway = await startTestGateway();
  second = await startApp({ databaseUrl: gateway.db.url, port: 0, seedDemoOnEmpty: false, logLevel: "warn", nodeEnv: "production", allowDevSmsInProduction: true });
  quietDb = await createTestDatabase({ entities: allEntities, migrations: allMigrations });
  quiet = await startApp({ databaseUrl: quietDb.url, port: 0, seedDemoOnEmpty: false, logLevel: "warn", nodeEnv: "production", allowDevSmsInProduction: true });
});
afterAll(async () => {
  await quiet?.stop();
  await quietDb?.destroy();
  await second?.stop();
  await gateway?.stop();
});

const ME = "{ me { id } }";

async function me(baseUrl: string, cookie: string): Promise<string | null> {
  const response = await fetch(`${baseUrl}/graphql`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ query: ME }) });
  const body = (await response.json()) as { data?: { me: { id: string } | null } };
  return body.data?.me?.id ?? null;
}

function logout(baseUrl: string, cookie: string): Promise<Response> {
  return fetch(`${baseUrl}/graphql`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ query: "mutation { logout }" }) });
}

/** A fresh staff account (so that deactivating it touches no demo account). */
async function freshUser(): Promise<{ id: string; username: string }> {
  const username = `cache-${randomUUID().slice(0, 8)}`;
  const user = await upsertUser(gateway.app.services.dataSource.manager, { username, displayName: "缓存测试", password: "civicline-demo", roles: [Role.OPERATOR] });
  return { id: user.id, username };
}

/**
 * The SQL statements one request to the quiet instance sends, the fewest of five runs: only that
 * instance's connections are counted (the spy sees every instance in this process), and its outbox,
 * timer and schedule polling is left out (`{ me { id } }` touches no ticket nor supervision table).
 */
const BACKGROUND = /platform_outbox|platform_timer|platform_schedule_run|intake_|supervision_|routing_|pg_notify|pg_advisory|SAVEPOINT|^(START TRANSACTION|COMMIT|ROLLBACK)/u;
async function statementsOf(request: () => Promise<unknown>): Promise<string[]> {
  const runs: string[][] = [];
  for (let run = 0; run < 5; run += 1) {
    const spy = vi.spyOn(PostgresQueryRunner.prototype, "query");
    await request();
    runs.push(
      spy.mock.calls
        .filter((_call, index) => (spy.mock.contexts[index] as PostgresQueryRunner | undefined)?.connection === quiet.services.dataSource)
        .map((call) => String(call[0]).replace(/\s+/gu, " "))
        .filter((sql) => !BACKGROUND.test(sql)),
    );
    spy.mockRestore();
  }
  return runs.reduce((best, run) => (run.length < best.length ? run : best));
}

const SESSION_LOOKUP = /platform_session/u;

/**
 * How soon an instance must have heard a change over NOTIFY: well inside the cache's TTL, so that
 * passing cannot come from an entry merely expiring (the TTL is what a lost notification would cost).
 */
const NOTIFIED = { timeout: CREDENTIAL_TTL_MS / 5, interval: 5 };

describe("what a request costs", () => {
  it("a `{ me { id } }` with a session looks the session up once, in one statement, then not again for a few seconds", async () => {
    const username = `quiet-${randomUUID().slice(0, 8)}`;
    await upsertUser(quiet.services.dataSource.manager, { username, displayName: "计数测试", password: "civicline-demo", roles: [Role.SUPERVISOR] });
    const login = await fetch(`${quiet.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `mutation($u: String!) { login(input: { username: $u, password: "civicline-demo" }) { token } }`, variables: { u: username } }),
    });
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    const token = decodeURIComponent(cookie.split("=")[1]!);
    const cache = credentialCacheOf(quiet.services.dataSource)!;
    // Before the cache: the session and its user in one statement, then `me`'s own row (was three).
    const cold = await statementsOf(async () => {
      cache.dropToken(token);
      await me(quiet.url, cookie);
    });
    expect(cold.filter((sql) => SESSION_LOOKUP.test(sql)), cold.join("\n")).toHaveLength(1);
    expect(cold, cold.join("\n")).toHaveLength(2);
    // Cached: only the resolver's own statement remains.
    const warm = await statementsOf(() => me(quiet.url, cookie));
    expect(warm, warm.join("\n")).toHaveLength(1);
    expect(warm[0]).toMatch(/FROM "platform_user"/u);
  });

  it("answers are never stored (Apollo's per-field cache-control hook is off; the header stays)", async () => {
    const response = await fetch(`${gateway.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ __typename }" }) });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("an API key is looked up once, then served from the cache", async () => {
    const key = await createApiKey(quiet.services.dataSource.manager, { name: `cache ${randomUUID().slice(0, 8)}` });
    const ask = () => fetch(`${quiet.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", "x-api-key": key }, body: JSON.stringify({ query: "{ __typename }" }) });
    expect((await ask()).status).toBe(200);
    const warm = await statementsOf(ask);
    expect(warm.filter((sql) => /platform_api_key/u.test(sql)), warm.join("\n")).toEqual([]);
  });
});

describe("the cache never outlives the session", () => {
  it("a logged-out session is refused on the very next request on this instance, and on another as soon as it hears the NOTIFY", async () => {
    const cookie = await gateway.login("operator");
    const userId = await me(gateway.url, cookie);
    expect(userId).not.toBeNull();
    // Both instances hold it now.
    expect(await me(second.url, cookie)).toBe(userId);
    expect(credentialCacheOf(gateway.app.services.dataSource)!.size).toBeGreaterThan(0);

    // The logout answers once this instance heard its NOTIFY, sent to every instance at once: quickly.
    const started = performance.now();
    expect((await logout(gateway.url, cookie)).status).toBe(200);
    expect(performance.now() - started).toBeLessThan(900);
    expect(await me(gateway.url, cookie)).toBeNull();
    // The other instance drops it when its listener receives the NOTIFY: milliseconds, far inside the TTL.
    await expect.poll(() => me(second.url, cookie), NOTIFIED).toBeNull();
    for (let i = 0; i < 10; i += 1) {
      expect(await me(i % 2 ? gateway.url : second.url, cookie)).toBeNull();
    }
  });

  it("logging out on the other instance is refused on this one once the NOTIFY arrives (well inside the TTL)", async () => {
    const cookie = await gateway.login("dispatcher");
    const userId = await me(gateway.url, cookie);
    expect(await me(gateway.url, cookie)).toBe(userId);
    expect((await logout(second.url, cookie)).status).toBe(200);
    await expect.poll(() => me(gateway.url, cookie), NOTIFIED).toBeNull();
  });

  it("ended sessions (endSessionsOfUser) are refused on both instances as soon as the commit is announced", async () => {
    const { id, username } = await freshUser();
    const desk = await gateway.login(username);
    const phone = await gateway.login(username);
    expect(await me(gateway.url, desk)).toBe(id);
    expect(await me(second.url, phone)).toBe(id);
    // Not an HTTP request: every instance drops them when the commit's NOTIFY arrives (milliseconds).
    await endSessionsOfUser({ dataSource: gateway.app.services.dataSource, userId: id });
    await expect.poll(() => me(gateway.url, desk), NOTIFIED).toBeNull();
    await expect.poll(() => me(second.url, phone), NOTIFIED).toBeNull();
    expect(await me(gateway.url, phone)).toBeNull();
  });

  it("a user deactivated (even by hand in SQL) or given other roles is seen at once on both instances", async () => {
    const { id, username } = await freshUser();
    const cookie = await gateway.login(username);
    const token = decodeURIComponent(cookie.split("=")[1]!);
    expect(await me(gateway.url, cookie)).toBe(id);
    expect(await me(second.url, cookie)).toBe(id);

    await gateway.db.dataSource.query("UPDATE platform_user SET roles = $2 WHERE id = $1", [id, [Role.DISPATCHER]]);
    await expect.poll(async () => (await resolveActor(second.services.dataSource, { sessionToken: token, apiKey: null }))?.roles, NOTIFIED).toEqual([Role.DISPATCHER]);
    await expect.poll(async () => (await resolveActor(gateway.app.services.dataSource, { sessionToken: token, apiKey: null }))?.roles, NOTIFIED).toEqual([Role.DISPATCHER]);

    await gateway.db.dataSource.query("UPDATE platform_user SET active = false WHERE id = $1", [id]);
    await expect.poll(() => me(gateway.url, cookie), NOTIFIED).toBeNull();
    await expect.poll(() => me(second.url, cookie), NOTIFIED).toBeNull();
  });

  it("a revoked API key is refused at once on both instances", async () => {
    const name = `revoked ${randomUUID().slice(0, 8)}`;
    const key = await createApiKey(gateway.app.services.dataSource.manager, { name });
    const credentials = { apiKey: key, sessionToken: null };
    expect(await resolveActor(gateway.app.services.dataSource, credentials)).toMatchObject({ kind: "integrator", name });
    expect(await resolveActor(second.services.dataSource, credentials)).toMatchObject({ kind: "integrator", name });
    await gateway.db.dataSource.query("UPDATE platform_api_key SET active = false WHERE name = $1", [name]);
    await expect.poll(() => resolveActor(gateway.app.services.dataSource, credentials), NOTIFIED).toBeNull();
    await expect.poll(() => resolveActor(second.services.dataSource, credentials), NOTIFIED).toBeNull();
  });
});

describe("the cache itself", () => {
  it("keeps an entry for the TTL and never past the session's expiry; keys are the token's SHA-256, never the token", async () => {
    let now = Date.now();
    const cache = new CredentialCache(gateway.app.services, { now: () => now });
    cache.start();
    try {
      const { username } = await freshUser();
      const cookie = await gateway.login(username);
      const token = decodeURIComponent(cookie.split("=")[1]!);
      const expiresAt = new Date(now + CREDENTIAL_TTL_MS / 2);
      let loads = 0;
      const load = async () => {
        loads += 1;
        return { actor: { kind: "staff" as const, id: "x", name: "x", roles: [Role.OPERATOR], unitId: null }, userId: "x", sessionId: hashToken(token), expiresAt };
      };
      await cache.session(token, load);
      await cache.session(token, load);
      expect(loads).toBe(1);
      const keys = [...(cache as unknown as { entries: Map<string, unknown> }).entries.keys()];
      expect(keys).toEqual([hashToken(token)]);
      expect(JSON.stringify([...(cache as unknown as { entries: Map<string, unknown> }).entries])).not.toContain(token);
      now += CREDENTIAL_TTL_MS / 2;
      await cache.session(token, load);
      expect(loads).toBe(2);
    } finally {
      await cache.stop();
    }
  });

  it("caches nothing once stopped (or before it listens)", async () => {
    const cache = new CredentialCache(gateway.app.services);
    let loads = 0;
    const load = async () => {
      loads += 1;
      return { kind: "integrator" as const, id: "k", name: "k", roles: [Role.INTEGRATOR], unitId: null };
    };
    await cache.apiKey("not-listening", load);
    await cache.apiKey("not-listening", load);
    expect(loads).toBe(2);
    expect(cache.size).toBe(0);
  });
});
