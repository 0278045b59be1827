import { CENTRE_ROLES, Category, QUEUE_ROLES, Ticket, type HistoryActorKind, type HistoryNote, type TicketHistoryKind, type TicketStatus } from "@civicline/intake";
import { Role, hasAnyRole, requireRole, type Actor } from "@civicline/platform";
import { Assignment } from "@civicline/routing";
import { In, type DataSource } from "typeorm";
import { ticketNotFound } from "./dossier.errors.js";
import type { ReReportChainTicketType, ReReportChainType, ReReportRoundType, TimelineEntryType } from "./dossier.types.js";
import { TimelineKind } from "./timeline.enums.js";

/** Who may open the ticket page at all: centre staff and handlers (integrators never). */
export const DOSSIER_ROLES: readonly Role[] = [...CENTRE_ROLES, Role.HANDLER];
/** Centre roles that may open any ticket (the intake queue roles, and QA inspectors who sample any). */
const ANY_TICKET_ROLES: readonly Role[] = [...QUEUE_ROLES, Role.QA_INSPECTOR];

export type Dossier = {
  ticket: Ticket;
  categoryPath: Category[];
  assignments: Assignment[];
  timeline: TimelineEntryType[];
  reReports: ReReportChainType;
};

/**
 * The ticket with this tracking number, if this actor may see it: centre queue roles and QA any
 * ticket; a callback agent a ticket with a callback task (callback's rule for `ticket(id)`); a
 * handler one their unit has or had an assignment on (lead or assisting). Unknown and not allowed
 * are the same SUPERVISION/TICKET_NOT_FOUND. One statement.
 */
export async function openTicket(dataSource: DataSource, actorInput: Actor | null, trackingNumberInput: string): Promise<Ticket> {
  const actor = requireRole(actorInput, DOSSIER_ROLES);
  const trackingNumber = String(trackingNumberInput ?? "").trim().toUpperCase();
  if (trackingNumber.length === 0 || trackingNumber.length > 40) {
    throw ticketNotFound();
  }
  const { entities, raw } = await dataSource
    .getRepository(Ticket)
    .createQueryBuilder("t")
    .addSelect(
      `EXISTS (SELECT 1 FROM routing_assignment a WHERE a.ticket_id = t.id AND (a.lead_unit_id = :unitId OR :unitId = ANY (a.assisting_unit_ids)))`,
      "unit_involved",
    )
    .addSelect(`EXISTS (SELECT 1 FROM callback_task c WHERE c.ticket_id = t.id)`, "has_callback")
    .where("t.tracking_number = :trackingNumber", { trackingNumber })
    .setParameter("unitId", actor.unitId ?? "00000000-0000-0000-0000-000000000000")
    .getRawAndEntities<{ unit_involved: boolean; has_callback: boolean }>();
  const ticket = entities[0];
  const flags = raw[0];
  if (!ticket || !flags) {
    throw ticketNotFound();
  }
  const allowed =
    hasAnyRole(actor, ANY_TICKET_ROLES) ||
    (hasAnyRole(actor, [Role.CALLBACK_AGENT]) && flags.has_callback) ||
    (hasAnyRole(actor, [Role.HANDLER]) && !!actor.unitId && flags.unit_involved);
  if (!allowed) {
    throw ticketNotFound();
  }
  return ticket;
}

type TimelineRow = {
  id: string;
  at: Date;
  kind: TimelineKind;
  history_kind: TicketHistoryKind | null;
  from_status: TicketStatus | null;
  to_status: TicketStatus | null;
  actor_name: string | null;
  actor_kind: HistoryActorKind | null;
  note_code: HistoryNote | null;
  note_params: Record<string, string> | null;
  unit_name_zh: string | null;
  unit_name_en: string | null;
  text: string | null;
  detail_enum: string | null;
  detail_value: string | null;
  is_public: boolean;
};

/**
 * The whole timeline of a ticket in one statement: its history rows (every kind, supervision's
 * included), progress notes, assist inputs, extensions, returns, deadline warnings, callback
 * attempts, surveys and re-report proposals, merged in time order. Each source is read through
 * its ticket (or assignment, task, survey) index.
 */
export async function timelineOf(dataSource: DataSource, ticketId: string): Promise<TimelineEntryType[]> {
  const rows: TimelineRow[] = await dataSource.query(TIMELINE_SQL, [ticketId]);
  return rows.map(toEntry);
}

