import { ForbiddenError, assertNoFieldErrors, normalizeText, notify, recordAudit, requireRole, textProblem, type Actor, type FieldError } from "@civicline/platform";
import type { DataSource } from "typeorm";
import { CALL_TAKER_ROLES, mayDecideAppealOf, qaScope } from "../access.js";
import { QaInspection, QaInspectionScore, QaInspectionState, QaScoreReason } from "../scoring/inspection.entity.js";
import { formVersionById } from "../scoring/score-form.js";
import { scoreTotal, type QaScoreRequest } from "../scoring/score-rule.js";
import { appealExists, appealNotPending, appealWindowClosed, inspectionNotFound, isUuid, notTeamLead, notYourCall } from "../scoring/scoring.errors.js";
import { QaAppeal, QaAppealState } from "./appeal.entity.js";

export const APPEAL_TEXT_MAX = 1000;

function text(errors: FieldError[], field: string, value: string | null | undefined, required: boolean): string | null {
  const problem = textProblem(value ?? "", "text");
  const clean = normalizeText(value ?? "");
  if (problem) {
    errors.push({ field, code: "INVALID_CHARACTERS", message: `The text ${problem}.` });
  } else if (required && !clean) {
    errors.push({ field, code: "REQUIRED", message: "Say why." });
  } else if ([...clean].length > APPEAL_TEXT_MAX) {
    errors.push({ field, code: "TOO_LONG", message: `Keep it under ${APPEAL_TEXT_MAX} characters.` });
  }
  return clean || null;
}

/**
 * The call-taker appeals their score (申诉) with a reason: only their own call (QA/NOT_YOUR_CALL),
 * once (QA/APPEAL_EXISTS), before the deadline (QA/APPEAL_WINDOW_CLOSED). The inspection row is
 * locked, so two appeals at once leave one. Audited; one transaction.
 */
export async function appealQaScore(dataSource: DataSource, input: { actor: Actor | null; inspectionId: string; reason: string; now?: Date }): Promise<QaInspection> {
  const scope = await qaScope(dataSource, input.actor);
  const actor = requireRole(input.actor, CALL_TAKER_ROLES);
  if (!isUuid(input.inspectionId)) {
    throw inspectionNotFound();
  }
  const errors: FieldError[] = [];
  const reason = text(errors, "reason", input.reason, true);
  const now = input.now ?? new Date();
  return dataSource.transaction(async (em) => {
    const inspection = await em.findOne(QaInspection, { where: { id: input.inspectionId }, lock: { mode: "pessimistic_write" } });
    if (!inspection || (scope.kind !== "all" && !(scope.kind === "people" && scope.userIds.includes(inspection.callTakerId)))) {
      throw inspectionNotFound();
    }
    if (inspection.callTakerId !== actor.id) {
      throw notYourCall();
    }
    if (await em.exists(QaAppeal, { where: { inspectionId: inspection.id } })) {
      throw appealExists();
    }
    if (now.getTime() > inspection.appealDeadline.getTime()) {
      throw appealWindowClosed(inspection.appealDeadline);
    }
    assertNoFieldErrors(errors);
    const appeal = em.create(QaAppeal, {
      inspectionId: inspection.id,
      callTakerId: inspection.callTakerId,
      reason: reason!,
      filedAt: now,
      filedByName: actor.name,
      state: QaAppealState.PENDING,
      decidedAt: null,
      decidedById: null,
      decidedByName: null,
      decisionNote: null,
    });
    await em.save(QaAppeal, appeal);
    await em.update(QaInspection, { id: inspection.id }, { state: QaInspectionState.APPEALED });
    await recordAudit(em, {
      actor,
      action: "qa_appeal.file",
      entity: { type: "qa_inspection", id: inspection.id, label: `appeal ${appeal.id}` },
      before: { state: inspection.state },
      after: { state: QaInspectionState.APPEALED, appealId: appeal.id, reason: appeal.reason },
    });
    const leads: Array<{ lead_user_id: string }> = await em.query(
      `SELECT t.lead_user_id FROM qa_team_member m JOIN qa_team t ON t.id = m.team_id WHERE m.user_id = $1 AND t.lead_user_id <> $1`,
      [inspection.callTakerId],
    );
    await notify(em, {
      recipientIds: leads.map((row) => row.lead_user_id),
      kind: "qa.appeal_filed",
      titleKey: "notify.qa.appealFiled",
      params: { callTaker: actor.name, total: inspection.total.toFixed(2) },
      link: "qa/appeals",
      dedupeKey: `qa.appeal_filed:${appeal.id}`,
    });
    return Object.assign(inspection, { state: QaInspectionState.APPEALED });
  });
}

