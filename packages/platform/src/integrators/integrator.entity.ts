import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";

/** A named system using the API (a city app, the CTI, a data platform); it holds API keys and webhooks. */
@Entity({ name: "platform_integrator" })
export class Integrator {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ type: "text", unique: true })
  name!: string;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt!: Date;
}

/**
 * An API key's request count in its current one-minute window and when it was last used. Written
 * in batches (once a second per gateway instance at most, see `IntegratorUsage`), not per request.
 */
@Entity({ name: "platform_api_key_usage" })
export class ApiKeyUsage {
  @PrimaryColumn({ name: "key_id", type: "uuid" })
  keyId!: string;

  @Column({ name: "window_start", type: "timestamptz" })
  windowStart!: Date;

  @Column({ type: "integer" })
  count!: number;

  @Column({ name: "last_used_at", type: "timestamptz" })
  lastUsedAt!: Date;
}
