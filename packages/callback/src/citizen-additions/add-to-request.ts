import {
  HistoryNote,
  TicketAttachment,
  TicketHistoryKind,
  claimPortalUploads,
  isOpen,
  recordTicketEvent,
  ticketIdForTrackingAccess,
  type PortalAttachmentRef,
} from "@civicline/intake";
import { DomainError, assertNoFieldErrors, normalizeText, recordEvent, textProblem, type FieldError } from "@civicline/platform";
import { Assignment } from "@civicline/routing";
import type { DataSource } from "typeorm";
import { CallbackEvent } from "../callback.events.js";
import { CitizenAddition } from "./citizen-addition.entity.js";

/** Longest message a citizen may add at once. */
export const ADDITION_MAX_CHARS = 2000;

/** Error codes of citizen additions. */
export const AdditionErrorCode = {
  REQUEST_CLOSED: "CALLBACK/REQUEST_CLOSED",
  NOTHING_TO_ADD: "CALLBACK/NOTHING_TO_ADD",
} as const;

const accessInvalid = () => new DomainError("INTAKE/TRACKING_ACCESS_INVALID", "Your access to this request has expired. Ask for a new code to see it again.");

/** Checks the message: optional, at most 2,000 characters, no control characters; answers it normalised or null. */
function checkMessage(errors: FieldError[], raw: string | null | undefined): string | null {
  const message = typeof raw === "string" ? normalizeText(raw) : "";
  if (!message) {
    return null;
  }
  if ([...message].length > ADDITION_MAX_CHARS) {
    errors.push({ field: "message", code: "TOO_LONG", message: `Write at most ${ADDITION_MAX_CHARS} characters.` });
  }
  const problem = textProblem(message, "text");
  if (problem) {
    errors.push({ field: "message", code: "INVALID_CHARACTERS", message: `The message ${problem}.` });
  }
  return message;
}

/**
 * A citizen adds a message and/or photos to their request on the portal, with the access token the
 * texted code gave (bound to that one request). In one transaction: the photos are claimed (their
 * upload keys checked) and attached to the ticket, one addition row for the current lead unit's
 * workbench, one ticket history entry (CITIZEN_ADDITION) and one `callback.citizen_addition_added`
 * event. Refused with nothing stored: INTAKE/TRACKING_ACCESS_INVALID (no or another request's
 * access), CALLBACK/REQUEST_CLOSED (finished or merged), CALLBACK/NOTHING_TO_ADD, BAD_USER_INPUT
 * (message), INTAKE/ATTACHMENT_REJECTED (a photo not theirs or already used).
 */
export async function addToRequest(
  dataSource: DataSource,
  input: { trackingNumber: string; accessToken: string; message?: string | null; attachments?: readonly PortalAttachmentRef[] | null; now?: Date },
): Promise<CitizenAddition> {
  const ticketId = await ticketIdForTrackingAccess(dataSource, input.accessToken);
  const errors: FieldError[] = [];
  const message = checkMessage(errors, input.message);
  assertNoFieldErrors(errors);
  const attachments = input.attachments ?? [];
  if (!message && attachments.length === 0) {
    throw new DomainError(AdditionErrorCode.NOTHING_TO_ADD, "Write a message or add a photo.", {
      fields: [{ field: "message", code: "REQUIRED", message: "Write a message or add a photo." }],
    });
  }
  const at = input.now ?? new Date();
  return dataSource.transaction(async (manager) => {
    const photoCount = attachments.filter((ref, index, all) => all.findIndex((other) => other.id === ref.id) === index).length;
    const ticket = await recordTicketEvent(manager, {
      ticketId,
      actor: null,
      kind: TicketHistoryKind.CITIZEN_ADDITION,
      reason: `市民补充 / citizen addition (${photoCount} photo(s))${message ? `: ${message}` : ""}`,
      note: { code: HistoryNote.CITIZEN_ADDITION, params: { words: message ?? "", photos: photoCount } },
    });
    if (ticket.trackingNumber !== input.trackingNumber) {
      throw accessInvalid();
    }
    if (!isOpen(ticket.status)) {
      throw new DomainError(AdditionErrorCode.REQUEST_CLOSED, "This request is closed, so nothing can be added to it. If the problem is back, submit a new request.", {
        status: ticket.status,
      });
    }
    const photos = await claimPortalUploads(manager, { attachments, ticketId: ticket.id });
    if (photos.length > 0) {
      await manager.createQueryBuilder().insert().into(TicketAttachment).values(photos.map((photo) => ({ ...photo, ticketId: ticket.id }))).orIgnore().execute();
    }
    const assignment = await manager.findOne(Assignment, { where: { ticketId: ticket.id, current: true } });
    const addition = await manager.save(
      manager.create(CitizenAddition, {
        ticketId: ticket.id,
        assignmentId: assignment?.id ?? null,
        unitId: assignment?.leadUnitId ?? null,
        message,
        fileIds: photos.map((photo) => photo.fileId),
        at,
        seenAt: null,
        seenByName: null,
      }),
    );
    await recordEvent(manager, {
      type: CallbackEvent.CITIZEN_ADDITION_ADDED,
      payload: { ticketId: ticket.id, additionId: addition.id, unitIds: assignment ? [assignment.leadUnitId, ...assignment.assistingUnitIds] : [] },
    });
    return addition;
  });
}
