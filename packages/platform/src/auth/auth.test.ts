import "reflect-metadata";
import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "../errors.js";
import { platformModule } from "../platform.module.js";
import { createTestDatabase, type TestDatabase } from "../testing/index.js";
import { actorForApiKey, actorForSessionToken, createApiKey, hashToken, logIn, logOut, upsertUser } from "./auth.service.js";
import { LOGIN_LIMITS } from "./login-throttle.js";
import { Role } from "./roles.js";

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase({ entities: platformModule.entities, migrations: platformModule.migrations });
});

afterAll(async () => {
  await db?.destroy();
});

/** A staff account with a unique name; the plaintext password is returned for logging in. */
async function buildUser(overrides: { roles?: Role[]; unitId?: string | null } = {}) {
  const username = `handler.${randomUUID().slice(0, 8)}`;
  const password = `pw-${randomUUID()}`;
  const user = await upsertUser(db.dataSource.manager, {
    username,
    displayName: "李娜",
    password,
    roles: overrides.roles ?? [Role.HANDLER],
    unitId: overrides.unitId === undefined ? randomUUID() : overrides.unitId,
  });
  return { user, username, password };
}

function attempt(username: string, password: string) {
  return logIn(db.dataSource, { username, password, ttlHours: 1 });
}

async function errorOf(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe("logIn and sessions", () => {
  it("logs in (username case and spaces ignored) and resolves the session to the actor", async () => {
    const { user, username, password } = await buildUser({ roles: [Role.HANDLER, Role.SUPERVISOR] });
    const result = await attempt(`  ${username.toUpperCase()} `, password);
    expect(result.token.length).toBeGreaterThanOrEqual(40);
    expect(result.expiresAt.getTime()).toBeGreaterThan(Date.now() + 59 * 60_000);

    const actor = await actorForSessionToken(db.dataSource, result.token);
    expect(actor).toEqual({ kind: "staff", id: user.id, name: "李娜", roles: [Role.HANDLER, Role.SUPERVISOR], unitId: user.unitId });
    expect(actor?.unitId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("gives a wrong password and an unknown user the same error", async () => {
    const { username } = await buildUser();
    const wrongPassword = await errorOf(attempt(username, "not-the-password"));
    const unknownUser = await errorOf(attempt(`nobody.${randomUUID()}`, "whatever"));
    expect(wrongPassword.code).toBe("AUTH/INVALID_CREDENTIALS");
    expect(unknownUser.code).toBe("AUTH/INVALID_CREDENTIALS");
    expect(unknownUser.message).toBe(wrongPassword.message);
  });

  it("locks the account after five failures, even for the right password", async () => {
    const { username, password } = await buildUser();
    for (let i = 0; i < 5; i += 1) {
      expect((await errorOf(attempt(username, `wrong-${i}`))).code).toBe("AUTH/INVALID_CREDENTIALS");
    }
    expect((await errorOf(attempt(username, password))).code).toBe("RATE_LIMITED");

    const rows: Array<{ locked: boolean }> = await db.dataSource.query(
      "SELECT locked_until > now() + interval '10 minutes' AS locked FROM platform_login_throttle WHERE locked_until IS NOT NULL",
    );
    expect(rows).toContainEqual({ locked: true });
  });

  it("answers a real and an unknown username alike: seven tries give the same codes and messages", async () => {
    const { username } = await buildUser();
    const answers = async (name: string) => {
      const seen: string[] = [];
      for (let i = 0; i < 7; i += 1) {
        const error = await errorOf(attempt(name, `wrong-${i}`));
        seen.push(`${error.code}: ${error.message}`);
      }
      return seen;
    };
    const real = await answers(username);
    const unknown = await answers(`nobody.${randomUUID().slice(0, 8)}`);
    expect(unknown).toEqual(real);
    expect(real.map((answer) => answer.split(":")[0])).toEqual([...Array(5).fill("AUTH/INVALID_CREDENTIALS"), "RATE_LIMITED", "RATE_LIMITED"]);
  });

  it("counts an unknown name's failures on the name as typed in any case and spacing", async () => {
    const name = `ghost.${randomUUID().slice(0, 8)}`;
    for (const typed of [name, name.toUpperCase(), `  ${name} `, name, `${name.toUpperCase()} `]) {
      expect((await errorOf(attempt(typed, "wrong"))).code).toBe("AUTH/INVALID_CREDENTIALS");
    }
    expect((await errorOf(attempt(name, "wrong"))).code).toBe("RATE_LIMITED");
  });

  it("keeps no username in clear in the failure counts", async () => {
    const name = `secret.${randomUUID().slice(0, 8)}`;
    await errorOf(logIn(db.dataSource, { username: name, password: "wrong", ttlHours: 1, clientIp: "203.0.113.9" }));
    const rows: Array<{ key: string }> = await db.dataSource.query("SELECT key FROM platform_login_throttle");
    expect(rows.some((row) => row.key.includes(name) || row.key.includes("203.0.113.9"))).toBe(false);
    expect(rows.map((row) => row.key)).toEqual(expect.arrayContaining([expect.stringMatching(/^user:[0-9a-f]{64}$/), expect.stringMatching(/^ip:[0-9a-f]{64}$/)]));
  });

  it("locks an address after many failures on any names, and only that address", async () => {
    const { username, password } = await buildUser();
    const from = (clientIp: string, name: string, pw: string) => logIn(db.dataSource, { username: name, password: pw, ttlHours: 1, clientIp });
    for (let i = 0; i < LOGIN_LIMITS.perAddress; i += 1) {
      expect((await errorOf(from("198.51.100.7", `spray.${i}.${randomUUID().slice(0, 6)}`, "guess"))).code).toBe("AUTH/INVALID_CREDENTIALS");
    }
    expect((await errorOf(from("198.51.100.7", username, password))).code).toBe("RATE_LIMITED");
    await expect(from("198.51.100.8", username, password)).resolves.toHaveProperty("token");
  });

  it("counts failures that arrive at the same time (no lost updates)", async () => {
    const { username, password } = await buildUser();
    const failures = await Promise.all(Array.from({ length: 5 }, (_, i) => errorOf(attempt(username, `guess-${i}`))));
    expect(failures.map((error) => error.code)).toEqual(Array(5).fill("AUTH/INVALID_CREDENTIALS"));
    expect((await errorOf(attempt(username, password))).code).toBe("RATE_LIMITED");
  });

  it("forgets earlier failures after a successful login", async () => {
    const { username, password } = await buildUser();
    for (let i = 0; i < 4; i += 1) {
      await errorOf(attempt(username, "wrong"));
    }
    await attempt(username, password);
    for (let i = 0; i < 4; i += 1) {
      await errorOf(attempt(username, "wrong"));
    }
    await expect(attempt(username, password)).resolves.toHaveProperty("token");
  });

  it("treats an expired session as no session", async () => {
    const { username, password } = await buildUser();
    const { token } = await attempt(username, password);
    await db.dataSource.query("UPDATE platform_session SET expires_at = now() - interval '1 second' WHERE token_hash = $1", [
      hashToken(token),
    ]);
    expect(await actorForSessionToken(db.dataSource, token)).toBeNull();
  });

  it("logOut ends only that session", async () => {
    const { user, username, password } = await buildUser();
    const desk = await attempt(username, password);
    const phone = await attempt(username, password);
    await logOut(db.dataSource, desk.token);
    expect(await actorForSessionToken(db.dataSource, desk.token)).toBeNull();
    expect((await actorForSessionToken(db.dataSource, phone.token))?.id).toBe(user.id);
  });

  it("refuses a deactivated user, both at login and for an open session", async () => {
    const { user, username, password } = await buildUser();
    const { token } = await attempt(username, password);
    await db.dataSource.query("UPDATE platform_user SET active = false WHERE id = $1", [user.id]);
    expect(await actorForSessionToken(db.dataSource, token)).toBeNull();
    expect((await errorOf(attempt(username, password))).code).toBe("AUTH/INVALID_CREDENTIALS");
  });
});

describe("what is stored", () => {
  it("keeps passwords as bcrypt hashes, never in plaintext", async () => {
    const { user, password } = await buildUser();
    const [row]: Array<{ password_hash: string }> = await db.dataSource.query("SELECT password_hash FROM platform_user WHERE id = $1", [
      user.id,
    ]);
    expect(row?.password_hash).toMatch(/^\$2[aby]\$10\$.{53}$/);
    expect(row?.password_hash).not.toContain(password);
    expect(await bcrypt.compare(password, row!.password_hash)).toBe(true);
  });

  it("keeps only the SHA-256 of session tokens", async () => {
    const { user, username, password } = await buildUser();
    const { token } = await attempt(username, password);
    const rows: Array<{ token_hash: string }> = await db.dataSource.query("SELECT token_hash FROM platform_session WHERE user_id = $1", [
      user.id,
    ]);
    expect(rows).toEqual([{ token_hash: hashToken(token) }]);
    expect(rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]?.token_hash).not.toBe(token);
  });

  it("keeps only the SHA-256 of API keys, and resolves a key to an integrator", async () => {
    const name = `12345 telephony ${randomUUID().slice(0, 8)}`;
    const key = await createApiKey(db.dataSource.manager, { name });
    expect(key).toMatch(/^cl_/);

    const rows: Array<{ key_hash: string; roles: string[] }> = await db.dataSource.query(
      "SELECT key_hash, roles FROM platform_api_key WHERE name = $1",
      [name],
    );
    expect(rows).toEqual([{ key_hash: hashToken(key), roles: [Role.INTEGRATOR] }]);
    const [leak]: Array<{ n: number }> = await db.dataSource.query(
      "SELECT count(*)::int AS n FROM platform_api_key WHERE position($1 in key_hash || name) > 0",
      [key],
    );
    expect(leak?.n).toBe(0);

    const actor = await actorForApiKey(db.dataSource, key);
    expect(actor).toMatchObject({ kind: "integrator", name, roles: [Role.INTEGRATOR], unitId: null });
    expect(await actorForApiKey(db.dataSource, `${key}x`)).toBeNull();
    expect(await actorForSessionToken(db.dataSource, key)).toBeNull();
  });

  it("ignores a deactivated API key and registers a given key only once", async () => {
    const name = `open311 ${randomUUID().slice(0, 8)}`;
    const given = `cl_${randomUUID()}`;
    expect(await createApiKey(db.dataSource.manager, { name, key: given })).toBe(given);
    await createApiKey(db.dataSource.manager, { name, key: given });
    const [count]: Array<{ n: number }> = await db.dataSource.query("SELECT count(*)::int AS n FROM platform_api_key WHERE name = $1", [name]);
    expect(count?.n).toBe(1);

    await db.dataSource.query("UPDATE platform_api_key SET active = false WHERE name = $1", [name]);
    expect(await actorForApiKey(db.dataSource, given)).toBeNull();
  });
});