/** The timeline's one statement ($1: the ticket id). */
export const TIMELINE_SQL = `WITH a AS (SELECT * FROM routing_assignment WHERE ticket_id = $1),
          task AS (SELECT id FROM callback_task WHERE ticket_id = $1),
          survey AS (SELECT * FROM callback_survey WHERE ticket_id = $1),
          e AS (
      SELECT 'history:' || h.id AS id, h.at, 'HISTORY' AS kind, h.kind AS history_kind, h.from_status, h.to_status, h.actor_name,
             h.actor_kind, h.note_code, h.note_params, NULL::uuid AS unit_id, h.reason AS text, NULL AS detail_enum, NULL AS detail_value, h.is_public, 0 AS tie, h.id AS seq
        FROM intake_ticket_history h WHERE h.ticket_id = $1
      UNION ALL
      SELECT 'note:' || n.id, n.at, 'PROGRESS_NOTE', NULL, NULL, NULL, n.author_name, NULL, NULL, NULL, n.unit_id, n.text, 'NoteVisibility', n.visibility, n.visibility = 'PUBLIC', 1, 0
        FROM routing_progress_note n JOIN a ON a.id = n.assignment_id
      UNION ALL
      SELECT 'assist:' || u.assignment_id || ':' || u.unit_id, u.assist_at, 'ASSIST_INPUT', NULL, NULL, NULL, u.assist_by_name, NULL, NULL, NULL, u.unit_id, u.assist_text, NULL, NULL, false, 1, 0
        FROM routing_assignment_unit u JOIN a ON a.id = u.assignment_id WHERE u.assist_at IS NOT NULL
      UNION ALL
      SELECT 'extension:' || a.id, a.extension_requested_at, 'EXTENSION_REQUESTED', NULL, NULL, NULL, a.extension_requested_by_name, NULL, NULL, NULL, a.lead_unit_id,
             a.extension_reason, NULL, a.extension_days::text, false, 1, 0
        FROM a WHERE a.extension_requested_at IS NOT NULL
      UNION ALL
      SELECT 'extension-decision:' || a.id, a.extension_decided_at, 'EXTENSION_DECIDED', NULL, NULL, NULL, a.extension_decided_by_name, NULL, NULL, NULL, a.lead_unit_id,
             a.extension_decision_note, 'ExtensionStatus', a.extension_status, false, 1, 0
        FROM a WHERE a.extension_decided_at IS NOT NULL
      UNION ALL
      SELECT 'near-due:' || a.id, a.near_due_notified_at, 'NEAR_DUE', NULL, NULL, NULL, NULL, NULL, NULL, NULL, a.lead_unit_id, NULL, NULL, NULL, false, 1, 0
        FROM a WHERE a.near_due_notified_at IS NOT NULL
      UNION ALL
      SELECT 'overdue:' || a.id, a.overdue_at, 'OVERDUE', NULL, NULL, NULL, NULL, NULL, NULL, NULL, a.lead_unit_id, NULL, NULL, NULL, false, 1, 0
        FROM a WHERE a.overdue_at IS NOT NULL
      UNION ALL
      SELECT 'return:' || r.id, r.requested_at, 'RETURN_REQUESTED', NULL, NULL, NULL, r.requested_by_name, NULL, NULL, NULL, r.unit_id, r.text, 'ReturnReason', r.reason, false, 1, 0
        FROM routing_return_request r WHERE r.ticket_id = $1
      UNION ALL
      SELECT 'return-decision:' || r.id, r.decided_at, 'RETURN_DECIDED', NULL, NULL, NULL, r.decided_by_name, NULL, NULL, NULL, r.unit_id, r.decision_note, 'ReturnStatus', r.status, false, 1, 0
        FROM routing_return_request r WHERE r.ticket_id = $1 AND r.decided_at IS NOT NULL
      UNION ALL
      SELECT 'callback:' || c.id, c.at, 'CALLBACK_ATTEMPT', NULL, NULL, NULL, c.agent_name, NULL, NULL, NULL, NULL, c.note, 'CallOutcome',
             CASE WHEN c.reached THEN 'REACHED' ELSE 'NOT_REACHED' END, false, 1, 0
        FROM callback_attempt c JOIN task ON task.id = c.task_id
      UNION ALL
      SELECT 'survey:' || s.id, s.answered_at, 'SURVEY_ANSWERED', NULL, NULL, NULL, s.recorded_by_name, NULL, NULL, NULL, s.lead_unit_id, s.comment,
             'Satisfaction', COALESCE(s.result_satisfaction, s.process_satisfaction), false, 1, 0
        FROM survey s
      UNION ALL
      SELECT 're-report:' || p.id, p.created_at, 'RE_REPORT_PROPOSED', NULL, NULL, NULL, NULL, NULL, NULL, NULL, p.lead_unit_id, NULL, 'ReReportReason', p.reasons[1], false, 1, 0
        FROM callback_re_report_proposal p JOIN survey ON survey.id = p.survey_id
      UNION ALL
      SELECT 're-report-decision:' || p.id, p.decided_at, 'RE_REPORT_DECIDED', NULL, NULL, NULL, p.decided_by_name, NULL, NULL, NULL, p.lead_unit_id, p.decision_note, 'ReReportState', p.state, false, 1, 0
        FROM callback_re_report_proposal p JOIN survey ON survey.id = p.survey_id WHERE p.decided_at IS NOT NULL)
     SELECT e.id, e.at, e.kind, e.history_kind, e.from_status, e.to_status, e.actor_name, e.actor_kind, e.note_code, e.note_params, un.name_zh AS unit_name_zh, un.name_en AS unit_name_en,
            e.text, e.detail_enum, e.detail_value, e.is_public
       FROM e LEFT JOIN routing_unit un ON un.id = e.unit_id
      ORDER BY e.at, e.tie, e.seq, e.id`;

