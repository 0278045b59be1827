import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/**
 * One administrative action: who did what to which record and when, with the record before and
 * after (secrets removed). Written by `recordAudit` in the same transaction as the change, so an
 * entry exists exactly when the change committed. Never updated or deleted by the application.
 */
@Entity({ name: "platform_audit_entry" })
@Index("platform_audit_entry_at_idx", ["at", "id"])
@Index("platform_audit_entry_entity_idx", ["entityType", "entityId", "at"])
@Index("platform_audit_entry_actor_idx", ["actorId", "at"])
@Index("platform_audit_entry_action_idx", ["action", "at"])
export class AuditEntry {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  /** When the change happened (the transaction's time). */
  @CreateDateColumn({ type: "timestamptz" })
  at!: Date;

  /** The platform user or API key that acted; null for the system (seed, CLI, timers). */
  @Column({ name: "actor_id", type: "uuid", nullable: true })
  actorId!: string | null;

  /** `staff`, `integrator` or `system`. */
  @Column({ name: "actor_kind", type: "text" })
  actorKind!: string;

  /** The actor's display name at the time (kept even if the account is later renamed). */
  @Column({ name: "actor_name", type: "text" })
  actorName!: string;

  /** What was done, `<area>.<verb>`: `account.create`, `category.move`, `api_key.revoke` … */
  @Column({ type: "text" })
  action!: string;

  /** The kind of record: `account`, `category`, `api_key`, `webhook`, `sms_template` … */
  @Column({ name: "entity_type", type: "text" })
  entityType!: string;

  /** The record's id (text: uuids, codes and keys alike); null for actions on no single record. */
  @Column({ name: "entity_id", type: "text", nullable: true })
  entityId!: string | null;

  /** A human label of the record (username, category name …) for the list and the search. */
  @Column({ name: "entity_label", type: "text", nullable: true })
  entityLabel!: string | null;

  /** The record before the change (null when created). */
  @Column({ type: "jsonb", nullable: true })
  before!: Record<string, unknown> | null;

  /** The record after the change (null when deleted). */
  @Column({ type: "jsonb", nullable: true })
  after!: Record<string, unknown> | null;
}
