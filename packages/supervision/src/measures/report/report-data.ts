import { searchTickets, type TicketSearchHit } from "../../search/ticket-search.js";
import type { TicketSearchFilterInput } from "../../search/search-filter.js";
import { REPORT_LABELS } from "./report-labels.js";
import type { ReportModel, ReportOrder, ReportQuery, ReportSources, TicketList, TicketListKey } from "./report-model.js";

/** Each ticket list and the order list stop at this many rows (the totals stay exact up to the search's cap). */
export const MAX_LISTED = 300;
/** Page size when walking the search for a list. */
const PAGE = 100;

type Db = ReportQuery["db"];

/** The unit and every unit below it (routing_unit.parent_id), the unit first. */
export async function unitSubtree(db: Db, unitId: string): Promise<string[]> {
  const rows = (await db.query(
    `WITH RECURSIVE sub AS (SELECT id, 0 AS depth FROM routing_unit WHERE id = $1
       UNION ALL SELECT u.id, sub.depth + 1 FROM routing_unit u JOIN sub ON u.parent_id = sub.id WHERE sub.depth < 10)
     SELECT id FROM sub ORDER BY depth, id`,
    [unitId],
  )) as Array<{ id: string }>;
  return rows.map((row) => row.id);
}

const LIST_FILTER: Record<TicketListKey, TicketSearchFilterInput> = {
  OVERDUE: { overdue: true },
  RETURNED: { returned: true },
  RE_REPORTED: { reReported: true },
};

/**
 * One ticket list through the ticket search (so it is the viewer's scope, and phones and names are
 * masked exactly as the search masks them): tickets received in the period matching the list's
 * criterion, per reported unit (the search filters one lead unit at a time), up to MAX_LISTED.
 */
export async function ticketList(query: ReportQuery, key: TicketListKey): Promise<TicketList> {
  const labels = REPORT_LABELS[query.language];
  const received = { from: query.start, to: new Date(query.end.getTime() - 1) };
  const units = query.unitIds ?? [null];
  const hits: TicketSearchHit[] = [];
  let total = 0;
  let capped = false;
  for (const unitId of units) {
    const filter: TicketSearchFilterInput = { ...LIST_FILTER[key], received, ...(unitId ? { leadUnitId: unitId } : {}) };
    let after: string | null = null;
    let first = true;
    for (;;) {
      const page = await searchTickets({ db: query.db, actor: query.actor, filter, sort: key === "OVERDUE" ? "DUE_ASC" : "RECEIVED_ASC", first: PAGE, after, withTotal: first, now: query.now });
      if (first) {
        total += page.total ?? 0;
        capped ||= page.totalCapped;
        first = false;
      }
      hits.push(...page.hits.slice(0, Math.max(0, MAX_LISTED - hits.length)));
      if (!page.hasNextPage || !page.endCursor || hits.length >= MAX_LISTED) {
        break;
      }
      after = page.endCursor;
    }
  }
  const sorted = key === "OVERDUE"
    ? hits.sort((a, b) => (a.completionDueAt?.getTime() ?? Infinity) - (b.completionDueAt?.getTime() ?? Infinity))
    : hits.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
  const rule = key === "OVERDUE" ? labels.ticketRules.overdue : key === "RETURNED" ? labels.ticketRules.returned : labels.ticketRules.reReported;
  return { key, rule, total, capped, hits: sorted };
}

/** Supervision orders issued in the period to the reported units (index supervision_order_issued_idx), oldest first. */
export async function reportOrders(query: ReportQuery): Promise<{ total: number; rows: ReportOrder[] }> {
  const params: unknown[] = [query.start, query.end, query.unitIds];
  const where = `o.issued_at >= $1 AND o.issued_at < $2 AND ($3::uuid[] IS NULL OR o.unit_id = ANY($3::uuid[]))`;
  const [counted] = (await query.db.query(`SELECT count(*)::int AS total FROM supervision_order o WHERE ${where}`, params)) as Array<{ total: number }>;
  const rows = (await query.db.query(
    `SELECT o.id, t.tracking_number AS "trackingNumber", t.title AS "ticketTitle", u.name_zh AS "unitNameZh", u.name_en AS "unitNameEn",
            o.level, o.state, o.reason, o.issued_at AS "issuedAt", o.response_due_at AS "responseDueAt", o.answered_at AS "answeredAt", o.escalations
     FROM supervision_order o JOIN intake_ticket t ON t.id = o.ticket_id JOIN routing_unit u ON u.id = o.unit_id
     WHERE ${where} ORDER BY o.issued_at, o.id LIMIT ${MAX_LISTED}`,
    params,
  )) as ReportOrder[];
  return { total: counted?.total ?? 0, rows };
}

/** The name the cover gives the reported scope. */
async function scopeName(query: ReportQuery): Promise<string> {
  const labels = REPORT_LABELS[query.language];
  if (!query.unitId) {
    return labels.allUnits;
  }
  const [unit] = (await query.db.query(`SELECT name_zh, name_en FROM routing_unit WHERE id = $1`, [query.unitId])) as Array<{ name_zh: string; name_en: string }>;
  const name = query.language === "zh-CN" ? unit?.name_zh : unit?.name_en || unit?.name_zh;
  const subtree = (query.unitIds?.length ?? 0) > 1 || query.includeSubUnits;
  return `${name ?? query.unitId}${query.language === "zh-CN" ? `（${subtree ? labels.withSubUnits : labels.withoutSubUnits}）` : ` (${subtree ? labels.withSubUnits : labels.withoutSubUnits})`}`;
}

/** Number of days from `from` to `to`, both included. */
export function daysIn(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

export type ReportStep = "FIGURES" | "RANKING" | "OVERDUE" | "RETURNED" | "RE_REPORTED" | "ORDERS";

/** Gathers a report, telling `onStep` before each step (the job's progress). */
export async function gatherReport(query: ReportQuery, sources: ReportSources, onStep: (step: ReportStep, index: number, of: number) => Promise<void> = async () => {}): Promise<ReportModel> {
  const steps = 6;
  await onStep("FIGURES", 0, steps);
  const figures = await sources.figures(query);
  await onStep("RANKING", 1, steps);
  const ranking = await sources.ranking(query);
  const lists: TicketList[] = [];
  for (const [index, key] of (["OVERDUE", "RETURNED", "RE_REPORTED"] as const).entries()) {
    await onStep(key, 2 + index, steps);
    lists.push(await ticketList(query, key));
  }
  await onStep("ORDERS", 5, steps);
  const orders = await reportOrders(query);
  return {
    language: query.language,
    scopeName: await scopeName(query),
    from: query.from,
    to: query.to,
    days: daysIn(query.from, query.to),
    generatedAt: query.now,
    generatedBy: query.actor.name,
    figures,
    ranking,
    lists,
    orders,
  };
}
