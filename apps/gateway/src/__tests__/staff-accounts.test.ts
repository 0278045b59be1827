import { AuditEntry, User } from "@civicline/platform";
import type { Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestGateway, type TestGateway } from "./harness.js";
import { follow, logTicket, openSocket, type SocketProbe } from "./ws-probe.js";

let gateway: TestGateway;
let admin: string;
let township: { id: string; code: string };
const clients: Client[] = [];

const ACCOUNT = "id username displayName roles unitId seat team leaderUnitId active mustChangePassword";
const CREATE = `mutation($input: NewStaffAccount!) { createStaffAccount(input: $input) { temporaryPassword account { ${ACCOUNT} } } }`;
type Created = { createStaffAccount: { temporaryPassword: string; account: { id: string; username: string; roles: string[]; unitId: string | null; mustChangePassword: boolean } } };

beforeAll(async () => {
  gateway = await startTestGateway();
  admin = await gateway.login("admin");
  const units = await gateway.gql<{ units: Array<{ id: string; code: string; kind: string }> }>("{ units { id code kind } }", undefined, admin);
  township = units.data!.units.find((unit) => unit.kind === "TOWNSHIP_OFFICE")!;
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await gateway?.stop();
});

async function users(): Promise<number> {
  return gateway.app.services.dataSource.getRepository(User).count();
}

async function auditOf(entityId: string): Promise<AuditEntry[]> {
  return gateway.app.services.dataSource.getRepository(AuditEntry).find({ where: { entityId }, order: { at: "ASC" } });
}

