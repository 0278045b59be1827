import { Category, FINISHED_STATUSES, Area, Ticket, TicketHistoryKind, TicketStatus } from "@civicline/intake";
import { ValidationError, assertNoFieldErrors, cancelTimer, requireRole, type Actor, type FieldError } from "@civicline/platform";
import { ACTIVE_STATES, Assignment, AssignmentState, Unit, decideReturnInTransaction, dispatchInTransaction } from "@civicline/routing";
import type { DataSource, EntityManager } from "typeorm";
import { JOINT_OPENERS, loadVisibleCase, partyOf } from "./joint-access.js";
import { JointCase } from "./joint-case.entity.js";
import { JointRuleProposal } from "./joint-rule-proposal.entity.js";
import { JointEvent, PARTY_NAMES, recordJointStep } from "./joint-steps.js";
import { JOINT_PARTIES, JointCaseState, JointEventKind, JointParty, RuleProposalStatus } from "./joint.enums.js";
import { JOINT_TEXT, JointErrorCode, isUuid, jointError, requiredText } from "./joint.errors.js";
import { jointDeadlineKey } from "./open-joint-case.js";

export type JointRuleProposalRequest = { categoryId?: string | null; areaId?: string | null; keywords?: readonly string[] | null };
export type DecideJointCaseRequest = { caseId: string; unitId: string; decision: string; ruleProposal?: JointRuleProposalRequest | null };

function validate(request: DecideJointCaseRequest): { decision: string; keywords: string[] } {
  const errors: FieldError[] = [];
  if (!isUuid(request.unitId)) {
    errors.push({ field: "unitId", code: "REQUIRED", message: "Choose the responsible unit." });
  }
  const decision = requiredText(errors, "decision", request.decision, { min: 4, max: JOINT_TEXT.decision, label: "The decision" });
  const proposal = request.ruleProposal;
  const keywords = [...new Set((proposal?.keywords ?? []).map((word) => word.normalize("NFC").trim().toLowerCase()).filter(Boolean))];
  if (proposal) {
    if (proposal.categoryId && !isUuid(proposal.categoryId)) {
      errors.push({ field: "ruleProposal.categoryId", code: "INVALID_FORMAT", message: "Choose a category from the list." });
    }
    if (proposal.areaId && !isUuid(proposal.areaId)) {
      errors.push({ field: "ruleProposal.areaId", code: "INVALID_FORMAT", message: "Choose an area from the list." });
    }
    if (keywords.length > JOINT_TEXT.keywords || keywords.some((word) => [...word].length > JOINT_TEXT.keyword)) {
      errors.push({ field: "ruleProposal.keywords", code: "TOO_LONG", message: `Give at most ${JOINT_TEXT.keywords} keywords of at most ${JOINT_TEXT.keyword} characters.` });
    }
  }
  assertNoFieldErrors(errors);
  return { decision, keywords };
}

/**
 * Dispatches the ticket to the decided unit (routing's dispatch) — accepting a return still pending
 * first, as the decision settles it — or keeps the unit that already holds it; returns the assignment.
 */
async function assignToDecidedUnit(manager: EntityManager, input: { actor: Actor; ticket: Ticket; unit: Unit; decision: string; now: Date }): Promise<Assignment> {
  const { ticket, unit } = input;
  const current = await manager.findOne(Assignment, { where: { ticketId: ticket.id, current: true }, lock: { mode: "pessimistic_write" } });
  if (current?.state === AssignmentState.RETURN_REQUESTED) {
    await decideReturnInTransaction(manager, { actor: input.actor, request: { ticketId: ticket.id, accept: true, note: "三方联动督办决定，退单结束 / settled by the joint supervision decision" }, now: input.now });
  } else if (current && ACTIVE_STATES.includes(current.state)) {
    if (current.leadUnitId === unit.id) {
      return current;
    }
    throw jointError(JointErrorCode.TICKET_HELD, `The ticket is ${ticket.status} with another unit; it can only be given to the decided unit once it waits for dispatch.`, {
      status: ticket.status,
      assignmentState: current.state,
    });
  }
  if (![TicketStatus.RECEIVED, TicketStatus.AWAITING_DISPATCH].includes(ticket.status)) {
    throw jointError(JointErrorCode.TICKET_HELD, `The ticket is ${ticket.status}; it can only be given to the decided unit while it waits for dispatch.`, { status: ticket.status });
  }
  const { version } = await manager.findOneByOrFail(Ticket, { id: ticket.id });
  return dispatchInTransaction(manager, {
    actor: input.actor,
    request: { ticketId: ticket.id, version, leadUnitId: unit.id, note: `三方联动督办决定 / joint supervision decision: ${input.decision}`.slice(0, 2000) },
    now: input.now,
    field: "unitId",
  });
}

