import { TicketHistoryKind, recordTicketEvent } from "@civicline/intake";
import { recordEvent, type Actor } from "@civicline/platform";
import type { EntityManager } from "typeorm";
import { JointCaseEvent } from "./joint-event.entity.js";
import type { JointEventKind, JointParty } from "./joint.enums.js";

/** Outbox event types of joint supervision. */
export const JointEvent = {
  CASE_OPENED: "supervision.joint_case_opened",
  OPINION_RECORDED: "supervision.joint_opinion_recorded",
  CASE_DECIDED: "supervision.joint_case_decided",
  CASE_OVERDUE: "supervision.joint_case_overdue",
  RULE_PROPOSED: "supervision.joint_rule_proposed",
  RULE_PROPOSAL_DECIDED: "supervision.joint_rule_proposal_decided",
} as const;

/** Chinese / English names of the parties, written into history rows. */
export const PARTY_NAMES: Readonly<Record<JointParty, string>> = {
  DISCIPLINE_COMMISSION: "纪委监委 / discipline commission",
  STAFFING_OFFICE: "编办 / staffing office",
  COMPLAINT_CENTRE: "投诉中心 / complaint centre",
};

/**
 * Records one step of a case in the caller's transaction: a row of the case's own timeline, an
 * outbox event and — when `history` is given — an internal row of the ticket's history.
 */
export async function recordJointStep(
  manager: EntityManager,
  input: {
    caseId: string;
    ticketId: string;
    at: Date;
    kind: JointEventKind;
    party?: JointParty | null;
    actor: Actor | null;
    actorName?: string;
    text: string | null;
    event: { type: string; payload: Record<string, unknown> };
    history?: { kind: TicketHistoryKind; reason: string };
  },
): Promise<void> {
  await manager.insert(JointCaseEvent, {
    caseId: input.caseId,
    at: input.at,
    kind: input.kind,
    party: input.party ?? null,
    actorName: input.actorName ?? input.actor?.name ?? "system",
    text: input.text,
  });
  if (input.history) {
    await recordTicketEvent(manager, { ticketId: input.ticketId, actor: input.actor, kind: input.history.kind, reason: input.history.reason.slice(0, 2000) });
  }
  await recordEvent(manager, { type: input.event.type, payload: { caseId: input.caseId, ticketId: input.ticketId, ...input.event.payload }, actorId: input.actor?.id ?? null });
}
