import { Column, Entity, Index, PrimaryColumn } from "typeorm";

/**
 * Failed logins counted on one key: a username (whether or not such an account exists, so that the
 * answers do not tell which names are real) or a client address. Keys are SHA-256 hashes: a
 * password typed into the username field is not kept in clear.
 */
@Entity({ name: "platform_login_throttle" })
@Index("platform_login_throttle_window_idx", ["windowStartedAt"])
export class LoginThrottle {
  /** `user:<sha256 of the normalised username>` or `ip:<sha256 of the address>`. */
  @PrimaryColumn({ type: "text" })
  key!: string;

  /** Failures since `windowStartedAt` (reset when the key is locked). */
  @Column({ type: "integer", default: 0 })
  failures!: number;

  @Column({ name: "window_started_at", type: "timestamptz" })
  windowStartedAt!: Date;

  /** Logins on this key are refused (RATE_LIMITED) until then. */
  @Column({ name: "locked_until", type: "timestamptz", nullable: true })
  lockedUntil!: Date | null;
}
