import { addWorkingDays, assertNoFieldErrors, dayOf, loadWorkingCalendar, notify, recordAudit, requireRole, type Actor } from "@civicline/platform";
import type { DataSource } from "typeorm";
import { QA_INSPECTORS } from "../access.js";
import { QaCall } from "../calls/call-record.entity.js";
import { markSampleInspected } from "../sampling/inspection-queue.js";
import { QaSample } from "../sampling/sample.entity.js";
import { QaInspection, QaInspectionScore, QaInspectionState, QaScoreReason } from "./inspection.entity.js";
import { currentFormVersion, formVersionById } from "./score-form.js";
import { scoreTotal, type QaScoreRequest } from "./score-rule.js";
import { alreadyScored, isUuid, sampleNotFound } from "./scoring.errors.js";

/** How long a call-taker may appeal a score: this many working days (working time) after it was given. */
export const QA_APPEAL_WINDOW_WORKING_DAYS = 3;

/** Postgres unique_violation. */
const isUniqueViolation = (error: unknown) => (error as { code?: string; driverError?: { code?: string } })?.driverError?.code === "23505" || (error as { code?: string })?.code === "23505";

/**
 * Scores a sampled call (QA_INSPECTOR) with a form version (default: the default form's newest):
 * checks every criterion's range and the deductions, stores the inspection with score version 1 and
 * the appeal deadline, and writes the audit entry — one transaction; bad input stores nothing.
 * A call is scored once (QA/ALREADY_SCORED).
 */
export async function scoreQaCall(
  dataSource: DataSource,
  input: { actor: Actor | null; sampleId: string; formVersionId?: string | null; score: QaScoreRequest; now?: Date },
): Promise<QaInspection> {
  const actor = requireRole(input.actor, QA_INSPECTORS);
  if (!isUuid(input.sampleId)) {
    throw sampleNotFound();
  }
  const sample = await dataSource.manager.findOne(QaSample, { where: { id: input.sampleId } });
  const call = sample ? await dataSource.manager.findOne(QaCall, { where: { id: sample.callRecordId } }) : null;
  if (!sample || !call) {
    throw sampleNotFound();
  }
  const form = input.formVersionId ? await formVersionById(dataSource, input.formVersionId) : await currentFormVersion(dataSource);
  const { result, errors } = scoreTotal(form, input.score);
  assertNoFieldErrors(errors);
  const now = input.now ?? new Date();
  const calendar = await loadWorkingCalendar(dataSource);
  try {
    return await dataSource.transaction(async (em) => {
      if (await em.exists(QaInspection, { where: [{ sampleId: sample.id }, { callRecordId: call.id }] })) {
        throw alreadyScored();
      }
      const inspection = em.create(QaInspection, {
        sampleId: sample.id,
        callRecordId: call.id,
        callTakerId: sample.callTakerId,
        callStartedAt: call.startedAt,
        inspectorId: actor.id,
        inspectorName: actor.name,
        formVersionId: form.id,
        state: QaInspectionState.SCORED,
        total: result!.total,
        critical: result!.critical,
        scoreVersion: 1,
        scoredAt: now,
        appealDeadline: addWorkingDays(calendar, now, QA_APPEAL_WINDOW_WORKING_DAYS),
      });
      await em.save(QaInspection, inspection);
      // the sample leaves the inspection queue in the same transaction
      await markSampleInspected(em, sample.id, now);
      const score = em.create(QaInspectionScore, {
        inspectionId: inspection.id,
        version: 1,
        reason: QaScoreReason.INSPECTION,
        ...result!,
        scoredById: actor.id,
        scoredByName: actor.name,
        scoredAt: now,
      });
      await em.save(QaInspectionScore, score);
      await recordAudit(em, {
        actor,
        action: "qa_inspection.score",
        entity: { type: "qa_inspection", id: inspection.id, label: `call ${call.callId}` },
        after: { callTakerId: inspection.callTakerId, formVersionId: form.id, total: result!.total, critical: result!.critical, criticalErrorKeys: result!.criticalErrorKeys, criteria: result!.criteria, comment: result!.comment },
      });
      await notify(em, {
        recipientIds: [inspection.callTakerId],
        kind: "qa.scored",
        titleKey: "notify.qa.scored",
        params: { day: dayOf(call.startedAt), total: result!.total.toFixed(2), inspector: actor.name },
        link: "qa",
        dedupeKey: `qa.scored:${inspection.id}`,
      });
      return inspection;
    });
  } catch (error) {
    // two inspectors saving the same call at once: the unique sample/call index decides
    if (isUniqueViolation(error)) {
      throw alreadyScored();
    }
    throw error;
  }
}
