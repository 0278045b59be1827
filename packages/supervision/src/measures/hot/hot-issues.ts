import { Role, assertNoFieldErrors, requireRole, type Actor, type FieldError } from "@civicline/platform";
import type { DataSource } from "typeorm";
import { isUuid } from "../../leader/leader-validation.js";
import { hotAreas, hotCells, type HotKey } from "./hot-counts.js";
import { HOT_DEFAULTS, type HotSettings } from "./hot-statistic.js";
import { HotWindow, hotSpan, isDay, shanghaiDay, windowDays } from "./hot-window.js";

/** Who sees hot issues: supervisors, leaders, dispatchers (they merge duplicates) and admins. */
export const HOT_READERS: readonly Role[] = [Role.SUPERVISOR, Role.LEADER, Role.DISPATCHER, Role.ADMIN];

/** At most this many hot issues are listed, and this many tickets behind one. */
export const HOT_LIMITS = { issues: 50, tickets: 50 } as const;

const DAY_MS = 86_400_000;

export type HotTrendPoint = { start: Date; end: Date; count: number; current: boolean };

export type HotIssue = HotKey & {
  categoryName: string;
  categoryNameEn: string | null;
  districtName: string;
  districtNameEn: string | null;
  /** The township's names when the hot issue is one township's (townshipId set). */
  townshipName: string | null;
  townshipNameEn: string | null;
  windowStart: Date;
  windowEnd: Date;
  count: number;
  expected: number;
  pValue: number;
  ratio: number;
  zScore: number;
  trend: HotTrendPoint[];
  /** Leaders already in charge of some of its tickets (领导包案). */
  leaderNames: string[];
};

export type HotIssueList = { settings: HotSettings; lastDay: string; windowStart: Date; windowEnd: Date; issues: HotIssue[] };

/**
 * The hot issues of the window of `window` ending with Asia/Shanghai day `lastDay` (default today),
 * most unusual first, with their 8-week trend. SUPERVISOR, LEADER, DISPATCHER, ADMIN.
 */
export async function listHotIssues(db: DataSource, options: { actor: Actor | null; window?: HotWindow | null; lastDay?: string | null; now?: Date; limit?: number | null }): Promise<HotIssueList> {
  requireRole(options.actor, HOT_READERS);
  return computeHotIssues(db, options);
}

/** The hot issues without a caller's role check (the wallboard computes them once for every viewer). */
export async function computeHotIssues(db: DataSource, options: { window?: HotWindow | null; lastDay?: string | null; now?: Date; limit?: number | null }): Promise<HotIssueList> {
  const errors: FieldError[] = [];
  const lastDay = options.lastDay ?? shanghaiDay(options.now ?? new Date());
  if (!isDay(lastDay)) {
    errors.push({ field: "lastDay", code: "INVALID_FORMAT", message: "Give the day as YYYY-MM-DD." });
  }
  const limit = options.limit ?? 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > HOT_LIMITS.issues) {
    errors.push({ field: "limit", code: "OUT_OF_RANGE", message: `Ask for 1 to ${HOT_LIMITS.issues} hot issues.` });
  }
  assertNoFieldErrors(errors);
  const settings: HotSettings = { ...HOT_DEFAULTS, windowDays: windowDays(options.window ?? HotWindow.WEEK) };
  const span = hotSpan(lastDay, settings.windowDays, settings.baselineWeeks);
  const found = hotAreas(await hotCells(db, span, settings.minCount), settings).slice(0, limit);
  const categoryIds = [...new Set(found.map((cell) => cell.key.categoryId))];
  const districtIds = [...new Set(found.map((cell) => cell.key.districtId))];
  const areaIds = [...new Set(found.flatMap((cell) => [cell.key.districtId, ...(cell.key.townshipId ? [cell.key.townshipId] : [])]))];
  const [categories, districts, leaders] = await Promise.all([
    db.query("SELECT id, name_zh, name_en FROM intake_category WHERE id = ANY($1::uuid[])", [categoryIds]) as Promise<Array<{ id: string; name_zh: string; name_en: string | null }>>,
    db.query("SELECT id, name_zh, name_en FROM intake_area WHERE id = ANY($1::uuid[])", [areaIds]) as Promise<Array<{ id: string; name_zh: string; name_en: string | null }>>,
    db.query(
      `SELECT DISTINCT t.category_id, t.district_id, t.township_id, m.leader_name
         FROM intake_ticket t
         JOIN supervision_leader_matter_ticket mt ON mt.ticket_id = t.id
         JOIN supervision_leader_matter m ON m.id = mt.matter_id
        WHERE t.category_id = ANY($1::uuid[]) AND t.district_id = ANY($2::uuid[]) AND t.received_at >= $3 AND t.received_at < $4`,
      [categoryIds, districtIds, span.windowStart, span.windowEnd],
    ) as Promise<Array<{ category_id: string; district_id: string; township_id: string | null; leader_name: string }>>,
  ]);
  const category = new Map(categories.map((row) => [row.id, row]));
  const area = new Map(districts.map((row) => [row.id, row]));
  const issues = found.map((cell): HotIssue => {
    const trend: HotTrendPoint[] = span.weekStarts.map((start, index) => ({ start, end: new Date(start.getTime() + 7 * DAY_MS), count: cell.weeks[index]!, current: false }));
    trend.push({ start: span.windowStart, end: span.windowEnd, count: cell.count, current: true });
    return {
      ...cell.key,
      categoryName: category.get(cell.key.categoryId)?.name_zh ?? "",
      categoryNameEn: category.get(cell.key.categoryId)?.name_en ?? null,
      districtName: area.get(cell.key.districtId)?.name_zh ?? "",
      districtNameEn: area.get(cell.key.districtId)?.name_en ?? null,
      townshipName: cell.key.townshipId ? (area.get(cell.key.townshipId)?.name_zh ?? "") : null,
      townshipNameEn: cell.key.townshipId ? (area.get(cell.key.townshipId)?.name_en ?? null) : null,
      windowStart: span.windowStart,
      windowEnd: span.windowEnd,
      count: cell.count,
      expected: cell.expected,
      pValue: cell.pValue,
      ratio: cell.ratio,
      zScore: cell.zScore,
      trend,
      leaderNames: [
        ...new Set(
          leaders
            .filter((row) => row.category_id === cell.key.categoryId && row.district_id === cell.key.districtId && (!cell.key.townshipId || row.township_id === cell.key.townshipId))
            .map((row) => row.leader_name),
        ),
      ],
    };
  });
  return { settings, lastDay, windowStart: span.windowStart, windowEnd: span.windowEnd, issues };
}

