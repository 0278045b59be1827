import "reflect-metadata";
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuditEntry } from "../audit/audit-entry.entity.js";
import type { Actor } from "../auth/actor.js";
import { logIn } from "../auth/auth.service.js";
import { Role } from "../auth/roles.js";
import { findSession } from "../auth/sessions.js";
import { User } from "../auth/user.entity.js";
import { platformModule } from "../platform.module.js";
import { createTestDatabase, type TestDatabase } from "../testing/index.js";
import { listAccounts } from "./list-accounts.js";
import { createAccount, resetPassword, setAccountActive, updateAccount, type AccountsDeps } from "./manage-accounts.js";
import type { DirectoryUnit, UnitDirectory } from "./unit-directory.js";

let db: TestDatabase;
let deps: AccountsDeps;
/** Units as routing would answer (routing owns them; the gateway tests use the real directory). */
const UNITS: DirectoryUnit[] = [
  { id: "11111111-1111-4111-8111-111111111111", code: "GOV-TOWN", nameZh: "青城镇", nameEn: "Qingcheng Town", kind: "TOWNSHIP_OFFICE", active: true },
  { id: "22222222-2222-4222-8222-222222222222", code: "GOV-OLD", nameZh: "旧镇", nameEn: "Old Town", kind: "TOWNSHIP_OFFICE", active: false },
];
const units: UnitDirectory = async (_manager, keys) => UNITS.filter((unit) => keys.ids?.includes(unit.id) || keys.codes?.includes(unit.code));
const system: Actor = { kind: "staff", id: "00000000-0000-4000-8000-00000000000f", name: "Setup", roles: [Role.ADMIN], unitId: null };

beforeAll(async () => {
  db = await createTestDatabase({ entities: platformModule.entities, migrations: platformModule.migrations });
  deps = { dataSource: db.dataSource, units };
});

afterAll(async () => {
  await db?.destroy();
});

function actorOf(user: User): Actor {
  return { kind: "staff", id: user.id, name: user.displayName, roles: user.roles, unitId: user.unitId };
}

