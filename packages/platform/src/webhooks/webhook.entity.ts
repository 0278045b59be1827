import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from "typeorm";

/** An integrator's subscription of one URL to ticket events. */
@Entity({ name: "platform_webhook" })
@Index("platform_webhook_integrator_idx", ["integratorId"])
export class Webhook {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ name: "integrator_id", type: "uuid" })
  integratorId!: string;

  @Column({ type: "text" })
  url!: string;

  /** WebhookEventType values subscribed to. */
  @Column({ type: "text", array: true })
  events!: string[];

  /** The HMAC-SHA256 signing secret (needed to sign, so kept; shown once when created). */
  @Column({ name: "signing_secret", type: "text" })
  signingSecret!: string;

  /** Set by an admin only: deliveries may go to loopback, link-local and private addresses. */
  @Column({ name: "allow_private_network", type: "boolean", default: false })
  allowPrivateNetwork!: boolean;

  @Column({ type: "boolean", default: true })
  active!: boolean;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt!: Date;
}

/**
 * One event to deliver to one webhook: the exact body (signed afresh, with a new timestamp, at each
 * attempt), its state, and the last attempt's outcome. Due rows are claimed with a lease
 * (`lockedUntil`), so one instance attempts a delivery at a time and a crashed one's work is retried.
 */
@Entity({ name: "platform_webhook_delivery" })
@Unique("platform_webhook_delivery_event_uq", ["webhookId", "eventId"])
@Index("platform_webhook_delivery_due_idx", ["nextAttemptAt"], { where: "status = 'pending'" })
@Index("platform_webhook_delivery_log_idx", ["webhookId", "createdAt"])
export class WebhookDelivery {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ name: "webhook_id", type: "uuid" })
  webhookId!: string;

  /** The event's id, the same at every attempt and redelivery: receivers de-duplicate on it. */
  @Column({ name: "event_id", type: "text" })
  eventId!: string;

  @Column({ name: "event_type", type: "text" })
  eventType!: string;

  @Column({ type: "text" })
  body!: string;

  /** pending | delivered | failed (gave up after 24 hours). */
  @Column({ type: "text", default: "pending" })
  status!: string;

  @Column({ type: "integer", default: 0 })
  attempts!: number;

  @Column({ name: "next_attempt_at", type: "timestamptz" })
  nextAttemptAt!: Date;

  @Column({ name: "locked_until", type: "timestamptz", nullable: true })
  lockedUntil!: Date | null;

  /** Attempts stop after this (24 hours after the event). */
  @Column({ name: "give_up_at", type: "timestamptz" })
  giveUpAt!: Date;

  @Column({ name: "last_status_code", type: "integer", nullable: true })
  lastStatusCode!: number | null;

  @Column({ name: "last_latency_ms", type: "integer", nullable: true })
  lastLatencyMs!: number | null;

  @Column({ name: "last_response_excerpt", type: "text", nullable: true })
  lastResponseExcerpt!: string | null;

  @Column({ name: "last_error", type: "text", nullable: true })
  lastError!: string | null;

  @Column({ name: "last_attempt_at", type: "timestamptz", nullable: true })
  lastAttemptAt!: Date | null;

  @Column({ name: "delivered_at", type: "timestamptz", nullable: true })
  deliveredAt!: Date | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt!: Date;
}

/** One attempt at a delivery (the delivery log). */
@Entity({ name: "platform_webhook_attempt" })
@Index("platform_webhook_attempt_delivery_idx", ["deliveryId", "at"])
export class WebhookAttempt {
  @PrimaryGeneratedColumn("increment", { type: "bigint" })
  id!: string;

  @Column({ name: "delivery_id", type: "uuid" })
  deliveryId!: string;

  @Column({ type: "timestamptz" })
  at!: Date;

  @Column({ name: "status_code", type: "integer", nullable: true })
  statusCode!: number | null;

  @Column({ name: "latency_ms", type: "integer" })
  latencyMs!: number;

  @Column({ name: "response_excerpt", type: "text", nullable: true })
  responseExcerpt!: string | null;

  @Column({ type: "text", nullable: true })
  error!: string | null;
}
