import { IntegratorScope, Role, ValidationError, assertNoFieldErrors, requireRole, requireScope, type Actor, type FieldError } from "@civicline/platform";
import { QueryFailedError, type DataSource, type EntityManager } from "typeorm";
import { createTicket, type TicketDraft } from "../ticket/create-ticket.js";
import { Ticket } from "../ticket/ticket.entity.js";
import { Channel } from "../ticket/ticket.enums.js";
import { optionalToken } from "../ticket/ticket-validation.js";

/** Channels a call-taker logs (the portal has its own mutation). */
export const STAFF_CHANNELS: readonly Channel[] = Object.values(Channel).filter((channel) => channel !== Channel.PORTAL);
/** Channels an API client (integrator) logs requests from. */
export const API_CHANNELS: readonly Channel[] = [Channel.API, Channel.OPEN311, Channel.SMS_WECHAT];

export type LogCallOptions = {
  db: DataSource | EntityManager;
  cityPrefix: string;
  actor: Actor | null;
  input: TicketDraft & { channel?: Channel | null };
  /** For demo data and imports: when the call came in. */
  receivedAt?: Date;
};

function findByRequestKey(db: DataSource | EntityManager, createdBy: string, key: string): Promise<Ticket | null> {
  return db.getRepository(Ticket).findOne({ where: { createdBy, clientRequestId: key } });
}

function isRequestKeyClash(error: unknown): boolean {
  const driverError = error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : null;
  return driverError?.code === "23505" && driverError.constraint === "intake_ticket_client_request_key";
}

/**
 * A call-taker (or an API client, with channel API/OPEN311/SMS_WECHAT) logs a request: validated
 * like a portal request plus the category's required extra fields, attachments and identity
 * details. With `clientRequestId`, a retry returns the ticket created the first time.
 */
export async function logCall(options: LogCallOptions): Promise<Ticket> {
  const actor = requireRole(options.actor, [Role.OPERATOR, Role.INTEGRATOR]);
  requireScope(actor, IntegratorScope.TICKETS_WRITE);
  const channel = options.input.channel ?? Channel.PHONE;
  const allowed = actor.roles.includes(Role.OPERATOR) ? STAFF_CHANNELS : API_CHANNELS;
  if (!allowed.includes(channel)) {
    throw new ValidationError([
      { field: "channel", code: "INVALID_FORMAT", message: `Log this request with one of the channels ${allowed.join(", ").toUpperCase()}.` },
    ]);
  }
  const errors: FieldError[] = [];
  const key = optionalToken(errors, "clientRequestId", options.input.clientRequestId, "Client request id");
  assertNoFieldErrors(errors);
  if (key) {
    const existing = await findByRequestKey(options.db, actor.id, key);
    if (existing) {
      return existing;
    }
  }
  try {
    return await createTicket({ ...options, channel, enforceExtraFields: true });
  } catch (error) {
    const existing = key && isRequestKeyClash(error) ? await findByRequestKey(options.db, actor.id, key) : null;
    if (existing) {
      return existing;
    }
    throw error;
  }
}
