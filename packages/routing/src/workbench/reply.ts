import { TicketStatus, transitionTicket } from "@civicline/intake";
import { DomainError, StoredFile, assertNoFieldErrors, type Actor, type FieldError } from "@civicline/platform";
import { In, IsNull, type DataSource, type EntityManager } from "typeorm";
import { lockForUnit, requireUnitActor, unitsOf } from "../assignment/assignment-access.js";
import { AssignmentAction, assignmentAllows, transitionAssignment } from "../assignment/assignment-lifecycle.js";
import { AssignmentState, ReplyOutcome, UnitRole } from "../assignment/assignment.enums.js";
import { Assignment, type ReplyAttachment } from "../assignment/assignment.entity.js";
import { AssignmentUnit } from "../assignment/assignment-unit.entity.js";
import { RoutingErrorCode, TEXT_LIMITS, invalidState, isUuid, requiredText } from "../routing.errors.js";
import { RoutingEvent } from "../routing.events.js";
import { cancelDeadlineTimers } from "../timers/deadline-timers.js";
import { Unit } from "../unit/unit.entity.js";

export const MAX_REPLY_ATTACHMENTS = 10;
export const MAX_REPLY_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const ACCEPTED_TYPES = new Set(["image/jpeg", "image/png", "image/webp", "image/gif", "application/pdf"]);

export type ReplyRequest = {
  outcome: ReplyOutcome;
  text: string;
  attachmentIds?: readonly string[] | null;
  /** Reply although assisting units have not given their input. */
  withoutAssistInput?: boolean | null;
};

/** Files uploaded through POST /uploads by this handler: at most 10, 10 MB each, photos or PDF. */
async function checkReplyAttachments(manager: EntityManager, actor: Actor, ids: readonly string[]): Promise<ReplyAttachment[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) {
    return [];
  }
  const field = "attachmentIds";
  if (unique.length > MAX_REPLY_ATTACHMENTS) {
    assertNoFieldErrors([{ field, code: "TOO_MANY", message: `Attach at most ${MAX_REPLY_ATTACHMENTS} files.` }]);
  }
  const files = unique.every(isUuid) ? await manager.find(StoredFile, { where: { id: In(unique) } }) : [];
  const errors: FieldError[] = [];
  const checked: ReplyAttachment[] = [];
  for (const id of unique) {
    const file = files.find((candidate) => candidate.id === id);
    if (!file || file.ownerId !== actor.id) {
      errors.push({ field, code: "UNKNOWN", message: `File ${id.slice(0, 40)} does not exist or was not uploaded by you.` });
    } else if (file.size > MAX_REPLY_ATTACHMENT_BYTES) {
      errors.push({ field, code: "TOO_LARGE", message: `${file.filename} is larger than 10 MB.` });
    } else if (!ACCEPTED_TYPES.has(file.contentType.split(";")[0]!.trim().toLowerCase())) {
      errors.push({ field, code: "UNSUPPORTED_TYPE", message: `${file.filename} is not accepted: attach photos (JPEG, PNG, WebP, GIF) or PDF documents.` });
    } else {
      checked.push({ id: file.id, filename: file.filename, contentType: file.contentType, size: file.size });
    }
  }
  assertNoFieldErrors(errors);
  return checked;
}

/**
 * The lead unit replies with the result (回复): the ticket becomes REPLIED, the deadline timers
 * are cancelled. Assisting units must have given their input first, unless the reply says it goes
 * without (ROUTING/ASSIST_INPUT_PENDING otherwise).
 */
export async function replyToTicket(
  dataSource: DataSource,
  input: { actor: Actor | null; ticketId: string; reply: ReplyRequest; now?: Date },
): Promise<Assignment> {
  const actor = requireUnitActor(input.actor);
  const errors: FieldError[] = [];
  if (!Object.values(ReplyOutcome).includes(input.reply.outcome)) {
    errors.push({ field: "outcome", code: "INVALID_FORMAT", message: "Choose the outcome." });
  }
  const text = requiredText(errors, "text", input.reply.text, { min: 4, max: TEXT_LIMITS.reply, label: "Reply" });
  assertNoFieldErrors(errors);
  const now = input.now ?? new Date();
  return dataSource.transaction(async (manager) => {
    const { ticket, assignment } = await lockForUnit(manager, { actor, ticketId: input.ticketId, lead: true });
    if (assignment.state === AssignmentState.DISPATCHED) {
      throw invalidState("Sign for the ticket before replying.", { state: assignment.state });
    }
    if (!assignmentAllows(assignment.state, AssignmentAction.REPLY)) {
      throw invalidState(`A ticket that is ${assignment.state} cannot be replied to.`, { state: assignment.state });
    }
    const waiting = await manager.find(AssignmentUnit, { where: { assignmentId: assignment.id, role: UnitRole.ASSISTING, assistText: IsNull() } });
    if (waiting.length > 0 && !input.reply.withoutAssistInput) {
      throw new DomainError(RoutingErrorCode.ASSIST_INPUT_PENDING, "Assisting units have not given their input yet; wait for it or reply without it.", {
        unitIds: waiting.map((row) => row.unitId),
      });
    }
    const attachments = await checkReplyAttachments(manager, actor, input.reply.attachmentIds ?? []);
    const unit = await manager.findOneByOrFail(Unit, { id: assignment.leadUnitId });
    await transitionTicket(manager, { ticketId: ticket.id, to: TicketStatus.REPLIED, expectedVersion: ticket.version, actor, reason: unit.nameZh, isPublic: true });
    await transitionAssignment(manager, {
      assignment,
      to: AssignmentState.REPLIED,
      action: AssignmentAction.REPLY,
      actor,
      changes: { replyOutcome: input.reply.outcome, replyText: text, repliedAt: now, repliedByName: actor.name, replyAttachments: attachments },
      event: {
        type: RoutingEvent.TICKET_REPLIED,
        payload: { ticketId: ticket.id, assignmentId: assignment.id, outcome: input.reply.outcome, onTime: now.getTime() <= assignment.completionDueAt.getTime(), unitIds: unitsOf(assignment) },
      },
    });
    await cancelDeadlineTimers(manager, assignment.id);
    return assignment;
  });
}
