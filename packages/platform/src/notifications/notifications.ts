import type { DataSource, EntityManager } from "typeorm";
import { requireRole, type Actor } from "../auth/actor.js";
import { STAFF_ROLES } from "../auth/roles.js";
import { ValidationError } from "../errors.js";
import { publishOnCommit } from "../events/pubsub.js";
import { pageInput, type PageRule } from "../paging.js";
import { Notification, NotificationUnread } from "./notification.entity.js";

type Db = DataSource | EntityManager;

/** Paging of a person's notification list. */
export const NOTIFICATION_PAGE: PageRule = { defaultLimit: 20, maxLimit: 100, maxOffset: 10_000 };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The pubsub topic of one person's unread count (payload `{ unread }`, computed once at the change). */
export function notificationCountTopic(userId: string): string {
  return `platform.notification_count:${userId}`;
}

/** What a producer says: for whom, what (message keys with parameters) and where it leads. */
export type NotificationDraft = {
  recipientIds: readonly string[];
  kind: string;
  titleKey: string;
  bodyKey?: string | null;
  params?: Record<string, string>;
  link?: string | null;
  /** One notification per recipient and key: a producer that may run twice sets it. */
  dedupeKey?: string | null;
};

function inTransaction<T>(db: Db, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  const manager = db as EntityManager;
  if (manager.queryRunner?.isTransactionActive) {
    return work(manager);
  }
  return db.transaction(work);
}

/**
 * Notifies people, inside the caller's transaction when there is one: one row per distinct
 * recipient (none twice for the same dedupe key), each unread count raised by what was inserted,
 * and the new count published to that person once the transaction commits. Returns who was notified.
 */
export async function notify(db: Db, draft: NotificationDraft): Promise<string[]> {
  const recipients = [...new Set(draft.recipientIds)].filter((id) => UUID.test(id)).sort();
  if (recipients.length === 0) {
    return [];
  }
  return inTransaction(db, async (manager) => {
    const inserted: Array<{ recipient_id: string }> = await manager.query(
      `INSERT INTO platform_notification (recipient_id, kind, title_key, body_key, params, link, dedupe_key)
       SELECT r, $2, $3, $4, $5::jsonb, $6, $7 FROM unnest($1::uuid[]) AS r
       ON CONFLICT (recipient_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
       RETURNING recipient_id`,
      [recipients, draft.kind, draft.titleKey, draft.bodyKey ?? null, JSON.stringify(draft.params ?? {}), draft.link ?? null, draft.dedupeKey ?? null],
    );
    const notified = [...new Set(inserted.map((row) => row.recipient_id))].sort();
    if (notified.length === 0) {
      return [];
    }
    const counts: Array<{ user_id: string; unread: number }> = await manager.query(
      `INSERT INTO platform_notification_unread (user_id, unread) SELECT u, 1 FROM unnest($1::uuid[]) AS u
       ON CONFLICT (user_id) DO UPDATE SET unread = platform_notification_unread.unread + 1
       RETURNING user_id, unread`,
      [notified],
    );
    for (const row of counts) {
      await publishOnCommit(manager, notificationCountTopic(row.user_id), { unread: row.unread });
    }
    return notified;
  });
}

/** The signed-in person's notifications, newest first, with their unread count. Staff. */
export async function listNotifications(options: {
  db: Db;
  actor: Actor | null;
  unreadOnly?: boolean | null;
  limit?: number | null;
  offset?: number | null;
}): Promise<{ unread: number; items: Notification[] }> {
  const actor = requireRole(options.actor, STAFF_ROLES);
  const { limit, offset } = pageInput(options, NOTIFICATION_PAGE);
  const query = options.db
    .getRepository(Notification)
    .createQueryBuilder("n")
    .where("n.recipient_id = :me", { me: actor.id })
    .orderBy("n.created_at", "DESC")
    .addOrderBy("n.id", "DESC")
    .take(limit)
    .skip(offset);
  if (options.unreadOnly) {
    query.andWhere("n.read_at IS NULL");
  }
  return { unread: await unreadCount(options.db, actor.id), items: await query.getMany() };
}

/** A person's unread count (the maintained counter, one row read). */
export async function unreadCount(db: Db, userId: string): Promise<number> {
  const row = await db.getRepository(NotificationUnread).findOneBy({ userId });
  return row?.unread ?? 0;
}

/**
 * Marks the signed-in person's notifications read: the given ones, or all when `ids` is absent.
 * Others' notifications are never touched. Returns (and publishes) the new unread count.
 */
export async function markNotificationsRead(options: { db: Db; actor: Actor | null; ids?: readonly string[] | null }): Promise<number> {
  const actor = requireRole(options.actor, STAFF_ROLES);
  const ids = options.ids ?? null;
  if (ids && !ids.every((id) => UUID.test(id))) {
    throw new ValidationError([{ field: "ids", code: "INVALID_FORMAT", message: "Notification ids are UUIDs." }]);
  }
  return inTransaction(options.db, async (manager) => {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [rows]: [Array<{ unread: number }>, number] = await manager.query(
      `WITH marked AS (
         UPDATE platform_notification SET read_at = now()
         WHERE recipient_id = $1 AND read_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))
         RETURNING 1)
       UPDATE platform_notification_unread SET unread = greatest(unread - (SELECT count(*)::int FROM marked), 0)
       WHERE user_id = $1 RETURNING unread`,
      [actor.id, ids],
    );
    const unread = rows[0]?.unread ?? 0;
    await publishOnCommit(manager, notificationCountTopic(actor.id), { unread });
    return unread;
  });
}

/**
 * Marks every notification read, for everyone: demo seeding writes dozens of "approved" notices while
 * it publishes its articles, and a fresh demo should start with nothing unread.
 */
export async function markAllNotificationsRead(manager: EntityManager): Promise<void> {
  await manager.query("UPDATE platform_notification SET read_at = now() WHERE read_at IS NULL");
  await manager.query("UPDATE platform_notification_unread SET unread = 0 WHERE unread <> 0");
}
