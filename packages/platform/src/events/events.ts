import type { EntityManager } from "typeorm";

/** The channel PostgreSQL NOTIFYs on commit so that processors wake up at once. */
export const OUTBOX_CHANNEL = "civicline_outbox";

/** A domain event: a past-tense fact such as `intake.ticket_received`. */
export type DomainEvent<P extends Record<string, unknown> = Record<string, unknown>> = {
  type: string;
  payload: P;
  actorId?: string | null;
};

/** A stored event as handlers see it. */
export type StoredEvent = DomainEvent & { id: string; occurredAt: Date; attempts: number };

/**
 * Records an event inside the caller's transaction: it exists if and only if the change commits.
 * The NOTIFY is delivered by PostgreSQL only on commit.
 */
export async function recordEvent(manager: EntityManager, event: DomainEvent): Promise<void> {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error(`recordEvent(${event.type}) must run inside a transaction`);
  }
  // One statement (one round trip): the row, and the NOTIFY PostgreSQL sends when the transaction commits.
  await manager.query(
    `WITH stored AS (INSERT INTO platform_outbox (type, payload, actor_id) VALUES ($1, $2::jsonb, $3) RETURNING id)
     SELECT pg_notify($4, $1) FROM stored`,
    [event.type, JSON.stringify(event.payload), event.actorId ?? null, OUTBOX_CHANNEL],
  );
}

/**
 * Records several events inside the caller's transaction in one statement, in the given order (their
 * ids follow it, so each ticket's events keep their order); the same as `recordEvent` on each.
 */
export async function recordEvents(manager: EntityManager, events: readonly DomainEvent[]): Promise<void> {
  if (events.length === 0) {
    return;
  }
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error(`recordEvents(${events[0]!.type}, …) must run inside a transaction`);
  }
  await manager.query(
    `WITH stored AS (
       INSERT INTO platform_outbox (type, payload, actor_id)
       SELECT e.type, e.payload::jsonb, e.actor_id FROM unnest($1::text[], $2::text[], $3::uuid[]) WITH ORDINALITY AS e(type, payload, actor_id, n)
       ORDER BY e.n
       RETURNING type)
     SELECT pg_notify($4, type) FROM stored`,
    [events.map((event) => event.type), events.map((event) => JSON.stringify(event.payload)), events.map((event) => event.actorId ?? null), OUTBOX_CHANNEL],
  );
}
