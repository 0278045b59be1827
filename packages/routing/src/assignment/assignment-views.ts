import type { Unit } from "../unit/unit.entity.js";
import type { UnitType } from "../unit/unit.types.js";
import type { Assignment } from "./assignment.entity.js";
import type { ReturnRequest } from "./return-request.entity.js";
import type { ExtensionRequestType, ReturnRequestType, UnitReplyType } from "./assignment.types.js";

/** A return as GraphQL shows it. */
export function returnView(row: ReturnRequest, unit: Unit): ReturnRequestType {
  return {
    id: row.id,
    reason: row.reason,
    text: row.text,
    unit: unit as UnitType,
    status: row.status,
    at: row.requestedAt,
    decidedBy: row.decidedByName,
    decisionNote: row.decisionNote,
  };
}

/** The extension request stored on an assignment, or null. */
export function extensionView(assignment: Assignment): ExtensionRequestType | null {
  if (!assignment.extensionStatus || !assignment.extensionRequestedAt) {
    return null;
  }
  return {
    id: assignment.id,
    reason: assignment.extensionReason ?? "",
    workingDays: assignment.extensionDays ?? 0,
    requestedMinutes: assignment.extensionMinutes ?? 0,
    status: assignment.extensionStatus,
    requestedAt: assignment.extensionRequestedAt,
    requestedBy: assignment.extensionRequestedByName ?? "",
    decidedAt: assignment.extensionDecidedAt,
    decidedBy: assignment.extensionDecidedByName,
    decisionNote: assignment.extensionDecisionNote,
  };
}

/** The reply stored on an assignment, or null. */
export function replyView(assignment: Assignment, leadUnit: Unit): UnitReplyType | null {
  if (!assignment.repliedAt || !assignment.replyOutcome) {
    return null;
  }
  return {
    outcome: assignment.replyOutcome,
    text: assignment.replyText ?? "",
    at: assignment.repliedAt,
    unit: leadUnit as UnitType,
    author: assignment.repliedByName ?? "",
    attachments: (assignment.replyAttachments ?? []).map((file) => ({ ...file, url: `/files/${file.id}` })),
  };
}
