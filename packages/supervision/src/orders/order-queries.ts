import { Role, hasAnyRole, pageInput, requireRole, ForbiddenError, type Actor, type PageRule } from "@civicline/platform";
import type { DataSource, EntityManager } from "typeorm";
import { isUuid, notYourUnit, orderNotFound, ORDER_READERS, ticketNotFound } from "./order.errors.js";
import { OrderState, type OrderLevel } from "./order.enums.js";
import { SupervisionOrderEvent } from "./order-event.entity.js";

type Db = DataSource | EntityManager;

/**
 * The SQL condition "ticket `t` is under supervision" (has an order that is not closed), answered by
 * the partial unique index `supervision_order_open_key` — for the ticket search's filter.
 */
export const OPEN_ORDER_SQL = "EXISTS (SELECT 1 FROM supervision_order so WHERE so.ticket_id = t.id AND so.state <> 'CLOSED')";

/** An order with what lists show about its ticket and unit. */
export type OrderView = {
  id: string;
  ticketId: string;
  trackingNumber: string;
  ticketTitle: string | null;
  ticketStatus: string;
  unitId: string;
  unitNameZh: string;
  unitNameEn: string;
  level: OrderLevel;
  state: OrderState;
  reason: string;
  auto: boolean;
  issuedAt: Date;
  issuedByName: string;
  responseDueAt: Date;
  answerText: string | null;
  expectedDoneAt: Date | null;
  answeredAt: Date | null;
  answeredByName: string | null;
  escalations: number;
  sendBacks: number;
  closedAt: Date | null;
  closedByName: string | null;
  closeNote: string | null;
  /** Open and past its response deadline. */
  answerOverdue: boolean;
};

/** Paging of the order lists. */
export const ORDER_PAGE: PageRule = { defaultLimit: 50, maxLimit: 200, maxOffset: 10_000 };

const SELECT = `
  SELECT o.id, o.ticket_id AS "ticketId", t.tracking_number AS "trackingNumber", t.title AS "ticketTitle", t.status AS "ticketStatus",
         o.unit_id AS "unitId", u.name_zh AS "unitNameZh", u.name_en AS "unitNameEn", o.level, o.state, o.reason, o.auto,
         o.issued_at AS "issuedAt", o.issued_by_name AS "issuedByName", o.response_due_at AS "responseDueAt",
         o.answer_text AS "answerText", o.expected_done_at AS "expectedDoneAt", o.answered_at AS "answeredAt",
         o.answered_by_name AS "answeredByName", o.escalations, o.send_backs AS "sendBacks", o.closed_at AS "closedAt",
         o.closed_by_name AS "closedByName", o.close_note AS "closeNote",
         (o.state = 'OPEN' AND o.response_due_at < $1::timestamptz) AS "answerOverdue"
  FROM supervision_order o
  JOIN intake_ticket t ON t.id = o.ticket_id
  JOIN routing_unit u ON u.id = o.unit_id`;

/** Open first, the overdue answers at the very top, then the soonest deadline; closed ones last, newest first. */
const ORDER_BY = `ORDER BY CASE o.state WHEN 'OPEN' THEN 0 WHEN 'ANSWERED' THEN 1 ELSE 2 END,
  CASE WHEN o.state = 'CLOSED' THEN NULL ELSE o.response_due_at END ASC NULLS LAST, o.closed_at DESC NULLS LAST, o.id`;

export type OrderFilter = { states?: readonly OrderState[] | null; level?: OrderLevel | null; unitId?: string | null; overdueOnly?: boolean | null };

/** The centre's list of orders (supervisors, admins, leaders, dispatchers): open ones by default. */
export async function listOrders(db: Db, input: { actor: Actor | null; filter?: OrderFilter | null; limit?: number | null; offset?: number | null; now: Date }): Promise<OrderView[]> {
  requireRole(input.actor, ORDER_READERS);
  const filter = input.filter ?? {};
  const { limit, offset } = pageInput(input, ORDER_PAGE);
  const states = filter.states?.length ? filter.states : [OrderState.OPEN, OrderState.ANSWERED];
  const params: unknown[] = [input.now, states];
  const where = ["o.state = ANY($2::text[])"];
  if (filter.level) {
    params.push(filter.level);
    where.push(`o.level = $${params.length}`);
  }
  if (filter.unitId) {
    if (!isUuid(filter.unitId)) {
      return [];
    }
    params.push(filter.unitId);
    where.push(`o.unit_id = $${params.length}::uuid`);
  }
  if (filter.overdueOnly) {
    where.push("o.state = 'OPEN' AND o.response_due_at < $1::timestamptz");
  }
  params.push(limit, offset);
  return db.query(`${SELECT} WHERE ${where.join(" AND ")} ${ORDER_BY} LIMIT $${params.length - 1} OFFSET $${params.length}`, params);
}