/**
 * The lead of the call-taker's team decides an appeal (QA/NOT_TEAM_LEAD otherwise; QA/APPEAL_NOT_PENDING
 * when decided already). Upheld: `rescore` (the whole form again, same form version) becomes score
 * version 2 and the score in force; version 1 is kept. Rejected: the score stays. Audited; one transaction.
 */
export async function decideQaAppeal(
  dataSource: DataSource,
  input: { actor: Actor | null; inspectionId: string; upheld: boolean; note?: string | null; rescore?: QaScoreRequest | null; now?: Date },
): Promise<QaInspection> {
  const scope = await qaScope(dataSource, input.actor);
  const actor = input.actor!;
  if (scope.ledTeamIds.length === 0) {
    throw new ForbiddenError("Only team leads decide appeals.");
  }
  if (!isUuid(input.inspectionId)) {
    throw inspectionNotFound();
  }
  const now = input.now ?? new Date();
  return dataSource.transaction(async (em) => {
    const inspection = await em.findOne(QaInspection, { where: { id: input.inspectionId }, lock: { mode: "pessimistic_write" } });
    if (!inspection || (scope.kind !== "all" && !(scope.kind === "people" && scope.userIds.includes(inspection.callTakerId)))) {
      throw inspectionNotFound();
    }
    if (!(await mayDecideAppealOf(em, actor, inspection.callTakerId))) {
      throw notTeamLead();
    }
    const appeal = await em.findOne(QaAppeal, { where: { inspectionId: inspection.id } });
    if (!appeal || appeal.state !== QaAppealState.PENDING) {
      throw appealNotPending();
    }
    const errors: FieldError[] = [];
    const note = text(errors, "note", input.note, false);
    let revised: ReturnType<typeof scoreTotal>["result"] = null;
    if (input.upheld) {
      if (!input.rescore) {
        errors.push({ field: "rescore", code: "REQUIRED", message: "Give the revised score when upholding an appeal." });
      } else {
        const form = await formVersionById(em, inspection.formVersionId);
        const scored = scoreTotal(form, input.rescore);
        errors.push(...scored.errors.map((error) => ({ ...error, field: `rescore.${error.field}` })));
        revised = scored.result;
      }
    }
    assertNoFieldErrors(errors);
    const before = { state: inspection.state, total: inspection.total, scoreVersion: inspection.scoreVersion };
    const state = input.upheld ? QaInspectionState.APPEAL_UPHELD : QaInspectionState.APPEAL_REJECTED;
    await em.update(
      QaAppeal,
      { id: appeal.id },
      { state: input.upheld ? QaAppealState.UPHELD : QaAppealState.REJECTED, decidedAt: now, decidedById: actor.id, decidedByName: actor.name, decisionNote: note },
    );
    const changes: Partial<QaInspection> = { state };
    if (revised) {
      const version = inspection.scoreVersion + 1;
      await em.save(
        QaInspectionScore,
        em.create(QaInspectionScore, { inspectionId: inspection.id, version, reason: QaScoreReason.APPEAL_UPHELD, ...revised, scoredById: actor.id, scoredByName: actor.name, scoredAt: now }),
      );
      Object.assign(changes, { total: revised.total, critical: revised.critical, scoreVersion: version });
    }
    await em.update(QaInspection, { id: inspection.id }, changes);
    await recordAudit(em, {
      actor,
      action: input.upheld ? "qa_appeal.uphold" : "qa_appeal.reject",
      entity: { type: "qa_inspection", id: inspection.id, label: `appeal ${appeal.id}` },
      before,
      after: { state, total: changes.total ?? inspection.total, scoreVersion: changes.scoreVersion ?? inspection.scoreVersion, note },
    });
    await notify(em, {
      recipientIds: [inspection.callTakerId],
      kind: input.upheld ? "qa.appeal_upheld" : "qa.appeal_rejected",
      titleKey: input.upheld ? "notify.qa.appealUpheld" : "notify.qa.appealRejected",
      params: { lead: actor.name, total: (changes.total ?? inspection.total).toFixed(2) },
      link: "qa",
      dedupeKey: `qa.appeal_decided:${appeal.id}`,
    });
    return Object.assign(inspection, changes);
  });
}
