import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { DataSource, type EntityManager } from "typeorm";
import { recordAudit } from "../audit/audit.js";
import { hasAnyRole, requireRole, type Actor } from "../auth/actor.js";
import { Role } from "../auth/roles.js";
import { DomainError, ForbiddenError, ValidationError, type FieldError } from "../errors.js";
import { Integrator } from "../integrators/integrator.entity.js";
import { IntegratorScope, requireScope } from "../integrators/scopes.js";
import { checkWebhookUrl, type UrlProblem } from "./ssrf.js";
import { Webhook, WebhookAttempt, WebhookDelivery } from "./webhook.entity.js";

/** The channel a new delivery NOTIFYs on commit, so dispatchers wake up at once. */
export const WEBHOOK_CHANNEL = "civicline_webhook";
/** Deliveries are retried for this long after the event, then given up. */
export const WEBHOOK_RETRY_WINDOW_MS = 24 * 3_600_000;

/** Ticket events an integrator may subscribe to. */
export enum WebhookEventType {
  TICKET_RECEIVED = "ticket.received",
  TICKET_DISPATCHED = "ticket.dispatched",
  TICKET_REPLIED = "ticket.replied",
  TICKET_CLOSED = "ticket.closed",
  TICKET_RE_REPORTED = "ticket.re_reported",
}

/** The test event an admin can send to check a webhook end to end. */
export const PING_EVENT = "ping";

export enum WebhookDeliveryStatus {
  PENDING = "pending",
  DELIVERED = "delivered",
  /** Gave up after 24 hours of retries. */
  FAILED = "failed",
}

/** Header names of a delivery. */
export const WEBHOOK_HEADERS = {
  eventId: "x-civicline-event-id",
  event: "x-civicline-event",
  timestamp: "x-civicline-timestamp",
  signature: "x-civicline-signature",
} as const;

/** `v1=` + hex HMAC-SHA256 with the webhook's secret over `<timestamp>.<raw body>` (timestamp: Unix seconds). */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/**
 * A receiver's check (the README's snippet does the same): the signature matches the raw body and
 * timestamp, and the timestamp is within `toleranceSeconds` of now (replays of old deliveries fail).
 */
