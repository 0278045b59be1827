import { randomUUID } from "node:crypto";
import type { DataSource } from "typeorm";
import { QaCall, QaCallDirection } from "../../calls/call-record.entity.js";
import { QaInspection, QaInspectionState } from "../../scoring/inspection.entity.js";
import { DEFAULT_FORM_VERSION_ID } from "../../scoring/default-form.js";

let tracking = 0;

/** An answered (or missed) call of `callTakerId` starting at `at`, talking `talk` seconds: a real qa_call row. */
export async function call(db: DataSource, callTakerId: string, at: string, talk: number, answered = true): Promise<QaCall> {
  const startedAt = new Date(at);
  const answeredAt = answered ? new Date(startedAt.getTime() + 5000) : null;
  return db.getRepository(QaCall).save({
    callId: `m-${randomUUID()}`,
    seatCode: "A01",
    callTakerId,
    callerNumber: "13900000000",
    direction: QaCallDirection.INBOUND,
    startedAt,
    answeredAt,
    endedAt: new Date((answeredAt ?? startedAt).getTime() + talk * 1000),
    waitSeconds: 5,
    talkSeconds: answered ? talk : 0,
    recordingUrl: null,
    recordingFileId: null,
    transcript: null,
    flaggedAt: null,
    flagReason: null,
    reportedByName: "CTI",
  });
}

/** A scored inspection with `total` in force, of a call that started at `at`. */
export async function inspection(db: DataSource, callTakerId: string, at: string, total: number): Promise<QaInspection> {
  return db.getRepository(QaInspection).save({
    sampleId: randomUUID(),
    callRecordId: randomUUID(),
    callTakerId,
    callStartedAt: new Date(at),
    inspectorId: randomUUID(),
    inspectorName: "质检员",
    formVersionId: DEFAULT_FORM_VERSION_ID,
    state: QaInspectionState.SCORED,
    total,
    critical: false,
    scoreVersion: 1,
    scoredAt: new Date(at),
    appealDeadline: new Date(at),
  });
}

/** An upheld appeal of an inspection, decided at `at`. */
export async function upheldAppeal(db: DataSource, inspectionRow: QaInspection, at: string): Promise<void> {
  await db.query(
    `INSERT INTO qa_appeal (inspection_id, call_taker_id, reason, filed_at, filed_by_name, state, decided_at, decided_by_name)
     VALUES ($1, $2, '申诉', $3, 'x', 'UPHELD', $3, '班长')`,
    [inspectionRow.id, inspectionRow.callTakerId, new Date(at)],
  );
}

/** A ticket logged by `createdBy` at `at` (closed as a direct answer or sent on), as a real intake_ticket row. */
export async function ticket(db: DataSource, createdBy: string, at: string, direct: boolean): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO intake_ticket (id, tracking_number, status, channel, request_type, category_id, description, district_id, address, citizen_name, citizen_phone, received_at, created_by, version)
     VALUES ($1, $2, $3, 'phone', 'consultation', $4, '咨询', $5, '张店区', '市民', '13900000000', $6, $7, 1)`,
    [id, `QA-${++tracking}-${id.slice(0, 6)}`, direct ? "closed_direct" : "dispatched", randomUUID(), randomUUID(), new Date(at), createdBy],
  );
  return id;
}

/** A callback answer on a ticket, satisfied or not with the service, answered at `at`. */
export async function survey(db: DataSource, ticketId: string, at: string, processSatisfaction: "SATISFIED" | "BASICALLY_SATISFIED" | "DISSATISFIED"): Promise<void> {
  await db.query(
    `INSERT INTO callback_survey (task_id, ticket_id, full_survey, channel, resolution, result_satisfaction, process_satisfaction, reasonable, answered_at, category_id, request_type)
     VALUES ($1, $2, true, 'PHONE', 'RESOLVED', 'SATISFIED', $3, true, $4, $5, 'consultation')`,
    [randomUUID(), ticketId, processSatisfaction, new Date(at), randomUUID()],
  );
}
