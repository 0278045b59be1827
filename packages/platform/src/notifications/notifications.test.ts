import "reflect-metadata";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../auth/actor.js";
import { Role } from "../auth/roles.js";
import { User } from "../auth/user.entity.js";
import { PgPubSub } from "../events/pubsub.js";
import { platformModule } from "../platform.module.js";
import { createTestDatabase, type TestDatabase } from "../testing/index.js";
import { listNotifications, markAllNotificationsRead, markNotificationsRead, notificationCountTopic, notify, unreadCount } from "./notifications.js";

let db: TestDatabase;
let pubsub: PgPubSub;
let n = 0;

beforeAll(async () => {
  db = await createTestDatabase({ entities: platformModule.entities, migrations: platformModule.migrations });
  pubsub = new PgPubSub(db.dataSource, db.url, pino({ level: "silent" }));
  await pubsub.start();
});
afterAll(async () => {
  await pubsub?.close();
  await db?.destroy();
});

async function person(roles: Role[] = [Role.HANDLER]): Promise<Actor> {
  const user = await db.dataSource.getRepository(User).save({ username: `notify-${++n}-${Date.now()}`, displayName: `用户${n}`, passwordHash: "x", roles, unitId: null });
  return { kind: "staff", id: user.id, name: user.displayName, roles, unitId: null };
}

const draft = (recipientIds: string[], extra: Partial<Parameters<typeof notify>[1]> = {}) => ({
  recipientIds,
  kind: "knowledge.review_waiting",
  titleKey: "notification.knowledge.reviewWaiting.title",
  params: { title: "供暖" },
  link: "knowledge/review",
  ...extra,
});

describe("in-app notifications", () => {
  it("reach only their recipients, newest first, with a maintained unread count", async () => {
    const [a, b, c] = [await person(), await person(), await person()];
    expect(await notify(db.dataSource, draft([a.id, b.id, a.id]))).toEqual([a.id, b.id].sort());
    await notify(db.dataSource, draft([a.id], { kind: "knowledge.sent_back", titleKey: "notification.knowledge.sentBack.title" }));
    const mine = await listNotifications({ db: db.dataSource, actor: a });
    expect(mine.unread).toBe(2);
    expect(mine.items.map((x) => x.kind)).toEqual(["knowledge.sent_back", "knowledge.review_waiting"]);
    expect(mine.items[1]).toMatchObject({ params: { title: "供暖" }, link: "knowledge/review", readAt: null });
    expect((await listNotifications({ db: db.dataSource, actor: b })).items).toHaveLength(1);
    expect(await listNotifications({ db: db.dataSource, actor: c })).toEqual({ unread: 0, items: [] });
  });

  it("marks read per person: the given ones or all, never someone else's", async () => {
    const [a, b] = [await person(), await person()];
    await notify(db.dataSource, draft([a.id, b.id]));
    await notify(db.dataSource, draft([a.id]));
    const [newest, older] = (await listNotifications({ db: db.dataSource, actor: a })).items;
    const theirs = (await listNotifications({ db: db.dataSource, actor: b })).items[0]!;
    expect(await markNotificationsRead({ db: db.dataSource, actor: a, ids: [newest!.id, theirs.id] })).toBe(1);
    expect(await markNotificationsRead({ db: db.dataSource, actor: a, ids: [newest!.id] })).toBe(1);
    expect(await unreadCount(db.dataSource, b.id)).toBe(1);
    expect((await listNotifications({ db: db.dataSource, actor: b })).items[0]!.readAt).toBeNull();
    expect((await listNotifications({ db: db.dataSource, actor: a, unreadOnly: true })).items.map((x) => x.id)).toEqual([older!.id]);
    expect(await markNotificationsRead({ db: db.dataSource, actor: a })).toBe(0);
    await expect(markNotificationsRead({ db: db.dataSource, actor: a, ids: ["nope"] })).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
    await expect(listNotifications({ db: db.dataSource, actor: null })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("notifies once per dedupe key (a producer that runs twice), and only after the transaction commits", async () => {
    const a = await person();
    await notify(db.dataSource, draft([a.id], { dedupeKey: "expiring:x:2026-12-31" }));
    expect(await notify(db.dataSource, draft([a.id], { dedupeKey: "expiring:x:2026-12-31" }))).toEqual([]);
    expect(await unreadCount(db.dataSource, a.id)).toBe(1);
    await expect(
      db.dataSource.transaction(async (manager) => {
        await notify(manager, draft([a.id]));
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await unreadCount(db.dataSource, a.id)).toBe(1);
  });

  it("publishes each recipient's new count to that recipient's topic", async () => {
    const [a, b] = [await person(), await person()];
    const onA = pubsub.subscribe(notificationCountTopic(a.id))[Symbol.asyncIterator]();
    const onB = pubsub.subscribe(notificationCountTopic(b.id))[Symbol.asyncIterator]();
    await notify(db.dataSource, draft([a.id]));
    await notify(db.dataSource, draft([a.id, b.id]));
    expect((await onA.next()).value).toEqual({ unread: 1 });
    expect((await onA.next()).value).toEqual({ unread: 2 });
    expect((await onB.next()).value).toEqual({ unread: 1 });
    await markNotificationsRead({ db: db.dataSource, actor: a });
    expect((await onA.next()).value).toEqual({ unread: 0 });
    await onA.return?.();
    await onB.return?.();
  });

  it("are all marked read by the demo seed's markAllNotificationsRead, counters included", async () => {
    const [a, b] = [await person(), await person()];
    await notify(db.dataSource, draft([a.id, b.id]));
    await notify(db.dataSource, draft([a.id]));
    expect([await unreadCount(db.dataSource, a.id), await unreadCount(db.dataSource, b.id)]).toEqual([2, 1]);
    await markAllNotificationsRead(db.dataSource.manager);
    expect([await unreadCount(db.dataSource, a.id), await unreadCount(db.dataSource, b.id)]).toEqual([0, 0]);
    expect((await listNotifications({ db: db.dataSource, actor: a, unreadOnly: true })).items).toEqual([]);
    expect((await listNotifications({ db: db.dataSource, actor: a })).items).toHaveLength(2);
  });
});
