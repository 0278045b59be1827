import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import type { Role } from "./roles.js";

/** A staff account. Passwords are bcrypt hashes; failed logins are counted in LoginThrottle, by username. */
@Entity({ name: "platform_user" })
@Index("platform_user_unit_idx", ["unitId"])
@Index("platform_user_roles_idx", { synchronize: false })
export class User {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ type: "text", unique: true })
  username!: string;

  @Column({ name: "display_name", type: "text" })
  displayName!: string;

  @Column({ name: "password_hash", type: "text" })
  passwordHash!: string;

  @Column({ type: "text", array: true })
  roles!: Role[];

  /** Handling unit (routing's unit id) for handlers; null for centre staff. */
  @Column({ name: "unit_id", type: "uuid", nullable: true })
  unitId!: string | null;

  /** Seat (workstation) the call-taker is logged in at, for screen-pop. */
  @Column({ type: "text", nullable: true })
  seat!: string | null;

  /** Team (班组) of a call-taker, for shift planning and QA. */
  @Column({ type: "text", nullable: true })
  team!: string | null;

  /** The unit (routing's unit id) a leader heads, shown when they take calls and in their figures. */
  @Column({ name: "leader_unit_id", type: "uuid", nullable: true })
  leaderUnitId!: string | null;

  /** Set by an admin's password reset: the temporary password must be changed before anything else. */
  @Column({ name: "must_change_password", type: "boolean", default: false })
  mustChangePassword!: boolean;

  @Column({ type: "boolean", default: true })
  active!: boolean;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt!: Date;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt!: Date;
}
