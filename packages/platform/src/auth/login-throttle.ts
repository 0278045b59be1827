import { createHash } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";

type Db = DataSource | EntityManager;

/** How many failed logins lock a key, within what window, and for how long. */
export const LOGIN_LIMITS = {
  /** Failures on one username (existing or not) that lock it: the sixth try answers RATE_LIMITED. */
  perUsername: 5,
  /** Failures from one client address that lock it; generous, as a whole call centre may share one. */
  perAddress: 50,
  windowMinutes: 15,
  lockMinutes: 15,
} as const;

/** What a login attempt is counted on: the normalised username and, when known, the client address. */
export type LoginAttempt = { username: string; clientIp?: string | null };

const digest = (value: string) => createHash("sha256").update(value).digest("hex");

function usernameKey(username: string): string {
  return `user:${digest(username.normalize("NFKC"))}`;
}

function keysOf(attempt: LoginAttempt): Array<{ key: string; max: number }> {
  const keys: Array<{ key: string; max: number }> = [{ key: usernameKey(attempt.username), max: LOGIN_LIMITS.perUsername }];
  if (attempt.clientIp && attempt.clientIp !== "unknown") {
    keys.push({ key: `ip:${digest(attempt.clientIp)}`, max: LOGIN_LIMITS.perAddress });
  }
  return keys;
}

/** Whether the username or the address is locked now (checked before the password, for every name). */
export async function isLoginLocked(db: Db, attempt: LoginAttempt): Promise<boolean> {
  const rows = (await db.query("SELECT 1 FROM platform_login_throttle WHERE key = ANY($1) AND locked_until > now() LIMIT 1", [
    keysOf(attempt).map(({ key }) => key),
  ])) as unknown[];
  return rows.length > 0;
}

/**
 * Counts one failure on the username and the address, the same way whether or not the account
 * exists; a key reaching its limit within the window is locked. Counted in SQL (one upsert per
 * key), so concurrent guesses cannot overwrite each other's count. Also forgets stale keys.
 */
export async function recordLoginFailure(db: Db, attempt: LoginAttempt): Promise<void> {
  const window = `make_interval(mins => ${LOGIN_LIMITS.windowMinutes})`;
  const lock = `now() + make_interval(mins => ${LOGIN_LIMITS.lockMinutes})`;
  const stale = `t.window_started_at <= now() - ${window}`;
  const next = `(CASE WHEN ${stale} THEN 1 ELSE t.failures + 1 END)`;
  for (const { key, max } of keysOf(attempt)) {
    await db.query(
      `INSERT INTO platform_login_throttle AS t (key, failures, window_started_at, locked_until)
       VALUES ($1, CASE WHEN $2::int <= 1 THEN 0 ELSE 1 END, now(), CASE WHEN $2::int <= 1 THEN ${lock} END)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN ${next} >= $2::int THEN 0 ELSE ${next} END,
         window_started_at = CASE WHEN ${stale} OR ${next} >= $2::int THEN now() ELSE t.window_started_at END,
         locked_until = CASE WHEN ${next} >= $2::int THEN ${lock} ELSE t.locked_until END`,
      [key, max],
    );
  }
  await db.query(
    `DELETE FROM platform_login_throttle WHERE key IN (
       SELECT key FROM platform_login_throttle
        WHERE window_started_at < now() - interval '1 day' AND (locked_until IS NULL OR locked_until < now()) LIMIT 100)`,
  );
}

/** Forgets the failures of a username after a successful login (the address keeps its count). */
export async function clearLoginFailures(db: Db, attempt: LoginAttempt): Promise<void> {
  await db.query("DELETE FROM platform_login_throttle WHERE key = $1", [usernameKey(attempt.username)]);
}