/** How many tickets of a category in a district (or one township of it, $5) were received in [$3, $4) (intake_ticket_duplicates_idx). */
export const HOT_TICKETS_COUNT_SQL =
  "SELECT count(*)::int AS n FROM intake_ticket WHERE category_id = $1 AND district_id = $2 AND received_at >= $3 AND received_at < $4 AND ($5::uuid IS NULL OR township_id = $5::uuid)";

/** The first tickets of a category in a district (or one township of it, $5) received in [$3, $4), oldest first (intake_ticket_duplicates_idx). */
export const HOT_TICKETS_SQL = `SELECT t.id, t.tracking_number AS "trackingNumber", t.version, t.status, coalesce(nullif(t.title, ''), left(t.description, 60)) AS summary,
        t.address, tw.name_zh AS "townshipName", t.received_at AS "receivedAt",
        (SELECT m.leader_name FROM supervision_leader_matter_ticket mt JOIN supervision_leader_matter m ON m.id = mt.matter_id
          WHERE mt.ticket_id = t.id ORDER BY m.assigned_at DESC LIMIT 1) AS "leaderName"
   FROM intake_ticket t LEFT JOIN intake_area tw ON tw.id = t.township_id
  WHERE t.category_id = $1 AND t.district_id = $2 AND t.received_at >= $3 AND t.received_at < $4 AND ($5::uuid IS NULL OR t.township_id = $5::uuid)
  ORDER BY t.received_at, t.id LIMIT ${HOT_LIMITS.tickets}`;

export type HotIssueTicket = {
  id: string;
  trackingNumber: string;
  version: number;
  status: string;
  summary: string;
  address: string;
  townshipName: string | null;
  receivedAt: Date;
  /** Still at the centre (received or awaiting dispatch): intake lets it be merged as a duplicate. */
  mergeable: boolean;
  leaderName: string | null;
};

/** The tickets behind a hot issue — its district, or its township — (oldest first, at most 50) and how many there are in all. No phones. */
export async function hotIssueTickets(
  db: DataSource,
  options: { actor: Actor | null; categoryId: string; districtId: string; townshipId?: string | null; from: Date; to: Date },
): Promise<{ total: number; tickets: HotIssueTicket[] }> {
  requireRole(options.actor, HOT_READERS);
  const errors: FieldError[] = [];
  for (const field of ["categoryId", "districtId"] as const) {
    if (!isUuid(options[field])) {
      errors.push({ field, code: "UNKNOWN", message: "Choose a hot issue from the list." });
    }
  }
  if (options.townshipId !== null && options.townshipId !== undefined && !isUuid(options.townshipId)) {
    errors.push({ field: "townshipId", code: "UNKNOWN", message: "Choose a hot issue from the list." });
  }
  const span = options.to.getTime() - options.from.getTime();
  if (!(span > 0) || span > 62 * DAY_MS) {
    errors.push({ field: "to", code: "OUT_OF_RANGE", message: "The range must end after it starts and span at most 62 days." });
  }
  assertNoFieldErrors(errors);
  const params = [options.categoryId, options.districtId, options.from, options.to, options.townshipId ?? null];
  const [counted, rows] = await Promise.all([
    db.query(HOT_TICKETS_COUNT_SQL, params) as Promise<Array<{ n: number }>>,
    db.query(HOT_TICKETS_SQL, params) as Promise<Array<Omit<HotIssueTicket, "mergeable">>>,
  ]);
  return {
    total: counted[0]?.n ?? 0,
    tickets: rows.map((row) => ({ ...row, mergeable: row.status === "received" || row.status === "awaiting_dispatch" })),
  };
}
