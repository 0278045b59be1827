import type { RequestType, Urgency } from "@civicline/intake";
import { ValidationError, intInRange, type Actor } from "@civicline/platform";
import type { DataSource, EntityManager } from "typeorm";
import { CENTRE_UNIT_KEY, ChasingSeverity, ChasingStage } from "./chasing.enums.js";
import { assertStageVisible, badCursor, stagesFor } from "./chasing-access.js";
import type { ChasingBoardType, ChasingItemType, ChasingPageType, ChasingStageCountType, ChasingUnitCountType } from "./chasing.types.js";

type Db = DataSource | EntityManager;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The columns of a board row: a page of items (`%PAGE%`, chosen and limited on the board's own
 * indexes first), then joined to its ticket, category and unit by primary keys.
 */
function withNames(page: string): string {
  return `SELECT i.ticket_id, t.tracking_number, i.stage, i.severity, i.urgency, i.alarm, t.request_type,
       c.name_zh AS category_name_zh, coalesce(c.name_en, c.name_zh) AS category_name_en, left(t.description, 80) AS summary,
       i.unit_id, u.name_zh AS unit_name_zh, coalesce(u.name_en, u.name_zh) AS unit_name_en,
       t.received_at, i.due_at, i.late_since
  FROM (${page}) i
  JOIN intake_ticket t ON t.id = i.ticket_id
  JOIN intake_category c ON c.id = t.category_id
  LEFT JOIN routing_unit u ON u.id = i.unit_id
 ORDER BY i.due_at, i.ticket_id`;
}

type ItemRow = {
  ticket_id: string;
  tracking_number: string;
  stage: ChasingStage;
  severity: ChasingSeverity;
  urgency: Urgency;
  alarm: boolean;
  request_type: RequestType;
  category_name_zh: string;
  category_name_en: string;
  summary: string;
  unit_id: string | null;
  unit_name_zh: string | null;
  unit_name_en: string | null;
  received_at: Date;
  due_at: Date;
  late_since: Date;
};

export function toItem(row: ItemRow): ChasingItemType {
  return {
    ticketId: row.ticket_id,
    trackingNumber: row.tracking_number,
    stage: row.stage,
    severity: row.severity,
    urgency: row.urgency,
    alarm: row.alarm,
    requestType: row.request_type,
    categoryNameZh: row.category_name_zh,
    categoryNameEn: row.category_name_en,
    summary: row.summary,
    unitId: row.unit_id,
    unitNameZh: row.unit_name_zh,
    unitNameEn: row.unit_name_en,
    receivedAt: new Date(row.received_at),
    dueAt: new Date(row.due_at),
    lateSince: new Date(row.late_since),
  };
}

/** The page of one stage (all units): `$1` stage, `$2` null (see UNIT_PAGE_SQL), `$3` severity or null, `$4`/`$5` cursor (due, ticket) or null, `$6` limit. */
export const PAGE_SQL = `SELECT * FROM supervision_chasing_item
 WHERE stage = $1 AND $2::uuid IS NULL AND ($3::text IS NULL OR severity = $3::text)
   AND ($4::timestamptz IS NULL OR (due_at, ticket_id) > ($4::timestamptz, $5::uuid))
 ORDER BY due_at, ticket_id
 LIMIT $6`;

/** The page of one unit's stage (`$2` the unit), on the unit index. */
export const UNIT_PAGE_SQL = `SELECT * FROM supervision_chasing_item
 WHERE unit_id = $2::uuid AND stage = $1 AND ($3::text IS NULL OR severity = $3::text)
   AND ($4::timestamptz IS NULL OR (due_at, ticket_id) > ($4::timestamptz, $5::uuid))
 ORDER BY due_at, ticket_id
 LIMIT $6`;

/** The alarm's page, on its partial index: `$1` limit. */
export const ALARM_PAGE_SQL = "SELECT * FROM supervision_chasing_item WHERE alarm ORDER BY due_at, ticket_id LIMIT $1";

function encodeCursor(item: ChasingItemType): string {
  return Buffer.from(JSON.stringify([item.dueAt.toISOString(), item.ticketId])).toString("base64url");
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === "string" && !Number.isNaN(Date.parse(value[0])) && typeof value[1] === "string" && UUID.test(value[1])) {
      return [value[0], value[1]];
    }
  } catch {
    // fall through
  }
  throw badCursor();
}

/** What a chasing list may be asked for. */
export type ChasingListRequest = { stage: ChasingStage; unitId?: string | null; severity?: ChasingSeverity | null; first?: number | null; after?: string | null };

/**
 * One stage's late tickets, oldest deadline first, optionally of one unit and one severity, paged
 * by cursor. Served by the stage or unit index of the (small) board table; the total comes from
 * the counters. Dispatchers: the dispatch stage only.
 */