function toEntry(row: TimelineRow): TimelineEntryType {
  return {
    id: row.id,
    at: new Date(row.at),
    kind: row.kind,
    historyKind: row.history_kind,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    actorName: row.actor_name,
    actorKind: row.actor_kind,
    noteCode: row.note_code,
    noteParams: Object.entries(row.note_params ?? {}).map(([name, value]) => ({ name, value: String(value) })),
    unitNameZh: row.unit_name_zh,
    unitNameEn: row.unit_name_en,
    text: row.text,
    detailEnum: row.detail_enum,
    detailValue: row.detail_value,
    isPublic: row.is_public,
  };
}

/** Every assignment of a ticket, oldest first (one statement, by routing's ticket index). */
export function assignmentsOf(dataSource: DataSource, ticketId: string): Promise<Assignment[]> {
  return dataSource.getRepository(Assignment).find({ where: { ticketId }, order: { dispatchedAt: "ASC", createdAt: "ASC" } });
}

/** The chain of RE_REPORT_OF links through this ticket, both directions, original first (one statement). */
export async function reReportChainOf(dataSource: DataSource, ticketId: string): Promise<ReReportChainTicketType[]> {
  const rows: Array<{ id: string; tracking_number: string; status: TicketStatus; received_at: Date; position: number }> = await dataSource.query(
    `WITH RECURSIVE up(id, position) AS (
         SELECT $1::uuid, 0
       UNION
         SELECT l.other_ticket_id, up.position - 1 FROM intake_ticket_link l JOIN up ON l.ticket_id = up.id
          WHERE l.kind = 're_report_of' AND up.position > -50),
     down(id, position) AS (
         SELECT $1::uuid, 0
       UNION
         SELECT l.ticket_id, down.position + 1 FROM intake_ticket_link l JOIN down ON l.other_ticket_id = down.id
          WHERE l.kind = 're_report_of' AND down.position < 50),
     chain AS (SELECT id, min(position) AS position FROM (SELECT * FROM up UNION ALL SELECT * FROM down) c GROUP BY id)
     SELECT t.id, t.tracking_number, t.status, t.received_at, chain.position
       FROM chain JOIN intake_ticket t ON t.id = chain.id
      ORDER BY chain.position, t.received_at`,
    [ticketId],
  );
  return rows.map((row) => ({ id: row.id, trackingNumber: row.tracking_number, status: row.status, receivedAt: new Date(row.received_at), position: Number(row.position) }));
}

/** A category with its parents, top level first (one statement). */
export async function categoryPathOf(dataSource: DataSource, categoryId: string): Promise<Category[]> {
  const rows: Array<{ id: string; depth: number }> = await dataSource.query(
    `WITH RECURSIVE path(id, parent_id, depth) AS (
         SELECT id, parent_id, 0 FROM intake_category WHERE id = $1
       UNION ALL
         SELECT c.id, c.parent_id, path.depth + 1 FROM intake_category c JOIN path ON c.id = path.parent_id WHERE path.depth < 10)
     SELECT id, depth FROM path ORDER BY depth DESC`,
    [categoryId],
  );
  const categories = rows.length > 0 ? await dataSource.getRepository(Category).findBy({ id: In(rows.map((row) => row.id)) }) : [];
  const byId = new Map(categories.map((category) => [category.id, category]));
  return rows.map((row) => byId.get(row.id)).filter((category): category is Category => !!category);
}

/** Accepted re-reports of the ticket itself, read from its timeline (no extra statement). */
export function reReportRoundsOf(timeline: readonly TimelineEntryType[]): ReReportRoundType[] {
  return timeline
    .filter((entry) => entry.kind === TimelineKind.RE_REPORT_DECIDED && entry.detailValue === "ACCEPTED")
    .map((entry) => ({ at: entry.at, unitNameZh: entry.unitNameZh, unitNameEn: entry.unitNameEn, decidedBy: entry.actorName, note: entry.text }));
}

/**
 * Everything the ticket page shows about one ticket, as `actor` may see it; six statements (the
 * ticket with the access check, the category path (two), assignments, timeline, re-report chain). The GraphQL fields of the
 * ticket and assignments (category, units, notes, masking …) are resolved by intake's and routing's
 * batched field resolvers.
 */
export async function ticketDossier(dataSource: DataSource, input: { actor: Actor | null; trackingNumber: string }): Promise<Dossier> {
  const ticket = await openTicket(dataSource, input.actor, input.trackingNumber);
  const [categoryPath, assignments, timeline, chain] = await Promise.all([
    categoryPathOf(dataSource, ticket.categoryId),
    assignmentsOf(dataSource, ticket.id),
    timelineOf(dataSource, ticket.id),
    reReportChainOf(dataSource, ticket.id),
  ]);
  return { ticket, categoryPath, assignments, timeline, reReports: { tickets: chain, rounds: reReportRoundsOf(timeline) } };
}
