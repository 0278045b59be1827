import type { QaAppeal } from "../review/appeal.entity.js";
import type { InspectionView } from "./inspection-queries.js";
import type { QaInspectionScore } from "./inspection.entity.js";
import type { QaScoreFormVersion } from "./score-form.entity.js";
import type { QaAppealType, QaInspectionType, QaScoreFormVersionType, QaScoreType } from "./scoring.types.js";

/** A form version as GraphQL returns it. */
export function formVersionType(version: QaScoreFormVersion, form: { name: string; nameEn: string }, current: boolean): QaScoreFormVersionType {
  return {
    id: version.id,
    formId: version.formId,
    formName: form.name,
    formNameEn: form.nameEn,
    version: version.version,
    criteria: version.criteria,
    criticalErrors: version.criticalErrors,
    totalWeight: version.totalWeight,
    note: version.note,
    createdAt: version.createdAt,
    createdByName: version.createdByName,
    current,
  };
}

/** A score version with the labels of its form version (so the page shows what was ticked). */
export function scoreType(score: QaInspectionScore, form: QaScoreFormVersion): QaScoreType {
  return {
    id: score.id,
    version: score.version,
    reason: score.reason,
    total: score.total,
    critical: score.critical,
    criticalErrors: form.criticalErrors.filter((critical) => score.criticalErrorKeys.includes(critical.key)),
    criteria: form.criteria.map((criterion) => {
      const given = score.criteria.find((entry) => entry.key === criterion.key);
      return {
        key: criterion.key,
        label: criterion.label,
        labelEn: criterion.labelEn,
        weight: criterion.weight,
        score: given?.score ?? 0,
        deductions: criterion.deductions.filter((deduction) => given?.deductionKeys.includes(deduction.key)),
        comment: given?.comment ?? null,
      };
    }),
    comment: score.comment,
    scoredByName: score.scoredByName,
    scoredAt: score.scoredAt,
  };
}

export function appealType(appeal: QaAppeal): QaAppealType {
  return {
    id: appeal.id,
    state: appeal.state,
    reason: appeal.reason,
    filedAt: appeal.filedAt,
    filedByName: appeal.filedByName,
    decidedAt: appeal.decidedAt,
    decidedByName: appeal.decidedByName,
    decisionNote: appeal.decisionNote,
  };
}

/** An inspection view as GraphQL returns it. */
export function inspectionType(view: InspectionView): QaInspectionType {
  const { inspection, formVersion } = view;
  const scores = view.scores.map((score) => scoreType(score, formVersion));
  return {
    id: inspection.id,
    sampleId: inspection.sampleId,
    callRecordId: inspection.callRecordId,
    callStartedAt: inspection.callStartedAt,
    callTakerId: inspection.callTakerId,
    callTakerName: view.callTakerName,
    inspectorName: inspection.inspectorName,
    state: inspection.state,
    formVersion: formVersionType(formVersion, { name: view.formName, nameEn: view.formNameEn }, false),
    score: scores.find((score) => score.version === inspection.scoreVersion) ?? scores[scores.length - 1]!,
    scores,
    appeal: view.appeal && appealType(view.appeal),
    appealDeadline: inspection.appealDeadline,
    canAppeal: view.canAppeal,
    canDecide: view.canDecide,
    scoredAt: inspection.scoredAt,
  };
}
