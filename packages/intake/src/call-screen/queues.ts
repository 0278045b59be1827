import { pageInput, requireRole, type Actor, type PageRule } from "@civicline/platform";
import type { DataSource, SelectQueryBuilder } from "typeorm";
import { FINISHED_STATUSES } from "../ticket/ticket-lifecycle.js";
import { QUEUE_ROLES } from "../ticket/ticket-queries.js";
import { Ticket } from "../ticket/ticket.entity.js";
import { TicketStatus, Urgency } from "../ticket/ticket.enums.js";
import { hotlineDay } from "../ticket/tracking-number.js";
import { QueueKind } from "./call-screen.enums.js";

/** Topic published (from the outbox) whenever a ticket is received or changes status or urgency. */
export const QUEUE_COUNTS_CHANGED_TOPIC = "QUEUE_COUNTS_CHANGED";

export type QueueCounts = { waitingForDispatch: number; mineToday: number; emergencies: number; received: number };

const AT_CENTRE = [TicketStatus.RECEIVED, TicketStatus.AWAITING_DISPATCH];

/** Midnight today in the hotline's time zone (Asia/Shanghai has no daylight saving time). */
export function startOfHotlineDay(now = new Date()): Date {
  return new Date(`${hotlineDay(now)}T00:00:00+08:00`);
}

/** The SQL condition (on alias `t`) and its parameters for one queue. */
function queueCondition(kind: QueueKind, actor: Actor): { sql: string; params: Record<string, unknown> } {
  switch (kind) {
    case QueueKind.WAITING_FOR_DISPATCH:
      return { sql: "t.status = :waiting", params: { waiting: TicketStatus.AWAITING_DISPATCH } };
    case QueueKind.MINE_TODAY:
      return { sql: "t.created_by = :me AND t.received_at >= :dayStart", params: { me: actor.id, dayStart: startOfHotlineDay() } };
    case QueueKind.EMERGENCIES:
      return { sql: "t.urgency = :emergency AND t.status NOT IN (:...finished)", params: { emergency: Urgency.EMERGENCY, finished: FINISHED_STATUSES } };
    default:
      return { sql: "t.status IN (:...atCentre)", params: { atCentre: AT_CENTRE } };
  }
}

/** Emergencies first, then urgent, then newest first: the order of every queue. */
export function orderByUrgency(query: SelectQueryBuilder<Ticket>): SelectQueryBuilder<Ticket> {
  return query
    .orderBy(`CASE t.urgency WHEN '${Urgency.EMERGENCY}' THEN 0 WHEN '${Urgency.URGENT}' THEN 1 ELSE 2 END`, "ASC")
    .addOrderBy("t.received_at", "DESC")
    .addOrderBy("t.id", "ASC");
}

/** Paging of the intake queues (the first page only: no offset). */
export const QUEUE_PAGE: PageRule = { defaultLimit: 50, maxLimit: 200 };

/** One page of an intake queue, for centre staff. */
export async function listQueue(
  dataSource: DataSource,
  input: { actor: Actor | null; kind: QueueKind; limit?: number | null },
): Promise<{ total: number; items: Ticket[] }> {
  const actor = requireRole(input.actor, QUEUE_ROLES);
  const { limit } = pageInput({ limit: input.limit }, QUEUE_PAGE);
  const condition = queueCondition(input.kind, actor);
  const query = dataSource.getRepository(Ticket).createQueryBuilder("t").where(condition.sql, condition.params);
  const [items, total] = await orderByUrgency(query).take(limit).getManyAndCount();
  return { total, items };
}

/** How many tickets each queue holds for this viewer, in one query. */
export async function countQueues(dataSource: DataSource, actorInput: Actor | null): Promise<QueueCounts> {
  const actor = requireRole(actorInput, QUEUE_ROLES);
  const [row] = (await dataSource.query(
    `SELECT count(*) FILTER (WHERE status = ANY($1)) AS received,
            count(*) FILTER (WHERE status = $2) AS waiting,
            count(*) FILTER (WHERE created_by = $3 AND received_at >= $4) AS mine,
            count(*) FILTER (WHERE urgency = $5 AND NOT status = ANY($6)) AS emergencies
       FROM intake_ticket
      WHERE status = ANY($1) OR (created_by = $3 AND received_at >= $4) OR (urgency = $5 AND NOT status = ANY($6))`,
    [AT_CENTRE, TicketStatus.AWAITING_DISPATCH, actor.id, startOfHotlineDay(), Urgency.EMERGENCY, FINISHED_STATUSES],
  )) as Array<{ received: string; waiting: string; mine: string; emergencies: string }>;
  return {
    received: Number(row!.received),
    waitingForDispatch: Number(row!.waiting),
    mineToday: Number(row!.mine),
    emergencies: Number(row!.emergencies),
  };
}