/** Checks and stores the rule proposal that goes with a decision. */
async function proposeRule(
  manager: EntityManager,
  input: { jointCase: JointCase; ticket: Ticket; unit: Unit; proposal: JointRuleProposalRequest; keywords: string[]; actor: Actor; now: Date },
): Promise<JointRuleProposal> {
  const categoryId = input.proposal.categoryId || input.ticket.categoryId;
  const areaId = input.proposal.areaId || null;
  if (!(await manager.exists(Category, { where: { id: categoryId, active: true } }))) {
    throw new ValidationError([{ field: "ruleProposal.categoryId", code: "UNKNOWN", message: "Choose an active category for the proposed rule." }]);
  }
  if (areaId && !(await manager.exists(Area, { where: { id: areaId } }))) {
    throw new ValidationError([{ field: "ruleProposal.areaId", code: "UNKNOWN", message: "Choose an area from the list." }]);
  }
  return manager.save(JointRuleProposal, {
    caseId: input.jointCase.id,
    categoryId,
    areaId,
    keywords: input.keywords,
    leadUnitId: input.unit.id,
    status: RuleProposalStatus.PENDING,
    proposedAt: input.now,
    proposedByName: input.actor.name,
    decidedAt: null,
    decidedByName: null,
    decisionNote: null,
    ruleId: null,
  });
}

/**
 * The complaint centre decides an open case once all three parties have recorded their opinions:
 * it names the responsible unit (active), the ticket is dispatched to it through routing's dispatch
 * (or stays with it if it already holds it) and that assignment is marked final — the unit cannot
 * return it. With a rule proposal (a new kind of case) a catalogue rule waits for an admin. One
 * transaction; any error stores nothing.
 */
export async function decideJointCase(input: { db: DataSource; actor: Actor | null; request: DecideJointCaseRequest; now?: Date }): Promise<JointCase> {
  const actor = requireRole(input.actor, JOINT_OPENERS);
  const { request } = input;
  const { decision, keywords } = validate(request);
  const now = input.now ?? new Date();
  return input.db.transaction(async (manager) => {
    const { jointCase, parties } = await loadVisibleCase(manager, { actor, caseId: request.caseId, lock: true });
    if (partyOf(actor, parties) !== JointParty.COMPLAINT_CENTRE) {
      throw jointError(JointErrorCode.NOT_A_PARTY, "Only the complaint centre records the decision of a joint case.");
    }
    if (jointCase.state !== JointCaseState.OPEN) {
      throw jointError(JointErrorCode.CASE_DECIDED, `This case was already decided by ${jointCase.decidedByName ?? "someone"}.`);
    }
    const missing = JOINT_PARTIES.filter((party) => !parties.find((row) => row.party === party)?.recordedAt);
    if (missing.length > 0) {
      throw jointError(JointErrorCode.OPINIONS_MISSING, `Waiting for the opinion of: ${missing.map((party) => PARTY_NAMES[party]).join(", ")}. All three parties record an opinion before the decision.`, {
        parties: missing,
      });
    }
    const unit = await manager.findOne(Unit, { where: { id: request.unitId, active: true } });
    if (!unit) {
      throw jointError(JointErrorCode.UNIT_INACTIVE, "The responsible unit must be an active unit of the directory.", {
        fields: [{ field: "unitId", code: "UNKNOWN", message: "Choose an active unit from the directory." }],
      });
    }
    const ticket = await manager.findOne(Ticket, { where: { id: jointCase.ticketId }, lock: { mode: "pessimistic_write" } });
    if (!ticket || FINISHED_STATUSES.includes(ticket.status)) {
      throw jointError(JointErrorCode.TICKET_CLOSED, "The ticket was closed meanwhile; the case cannot dispatch it.");
    }
    const assignment = await assignToDecidedUnit(manager, { actor, ticket, unit, decision, now });
    await manager.update(Assignment, { id: assignment.id }, { finalDecision: `三方联动督办 ${ticket.trackingNumber}` });
    await manager.update(JointCase, { id: jointCase.id }, { state: JointCaseState.DECIDED, decidedUnitId: unit.id, decisionText: decision, decidedAt: now, decidedByName: actor.name, assignmentId: assignment.id });
    await recordJointStep(manager, {
      caseId: jointCase.id,
      ticketId: ticket.id,
      at: now,
      kind: JointEventKind.DECIDED,
      party: JointParty.COMPLAINT_CENTRE,
      actor,
      text: `${decision}\n→ ${unit.nameZh}`,
      event: { type: JointEvent.CASE_DECIDED, payload: { unitId: unit.id, assignmentId: assignment.id, unitIds: [unit.id, ...parties.map((p) => p.unitId)] } },
      history: { kind: TicketHistoryKind.JOINT_CASE_DECIDED, reason: `三方联动督办决定由 ${unit.nameZh} 承办（不得退单）/ joint supervision decided: ${unit.nameEn}, no return. ${decision}` },
    });
    if (request.ruleProposal) {
      const proposal = await proposeRule(manager, { jointCase, ticket, unit, proposal: request.ruleProposal, keywords, actor, now });
      await recordJointStep(manager, {
        caseId: jointCase.id,
        ticketId: ticket.id,
        at: now,
        kind: JointEventKind.RULE_PROPOSED,
        party: JointParty.COMPLAINT_CENTRE,
        actor,
        text: keywords.length > 0 ? keywords.join(", ") : null,
        event: { type: JointEvent.RULE_PROPOSED, payload: { proposalId: proposal.id, unitId: unit.id } },
      });
    }
    await cancelTimer(manager, jointDeadlineKey(jointCase.id));
    return { ...jointCase, state: JointCaseState.DECIDED, decidedUnitId: unit.id, decisionText: decision, decidedAt: now, decidedByName: actor.name, assignmentId: assignment.id };
  });
}
