import { DomainError, ValidationError, assertNoFieldErrors, type Actor, type FieldError } from "@civicline/platform";
import { IsNull, QueryFailedError, type DataSource, type EntityManager } from "typeorm";
import { TicketAttachment } from "../call-screen/ticket-attachment.entity.js";
import { claimPortalUploads, type PortalAttachmentRef } from "../portal/portal-uploads.js";
import { createTicket, TICKET_RECEIVED } from "./create-ticket.js";
import { Ticket } from "./ticket.entity.js";
import type { Channel, Privacy, RequestType, Urgency } from "./ticket.enums.js";
import { normalizePhone, optionalToken } from "./ticket-validation.js";

export { TICKET_RECEIVED };

/** An anonymous client's idempotency key must be hard to guess (it returns the ticket it made). */
const MIN_ANONYMOUS_KEY_LENGTH = 16;

export type SubmitRequestOptions = {
  /** A DataSource, or an EntityManager already in a transaction (the change then joins it). */
  db: DataSource | EntityManager;
  cityPrefix: string;
  actor: Actor | null;
  channel: Channel;
  input: {
    requestType: RequestType;
    categoryId: string;
    description: string;
    districtId: string;
    townshipId?: string | null;
    address: string;
    latitude?: number | null;
    longitude?: number | null;
    citizenName: string;
    phone: string;
    email?: string | null;
    urgency?: Urgency;
    /** NONE, ANONYMOUS or CONFIDENTIAL; a REPORT (whistle-blowing) is confidential unless said otherwise. */
    privacy?: Privacy | null;
    /** Photos uploaded anonymously (`POST /uploads`), each with the key its upload answered. */
    attachments?: PortalAttachmentRef[] | null;
    /** Idempotency key: the same key (per creator; per channel when anonymous) returns the first ticket. */
    clientRequestId?: string | null;
  };
  /** For demo data and imports: when the request was received. */
  receivedAt?: Date;
};

function findByRequestKey(db: DataSource | EntityManager, options: SubmitRequestOptions, key: string): Promise<Ticket | null> {
  const where = options.actor
    ? { createdBy: options.actor.id, clientRequestId: key }
    : { createdBy: IsNull(), channel: options.channel, clientRequestId: key };
  return db.getRepository(Ticket).findOne({ where });
}

function isRequestKeyClash(error: unknown): boolean {
  const driverError = error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : null;
  return driverError?.code === "23505" && ["intake_ticket_client_request_key", "intake_ticket_anonymous_request_key"].includes(driverError.constraint ?? "");
}

/** The first ticket made with this key, when the retry is the same citizen's (same phone). */
async function replayed(options: SubmitRequestOptions, key: string | null): Promise<Ticket | null> {
  if (!key) {
    return null;
  }
  const existing = await findByRequestKey(options.db, options, key);
  if (!existing) {
    return null;
  }
  if (existing.citizenPhone !== normalizePhone(options.input.phone ?? "")) {
    throw new ValidationError([{ field: "clientRequestId", code: "ALREADY_USED", message: "This request id was already used for another request." }]);
  }
  return existing;
}

/**
 * Receives a request from the portal (or an import): validated and stored like a logged call, but
 * the category's extra fields are not required (the portal form does not ask for them). Photos
 * uploaded anonymously are attached when their upload keys match. With `clientRequestId`, a retry
 * returns the ticket created the first time.
 */
export async function submitRequest(options: SubmitRequestOptions): Promise<Ticket> {
  const { attachments, email, clientRequestId, ...draft } = options.input;
  const errors: FieldError[] = [];
  const key = optionalToken(errors, "clientRequestId", clientRequestId, "Client request id");
  if (key && !options.actor && key.length < MIN_ANONYMOUS_KEY_LENGTH) {
    errors.push({ field: "clientRequestId", code: "TOO_SHORT", message: `A request id must have at least ${MIN_ANONYMOUS_KEY_LENGTH} characters (use a random UUID).` });
  }
  assertNoFieldErrors(errors);
  const first = await replayed(options, key);
  if (first) {
    return first;
  }
  try {
    // The photos are claimed in the ticket's own transaction (createTicket takes the tracking
    // number before it, so portal requests do not queue behind each other either).
    return await createTicket({
      db: options.db,
      cityPrefix: options.cityPrefix,
      actor: options.actor,
      channel: options.channel,
      receivedAt: options.receivedAt,
      input: { ...draft, citizenEmail: email ?? null, clientRequestId: key },
      enforceExtraFields: false,
      alsoInTransaction: async (manager, ticket) => {
        const photos = await claimPortalUploads(manager, { attachments: attachments ?? [], ticketId: ticket.id });
        if (photos.length > 0) {
          await manager.insert(
            TicketAttachment,
            photos.map((photo) => ({ ...photo, ticketId: ticket.id })),
          );
        }
      },
    });
  } catch (error) {
    const existing = key && isRequestKeyClash(error) ? await replayed(options, key) : null;
    if (existing) {
      return existing;
    }
    throw renameFields(error);
  }
}

/** Field errors name the portal's fields (`email`, not the call form's `citizenEmail`). */
function renameFields(error: unknown): unknown {
  const fields = error instanceof DomainError ? (error.details.fields as FieldError[] | undefined) : undefined;
  for (const field of fields ?? []) {
    if (field.field === "citizenEmail") {
      field.field = "email";
    }
  }
  return error;
}
