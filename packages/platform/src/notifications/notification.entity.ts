import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";

/**
 * One in-app notification for one person. Title and body are message keys with parameters, so that
 * each viewer reads it in their own language; `link` is a path inside the staff apps.
 */
@Entity({ name: "platform_notification" })
@Index("platform_notification_recipient_idx", ["recipientId", "createdAt"])
@Index("platform_notification_unread_idx", ["recipientId"], { where: "read_at IS NULL" })
@Index("platform_notification_dedupe_key", ["recipientId", "dedupeKey"], { unique: true, where: "dedupe_key IS NOT NULL" })
export class Notification {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  /** The platform user it is for. */
  @Column({ name: "recipient_id", type: "uuid" })
  recipientId!: string;

  /** What it is about, e.g. `knowledge.review_waiting` (clients may pick an icon by it). */
  @Column({ type: "text" })
  kind!: string;

  @Column({ name: "title_key", type: "text" })
  titleKey!: string;

  @Column({ name: "body_key", type: "text", nullable: true })
  bodyKey!: string | null;

  /** Values for the message keys' placeholders. */
  @Column({ type: "jsonb", default: () => "'{}'" })
  params!: Record<string, string>;

  @Column({ type: "text", nullable: true })
  link!: string | null;

  /** Set by producers that may run twice (outbox handlers): one notification per recipient and key. */
  @Column({ name: "dedupe_key", type: "text", nullable: true })
  dedupeKey!: string | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt!: Date;

  @Column({ name: "read_at", type: "timestamptz", nullable: true })
  readAt!: Date | null;
}

/** A person's unread count, maintained by notify and markRead (never recounted per event). */
@Entity({ name: "platform_notification_unread" })
export class NotificationUnread {
  @PrimaryColumn({ name: "user_id", type: "uuid" })
  userId!: string;

  @Column({ type: "integer", default: 0 })
  unread!: number;
}
