import { randomUUID } from "node:crypto";
import type { Actor } from "@civicline/platform";
import type { DataSource } from "typeorm";
import { QaCall, QaCallDirection } from "../../calls/call-record.entity.js";
import { QaSample, QaSampleReason } from "../../sampling/sample.entity.js";
import type { QaCriterionScoreRequest, QaScoreRequest } from "../score-rule.js";
import { DEFAULT_FORM } from "../default-form.js";

/** A call record of `callTaker` (a real qa_call row) and its sample (a real qa_sample row). */
export async function sampledCall(db: DataSource, callTaker: Actor, options: { startedAt?: Date; talkSeconds?: number } = {}): Promise<{ call: QaCall; sample: QaSample }> {
  const startedAt = options.startedAt ?? new Date("2026-11-16T02:00:00Z");
  const talk = options.talkSeconds ?? 240;
  const answeredAt = new Date(startedAt.getTime() + 10_000);
  const call = await db.getRepository(QaCall).save({
    callId: `call-${randomUUID()}`,
    seatCode: "A01",
    callTakerId: callTaker.id,
    callerNumber: "13800138000",
    direction: QaCallDirection.INBOUND,
    startedAt,
    answeredAt,
    endedAt: new Date(answeredAt.getTime() + talk * 1000),
    waitSeconds: 10,
    talkSeconds: talk,
    recordingUrl: null,
    recordingFileId: null,
    transcript: null,
    flaggedAt: null,
    flagReason: null,
    reportedByName: "CTI",
  });
  const sample = await db.getRepository(QaSample).save({
    callRecordId: call.id,
    day: startedAt.toISOString().slice(0, 10),
    callTakerId: callTaker.id,
    reason: QaSampleReason.RANDOM,
    position: 1,
  });
  return { call, sample };
}

/** A full score of the default form: every criterion at full points unless overridden. */
export function fullScore(overrides: Record<string, Partial<QaCriterionScoreRequest>> = {}, criticalErrorKeys: string[] = []): QaScoreRequest {
  return {
    criteria: DEFAULT_FORM.criteria.map((criterion) => ({ key: criterion.key, score: null, deductionKeys: [], comment: null, ...overrides[criterion.key] })),
    criticalErrorKeys,
    comment: null,
  };
}
