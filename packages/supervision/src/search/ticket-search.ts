import { Channel, RequestType, TicketStatus, Urgency, citizenIdentityFor, Privacy } from "@civicline/intake";
import { DomainError, FULL_PHONE_ROLES, Role, checkRanges, hasAnyRole, requireRole, type Actor } from "@civicline/platform";
import { checkFilter, decodeCursor, encodeCursor, SEARCH_PAGE, type CheckedFilter, type Cursor, type Range, type SearchSort, type TicketSearchFilterInput } from "./search-filter.js";
import { measureCondition } from "../measures/engine/drill-down.js";

/** Centre staff: they search every ticket. */
export const SEARCH_CENTRE_ROLES: readonly Role[] = [
  Role.OPERATOR,
  Role.DISPATCHER,
  Role.SUPERVISOR,
  Role.LEADER,
  Role.CALLBACK_AGENT,
  Role.QA_INSPECTOR,
  Role.ADMIN,
];
/** Everyone who may search: centre staff, and handlers (only tickets their unit has or had an assignment for). */
export const SEARCH_ROLES: readonly Role[] = [...SEARCH_CENTRE_ROLES, Role.HANDLER];

export const SearchErrorCode = {
  PHONE_NOT_ALLOWED: "SUPERVISION/PHONE_SEARCH_NOT_ALLOWED",
  NO_UNIT: "SUPERVISION/NO_UNIT",
} as const;

/** Runs SQL: a DataSource, an EntityManager, or a recorder (the bench replays what was run). */
export type SearchDb = { query(sql: string, params?: unknown[]): Promise<unknown> };

export type DeadlineStateValue = "ON_TIME" | "NEAR_DUE" | "OVERDUE";

/** One ticket of a result, the citizen's identity already as the viewer may see it. */
export type TicketSearchHit = {
  id: string;
  trackingNumber: string;
  title: string;
  status: TicketStatus;
  requestType: RequestType;
  channel: Channel;
  urgency: Urgency;
  categoryNameZh: string | null;
  categoryNameEn: string | null;
  districtName: string | null;
  townshipName: string | null;
  leadUnitNameZh: string | null;
  leadUnitNameEn: string | null;
  receivedAt: Date;
  dispatchedAt: Date | null;
  repliedAt: Date | null;
  closedAt: Date | null;
  completionDueAt: Date | null;
  deadlineState: DeadlineStateValue | null;
  returnedCount: number;
  reReportCount: number;
  underSupervision: boolean;
  citizenName: string;
  citizenPhone: string;
};

/** `total` is counted on the first page only (null on later pages), up to TOTAL_CAP. */
export type TicketSearchPage = { hits: TicketSearchHit[]; endCursor: string | null; hasNextPage: boolean; total: number | null; totalCapped: boolean };

/** Matches are counted up to this many. */
export const TOTAL_CAP = 1000;

type Scope = { actor: Actor; unitId: string | null };

/** Who may search, and in which scope: FORBIDDEN for others, SUPERVISION/NO_UNIT for a handler without a unit. */
export function searchScope(actor: Actor | null | undefined): Scope {
  const checked = requireRole(actor, SEARCH_ROLES);
  if (hasAnyRole(checked, SEARCH_CENTRE_ROLES)) {
    return { actor: checked, unitId: null };
  }
  if (!checked.unitId) {
    throw new DomainError(SearchErrorCode.NO_UNIT, "Your account belongs to no handling unit, so there are no tickets to search.");
  }
  return { actor: checked, unitId: checked.unitId };
}

const ALLOWED = {
  statuses: Object.values(TicketStatus),
  requestTypes: Object.values(RequestType),
  channels: Object.values(Channel),
  urgencies: Object.values(Urgency),
};

