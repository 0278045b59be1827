import "reflect-metadata";
import { randomUUID } from "node:crypto";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PgPubSub } from "../events/pubsub.js";
import { platformModule } from "../platform.module.js";
import { createTestDatabase, type TestDatabase } from "../testing/index.js";
import { hashToken, logIn, upsertUser } from "./auth.service.js";
import { Role } from "./roles.js";
import { endSession, endSessionsOfUser, findSession, SESSIONS_ENDED_TOPIC, type SessionsEnded } from "./sessions.js";

let db: TestDatabase;
let pubsub: PgPubSub;
let heard: AsyncIterator<unknown>;
const MARKER = "marker";

beforeAll(async () => {
  db = await createTestDatabase({ entities: platformModule.entities, migrations: platformModule.migrations });
  pubsub = new PgPubSub(db.dataSource, db.url, pino({ level: "silent" }));
  await pubsub.start();
  heard = pubsub.subscribe(SESSIONS_ENDED_TOPIC)[Symbol.asyncIterator]();
});

afterAll(async () => {
  await pubsub?.close();
  await db?.destroy();
});

async function staffWithSessions(count: number): Promise<{ userId: string; tokens: string[] }> {
  const username = `operator.${randomUUID().slice(0, 8)}`;
  const user = await upsertUser(db.dataSource.manager, { username, displayName: "王敏", password: "pw-long-enough", roles: [Role.OPERATOR] });
  const tokens: string[] = [];
  for (let i = 0; i < count; i += 1) {
    tokens.push((await logIn(db.dataSource, { username, password: "pw-long-enough", ttlHours: 1 })).token);
  }
  return { userId: user.id, tokens };
}

/** The next message on the topic (NOTIFYs arrive in commit order, so a marker proves none came before it). */
async function nextHeard(): Promise<SessionsEnded> {
  const next = await heard.next();
  return next.value as SessionsEnded;
}

describe("ending sessions", () => {
  it("a logout ends that session only and announces it by session id, never the token", async () => {
    const { userId, tokens } = await staffWithSessions(2);
    const [desk, phone] = tokens as [string, string];
    await endSession({ dataSource: db.dataSource, token: desk });
    expect(await nextHeard()).toEqual({ userId, sessionId: hashToken(desk), reason: "logout" });
    expect(await findSession(db.dataSource, desk)).toBeNull();
    expect((await findSession(db.dataSource, phone))?.userId).toBe(userId);
  });

  it("ends every session of a user, and announces nothing when the caller's transaction rolls back", async () => {
    const { userId, tokens } = await staffWithSessions(2);
    await db.dataSource
      .transaction(async (manager) => {
        await endSessionsOfUser({ dataSource: db.dataSource, userId, manager });
        throw new Error(MARKER);
      })
      .catch(() => undefined);
    expect((await findSession(db.dataSource, tokens[0]!))?.userId).toBe(userId);
    pubsub.publish(SESSIONS_ENDED_TOPIC, { userId: MARKER, sessionId: null, reason: "ended" });
    expect((await nextHeard()).userId).toBe(MARKER);

    await endSessionsOfUser({ dataSource: db.dataSource, userId });
    expect(await nextHeard()).toEqual({ userId, sessionId: null, reason: "ended" });
    expect(await Promise.all(tokens.map((token) => findSession(db.dataSource, token)))).toEqual([null, null]);
  });
});
