import { assertNoFieldErrors, requireRole, Role, type Actor, type FieldError } from "@civicline/platform";
import { saveDispatchRule } from "@civicline/routing";
import type { DataSource } from "typeorm";
import { JointCase } from "./joint-case.entity.js";
import { JointRuleProposal } from "./joint-rule-proposal.entity.js";
import { JointEvent, recordJointStep } from "./joint-steps.js";
import { JointEventKind, RuleProposalStatus } from "./joint.enums.js";
import { JOINT_TEXT, JointErrorCode, isUuid, jointError, optionalText, requiredText } from "./joint.errors.js";

/** Who reads the proposals (the catalogue editor's list). */
export const PROPOSAL_READERS: readonly Role[] = [Role.ADMIN, Role.SUPERVISOR];
/** Who accepts or rejects them: the catalogue's admins. */
export const PROPOSAL_DECIDERS: readonly Role[] = [Role.ADMIN];

/** Rule proposals in a status (PENDING by default), oldest first. */
export async function listJointRuleProposals(input: { db: DataSource; actor: Actor | null; status?: RuleProposalStatus | null }): Promise<JointRuleProposal[]> {
  requireRole(input.actor, PROPOSAL_READERS);
  return input.db.getRepository(JointRuleProposal).find({ where: { status: input.status ?? RuleProposalStatus.PENDING }, order: { proposedAt: "ASC" }, take: 200 });
}

/**
 * An admin accepts a proposed rule (routing's saveDispatchRule creates it in the catalogue, in the
 * same transaction) or rejects it with a note (required). Once: JOINT/PROPOSAL_DECIDED after.
 */
export async function decideJointRuleProposal(input: { db: DataSource; actor: Actor | null; id: string; accept: boolean; note?: string | null; now?: Date }): Promise<JointRuleProposal> {
  const actor = requireRole(input.actor, PROPOSAL_DECIDERS);
  const errors: FieldError[] = [];
  const note = input.accept
    ? optionalText(errors, "note", input.note, { max: JOINT_TEXT.note, label: "The note" })
    : requiredText(errors, "note", input.note, { min: 2, max: JOINT_TEXT.note, label: "The reason for rejecting" });
  assertNoFieldErrors(errors);
  if (!isUuid(input.id)) {
    throw jointError(JointErrorCode.PROPOSAL_NOT_FOUND, "This rule proposal does not exist.");
  }
  const now = input.now ?? new Date();
  return input.db.transaction(async (manager) => {
    const proposal = await manager.findOne(JointRuleProposal, { where: { id: input.id }, lock: { mode: "pessimistic_write" } });
    if (!proposal) {
      throw jointError(JointErrorCode.PROPOSAL_NOT_FOUND, "This rule proposal does not exist.");
    }
    if (proposal.status !== RuleProposalStatus.PENDING) {
      throw jointError(JointErrorCode.PROPOSAL_DECIDED, `This proposal was already ${proposal.status === RuleProposalStatus.ACCEPTED ? "accepted" : "rejected"} by ${proposal.decidedByName ?? "someone"}.`);
    }
    let ruleId: string | null = null;
    if (input.accept) {
      const rule = await saveDispatchRule(manager, {
        actor,
        request: { categoryId: proposal.categoryId, areaId: proposal.areaId, keywords: proposal.keywords, leadUnitId: proposal.leadUnitId },
        now,
      });
      ruleId = rule.id;
    }
    const status = input.accept ? RuleProposalStatus.ACCEPTED : RuleProposalStatus.REJECTED;
    await manager.update(JointRuleProposal, { id: proposal.id }, { status, decidedAt: now, decidedByName: actor.name, decisionNote: note, ruleId });
    const jointCase = await manager.findOneByOrFail(JointCase, { id: proposal.caseId });
    await recordJointStep(manager, {
      caseId: jointCase.id,
      ticketId: jointCase.ticketId,
      at: now,
      kind: input.accept ? JointEventKind.RULE_ACCEPTED : JointEventKind.RULE_REJECTED,
      actor,
      text: note,
      event: { type: JointEvent.RULE_PROPOSAL_DECIDED, payload: { proposalId: proposal.id, accepted: input.accept, ruleId } },
    });
    return { ...proposal, status, decidedAt: now, decidedByName: actor.name, decisionNote: note, ruleId };
  });
}
