import { Ticket, TicketAttachment, ticketIdForTrackingAccess } from "@civicline/intake";
import { DomainError, ForbiddenError, Role, recordEvent, requireRole, type Actor } from "@civicline/platform";
import { In, IsNull, type DataSource } from "typeorm";
import { CallbackEvent } from "../callback.events.js";
import { isUuid } from "../callback.errors.js";
import { CitizenAddition } from "./citizen-addition.entity.js";

/** How many unread additions the workbench lists at most. */
export const UNREAD_LIMIT = 50;

/** An addition as screens show it: with its ticket's number and the photos' metadata. */
export type AdditionView = CitizenAddition & {
  trackingNumber: string;
  photos: Array<{ id: string; filename: string; contentType: string; size: number; url: string }>;
};

function requireUnitHandler(actor: Actor | null): Actor & { unitId: string } {
  const handler = requireRole(actor, [Role.HANDLER]);
  if (!handler.unitId) {
    throw new ForbiddenError("Your account is not attached to a handling unit.");
  }
  return handler as Actor & { unitId: string };
}

/** Adds the tracking numbers and photos (two queries for the whole list). */
async function withDetails(dataSource: DataSource, additions: CitizenAddition[]): Promise<AdditionView[]> {
  if (additions.length === 0) {
    return [];
  }
  const ticketIds = [...new Set(additions.map((addition) => addition.ticketId))];
  const tickets = await dataSource.getRepository(Ticket).find({ where: { id: In(ticketIds) }, select: { id: true, trackingNumber: true } });
  const fileIds = additions.flatMap((addition) => addition.fileIds);
  const files = fileIds.length ? await dataSource.getRepository(TicketAttachment).find({ where: { fileId: In(fileIds), ticketId: In(ticketIds) } }) : [];
  return additions.map((addition) => ({
    ...addition,
    trackingNumber: tickets.find((ticket) => ticket.id === addition.ticketId)?.trackingNumber ?? "",
    photos: addition.fileIds.flatMap((fileId) => {
      const file = files.find((candidate) => candidate.fileId === fileId && candidate.ticketId === addition.ticketId);
      return file ? [{ id: file.fileId, filename: file.filename, contentType: file.contentType, size: file.size, url: `/files/${file.fileId}` }] : [];
    }),
  }));
}

/**
 * What citizens added to tickets a handler's unit leads and nobody there marked read yet, newest
 * first (index callback_citizen_addition_unread_idx). Handlers of a unit only.
 */
export async function unreadAdditionsOfUnit(dataSource: DataSource, input: { actor: Actor | null }): Promise<AdditionView[]> {
  const actor = requireUnitHandler(input.actor);
  const additions = await dataSource.getRepository(CitizenAddition).find({
    where: { unitId: actor.unitId, seenAt: IsNull() },
    order: { at: "DESC", id: "ASC" },
    take: UNREAD_LIMIT,
  });
  return withDetails(dataSource, additions);
}

/** One addition with its ticket's number and photos (as just stored, for the citizen's answer). */
export async function additionView(dataSource: DataSource, addition: CitizenAddition): Promise<AdditionView> {
  const [view] = await withDetails(dataSource, [addition]);
  return view!;
}

/** The lead unit marks an addition read: it leaves the top of the workbench (it stays in the timeline). */
export async function markAdditionSeen(dataSource: DataSource, input: { actor: Actor | null; additionId: string; now?: Date }): Promise<AdditionView> {
  const actor = requireUnitHandler(input.actor);
  const notFound = () => new DomainError("CALLBACK/ADDITION_NOT_FOUND", "This addition does not exist or is not for your unit.");
  if (!isUuid(input.additionId)) {
    throw notFound();
  }
  const saved = await dataSource.transaction(async (manager) => {
    const addition = await manager.findOne(CitizenAddition, { where: { id: input.additionId }, lock: { mode: "pessimistic_write" } });
    if (!addition || addition.unitId !== actor.unitId) {
      throw notFound();
    }
    if (!addition.seenAt) {
      addition.seenAt = input.now ?? new Date();
      addition.seenByName = actor.name;
      await manager.save(addition);
      await recordEvent(manager, { type: CallbackEvent.CITIZEN_ADDITION_SEEN, payload: { ticketId: addition.ticketId, additionId: addition.id, unitIds: [actor.unitId] }, actorId: actor.id });
    }
    return addition;
  });
  const [view] = await withDetails(dataSource, [saved]);
  return view!;
}

/** What the citizen added to the request they opened with the texted code, oldest first. */
export async function additionsOfOpenedRequest(dataSource: DataSource, input: { trackingNumber: string; accessToken: string }): Promise<AdditionView[]> {
  const ticketId = await ticketIdForTrackingAccess(dataSource, input.accessToken);
  const ticket = await dataSource.getRepository(Ticket).findOne({ where: { id: ticketId }, select: { id: true, trackingNumber: true } });
  if (!ticket || ticket.trackingNumber !== input.trackingNumber) {
    throw new DomainError("INTAKE/TRACKING_ACCESS_INVALID", "Your access to this request has expired. Ask for a new code to see it again.");
  }
  const additions = await dataSource.getRepository(CitizenAddition).find({ where: { ticketId }, order: { at: "ASC", id: "ASC" }, take: 100 });
  return withDetails(dataSource, additions);
}