/** The filter checked, and the phone criterion refused to roles that do not see phones. */
export function checkSearch(scope: Scope, filter: TicketSearchFilterInput | null | undefined): CheckedFilter {
  const checked = checkFilter(filter, ALLOWED);
  if (checked.phone && !hasAnyRole(scope.actor, FULL_PHONE_ROLES)) {
    throw new DomainError(SearchErrorCode.PHONE_NOT_ALLOWED, "Only call-takers and callback agents may search by the caller's phone number.");
  }
  return checked;
}

/**
 * The SQL of one search: WHERE on alias `s` and its parameters; the text condition apart (`text`),
 * because a page walks the sort order with it before it asks the text index (see pageStatements).
 */
export type SearchSql = { where: string[]; text: string | null; dueSet: boolean; params: unknown[]; add: (value: unknown) => string };

function sqlBuilder(): SearchSql {
  const params: unknown[] = [];
  return {
    where: [],
    text: null,
    dueSet: false,
    params,
    add: (value) => {
      params.push(value);
      return `$${params.length}`;
    },
  };
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

function addRange(sql: SearchSql, column: string, range: Range | null): void {
  if (range?.from) {
    sql.where.push(`s.${column} >= ${sql.add(range.from)}`);
  }
  if (range?.to) {
    sql.where.push(`s.${column} <= ${sql.add(range.to)}`);
  }
  if (range && !range.from && range.to) {
    sql.where.push(`s.${column} IS NOT NULL`);
  }
}

/** The category and every category below it (the catalogue is small; resolved before the search). */
async function categorySubtree(db: SearchDb, categoryId: string): Promise<string[]> {
  const rows = (await db.query(
    `WITH RECURSIVE sub AS (SELECT id FROM intake_category WHERE id = $1 UNION ALL SELECT c.id FROM intake_category c JOIN sub ON c.parent_id = sub.id) SELECT id FROM sub`,
    [categoryId],
  )) as Array<{ id: string }>;
  return rows.map((row) => row.id);
}

/** WHERE conditions for a checked filter in a scope. */
export async function buildConditions(db: SearchDb, scope: Scope, filter: CheckedFilter, now: Date): Promise<SearchSql> {
  const sql = sqlBuilder();
  if (scope.unitId) {
    sql.where.push(`s.unit_ids @> ARRAY[${sql.add(scope.unitId)}::uuid]`);
  }
  if (filter.tracking?.kind === "exact") {
    sql.where.push(`s.tracking_number = ${sql.add(filter.tracking.value)}`);
  } else if (filter.tracking) {
    sql.where.push(`s.tracking_number LIKE ${sql.add(`%${escapeLike(filter.tracking.value)}%`)}`);
  }
  if (filter.phone?.kind === "exact") {
    sql.where.push(`s.citizen_phone = ${sql.add(filter.phone.value)}`);
  } else if (filter.phone) {
    sql.where.push(`s.citizen_phone LIKE ${sql.add(`%${escapeLike(filter.phone.value)}%`)}`);
  }
  if (filter.tsquery) {
    const text = `s.document @@ ${sql.add(filter.tsquery)}::tsquery`;
    // a handler's tickets are few: the text index and the unit's index together answer at once
    if (scope.unitId) {
      sql.where.push(text);
    } else {
      sql.text = text;
    }
  }
  const anyOf = (column: string, values: string[]) => {
    if (values.length === 1) {
      sql.where.push(`s.${column} = ${sql.add(values[0])}`);
    } else if (values.length > 1) {
      sql.where.push(`s.${column} = ANY(${sql.add(values)}::text[])`);
    }
  };
  anyOf("status", filter.statuses);
  anyOf("request_type", filter.requestTypes);
  anyOf("channel", filter.channels);
  anyOf("urgency", filter.urgencies);
  if (filter.categoryId) {
    const ids = await categorySubtree(db, filter.categoryId);
    sql.where.push(ids.length <= 1 ? `s.category_id = ${sql.add(filter.categoryId)}` : `s.category_id = ANY(${sql.add(ids)}::uuid[])`);
  }
  if (filter.districtId) {
    sql.where.push(`s.district_id = ${sql.add(filter.districtId)}`);
  }
  if (filter.townshipId) {
    sql.where.push(`s.township_id = ${sql.add(filter.townshipId)}`);
  }
  if (filter.leadUnitId) {
    sql.where.push(`s.lead_unit_id = ${sql.add(filter.leadUnitId)}`);
  }
  addRange(sql, "received_at", filter.received);
  addRange(sql, "dispatched_at", filter.dispatched);
  addRange(sql, "replied_at", filter.replied);
  addRange(sql, "closed_at", filter.closed);
  if (filter.overdue) {
    sql.where.push(`s.active AND s.completion_due_at < ${sql.add(now)}`);
    sql.dueSet = true;
  }
  if (filter.nearDue) {
    const at = sql.add(now);
    sql.where.push(`s.active AND s.near_due_at <= ${at} AND s.completion_due_at >= ${at}`);
    sql.dueSet = true;
  }
  if (filter.returned) {
    sql.where.push(`s.returned_count > 0`);
  }
  if (filter.reReported) {
    sql.where.push(`s.rereport_count > 0`);
  }
  if (filter.underSupervision) {
    sql.where.push(`s.ticket_id IN (SELECT o.ticket_id FROM supervision_order o WHERE o.state <> 'CLOSED')`);
  }
  if (filter.measure) {
    sql.where.push(await measureCondition(db, sql.add, filter.measure));
  }
  return sql;
}

const SORTS: Record<SearchSort, { key: string; direction: "ASC" | "DESC" }> = {
  RECEIVED_DESC: { key: "s.received_at", direction: "DESC" },
  RECEIVED_ASC: { key: "s.received_at", direction: "ASC" },
  DUE_ASC: { key: "coalesce(s.completion_due_at, 'infinity'::timestamptz)", direction: "ASC" },
};

/** The sort key as the cursor carries it: UTC with microseconds, or infinity. */
const keyText = (key: string) => `CASE WHEN ${key} = 'infinity' THEN 'infinity' ELSE to_char(${key} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') END`;

/**
 * A text search first looks at this many tickets of the sort order (those matching the other
 * criteria): a common word fills the page from them, without fetching and sorting its thousands of
 * matches; only when they hold less than a page does the text index answer (a rare word: few matches).
 */
export const TEXT_WINDOW = 3000;

/**
 * The one statement of a page. With `withTotal` (a first page) it also carries the capped count as
 * column `total`, computed only when the page is full (limit + 1 rows): otherwise the page itself holds
 * every match and their number is its length. PostgreSQL runs the uncorrelated count sub-query (an
 * InitPlan) only when the CASE needs it, so a search with a few matches never counts.
 */
export function pageStatements(sql: SearchSql, sort: SearchSort, after: Cursor | null, limit: number, withTotal: boolean) {
  const { direction } = SORTS[sort];
  // overdue / near due: every match has a deadline, so the deadline itself orders them (the active tickets' deadline index, no sort)
  const key = sort === "DUE_ASC" && sql.dueSet ? "s.completion_due_at" : SORTS[sort].key;
  const where = [...sql.where];
  const params = [...sql.params];
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const all = sql.text ? [...where, sql.text] : where;
  const countWhere = all.length > 0 ? `WHERE ${all.join(" AND ")}` : "";
  if (after) {
    where.push(`(${key}, s.ticket_id) ${direction === "DESC" ? "<" : ">"} (${add(after.key)}::timestamptz, ${add(after.id)}::uuid)`);
  }
  const whereOf = (conditions: string[]) => (conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : "");
  const order = `${key} ${direction}, s.ticket_id ${direction}`;
  const n = add(limit + 1);
  // the count's conditions use the filter's parameters only ($1 … $k: the same numbers in the page's list)
  const totalColumn = withTotal
    ? `,
      CASE WHEN count(*) OVER () >= ${n}
        THEN (SELECT count(*)::int FROM (SELECT 1 FROM supervision_ticket_search s ${countWhere} LIMIT ${TOTAL_CAP + 1}) m) END AS total`
    : "";
  const columns = `s.ticket_id, s.tracking_number, s.status, s.request_type, s.channel, s.urgency, s.category_id, s.district_id, s.township_id,
        s.lead_unit_id, s.received_at, s.dispatched_at, s.replied_at, s.closed_at, s.active, s.completion_due_at, s.near_due_at,
        s.returned_count, s.rereport_count, ${keyText(key)} AS sort_key`;
  const selected = sql.text
    ? // the first page of matches among the window's tickets; the text index only when the window was full and held fewer
      `WITH w AS MATERIALIZED (
        SELECT s.ticket_id, ${key} AS k, ${sql.text} AS hit FROM supervision_ticket_search s ${whereOf(where)} ORDER BY ${order} LIMIT ${TEXT_WINDOW}
      ), f AS MATERIALIZED (
        SELECT w.ticket_id FROM w WHERE w.hit ORDER BY w.k ${direction}, w.ticket_id ${direction} LIMIT ${n}
      ), ids AS (
        SELECT f.ticket_id FROM f WHERE (SELECT count(*) FROM f) >= ${n} OR (SELECT count(*) FROM w) < ${TEXT_WINDOW}
        UNION ALL
        SELECT g.ticket_id FROM (SELECT s.ticket_id FROM supervision_ticket_search s ${whereOf([...where, sql.text])} ORDER BY ${order} LIMIT ${n}) g
        WHERE (SELECT count(*) FROM f) < ${n} AND (SELECT count(*) FROM w) >= ${TEXT_WINDOW}
      )
      SELECT ${columns} FROM ids JOIN supervision_ticket_search s ON s.ticket_id = ids.ticket_id`
    : `SELECT ${columns}
      FROM supervision_ticket_search s
      ${whereOf(where)}
      ORDER BY ${order}
      LIMIT ${n}`;
  const text = `
    SELECT p.*, t.title, t.description, t.citizen_name, t.citizen_phone AS phone, t.privacy,
      c.name_zh AS category_zh, c.name_en AS category_en, d.name_zh AS district_name, tw.name_zh AS township_name,
      u.name_zh AS lead_unit_zh, u.name_en AS lead_unit_en,
      EXISTS (SELECT 1 FROM supervision_order o WHERE o.ticket_id = p.ticket_id AND o.state <> 'CLOSED') AS under_supervision${totalColumn}
    FROM (
      ${selected}
    ) p
    JOIN intake_ticket t ON t.id = p.ticket_id
    LEFT JOIN intake_category c ON c.id = p.category_id
    LEFT JOIN intake_area d ON d.id = p.district_id
    LEFT JOIN intake_area tw ON tw.id = p.township_id
    LEFT JOIN routing_unit u ON u.id = p.lead_unit_id
    ORDER BY ${order.replace(/\bs\./g, "p.")}`;
  return { page: { text, params } };
}

type Row = Record<string, unknown> & { ticket_id: string; sort_key: string };

function deadlineStateOf(row: Row, now: Date): DeadlineStateValue | null {
  const due = row.completion_due_at as Date | null;
  if (!due) {
    return null;
  }
  const replied = row.replied_at as Date | null;
  if (!row.active) {
    return replied && replied.getTime() > due.getTime() ? "OVERDUE" : "ON_TIME";
  }
  if (due.getTime() < now.getTime()) {
    return "OVERDUE";
  }
  const near = row.near_due_at as Date | null;
  return near && near.getTime() <= now.getTime() ? "NEAR_DUE" : "ON_TIME";
}

export function hitOf(actor: Actor, row: Row, now: Date): TicketSearchHit {
  const identity = citizenIdentityFor(actor, { privacy: row.privacy as Privacy, citizenName: row.citizen_name as string, citizenPhone: row.phone as string });
  const description = String(row.description ?? "");
  return {
    id: row.ticket_id,
    trackingNumber: row.tracking_number as string,
    title: (row.title as string | null) || [...description].slice(0, 40).join(""),
    status: row.status as TicketStatus,
    requestType: row.request_type as RequestType,
    channel: row.channel as Channel,
    urgency: row.urgency as Urgency,
    categoryNameZh: (row.category_zh as string | null) ?? null,
    categoryNameEn: (row.category_en as string | null) ?? null,
    districtName: (row.district_name as string | null) ?? null,
    townshipName: (row.township_name as string | null) ?? null,
    leadUnitNameZh: (row.lead_unit_zh as string | null) ?? null,
    leadUnitNameEn: (row.lead_unit_en as string | null) ?? null,
    receivedAt: row.received_at as Date,
    dispatchedAt: (row.dispatched_at as Date | null) ?? null,
    repliedAt: (row.replied_at as Date | null) ?? null,
    closedAt: (row.closed_at as Date | null) ?? null,
    completionDueAt: (row.completion_due_at as Date | null) ?? null,
    deadlineState: deadlineStateOf(row, now),
    returnedCount: Number(row.returned_count ?? 0),
    reReportCount: Number(row.rereport_count ?? 0),
    underSupervision: row.under_supervision === true,
    citizenName: identity.name,
    citizenPhone: identity.phone,
  };
}

export type SearchTicketsInput = {
  db: SearchDb;
  actor: Actor | null | undefined;
  filter?: TicketSearchFilterInput | null;
  sort?: SearchSort | null;
  first?: number | null;
  after?: string | null;
  /** Count the matches (capped at TOTAL_CAP); the export does not need it. */
  withTotal?: boolean;
  now?: Date;
};

/**
 * One page of tickets matching a filter, in the viewer's scope (centre staff: every ticket; a
 * handler: tickets their unit has or had an assignment for), phones masked as the role requires.
 * Paged with an opaque cursor (`after` = the previous page's endCursor).
 */
export async function searchTickets(input: SearchTicketsInput): Promise<TicketSearchPage> {
  const scope = searchScope(input.actor);
  checkRanges([{ field: "first", value: input.first, range: { min: 1, max: SEARCH_PAGE.maxLimit } }]);
  const limit = input.first ?? SEARCH_PAGE.defaultLimit;
  const filter = checkSearch(scope, input.filter);
  const after = decodeCursor(input.after);
  const sort: SearchSort = input.sort ?? "RECEIVED_DESC";
  if (!(sort in SORTS)) {
    throw new DomainError("BAD_USER_INPUT", "Choose a sort order from the list.");
  }
  const now = input.now ?? new Date();
  return runPage(input.db, scope, filter, sort, after, limit, input.withTotal !== false, now);
}

export async function runPage(
  db: SearchDb,
  scope: Scope,
  filter: CheckedFilter,
  sort: SearchSort,
  after: Cursor | null,
  limit: number,
  withTotal: boolean,
  now: Date,
): Promise<TicketSearchPage> {
  const sql = await buildConditions(db, scope, filter, now);
  const counting = withTotal && !after;
  const { page } = pageStatements(sql, sort, after, limit, counting);
  const rows = (await db.query(page.text, page.params)) as Row[];
  const hasNextPage = rows.length > limit;
  const pageRows = rows.slice(0, limit);
  const last = pageRows.at(-1);
  // a full page carries the capped count; a first page that is not full holds every match
  const total = !counting ? null : hasNextPage ? Number(rows[0]!.total) : rows.length;
  return {
    hits: pageRows.map((row) => hitOf(scope.actor, row, now)),
    endCursor: last ? encodeCursor({ key: last.sort_key, id: last.ticket_id }) : null,
    hasNextPage,
    total: total === null ? null : Math.min(total, TOTAL_CAP),
    totalCapped: total !== null && total > TOTAL_CAP,
  };
}
