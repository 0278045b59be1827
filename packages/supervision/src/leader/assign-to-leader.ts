import { TicketHistoryKind, recordTicketEvent } from "@civicline/intake";
import { assertNoFieldErrors, recordEvent, requireRole, type Actor, type FieldError } from "@civicline/platform";
import type { DataSource } from "typeorm";
import { requireLeaderAccount } from "./leader-accounts.js";
import { LeaderMatterKind } from "./leader.enums.js";
import { alreadyAssigned, ticketNotFound } from "./leader.errors.js";
import { LeaderEvent } from "./leader.events.js";
import { LeaderMatter } from "./leader-matter.entity.js";
import { LeaderMatterTicket } from "./leader-matter-ticket.entity.js";
import { LEADER_LIMITS, TRACKING_NUMBER, checkedText, isUuid } from "./leader-validation.js";
import { LEADER_SCHEDULERS } from "./schedule-session.js";

export type AssignToLeaderRequest = {
  leaderId: string;
  /** The tickets by id (the ticket page) … */
  ticketIds?: string[] | null;
  /** … and/or by tracking number (a hot issue typed in by a supervisor). */
  trackingNumbers?: string[] | null;
  /** The hot issue's name: required for several tickets; with one ticket it makes it a hot issue. */
  title?: string | null;
  note?: string | null;
  dueAt?: Date | null;
};

function validate(input: AssignToLeaderRequest, now: Date) {
  const errors: FieldError[] = [];
  const ticketIds = [...new Set(Array.isArray(input.ticketIds) ? input.ticketIds : [])];
  const trackingNumbers = [...new Set((Array.isArray(input.trackingNumbers) ? input.trackingNumbers : []).map((value) => String(value).trim().toUpperCase()).filter(Boolean))];
  const field = ticketIds.length > 0 ? "ticketIds" : "trackingNumbers";
  const total = ticketIds.length + trackingNumbers.length;
  if (total === 0) {
    errors.push({ field, code: "REQUIRED", message: "Choose at least one ticket." });
  } else if (total > LEADER_LIMITS.tickets) {
    errors.push({ field, code: "TOO_LONG", message: `A matter holds at most ${LEADER_LIMITS.tickets} tickets.` });
  } else if (!ticketIds.every(isUuid)) {
    errors.push({ field: "ticketIds", code: "UNKNOWN", message: "Choose tickets from the list." });
  } else if (!trackingNumbers.every((value) => TRACKING_NUMBER.test(value))) {
    errors.push({ field: "trackingNumbers", code: "INVALID_FORMAT", message: "A tracking number looks like ZB-20261124-00017." });
  }
  const title = checkedText(errors, "title", input.title, { required: total > 1, max: LEADER_LIMITS.hotIssue, label: "The hot issue's name", kind: "line" });
  const note = checkedText(errors, "note", input.note, { required: false, max: LEADER_LIMITS.note, label: "The note" });
  const dueAt = input.dueAt ?? null;
  if (dueAt && (!(dueAt instanceof Date) || Number.isNaN(dueAt.getTime()))) {
    errors.push({ field: "dueAt", code: "INVALID_FORMAT", message: "The deadline is not a valid date." });
  } else if (dueAt && dueAt.getTime() <= now.getTime()) {
    errors.push({ field: "dueAt", code: "IN_THE_PAST", message: "The deadline must be in the future." });
  }
  assertNoFieldErrors(errors);
  return { ticketIds, trackingNumbers, title, note, dueAt };
}

/**
 * 领导包案: a supervisor or admin assigns one ticket, or a named hot issue of several tickets, to an
 * active LEADER account (SUPERVISION/NOT_A_LEADER otherwise). Each ticket gets a LEADER_ASSIGNED
 * history row; event `supervision.leader_matter_assigned`. All or nothing.
 */
export async function assignToLeader(options: { db: DataSource; actor: Actor | null; input: AssignToLeaderRequest; now?: Date }): Promise<LeaderMatter> {
  const actor = requireRole(options.actor, LEADER_SCHEDULERS);
  const clean = validate(options.input, options.now ?? new Date());
  return options.db.transaction(async (manager) => {
    const leader = await requireLeaderAccount(manager, options.input.leaderId, "leaderId");
    const byNumber: Array<{ id: string }> = await manager.query("SELECT id FROM intake_ticket WHERE tracking_number = ANY($1::text[])", [clean.trackingNumbers]);
    if (byNumber.length !== clean.trackingNumbers.length) {
      throw ticketNotFound("trackingNumbers");
    }
    const ticketIds = [...new Set([...clean.ticketIds, ...byNumber.map((row) => row.id)])];
    const tickets: Array<{ id: string; tracking_number: string; assigned: boolean }> = await manager.query(
      `SELECT t.id, t.tracking_number,
              EXISTS (SELECT 1 FROM supervision_leader_matter_ticket mt JOIN supervision_leader_matter m ON m.id = mt.matter_id
                       WHERE mt.ticket_id = t.id AND m.leader_id = $2) AS assigned
         FROM intake_ticket t WHERE t.id = ANY($1::uuid[])`,
      [ticketIds, leader.id],
    );
    if (tickets.length !== ticketIds.length) {
      throw ticketNotFound("ticketIds");
    }
    const taken = tickets.find((ticket) => ticket.assigned);
    if (taken) {
      throw alreadyAssigned(taken.tracking_number);
    }
    const matter = manager.create(LeaderMatter, {
      kind: clean.title || ticketIds.length > 1 ? LeaderMatterKind.HOT_ISSUE : LeaderMatterKind.TICKET,
      leaderId: leader.id,
      leaderName: leader.displayName,
      title: clean.title,
      note: clean.note,
      dueAt: clean.dueAt,
      assignedById: actor.id,
      assignedByName: actor.name,
    });
    await manager.save(matter);
    await manager.insert(
      LeaderMatterTicket,
      ticketIds.map((ticketId) => ({ matterId: matter.id, ticketId })),
    );
    const reason = [leader.displayName, clean.title, clean.note].filter(Boolean).join(" · ");
    for (const ticketId of [...ticketIds].sort()) {
      await recordTicketEvent(manager, { ticketId, actor, kind: TicketHistoryKind.LEADER_ASSIGNED, reason });
    }
    await recordEvent(manager, {
      type: LeaderEvent.MATTER_ASSIGNED,
      payload: { matterId: matter.id, leaderId: leader.id, ticketIds },
      actorId: actor.id,
    });
    return matter;
  });
}