describe("accounts", () => {
  it("stores only a bcrypt hash of the temporary password, and a session opened with it holds no role until it is changed", async () => {
    const { account, temporaryPassword } = await createAccount(deps, { actor: system, input: { username: "Chen.Town", displayName: "陈", roles: ["HANDLER"], unitCode: "GOV-TOWN" } });
    expect(account).toMatchObject({ username: "chen.town", unitId: UNITS[0]!.id, mustChangePassword: true });
    const stored = await db.dataSource.getRepository(User).findOneByOrFail({ id: account.id });
    expect(stored.passwordHash).not.toContain(temporaryPassword);
    expect(await bcrypt.compare(temporaryPassword, stored.passwordHash)).toBe(true);
    const login = await logIn(db.dataSource, { username: "chen.town", password: temporaryPassword, ttlHours: 1 });
    expect(login.actor.roles).toEqual([]);
    expect((await findSession(db.dataSource, login.token))!.actor.roles).toEqual([]);
    await db.dataSource.getRepository(User).update(account.id, { mustChangePassword: false });
    expect((await findSession(db.dataSource, login.token))!.actor.roles).toEqual([Role.HANDLER]);
  });

  it("refuses an inactive or unknown unit, and a seat another active account holds", async () => {
    await createAccount(deps, { actor: system, input: { username: "seat.holder", displayName: "座席", roles: ["OPERATOR"], seat: "A07" } });
    const attempt = createAccount(deps, { actor: system, input: { username: "second", displayName: "二", roles: ["operator", "handler", "leader"], seat: "A07", unitCode: "GOV-OLD", leaderUnitId: "33333333-3333-4333-8333-333333333333" } });
    await expect(attempt).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      fields: [
        { field: "unitId", code: "INACTIVE_UNIT" },
        { field: "leaderUnitId", code: "UNKNOWN_UNIT" },
        { field: "seat", code: "TAKEN" },
      ],
    });
    expect(await db.dataSource.getRepository(User).countBy({ username: "second" })).toBe(0);
  });

  it("keeps a unit deactivated since on the account that has it, but gives it to nobody new", async () => {
    const user = (await createAccount(deps, { actor: system, input: { username: "old.town", displayName: "旧", roles: ["HANDLER"], unitCode: "GOV-TOWN" } })).account;
    await db.dataSource.getRepository(User).update(user.id, { unitId: UNITS[1]!.id });
    const renamed = await updateAccount(deps, { actor: system, id: user.id, input: { displayName: "旧镇干事", roles: ["HANDLER"], unitId: UNITS[1]!.id } });
    expect(renamed).toMatchObject({ displayName: "旧镇干事", unitId: UNITS[1]!.id });
    await expect(createAccount(deps, { actor: system, input: { username: "new.old", displayName: "新", roles: ["HANDLER"], unitId: UNITS[1]!.id } })).rejects.toMatchObject({ fields: [{ field: "unitId", code: "INACTIVE_UNIT" }] });
  });

  it("gives one of two simultaneous creates of the same username a TAKEN error, never a server error", async () => {
    const results = await Promise.allSettled([0, 1].map((i) => createAccount(deps, { actor: system, input: { username: "twin", displayName: `Twin ${i}`, roles: ["DISPATCHER"] } })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(failed.reason).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "username", code: "TAKEN" }] });
    expect(await db.dataSource.getRepository(AuditEntry).countBy({ entityLabel: "twin" })).toBe(1);
  });

  it("never leaves the centre without an active administrator", async () => {
    const first = (await createAccount(deps, { actor: system, input: { username: "admin.one", displayName: "One", roles: ["ADMIN"] } })).account;
    const second = (await createAccount(deps, { actor: system, input: { username: "admin.two", displayName: "Two", roles: ["ADMIN"] } })).account;
    await setAccountActive(deps, { actor: actorOf(first), id: second.id, active: false });
    await expect(setAccountActive(deps, { actor: actorOf(second), id: first.id, active: false })).rejects.toMatchObject({ code: "ACCOUNTS/LAST_ADMIN" });
    await expect(updateAccount(deps, { actor: actorOf(second), id: first.id, input: { displayName: "One", roles: ["SUPERVISOR"] } })).rejects.toMatchObject({ code: "ACCOUNTS/LAST_ADMIN" });
    await expect(setAccountActive(deps, { actor: actorOf(first), id: first.id, active: false })).rejects.toMatchObject({ code: "ACCOUNTS/SELF" });
    expect(await db.dataSource.getRepository(User).findOneByOrFail({ id: first.id })).toMatchObject({ active: true, roles: [Role.ADMIN] });
  });

  it("resets to a new temporary password and records it without the password", async () => {
    const { account, temporaryPassword } = await createAccount(deps, { actor: system, input: { username: "reset.me", displayName: "R", roles: ["QA_INSPECTOR"] } });
    const reset = await resetPassword(deps, { actor: system, id: account.id });
    expect(reset.temporaryPassword).not.toBe(temporaryPassword);
    const entries = await db.dataSource.getRepository(AuditEntry).findBy({ entityId: account.id, action: "account.reset_password" });
    expect(entries).toHaveLength(1);
    expect(JSON.stringify(entries)).not.toContain(reset.temporaryPassword);
  });

  it("lists by role and unit through their indexes", async () => {
    const handlers = await listAccounts(db.dataSource.manager, { role: "HANDLER" }, { limit: 50, offset: 0 });
    expect(handlers.items.map((u) => u.username)).toEqual(["chen.town", "old.town"]);
    expect((await listAccounts(db.dataSource.manager, { unitId: UNITS[0]!.id, query: "CHEN" }, { limit: 50, offset: 0 })).total).toBe(1);
    expect((await listAccounts(db.dataSource.manager, { active: false }, { limit: 50, offset: 0 })).items.map((u) => u.username)).toEqual(["admin.two"]);
    const runner = db.dataSource.createQueryRunner();
    try {
      await runner.query("SET enable_seqscan = off");
      const plan = async (sql: string) => ((await runner.query(`EXPLAIN ${sql}`)) as Array<{ "QUERY PLAN": string }>).map((r) => r["QUERY PLAN"]).join("\n");
      expect(await plan("SELECT id FROM platform_user WHERE roles @> ARRAY['handler']::text[]")).toContain("platform_user_roles_idx");
      expect(await plan(`SELECT id FROM platform_user WHERE unit_id = '${UNITS[0]!.id}'`)).toContain("platform_user_unit_idx");
    } finally {
      await runner.release();
    }
  });
});