function logInRaw(username: string, password: string) {
  return fetch(`${gateway.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { viewer { mustChangePassword roles } } }", variables: { u: username, p: password } }),
  });
}

/** A login's JSON answer (the viewer on success, the coded error otherwise). */
type LoginAnswer = { data: { login: { viewer: { mustChangePassword: boolean; roles: string[] } } }; errors: Array<{ extensions: { code: string } }> };

async function loginJson(username: string, password: string): Promise<LoginAnswer> {
  return (await (await logInRaw(username, password)).json()) as LoginAnswer;
}

async function createHandler(username: string): Promise<Created["createStaffAccount"]> {
  const result = await gateway.gql<Created>(CREATE, { input: { username, displayName: "钱干事 (Township handler)", roles: ["HANDLER"], unitId: township.id } }, admin);
  expect(result.errors).toBeUndefined();
  return result.data!.createStaffAccount;
}

describe("staff accounts over GraphQL", () => {
  it("an admin creates a township handler with a temporary password; the first login may only change it, then the inbox opens", async () => {
    const created = await createHandler("qian.township");
    expect(created.account).toMatchObject({ username: "qian.township", roles: ["HANDLER"], unitId: township.id, mustChangePassword: true });
    expect(created.temporaryPassword).toMatch(/^[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}$/);

    const cookie = await gateway.login("qian.township", created.temporaryPassword);
    const me = await gateway.gql<{ me: { mustChangePassword: boolean; roles: string[] } }>("{ me { mustChangePassword roles } }", undefined, cookie);
    expect(me.data!.me).toEqual({ mustChangePassword: true, roles: ["HANDLER"] });
    // Until the password is changed the session holds no role: the workbench is refused.
    const before = await gateway.gql("{ unitInbox { id } }", undefined, cookie);
    expect(before.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

    const CHANGE = "mutation($input: ChangeMyPasswordInput!) { changeMyPassword(input: $input) { mustChangePassword } }";
    const weak = await gateway.gql(CHANGE, { input: { currentPassword: created.temporaryPassword, newPassword: "password1234" } }, cookie);
    expect(weak.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "newPassword", code: "COMMON" }] });
    const wrong = await gateway.gql(CHANGE, { input: { currentPassword: "not-it", newPassword: "Tulip harbour lantern 7" } }, cookie);
    expect(wrong.errors?.[0]?.extensions?.code).toBe("ACCOUNTS/WRONG_PASSWORD");
    const changed = await gateway.gql(CHANGE, { input: { currentPassword: created.temporaryPassword, newPassword: "Tulip harbour lantern 7" } }, cookie);
    expect(changed.data).toEqual({ changeMyPassword: { mustChangePassword: false } });
    expect(await auditOf(created.account.id)).toEqual([
      expect.objectContaining({ action: "account.create", actorName: "系统管理员 (Admin)", before: null, after: expect.objectContaining({ username: "qian.township", roles: ["handler"], unitId: township.id }) }),
      expect.objectContaining({ action: "account.change_own_password", before: { mustChangePassword: true } }),
    ]);

    // The same session now has the handler's role (the cached credential was dropped on commit).
    const me2 = await gateway.gql<{ me: { mustChangePassword: boolean } }>("{ me { mustChangePassword } }", undefined, cookie);
    expect(me2.data!.me.mustChangePassword).toBe(false);
    const inbox = await gateway.gql<{ unitInbox: unknown[] }>("{ unitInbox { id } }", undefined, cookie);
    expect(inbox.errors).toBeUndefined();
    expect(inbox.data!.unitInbox).toEqual([]);
    // The temporary password no longer opens anything.
    expect((await loginJson("qian.township", created.temporaryPassword)).errors[0]!.extensions.code).toBe("AUTH/INVALID_CREDENTIALS");
  });

  it("refuses bad input with coded field errors and stores nothing (and writes no audit entry)", async () => {
    const count = await users();
    const entries = await gateway.app.services.dataSource.getRepository(AuditEntry).count();
    const duplicate = await gateway.gql(CREATE, { input: { username: "Operator", displayName: "Another", roles: ["OPERATOR"] } }, admin);
    expect(duplicate.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "username", code: "TAKEN" }] });
    const noUnit = await gateway.gql(CREATE, { input: { username: "no.unit", displayName: "No unit", roles: ["HANDLER"] } }, admin);
    expect(noUnit.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "unitId", code: "REQUIRED_FOR_HANDLER" }] });
    const unknownUnit = await gateway.gql(CREATE, { input: { username: "bad.unit", displayName: "Bad unit", roles: ["HANDLER"], unitId: "00000000-0000-4000-8000-000000000000" } }, admin);
    expect(unknownUnit.errors?.[0]?.extensions).toMatchObject({ fields: [{ field: "unitId", code: "UNKNOWN_UNIT" }] });
    const unknownRole = await gateway.gql(CREATE, { input: { username: "bad.role", displayName: "Bad role", roles: ["JANITOR"] } }, admin);
    expect(unknownRole.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const integrator = await gateway.gql(CREATE, { input: { username: "bad.role2", displayName: "Bad role", roles: ["INTEGRATOR"] } }, admin);
    expect(integrator.errors?.[0]?.extensions).toMatchObject({ fields: [{ field: "roles", code: "UNKNOWN_ROLE" }] });
    const many = await gateway.gql(CREATE, { input: { username: "x", displayName: "", roles: [], seat: "A01" } }, admin);
    expect((many.errors?.[0]?.extensions?.fields as unknown as Array<{ code: string }>).map((f) => f.code).sort()).toEqual(["REQUIRED", "REQUIRED", "TAKEN", "TOO_SHORT"]);
    expect(await users()).toBe(count);
    expect(await gateway.app.services.dataSource.getRepository(AuditEntry).count()).toBe(entries);
  });

  it("edits roles and units, audited with before and after; not the last admin", async () => {
    const created = await createHandler("zhou.edit");
    const cookie = await gateway.login("zhou.edit", created.temporaryPassword);
    const UPDATE = `mutation($id: ID!, $input: StaffAccountChanges!) { updateStaffAccount(id: $id, input: $input) { ${ACCOUNT} } }`;
    const result = await gateway.gql<{ updateStaffAccount: { roles: string[]; unitId: string | null; seat: string | null; team: string | null } }>(
      UPDATE,
      { id: created.account.id, input: { displayName: "周 (Operator now)", roles: ["OPERATOR", "LEADER"], seat: "B07", team: "二班", leaderUnitId: township.id } },
      admin,
    );
    expect(result.data!.updateStaffAccount).toMatchObject({ roles: ["OPERATOR", "LEADER"], unitId: null, seat: "B07", team: "二班", leaderUnitId: township.id });
    // New roles end the person's sessions: they log in again with the new rights.
    expect((await gateway.gql<{ me: unknown }>("{ me { id } }", undefined, cookie)).data!.me).toBeNull();
    const again = await gateway.login("zhou.edit", created.temporaryPassword);
    const renamed = await gateway.gql(UPDATE, { id: created.account.id, input: { displayName: "周 (renamed)", roles: ["LEADER", "OPERATOR"], seat: "B07", team: "二班", leaderUnitId: township.id } }, admin);
    expect(renamed.errors).toBeUndefined();
    expect((await gateway.gql<{ me: { id: string } | null }>("{ me { id } }", undefined, again)).data!.me).toEqual({ id: created.account.id });
    const entries = (await auditOf(created.account.id)).filter((e) => e.action === "account.update").slice(0, 1);
    expect(entries.at(-1)).toMatchObject({ action: "account.update", before: { roles: ["handler"], unitId: township.id, seat: null }, after: { roles: ["operator", "leader"], unitId: null, seat: "B07", team: "二班" } });

    const adminId = (await gateway.gql<{ me: { id: string } }>("{ me { id } }", undefined, admin)).data!.me.id;
    const self = await gateway.gql(UPDATE, { id: adminId, input: { displayName: "Admin", roles: ["SUPERVISOR"] } }, admin);
    expect(self.errors?.[0]?.extensions?.code).toBe("ACCOUNTS/SELF");
    const selfOff = await gateway.gql("mutation($id: ID!) { deactivateStaffAccount(id: $id) { active } }", { id: adminId }, admin);
    expect(selfOff.errors?.[0]?.extensions?.code).toBe("ACCOUNTS/SELF");
  });

  it("reset gives a new temporary password, ends the sessions, and the old password stops working", async () => {
    const created = await createHandler("sun.reset");
    const cookie = await gateway.login("sun.reset", created.temporaryPassword);
    const reset = await gateway.gql<{ resetStaffPassword: { temporaryPassword: string; account: { mustChangePassword: boolean } } }>(
      "mutation($id: ID!) { resetStaffPassword(id: $id) { temporaryPassword account { mustChangePassword } } }",
      { id: created.account.id },
      admin,
    );
    const fresh = reset.data!.resetStaffPassword.temporaryPassword;
    expect(fresh).not.toBe(created.temporaryPassword);
    expect((await gateway.gql<{ me: unknown }>("{ me { id } }", undefined, cookie)).data!.me).toBeNull();
    expect((await loginJson("sun.reset", created.temporaryPassword)).errors[0]!.extensions.code).toBe("AUTH/INVALID_CREDENTIALS");
    expect((await loginJson("sun.reset", fresh)).data.login.viewer).toEqual({ mustChangePassword: true, roles: ["HANDLER"] });
    expect((await auditOf(created.account.id)).map((e) => e.action)).toEqual(["account.create", "account.reset_password"]);
    expect(JSON.stringify(await auditOf(created.account.id))).not.toContain(fresh);
  });

  it("lists sessions and ends one; deactivation stops the HTTP session and closes the open subscription within a second", async () => {
    const dispatcherId = (await gateway.gql<{ staffAccounts: { items: Array<{ id: string }> } }>('{ staffAccounts(filter: { query: "dispatcher" }) { items { id } } }', undefined, admin)).data!.staffAccounts.items[0]!.id;
    const first = await gateway.login("dispatcher");
    const second = await gateway.login("dispatcher");
    const sessions = await gateway.gql<{ staffSessions: Array<{ id: string; clientIp: string | null }> }>("query($id: ID!) { staffSessions(accountId: $id) { id createdAt expiresAt clientIp } }", { id: dispatcherId }, admin);
    expect(sessions.data!.staffSessions.length).toBeGreaterThanOrEqual(2);
    const newest = sessions.data!.staffSessions[0]!.id;
    const ended = await gateway.gql("mutation($a: ID!, $s: ID) { endStaffSessions(accountId: $a, sessionId: $s) }", { a: dispatcherId, s: newest }, admin);
    expect(ended.data).toEqual({ endStaffSessions: 1 });
    // Every instance drops the ended session from its credential cache when PostgreSQL's NOTIFY arrives: within a second.
    await vi.waitFor(async () => expect((await gateway.gql<{ me: unknown }>("{ me { id } }", undefined, second)).data!.me).toBeNull(), { timeout: 1000, interval: 20 });
    expect((await gateway.gql<{ me: { id: string } }>("{ me { id } }", undefined, first)).data!.me).toEqual({ id: dispatcherId });

    const probe: SocketProbe = openSocket(gateway.url, { cookie: first });
    clients.push(probe.client);
    await probe.connected;
    const feed = follow<{ ticketReceived: { id: string } }>(probe.client, "subscription { ticketReceived { id } }");
    const operator = await gateway.login("operator");
    const ticket = await logTicket(gateway, operator, "13900003333");
    await feed.until((f) => f.data.some((d) => d.ticketReceived.id === ticket));

    const started = Date.now();
    const off = await gateway.gql<{ deactivateStaffAccount: { active: boolean } }>("mutation($id: ID!) { deactivateStaffAccount(id: $id) { active } }", { id: dispatcherId }, admin);
    expect(off.data).toEqual({ deactivateStaffAccount: { active: false } });
    expect(await probe.closed).toEqual({ code: 4401, reason: "Session ended" });
    expect(Date.now() - started).toBeLessThan(1000);
    await vi.waitFor(
      async () => {
        const refused = await gateway.gql("{ dispatchQueue { ticket { id } } }", undefined, first);
        expect(refused.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      },
      { timeout: Math.max(1000 - (Date.now() - started), 50), interval: 20 },
    );
    expect((await gateway.gql<{ me: unknown }>("{ me { id } }", undefined, first)).data!.me).toBeNull();
    expect((await loginJson("dispatcher", "civicline-demo")).errors[0]!.extensions.code).toBe("AUTH/INVALID_CREDENTIALS");
    expect((await auditOf(dispatcherId)).map((e) => e.action)).toEqual(["session.end", "account.deactivate"]);

    const on = await gateway.gql("mutation($id: ID!) { reactivateStaffAccount(id: $id) { active } }", { id: dispatcherId }, admin);
    expect(on.data).toEqual({ reactivateStaffAccount: { active: true } });
    await gateway.login("dispatcher");
  });

  it("imports CSV all or nothing: the dry run lists every bad row, a real run with a bad row stores nothing, a clean file stores all", async () => {
    const count = await users();
    const bad = [
      "username,displayName,roles,unit,seat,team",
      `li.one,李一,handler,${township.code},,`,
      "li.two,李二,handler,,,",
      "li.three,李三,janitor,,,",
      `li.one,李一again,operator,,C01,一班`,
      "operator,重名,operator,,,",
    ].join("\n");
    const IMPORT = "mutation($csv: String!, $dry: Boolean!) { importStaffAccounts(csv: $csv, dryRun: $dry) { dryRun imported badRows rows { line username problems { field code } } created { username temporaryPassword } } }";
    const dry = await gateway.gql<{ importStaffAccounts: { badRows: number; rows: Array<{ line: number; problems: Array<{ field: string; code: string }> }> } }>(IMPORT, { csv: bad, dry: true }, admin);
    expect(dry.data!.importStaffAccounts.badRows).toBe(4);
    expect(dry.data!.importStaffAccounts.rows.map((row) => [row.line, row.problems.map((p) => p.code)])).toEqual([
      [2, []],
      [3, ["REQUIRED_FOR_HANDLER"]],
      [4, ["UNKNOWN_ROLE"]],
      [5, ["DUPLICATE_IN_FILE"]],
      [6, ["TAKEN"]],
    ]);
    const real = await gateway.gql(IMPORT, { csv: bad, dry: false }, admin);
    expect(real.errors?.[0]?.extensions).toMatchObject({ code: "ACCOUNTS/IMPORT_INVALID", rows: [{ line: 3 }, { line: 4 }, { line: 5 }, { line: 6 }] });
    expect(await users()).toBe(count);

    const good = ["\uFEFF用户名,姓名,角色,单位,座席,班组", `wu.one,吴一,handler,${township.code},,`, `wu.two,"吴二, 夜班",operator;callback_agent,,C02,夜班`].join("\r\n");
    const done = await gateway.gql<{ importStaffAccounts: { imported: number; created: Array<{ username: string; temporaryPassword: string }> } }>(IMPORT, { csv: good, dry: false }, admin);
    expect(done.data!.importStaffAccounts.imported).toBe(2);
    expect(await users()).toBe(count + 2);
    const wuTwo = done.data!.importStaffAccounts.created.find((c) => c.username === "wu.two")!;
    expect((await loginJson("wu.two", wuTwo.temporaryPassword)).data.login.viewer).toEqual({ mustChangePassword: true, roles: ["OPERATOR", "CALLBACK_AGENT"] });
    const log = await gateway.gql<{ auditLog: { entries: Array<{ action: string; entityLabel: string | null; changes: Array<{ field: string; after: string | null }> }> } }>(
      '{ auditLog(filter: { action: "account." }, limit: 3) { entries { action entityLabel changes { field before after } } } }',
      undefined,
      admin,
    );
    // One transaction, one `at`: the import's entry and the two accounts' entries, in any order among them.
    expect(log.data!.auditLog.entries.map((e) => `${e.action} ${e.entityLabel}`).sort()).toEqual(["account.create wu.one", "account.create wu.two", "account.import 2 accounts"]);
    expect(log.data!.auditLog.entries.find((e) => e.entityLabel === "wu.two")!.changes).toContainEqual({ field: "team", before: null, after: '"夜班"' });
  });

  it("every account operation and the audit log are refused to every other role and to the logged out", async () => {
    const target = (await createHandler("zheng.target")).account.id;
    const operations: Array<[string, Record<string, unknown>]> = [
      ["{ staffAccounts { total } }", {}],
      ["query($id: ID!) { staffAccount(id: $id) { id } }", { id: target }],
      ["query($id: ID!) { staffSessions(accountId: $id) { id } }", { id: target }],
      ["{ auditLog { entries { id } } }", {}],
      [CREATE, { input: { username: "sneaky.one", displayName: "Sneaky", roles: ["ADMIN"] } }],
      ["mutation($id: ID!) { updateStaffAccount(id: $id, input: { displayName: \"x\", roles: [ADMIN] }) { id } }", { id: target }],
      ["mutation($id: ID!) { deactivateStaffAccount(id: $id) { id } }", { id: target }],
      ["mutation($id: ID!) { reactivateStaffAccount(id: $id) { id } }", { id: target }],
      ["mutation($id: ID!) { resetStaffPassword(id: $id) { temporaryPassword } }", { id: target }],
      ["mutation($id: ID!) { endStaffSessions(accountId: $id) }", { id: target }],
      ['mutation { importStaffAccounts(csv: "username,displayName,roles\\nsneaky.two,S,admin", dryRun: false) { imported } }', {}],
    ];
    const others = ["operator", "dispatcher", "handler", "supervisor", "callback", "qa", "leader", "handler.qingcheng"];
    const before = await users();
    for (const username of [...others, null]) {
      const cookie = username ? await gateway.login(username) : undefined;
      for (const [query, variables] of operations) {
        const result = await gateway.gql(query, variables, cookie);
        expect(result.errors?.[0]?.extensions?.code, `${username ?? "anonymous"}: ${query}`).toBe(username ? "FORBIDDEN" : "UNAUTHENTICATED");
      }
    }
    expect(await users()).toBe(before);
    const account = await gateway.app.services.dataSource.getRepository(User).findOneByOrFail({ id: target });
    expect(account).toMatchObject({ active: true, roles: ["handler"] });
  });
});