/** A handler's unit's orders waiting for it (OPEN) and those it answered (ANSWERED), the overdue answers first. */
export async function listUnitOrders(db: Db, input: { actor: Actor | null; now: Date }): Promise<OrderView[]> {
  const actor = requireRole(input.actor, [Role.HANDLER]);
  if (!actor.unitId) {
    throw new ForbiddenError("Your account is not attached to a handling unit.");
  }
  return db.query(`${SELECT} WHERE o.unit_id = $2::uuid AND o.state <> 'CLOSED' ${ORDER_BY} LIMIT 200`, [input.now, actor.unitId]);
}

/** The orders of one ticket, newest first: centre readers see all; a handler only those addressed to their unit. */
export async function listTicketOrders(db: Db, input: { actor: Actor | null; ticketId: string; now: Date }): Promise<OrderView[]> {
  const actor = requireRole(input.actor, [...ORDER_READERS, Role.HANDLER]);
  if (!isUuid(input.ticketId) || !(await db.query("SELECT 1 FROM intake_ticket WHERE id = $1", [input.ticketId])).length) {
    throw ticketNotFound();
  }
  const unitOnly = !hasAnyRole(actor, ORDER_READERS);
  if (unitOnly && !actor.unitId) {
    throw new ForbiddenError("Your account is not attached to a handling unit.");
  }
  return db.query(`${SELECT} WHERE o.ticket_id = $2::uuid AND ($3::uuid IS NULL OR o.unit_id = $3::uuid) ORDER BY o.issued_at DESC, o.id`, [
    input.now,
    input.ticketId,
    unitOnly ? actor.unitId : null,
  ]);
}

/** One order: centre readers; a handler only when it is addressed to their unit (SUPERVISION/NOT_YOUR_UNIT). */
export async function getOrder(db: Db, input: { actor: Actor | null; orderId: string; now: Date }): Promise<OrderView> {
  const actor = requireRole(input.actor, [...ORDER_READERS, Role.HANDLER]);
  const [order]: OrderView[] = isUuid(input.orderId) ? await db.query(`${SELECT} WHERE o.id = $2::uuid`, [input.now, input.orderId]) : [];
  if (!order) {
    throw orderNotFound();
  }
  if (!hasAnyRole(actor, ORDER_READERS) && order.unitId !== actor.unitId) {
    throw notYourUnit();
  }
  return order;
}

/** An order's timeline, oldest first (the caller checked access). */
export function orderTimeline(db: Db, orderId: string): Promise<SupervisionOrderEvent[]> {
  return db.getRepository(SupervisionOrderEvent).find({ where: { orderId }, order: { id: "ASC" } });
}

/** Orders counted per unit for the measures. */
export type UnitOrderCount = {
  unitId: string;
  unitNameZh: string;
  unitNameEn: string;
  total: number;
  open: number;
  answered: number;
  closed: number;
  reminder: number;
  formal: number;
  listed: number;
  escalated: number;
  answerOverdue: number;
};

/**
 * Orders issued in [from, to) counted per unit (index `supervision_order_issued_idx` on
 * issued_at, unit_id), by state and current level, with how many were escalated and how many wait
 * past their deadline now. Units with the most orders first.
 */
export async function countOrdersPerUnit(db: Db, input: { actor: Actor | null; from?: Date | null; to?: Date | null; now: Date }): Promise<UnitOrderCount[]> {
  requireRole(input.actor, ORDER_READERS);
  return db.query(
    `SELECT c.*, u.name_zh AS "unitNameZh", u.name_en AS "unitNameEn" FROM (
       SELECT o.unit_id AS "unitId", count(*)::int AS total,
              count(*) FILTER (WHERE o.state = 'OPEN')::int AS open,
              count(*) FILTER (WHERE o.state = 'ANSWERED')::int AS answered,
              count(*) FILTER (WHERE o.state = 'CLOSED')::int AS closed,
              count(*) FILTER (WHERE o.level = 'REMINDER')::int AS reminder,
              count(*) FILTER (WHERE o.level = 'FORMAL')::int AS formal,
              count(*) FILTER (WHERE o.level = 'LISTED')::int AS listed,
              count(*) FILTER (WHERE o.escalations > 0)::int AS escalated,
              count(*) FILTER (WHERE o.state = 'OPEN' AND o.response_due_at < $3::timestamptz)::int AS "answerOverdue"
       FROM supervision_order o
       WHERE o.issued_at >= COALESCE($1::timestamptz, '-infinity') AND o.issued_at < COALESCE($2::timestamptz, 'infinity')
       GROUP BY o.unit_id) c
     JOIN routing_unit u ON u.id = c."unitId"
     ORDER BY c.total DESC, u.name_zh`,
    [input.from ?? null, input.to ?? null, input.now],
  );
}

