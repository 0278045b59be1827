import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import type { Role } from "./roles.js";

/** A staff account. Passwords are bcrypt hashes; failed logins are counted in LoginThrottle, by username. */
@Entity({ name: "platform_user" })
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

  @Column({ type: "boolean", default: true })
  active!: boolean;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt!: Date;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt!: Date;
}
