import { CENTRE_ROLES, FINISHED_STATUSES, type TicketStatus } from "@civicline/intake";
import { ForbiddenError, Role, User, assertNoFieldErrors, hasAnyRole, requireRole, type Actor, type FieldError } from "@civicline/platform";
import type { ReplyOutcome } from "@civicline/routing";
import { ArrayContains, type DataSource } from "typeorm";
import { assertMayReadInstructions } from "./leader-access.js";
import { LeaderMatterKind, LeaderMatterStatus } from "./leader.enums.js";
import { LeaderInstruction } from "./leader-instruction.entity.js";
import { LeaderSession } from "./leader-session.entity.js";
import { isUuid } from "./leader-validation.js";
import { LEADER_SCHEDULERS } from "./schedule-session.js";

/** A ticket as the leader's page lists it: status, deadline and outcome. */
export type LeaderTicketRow = {
  ticketId: string;
  trackingNumber: string;
  summary: string;
  status: TicketStatus;
  receivedAt: Date;
  leadUnitName: string | null;
  dueAt: Date | null;
  overdue: boolean;
  outcome: ReplyOutcome | null;
  replyText: string | null;
  repliedAt: Date | null;
  instructionCount: number;
};

export type LeaderMatterView = {
  id: string;
  kind: LeaderMatterKind;
  title: string | null;
  note: string | null;
  dueAt: Date | null;
  assignedByName: string;
  assignedAt: Date;
  status: LeaderMatterStatus;
  tickets: LeaderTicketRow[];
};

export type LeaderPage = {
  leaderId: string;
  leaderName: string;
  sessions: LeaderSession[];
  sessionTickets: Array<LeaderTicketRow & { sessionId: string }>;
  matters: LeaderMatterView[];
};

/** How many rows each list of the leader's page holds at most (the newest). */
const PAGE_LIMIT = 200;

const TICKET_COLUMNS = `
  t.id AS "ticketId", t.tracking_number AS "trackingNumber",
  coalesce(nullif(t.title, ''), left(t.description, 60)) AS summary, t.status, t.received_at AS "receivedAt",
  u.name_zh AS "leadUnitName", a.completion_due_at AS "dueAt",
  (a.overdue_at IS NOT NULL AND a.replied_at IS NULL AND NOT (t.status = ANY($2::text[]))) AS overdue,
  a.reply_outcome AS outcome, a.reply_text AS "replyText", a.replied_at AS "repliedAt",
  (SELECT count(*)::int FROM supervision_leader_instruction i WHERE i.ticket_id = t.id) AS "instructionCount"`;
const TICKET_JOINS = `
  JOIN intake_ticket t ON t.id = x.ticket_id
  LEFT JOIN routing_assignment a ON a.ticket_id = t.id AND a.current
  LEFT JOIN routing_unit u ON u.id = a.lead_unit_id`;

/** The leader whose page the actor may read: a leader their own; supervisors and admins anyone's. */
function pageOwner(actorInput: Actor | null, leaderId: string | null | undefined): string {
  const actor = requireRole(actorInput, [Role.LEADER, ...LEADER_SCHEDULERS]);
  if (hasAnyRole(actor, LEADER_SCHEDULERS)) {
    if (!isUuid(leaderId)) {
      throw new ForbiddenError("Choose the leader whose page to open.");
    }
    return leaderId;
  }
  if (leaderId && leaderId !== actor.id) {
    throw new ForbiddenError("A leader sees only their own page.");
  }
  return actor.id;
}

/**
 * The leader's page: their sessions (the latest first), the tickets taken in them, and the matters
 * assigned to them (领导包案), each ticket with its status, lead unit, deadline and outcome. Three
 * queries whatever the number of rows.
 */
export async function leaderPage(dataSource: DataSource, input: { actor: Actor | null; leaderId?: string | null }): Promise<LeaderPage> {
  const leaderId = pageOwner(input.actor, input.leaderId);
  const leader = await dataSource.getRepository(User).findOne({ where: { id: leaderId } });
  if (!leader || !leader.roles.includes(Role.LEADER)) {
    throw new ForbiddenError("This account is not a leader.");
  }
  const finished = [...FINISHED_STATUSES];
  const sessions = await dataSource.getRepository(LeaderSession).find({ where: { leaderId }, order: { startsAt: "DESC" }, take: PAGE_LIMIT });
  const sessionTickets: Array<LeaderTicketRow & { sessionId: string }> = await dataSource.query(
    `SELECT ${TICKET_COLUMNS}, x.session_id AS "sessionId"
       FROM (SELECT st.ticket_id, st.session_id, st.marked_at FROM supervision_leader_session_ticket st
              JOIN supervision_leader_session s ON s.id = st.session_id WHERE s.leader_id = $1) x
       ${TICKET_JOINS}
      ORDER BY x.marked_at DESC LIMIT ${PAGE_LIMIT}`,
    [leaderId, finished],
  );
  const matterRows: Array<LeaderTicketRow & { matterId: string; kind: LeaderMatterKind; title: string | null; note: string | null; matterDueAt: Date | null; assignedByName: string; assignedAt: Date }> =
    await dataSource.query(
      `SELECT ${TICKET_COLUMNS}, m.id AS "matterId", m.kind, m.title, m.note, m.due_at AS "matterDueAt",
              m.assigned_by_name AS "assignedByName", m.assigned_at AS "assignedAt"
         FROM (SELECT * FROM supervision_leader_matter WHERE leader_id = $1 ORDER BY assigned_at DESC LIMIT ${PAGE_LIMIT}) m
         JOIN supervision_leader_matter_ticket x ON x.matter_id = m.id
         ${TICKET_JOINS}
        ORDER BY m.assigned_at DESC, t.received_at`,
      [leaderId, finished],
    );
  const matters = new Map<string, LeaderMatterView>();
  for (const row of matterRows) {
    const { matterId, kind, title, note, matterDueAt, assignedByName, assignedAt, ...ticket } = row;
    const matter = matters.get(matterId) ?? { id: matterId, kind, title, note, dueAt: matterDueAt, assignedByName, assignedAt, status: LeaderMatterStatus.DONE, tickets: [] };
    matter.tickets.push(ticket);
    if (!finished.includes(ticket.status)) {
      matter.status = LeaderMatterStatus.OPEN;
    }
    matters.set(matterId, matter);
  }
  return { leaderId, leaderName: leader.displayName, sessions, sessionTickets, matters: [...matters.values()] };
}