export async function listChasing(db: Db, input: { actor: Actor | null; request: ChasingListRequest }): Promise<ChasingPageType> {
  const { request } = input;
  assertStageVisible(input.actor, request.stage);
  const first = intInRange("first", request.first, { min: 1, max: 200, defaultValue: 50 });
  if (request.unitId && !UUID.test(request.unitId)) {
    throw new ValidationError([{ field: "unitId", code: "INVALID_FORMAT", message: "This is not a unit id." }]);
  }
  const cursor = request.after ? decodeCursor(request.after) : null;
  const unitId = request.unitId ?? null;
  // The page and its total (from the counters) at once: two pool connections, not two round trips in a row.
  const [rows, [total]] = (await Promise.all([
    db.query(withNames(unitId ? UNIT_PAGE_SQL : PAGE_SQL), [request.stage, unitId, request.severity ?? null, cursor?.[0] ?? null, cursor?.[1] ?? null, first + 1]),
    db.query(
      `SELECT coalesce(sum(count), 0)::int AS n FROM supervision_chasing_count
        WHERE stage = $1 AND ($2::uuid IS NULL OR unit_key = $2::uuid) AND ($3::text IS NULL OR severity = $3::text)`,
      [request.stage, unitId, request.severity ?? null],
    ),
  ])) as [ItemRow[], Array<{ n: number }>];
  const items = rows.slice(0, first).map(toItem);
  return { items, total: total?.n ?? 0, nextCursor: rows.length > first ? encodeCursor(items[items.length - 1]!) : null };
}

type CountRow = { stage: ChasingStage; severity: ChasingSeverity; unit_key: string; count: number; unit_name_zh: string | null; unit_name_en: string | null };

/** The counters (non-zero), with unit names; `unitKeys` narrows them to some units (zeros kept then). */
export async function readCounts(db: Db, stages: readonly ChasingStage[], unitKeys?: readonly string[]): Promise<CountRow[]> {
  return db.query(
    `SELECT k.stage, k.severity, k.unit_key, k.count, u.name_zh AS unit_name_zh, coalesce(u.name_en, u.name_zh) AS unit_name_en
       FROM supervision_chasing_count k LEFT JOIN routing_unit u ON u.id = k.unit_key
      WHERE k.stage = ANY($1::text[]) AND ${unitKeys ? "k.unit_key = ANY($2::uuid[])" : "k.count > 0"}`,
    unitKeys ? [stages, unitKeys] : [stages],
  );
}

/** Counts per stage, every visible stage present. */
export function stageCounts(rows: readonly CountRow[], stages: readonly ChasingStage[]): ChasingStageCountType[] {
  return stages.map((stage) => {
    const of = (severity: ChasingSeverity) => rows.filter((row) => row.stage === stage && row.severity === severity).reduce((sum, row) => sum + row.count, 0);
    return { stage, nearDue: of(ChasingSeverity.NEAR_DUE), overdue: of(ChasingSeverity.OVERDUE) };
  });
}

/** Counts per unit and stage, most overdue first. */
export function unitCounts(rows: readonly CountRow[], keep: (row: CountRow) => boolean = (row) => row.count > 0): ChasingUnitCountType[] {
  const byKey = new Map<string, ChasingUnitCountType>();
  for (const row of rows.filter(keep)) {
    const key = `${row.stage}|${row.unit_key}`;
    const entry = byKey.get(key) ?? {
      stage: row.stage,
      unitId: row.unit_key === CENTRE_UNIT_KEY ? null : row.unit_key,
      unitNameZh: row.unit_name_zh,
      unitNameEn: row.unit_name_en,
      nearDue: 0,
      overdue: 0,
    };
    if (row.severity === ChasingSeverity.OVERDUE) {
      entry.overdue += row.count;
    } else {
      entry.nearDue += row.count;
    }
    byKey.set(key, entry);
  }
  return [...byKey.values()].sort((a, b) => b.overdue - a.overdue || b.nearDue - a.nearDue || (a.unitNameZh ?? "").localeCompare(b.unitNameZh ?? ""));
}

/** The alarm: urgent and emergency tickets not dispatched in time (partial index), and how many. */
export async function readAlarms(db: Db, limit: number): Promise<{ alarms: ChasingItemType[]; alarmCount: number }> {
  const [rows, [count]] = (await Promise.all([db.query(withNames(ALARM_PAGE_SQL), [limit]), db.query("SELECT count(*)::int AS n FROM supervision_chasing_item WHERE alarm")])) as [
    ItemRow[],
    Array<{ n: number }>,
  ];
  return { alarms: rows.map(toItem), alarmCount: count?.n ?? 0 };
}

/** The board's figures for this viewer: counts per stage and per unit (counters), and the alarm (statements run at once: pass a DataSource). */
export async function chasingBoard(db: Db, input: { actor: Actor | null }): Promise<ChasingBoardType> {
  const stages = stagesFor(input.actor);
  const [rows, { alarms, alarmCount }] = await Promise.all([readCounts(db, stages), readAlarms(db, 50)]);
  return { stages: stageCounts(rows, stages), units: unitCounts(rows), alarms, alarmCount };
}