export function verifyWebhookSignature(input: { secret: string; body: string; timestamp: string | undefined; signature: string | undefined; nowSeconds?: number; toleranceSeconds?: number }): boolean {
  const timestamp = Number(input.timestamp);
  if (!Number.isInteger(timestamp) || !input.signature) {
    return false;
  }
  const now = input.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > (input.toleranceSeconds ?? 300)) {
    return false;
  }
  const expected = Buffer.from(signWebhook(input.secret, timestamp, input.body));
  const given = Buffer.from(input.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export type WebhookView = Omit<Webhook, "signingSecret"> & { integratorName: string };
export type CreatedWebhook = { webhook: WebhookView; signingSecret: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const webhookNotFound = () => new DomainError("WEBHOOK/NOT_FOUND", "This webhook does not exist.");
const EVENT_TYPES: readonly string[] = Object.values(WebhookEventType);

/** Admins, or an integrator with the `webhooks` scope (its own webhooks only). */
function requireWebhookActor(actor: Actor | null): Actor {
  const caller = requireRole(actor, [Role.ADMIN, Role.INTEGRATOR]);
  requireScope(caller, IntegratorScope.WEBHOOKS);
  return caller;
}

function isAdmin(actor: Actor): boolean {
  return actor.kind === "staff" && hasAnyRole(actor, [Role.ADMIN]);
}

async function viewOf(db: DataSource | EntityManager, webhooks: Webhook[]): Promise<WebhookView[]> {
  const ids = [...new Set(webhooks.map((webhook) => webhook.integratorId))];
  const names = ids.length ? ((await db.query("SELECT id, name FROM platform_integrator WHERE id = ANY($1::uuid[])", [ids])) as Array<{ id: string; name: string }>) : [];
  return webhooks.map(({ signingSecret: _secret, ...rest }) => ({ ...rest, integratorName: names.find((row) => row.id === rest.integratorId)?.name ?? "" }));
}

/** Loads a webhook the actor may manage (admins: any; an integrator: its own, else the same not-found). */
async function webhookFor(db: DataSource | EntityManager, actor: Actor, id: string, lock = false): Promise<Webhook> {
  const query = db.getRepository(Webhook).createQueryBuilder("w").where("w.id = :id", { id });
  const webhook = UUID.test(id) ? await (lock ? query.setLock("pessimistic_write") : query).getOne() : null;
  if (!webhook || (!isAdmin(actor) && webhook.integratorId !== actor.id)) {
    throw webhookNotFound();
  }
  return webhook;
}

/** Webhooks: admins see every one (or one integrator's); an integrator its own. */
export async function listWebhooks(dataSource: DataSource, actor: Actor | null, input: { integratorId?: string | null } = {}): Promise<WebhookView[]> {
  const caller = requireWebhookActor(actor);
  const integratorId = isAdmin(caller) ? (input.integratorId ?? null) : caller.id;
  if (integratorId !== null && !UUID.test(integratorId)) {
    return [];
  }
  const webhooks = await dataSource.getRepository(Webhook).find({ where: integratorId ? { integratorId } : {}, order: { createdAt: "DESC" } });
  return viewOf(dataSource, webhooks);
}

function checkEvents(errors: FieldError[], events: readonly string[] | null | undefined): string[] {
  const list = [...new Set(events ?? [])];
  if (list.length === 0) {
    errors.push({ field: "events", code: "REQUIRED", message: "Choose at least one event." });
  }
  if (list.some((event) => !EVENT_TYPES.includes(event))) {
    errors.push({ field: "events", code: "UNKNOWN", message: "Unknown event type." });
  }
  return list;
}

function urlError(problem: UrlProblem): FieldError {
  return { field: "url", code: problem.code, message: problem.message };
}

export type WebhookOptions = { resolve?: (host: string) => Promise<string[]> };

/**
 * Subscribes a URL to ticket events and returns its signing secret (shown once). Admins name the
 * integrator and may allow private network addresses; an integrator subscribes for itself only.
 */
export async function createWebhook(
  dataSource: DataSource,
  actor: Actor | null,
  input: { integratorId?: string | null; url: string; events: readonly string[]; allowPrivateNetwork?: boolean | null },
  options: WebhookOptions = {},
): Promise<CreatedWebhook> {
  const caller = requireWebhookActor(actor);
  const admin = isAdmin(caller);
  if (!admin && input.allowPrivateNetwork) {
    throw new ForbiddenError("Only an administrator may allow private network addresses on a webhook.");
  }
  const integratorId = admin ? (input.integratorId ?? "") : caller.id;
  const errors: FieldError[] = [];
  const url = String(input.url ?? "").trim();
  const events = checkEvents(errors, input.events);
  const allowPrivateNetwork = admin && !!input.allowPrivateNetwork;
  const problem = await checkWebhookUrl(url, { allowPrivateNetwork, resolve: options.resolve });
  if (problem) {
    errors.push(urlError(problem));
  }
  if (admin && !UUID.test(integratorId)) {
    errors.push({ field: "integratorId", code: "REQUIRED", message: "Choose the integrator." });
  }
  if (errors.length > 0) {
    throw new ValidationError(errors);
  }
  return dataSource.transaction(async (manager) => {
    if (!(await manager.getRepository(Integrator).exists({ where: { id: integratorId } }))) {
      throw new DomainError("INTEGRATOR/NOT_FOUND", "This integrator does not exist.");
    }
    const signingSecret = `whsec_${randomBytes(24).toString("base64url")}`;
    const saved = await manager.getRepository(Webhook).save(manager.getRepository(Webhook).create({ integratorId, url, events, signingSecret, allowPrivateNetwork, active: true }));
    const [webhook] = await viewOf(manager, [saved]);
    await recordAudit(manager, { actor: caller, action: "webhook.create", entity: { type: "webhook", id: saved.id, label: url }, after: webhook });
    return { webhook: webhook!, signingSecret };
  });
}

/** Changes a webhook's URL, events, active flag or (admins) private-network permission. */
export async function updateWebhook(
  dataSource: DataSource,
  actor: Actor | null,
  input: { id: string; url?: string | null; events?: readonly string[] | null; active?: boolean | null; allowPrivateNetwork?: boolean | null },
  options: WebhookOptions = {},
): Promise<WebhookView> {
  const caller = requireWebhookActor(actor);
  const admin = isAdmin(caller);
  if (!admin && input.allowPrivateNetwork !== undefined && input.allowPrivateNetwork !== null) {
    throw new ForbiddenError("Only an administrator may allow private network addresses on a webhook.");
  }
  const current = await webhookFor(dataSource, caller, input.id);
  const errors: FieldError[] = [];
  const url = input.url === undefined || input.url === null ? current.url : String(input.url).trim();
  const events = input.events === undefined || input.events === null ? current.events : checkEvents(errors, input.events);
  const allowPrivateNetwork = admin && input.allowPrivateNetwork !== undefined && input.allowPrivateNetwork !== null ? input.allowPrivateNetwork : current.allowPrivateNetwork;
  const problem = await checkWebhookUrl(url, { allowPrivateNetwork, resolve: options.resolve });
  if (problem) {
    errors.push(urlError(problem));
  }
  if (errors.length > 0) {
    throw new ValidationError(errors);
  }
  return dataSource.transaction(async (manager) => {
    const before = await webhookFor(manager, caller, input.id, true);
    const after = { url, events, allowPrivateNetwork, active: input.active ?? before.active };
    await manager.getRepository(Webhook).update(before.id, after);
    const [view] = await viewOf(manager, [{ ...before, ...after }]);
    const [beforeView] = await viewOf(manager, [before]);
    await recordAudit(manager, { actor: caller, action: "webhook.update", entity: { type: "webhook", id: before.id, label: url }, before: beforeView, after: view });
    return view!;
  });
}

export type DeliveryView = WebhookDelivery & { attemptLog: WebhookAttempt[] };

/** A webhook's deliveries, newest first (the delivery log), with each one's attempts. */
export async function listDeliveries(dataSource: DataSource, actor: Actor | null, input: { webhookId: string; limit?: number | null }): Promise<DeliveryView[]> {
  const caller = requireWebhookActor(actor);
  const webhook = await webhookFor(dataSource, caller, input.webhookId);
  const limit = Math.min(Math.max(1, input.limit ?? 50), 200);
  const deliveries = await dataSource.getRepository(WebhookDelivery).find({ where: { webhookId: webhook.id }, order: { createdAt: "DESC", id: "ASC" }, take: limit });
  const attempts = deliveries.length
    ? await dataSource
        .getRepository(WebhookAttempt)
        .createQueryBuilder("a")
        .where("a.delivery_id = ANY(:ids::uuid[])", { ids: deliveries.map((delivery) => delivery.id) })
        .orderBy("a.at", "ASC")
        .addOrderBy("a.id", "ASC")
        .getMany()
    : [];
  return deliveries.map((delivery) => ({ ...delivery, attemptLog: attempts.filter((attempt) => attempt.deliveryId === delivery.id) }));
}

/**
 * Sends a delivery again now, with the same event id and body (receivers de-duplicate on the id);
 * a given-up or delivered one is queued afresh for another 24 hours.
 */
export async function redeliverWebhook(dataSource: DataSource, actor: Actor | null, input: { deliveryId: string }): Promise<WebhookDelivery> {
  const caller = requireWebhookActor(actor);
  return dataSource.transaction(async (manager) => {
    const delivery = UUID.test(input.deliveryId) ? await manager.getRepository(WebhookDelivery).findOne({ where: { id: input.deliveryId }, lock: { mode: "pessimistic_write" } }) : null;
    if (!delivery) {
      throw new DomainError("WEBHOOK/DELIVERY_NOT_FOUND", "This delivery does not exist.");
    }
    await webhookFor(manager, caller, delivery.webhookId).catch(() => {
      throw new DomainError("WEBHOOK/DELIVERY_NOT_FOUND", "This delivery does not exist.");
    });
    await manager.query(
      `UPDATE platform_webhook_delivery SET status = 'pending', next_attempt_at = now(), locked_until = NULL,
         give_up_at = GREATEST(give_up_at, now() + make_interval(secs => $2)) WHERE id = $1`,
      [delivery.id, WEBHOOK_RETRY_WINDOW_MS / 1000],
    );
    await manager.query("SELECT pg_notify($1, $2)", [WEBHOOK_CHANNEL, delivery.id]);
    await recordAudit(manager, { actor: caller, action: "webhook.redeliver", entity: { type: "webhook_delivery", id: delivery.id, label: delivery.eventId }, before: { status: delivery.status } });
    return manager.getRepository(WebhookDelivery).findOneOrFail({ where: { id: delivery.id } });
  });
}

/** The body of an event: `{ id, type, occurredAt, data }` (JSON; signed byte for byte as sent). */
export function webhookBody(event: { id: string; type: string; occurredAt: Date; data: Record<string, unknown> }): string {
  return JSON.stringify({ id: event.id, type: event.type, occurredAt: event.occurredAt.toISOString(), data: event.data });
}

/**
 * Queues an event for every active webhook of `integratorId` subscribed to its type, in the
 * caller's transaction (or its own). The same event id queued twice (an outbox event handled again)
 * adds nothing: at least once, never twice from the same event. Resolves to how many were queued.
 */
export async function enqueueWebhookEvent(
  db: DataSource | EntityManager,
  event: { integratorId: string; id: string; type: string; occurredAt: Date; data: Record<string, unknown> },
): Promise<number> {
  const body = webhookBody(event);
  const run = async (manager: EntityManager): Promise<number> => {
    const rows = (await manager.query(
      `INSERT INTO platform_webhook_delivery (webhook_id, event_id, event_type, body, next_attempt_at, give_up_at)
       SELECT w.id, $2, $3, $4, now(), now() + make_interval(secs => $5)
       FROM platform_webhook w WHERE w.integrator_id = $1 AND w.active AND ($3 = ANY(w.events) OR $3 = '${PING_EVENT}')
       ON CONFLICT (webhook_id, event_id) DO NOTHING RETURNING id`,
      [event.integratorId, event.id, event.type, body, WEBHOOK_RETRY_WINDOW_MS / 1000],
    )) as Array<{ id: string }>;
    if (rows.length > 0) {
      await manager.query("SELECT pg_notify($1, $2)", [WEBHOOK_CHANNEL, event.type]);
    }
    return rows.length;
  };
  return db instanceof DataSource ? db.transaction(run) : run(db);
}

/** Queues a `ping` event for one webhook (admins, or its integrator): to check it end to end. */
export async function sendTestWebhook(dataSource: DataSource, actor: Actor | null, input: { webhookId: string }): Promise<WebhookDelivery> {
  const caller = requireWebhookActor(actor);
  return dataSource.transaction(async (manager) => {
    const webhook = await webhookFor(manager, caller, input.webhookId);
    const id = `evt_ping_${randomBytes(9).toString("base64url")}`;
    const body = webhookBody({ id, type: PING_EVENT, occurredAt: new Date(), data: { webhookId: webhook.id } });
    const [row] = (await manager.query(
      `INSERT INTO platform_webhook_delivery (webhook_id, event_id, event_type, body, next_attempt_at, give_up_at)
       VALUES ($1, $2, $3, $4, now(), now() + make_interval(secs => $5)) RETURNING id`,
      [webhook.id, id, PING_EVENT, body, WEBHOOK_RETRY_WINDOW_MS / 1000],
    )) as Array<{ id: string }>;
    await manager.query("SELECT pg_notify($1, $2)", [WEBHOOK_CHANNEL, PING_EVENT]);
    await recordAudit(manager, { actor: caller, action: "webhook.test", entity: { type: "webhook", id: webhook.id, label: webhook.url }, after: { eventId: id } });
    return manager.getRepository(WebhookDelivery).findOneOrFail({ where: { id: row!.id } });
  });
}