/** Leader sessions overlapping [from, to) for the schedule (supervisors, admins), earliest first; a range of at most 62 days. */
export async function listLeaderSessions(dataSource: DataSource, input: { actor: Actor | null; from: Date; to: Date }): Promise<Array<LeaderSession & { ticketCount: number }>> {
  requireRole(input.actor, LEADER_SCHEDULERS);
  const errors: FieldError[] = [];
  if (!(input.from instanceof Date) || Number.isNaN(input.from.getTime())) {
    errors.push({ field: "from", code: "INVALID_FORMAT", message: "The start of the range is not a valid date." });
  }
  if (!(input.to instanceof Date) || Number.isNaN(input.to.getTime())) {
    errors.push({ field: "to", code: "INVALID_FORMAT", message: "The end of the range is not a valid date." });
  } else if (errors.length === 0 && input.to.getTime() <= input.from.getTime()) {
    errors.push({ field: "to", code: "BEFORE_START", message: "The range must end after it starts." });
  } else if (errors.length === 0 && input.to.getTime() - input.from.getTime() > 62 * 86_400_000) {
    errors.push({ field: "to", code: "TOO_LONG", message: "Show at most 62 days at a time." });
  }
  assertNoFieldErrors(errors);
  const rows: Array<LeaderSession & { ticketCount: number }> = await dataSource.query(
    `SELECT s.id, s.leader_id AS "leaderId", s.leader_name AS "leaderName", s.leader_title AS "leaderTitle", s.leader_unit AS "leaderUnit",
            s.seat, s.starts_at AS "startsAt", s.ends_at AS "endsAt", s.created_by_name AS "createdByName", s.created_at AS "createdAt",
            (SELECT count(*)::int FROM supervision_leader_session_ticket st WHERE st.session_id = s.id) AS "ticketCount"
       FROM supervision_leader_session s
      WHERE s.starts_at < $2 AND s.ends_at > $1
      ORDER BY s.starts_at, s.seat
      LIMIT 500`,
    [input.from, input.to],
  );
  return rows;
}

/** Active leader accounts, for the scheduling and assignment forms (supervisors, admins). */
export async function listLeaders(dataSource: DataSource, actor: Actor | null): Promise<User[]> {
  requireRole(actor, LEADER_SCHEDULERS);
  return dataSource.getRepository(User).find({ where: { active: true, roles: ArrayContains([Role.LEADER]) }, order: { displayName: "ASC" } });
}

/** A ticket's instructions, newest first: centre staff, and handlers of the ticket's units only. */
export async function ticketInstructions(dataSource: DataSource, input: { actor: Actor | null; ticketId: string }): Promise<LeaderInstruction[]> {
  await assertMayReadInstructions(dataSource, input.actor, input.ticketId);
  if (!isUuid(input.ticketId)) {
    return [];
  }
  return dataSource.getRepository(LeaderInstruction).find({ where: { ticketId: input.ticketId }, order: { createdAt: "DESC" }, take: 50 });
}

/** The leaders a ticket is assigned to (领导包案), for the ticket page: centre staff. */
export async function ticketLeaderMatters(
  dataSource: DataSource,
  input: { actor: Actor | null; ticketId: string },
): Promise<Array<{ id: string; kind: LeaderMatterKind; leaderName: string; title: string | null; dueAt: Date | null; assignedByName: string; assignedAt: Date }>> {
  requireRole(input.actor, CENTRE_ROLES);
  if (!isUuid(input.ticketId)) {
    return [];
  }
  return dataSource.query(
    `SELECT m.id, m.kind, m.leader_name AS "leaderName", m.title, m.due_at AS "dueAt", m.assigned_by_name AS "assignedByName", m.assigned_at AS "assignedAt"
       FROM supervision_leader_matter_ticket mt JOIN supervision_leader_matter m ON m.id = mt.matter_id
      WHERE mt.ticket_id = $1 ORDER BY m.assigned_at DESC`,
    [input.ticketId],
  );
}
