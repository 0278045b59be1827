import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import type { Role } from "./roles.js";

/**
 * An integrator's API key (telephony, Open311 clients, apps). Only its SHA-256 is stored, with the
 * first characters (`keyPrefix`) to tell keys apart on screen. A key is valid while `active`, not
 * revoked, and not past `expiresAt` (set when it is rotated: the overlap period).
 */
@Entity({ name: "platform_api_key" })
@Index("platform_api_key_integrator_idx", ["integratorId", "createdAt"])
export class ApiKey {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ type: "text" })
  name!: string;

  @Column({ name: "key_hash", type: "text", unique: true })
  keyHash!: string;

  @Column({ type: "text", array: true })
  roles!: Role[];

  @Column({ type: "boolean", default: true })
  active!: boolean;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt!: Date;

  /** The integrator the key belongs to; the actor id of every request made with it. */
  @Column({ name: "integrator_id", type: "uuid" })
  integratorId!: string;

  /** IntegratorScope values. */
  @Column({ type: "text", array: true, default: () => "'{}'" })
  scopes!: string[];

  /** The key's first characters (e.g. `cl_Ab3x…`), shown to admins; never enough to use it. */
  @Column({ name: "key_prefix", type: "text", default: "" })
  keyPrefix!: string;

  /** Requests per minute this key may make (429 with Retry-After beyond). */
  @Column({ name: "rate_limit_per_minute", type: "integer", default: 600 })
  rateLimitPerMinute!: number;

  /** After rotation: the end of the overlap period, after which the key no longer works. */
  @Column({ name: "expires_at", type: "timestamptz", nullable: true })
  expiresAt!: Date | null;

  @Column({ name: "revoked_at", type: "timestamptz", nullable: true })
  revokedAt!: Date | null;

  /** The key this one replaced (rotation). */
  @Column({ name: "replaces_key_id", type: "uuid", nullable: true })
  replacesKeyId!: string | null;
}
