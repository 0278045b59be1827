import { HistoryNote, TicketStatus, transitionTicket } from "@civicline/intake";
import { DomainError, assertNoFieldErrors, requireRole, type Actor, type FieldError } from "@civicline/platform";
import { Assignment, AssignmentState, Unit, dispatchLockedTicket } from "@civicline/routing";
import { In, type DataSource } from "typeorm";
import { CallbackErrorCode, PROPOSAL_DECIDERS, TEXT_LIMITS, isUuid, optionalText, proposalNotFound, requiredText } from "../callback.errors.js";
import { ReReportState } from "../callback.enums.js";
import { CallbackEvent } from "../callback.events.js";
import { CallbackSurvey } from "../survey/callback-survey.entity.js";
import { invalidTicketState, lockTicketRow } from "../survey/answers.js";
import { ReReportAction, reReportAllows, transitionReReportProposal } from "./re-report-proposal-lifecycle.js";
import { ReReportProposal } from "./re-report-proposal.entity.js";

const SATISFACTION_ZH: Record<string, string> = {
  VERY_SATISFIED: "非常满意",
  SATISFIED: "满意",
  BASICALLY_SATISFIED: "基本满意",
  DISSATISFIED: "不满意",
  VERY_DISSATISFIED: "非常不满意",
};
const RESOLUTION_ZH: Record<string, string> = { RESOLVED: "已解决", PARTLY: "部分解决", UNRESOLVED: "未解决" };

/** The note the unit reads with the re-dispatched ticket: the citizen's answers and the supervisor's note. */
function reReportNote(survey: CallbackSurvey | null, note: string | null): string {
  const parts = ["续报（回访后重新派单）"];
  if (survey) {
    parts.push(`回访结果：${RESOLUTION_ZH[survey.resolution ?? ""] ?? "—"}，结果${SATISFACTION_ZH[survey.resultSatisfaction ?? ""] ?? "—"}`);
    if (survey.comment) {
      parts.push(`市民意见：${survey.comment}`);
    }
  }
  if (note) {
    parts.push(`督办意见：${note}`);
  }
  return parts.join("\n").slice(0, 2000);
}

/**
 * A supervisor decides a re-report proposal, once (CALLBACK/ALREADY_DECIDED after). Accept: the
 * ticket is dispatched again (续报) to the same lead unit (and its assisting units that are still
 * active) with fresh deadlines — REPLIED → DISPATCHED, one public history row. Decline: the ticket
 * is closed (REPLIED → CLOSED) with the supervisor's note as the reason. One transaction.
 */
export async function decideReReport(
  dataSource: DataSource,
  input: { actor: Actor | null; proposalId: string; accept: boolean; note?: string | null; now?: Date },
): Promise<ReReportProposal> {
  const actor = requireRole(input.actor, PROPOSAL_DECIDERS);
  const errors: FieldError[] = [];
  if (!isUuid(input.proposalId)) {
    errors.push({ field: "id", code: "INVALID_FORMAT", message: "Choose a proposal from the list." });
  }
  const note = input.accept
    ? optionalText(errors, "note", input.note, TEXT_LIMITS.decisionNote, "note")
    : requiredText(errors, "note", input.note, { min: 2, max: TEXT_LIMITS.decisionNote, label: "reason for declining" });
  assertNoFieldErrors(errors);
  const now = input.now ?? new Date();
  return dataSource.transaction(async (manager) => {
    const proposal = await manager.findOne(ReReportProposal, { where: { id: input.proposalId }, lock: { mode: "pessimistic_write" } });
    if (!proposal) {
      throw proposalNotFound();
    }
    const action = input.accept ? ReReportAction.ACCEPT : ReReportAction.DECLINE;
    if (!reReportAllows(proposal.state, action)) {
      const message =
        proposal.state === ReReportState.WITHDRAWN
          ? "This proposal was withdrawn: the ticket moved on before a decision."
          : `This proposal was already ${proposal.state === ReReportState.ACCEPTED ? "accepted" : "declined"} by ${proposal.decidedByName ?? "someone"}.`;
      throw new DomainError(CallbackErrorCode.ALREADY_DECIDED, message, {
        state: proposal.state,
      });
    }
    const ticket = await lockTicketRow(manager, proposal.ticketId);
    if (ticket.status !== TicketStatus.REPLIED) {
      throw invalidTicketState(ticket);
    }
    let newAssignmentId: string | null = null;
    if (input.accept) {
      const previous = await manager.findOne(Assignment, { where: { ticketId: ticket.id, current: true }, lock: { mode: "pessimistic_write" } });
      if (!previous || previous.state !== AssignmentState.REPLIED) {
        throw invalidTicketState(ticket);
      }
      const units = await manager.find(Unit, { where: { id: In([proposal.leadUnitId, ...previous.assistingUnitIds]), active: true } });
      const lead = units.find((unit) => unit.id === proposal.leadUnitId);
      if (!lead) {
        throw new DomainError(CallbackErrorCode.UNIT_INACTIVE, "The unit that replied is no longer active; have a dispatcher send the ticket to its successor.");
      }
      const assisting = previous.assistingUnitIds.map((id) => units.find((unit) => unit.id === id)).filter((unit): unit is Unit => !!unit);
      const survey = await manager.findOne(CallbackSurvey, { where: { id: proposal.surveyId } });
      const assignment = await dispatchLockedTicket(manager, { ticket, actor, lead, assisting, note: reReportNote(survey, note), now, auto: false, previous });
      newAssignmentId = assignment.id;
    } else {
      await transitionTicket(manager, {
        ticketId: ticket.id,
        to: TicketStatus.CLOSED,
        expectedVersion: ticket.version,
        actor,
        reason: `续报不予受理 / re-report declined: ${note}`,
        note: { code: HistoryNote.RE_REPORT_DECLINED, params: { note: note ?? "" } },
        isPublic: true,
      });
    }
    return transitionReReportProposal(manager, {
      proposal,
      to: input.accept ? ReReportState.ACCEPTED : ReReportState.DECLINED,
      action,
      actor,
      changes: { decidedAt: now, decidedById: actor.id, decidedByName: actor.name, decisionNote: note, newAssignmentId },
      event: { type: CallbackEvent.RE_REPORT_DECIDED, payload: { proposalId: proposal.id, ticketId: ticket.id, accepted: input.accept, assignmentId: newAssignmentId } },
    });
  });
}
