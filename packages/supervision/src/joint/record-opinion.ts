import { TicketHistoryKind } from "@civicline/intake";
import { assertNoFieldErrors, requireRole, type Actor, type FieldError } from "@civicline/platform";
import { Unit } from "@civicline/routing";
import type { DataSource } from "typeorm";
import { JOINT_PARTY_ROLES, loadVisibleCase, partyOf } from "./joint-access.js";
import type { JointCase } from "./joint-case.entity.js";
import { JointCaseParty } from "./joint-party.entity.js";
import { JointEvent, PARTY_NAMES, recordJointStep } from "./joint-steps.js";
import { JointCaseState, JointEventKind } from "./joint.enums.js";
import { JOINT_TEXT, JointErrorCode, isUuid, jointError, requiredText } from "./joint.errors.js";

export type JointOpinionRequest = { caseId: string; opinion: string; proposedUnitId?: string | null };

/**
 * A party records its opinion on an open case, once, in its own login: the discipline commission's
 * or the staffing office's staff for their unit, a supervisor for the complaint centre. It may name
 * the unit it holds responsible (an active unit). Errors: not a party, case decided, already recorded.
 */
export async function recordJointOpinion(input: { db: DataSource; actor: Actor | null; request: JointOpinionRequest; now?: Date }): Promise<JointCase> {
  const actor = requireRole(input.actor, JOINT_PARTY_ROLES);
  const { request } = input;
  const errors: FieldError[] = [];
  const opinion = requiredText(errors, "opinion", request.opinion, { min: 4, max: JOINT_TEXT.opinion, label: "The opinion" });
  const proposedUnitId = request.proposedUnitId || null;
  if (proposedUnitId && !isUuid(proposedUnitId)) {
    errors.push({ field: "proposedUnitId", code: "INVALID_FORMAT", message: "Choose a unit from the list." });
  }
  assertNoFieldErrors(errors);
  const now = input.now ?? new Date();
  return input.db.transaction(async (manager) => {
    const { jointCase, parties } = await loadVisibleCase(manager, { actor, caseId: request.caseId, lock: true, skipReadCheck: true });
    const party = partyOf(actor, parties);
    if (!party) {
      throw jointError(JointErrorCode.NOT_A_PARTY, "Only the discipline commission, the staffing office and the complaint centre record opinions on a joint case.");
    }
    if (jointCase.state !== JointCaseState.OPEN) {
      throw jointError(JointErrorCode.CASE_DECIDED, "This case is already decided; opinions are closed.");
    }
    const row = parties.find((candidate) => candidate.party === party)!;
    if (row.recordedAt) {
      throw jointError(JointErrorCode.OPINION_ALREADY_RECORDED, `Your party's opinion was already recorded by ${row.recordedByName ?? "a colleague"}.`, { party });
    }
    let unit: Unit | null = null;
    if (proposedUnitId) {
      unit = await manager.findOne(Unit, { where: { id: proposedUnitId, active: true } });
      if (!unit) {
        throw jointError(JointErrorCode.UNIT_INACTIVE, "Choose an active unit from the directory.", {
          fields: [{ field: "proposedUnitId", code: "UNKNOWN", message: "Choose an active unit from the directory." }],
        });
      }
    }
    await manager.update(JointCaseParty, { caseId: jointCase.id, party }, { opinion, proposedUnitId, recordedAt: now, recordedById: actor.id, recordedByName: actor.name });
    const named = unit ? `（认定责任单位 / holds responsible: ${unit.nameZh}）` : "";
    await recordJointStep(manager, {
      caseId: jointCase.id,
      ticketId: jointCase.ticketId,
      at: now,
      kind: JointEventKind.OPINION,
      party,
      actor,
      text: unit ? `${opinion}\n→ ${unit.nameZh}` : opinion,
      event: { type: JointEvent.OPINION_RECORDED, payload: { party, proposedUnitId, unitIds: parties.map((p) => p.unitId) } },
      history: { kind: TicketHistoryKind.JOINT_OPINION_RECORDED, reason: `${PARTY_NAMES[party]}意见 / opinion: ${opinion}${named}` },
    });
    return jointCase;
  });
}
