import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";
import type { Role } from "./roles.js";

/** An integrator's API key (telephony, Open311 clients, apps). Only its SHA-256 is stored. */
@Entity({ name: "platform_api_key" })
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
}
