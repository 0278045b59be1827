import { DomainError, assertNoFieldErrors, recordEvent, type Actor, type FieldError } from "@civicline/platform";
import type { DataSource, EntityManager } from "typeorm";
import { Area } from "../catalog/area.entity.js";
import { Category } from "../catalog/category.entity.js";
import { recordTicketOpened } from "./ticket-lifecycle.js";
import { Ticket } from "./ticket.entity.js";
import { Channel, TicketStatus, Urgency, type RequestType } from "./ticket.enums.js";
import { LIMITS, isUuid, normalizePhone, requiredText } from "./ticket-validation.js";
import { nextTrackingNumber } from "./tracking-number.js";

export const TICKET_RECEIVED = "intake.ticket_received";

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
    citizenName: string;
    phone: string;
    urgency?: Urgency;
  };
  /** For demo data and imports: when the request was received. */
  receivedAt?: Date;
};

async function checkReferences(manager: EntityManager, input: SubmitRequestOptions["input"]): Promise<void> {
  const category = isUuid(input.categoryId)
    ? await manager.findOne(Category, { where: { id: input.categoryId, active: true } })
    : null;
  if (!category || !category.selectable) {
    throw new DomainError("INTAKE/UNKNOWN_CATEGORY", "Choose a category from the list.", {
      fields: [{ field: "categoryId", code: "UNKNOWN", message: category ? "This is a group; choose one of its categories." : "Choose a category from the list." }],
    });
  }
  const district = isUuid(input.districtId) ? await manager.findOne(Area, { where: { id: input.districtId } }) : null;
  if (!district || district.level !== "DISTRICT") {
    throw new DomainError("INTAKE/UNKNOWN_AREA", "Choose a district or county from the list.", {
      fields: [{ field: "districtId", code: "UNKNOWN", message: "Choose a district or county from the list." }],
    });
  }
  if (input.townshipId) {
    const township = isUuid(input.townshipId) ? await manager.findOne(Area, { where: { id: input.townshipId } }) : null;
    if (!township || township.parentId !== district.id) {
      throw new DomainError("INTAKE/UNKNOWN_AREA", "Choose a township or street of the chosen district.", {
        fields: [{ field: "townshipId", code: "UNKNOWN", message: "Choose a township or street of the chosen district." }],
      });
    }
  }
}

/**
 * Receives a request: validates it, stores the ticket as `received` with its first history row and
 * a `intake.ticket_received` event, all in one transaction, and returns the ticket with its tracking number.
 */
export async function submitRequest(options: SubmitRequestOptions): Promise<Ticket> {
  const { input } = options;
  const errors: FieldError[] = [];
  const description = requiredText(errors, "description", input.description, {
    min: LIMITS.descriptionMin,
    max: LIMITS.descriptionMax,
    label: "Description",
  });
  const address = requiredText(errors, "address", input.address, { max: LIMITS.addressMax, label: "Address" });
  const citizenName = requiredText(errors, "citizenName", input.citizenName, { max: LIMITS.nameMax, label: "Name" });
  const phone = normalizePhone(input.phone ?? "");
  if (!phone) {
    errors.push({ field: "phone", code: "INVALID_FORMAT", message: "Enter a mainland mobile number (11 digits, e.g. 13812345678) or a landline with its area code." });
  }
  assertNoFieldErrors(errors);

  return options.db.transaction(async (manager) => {
    await checkReferences(manager, input);
    const receivedAt = options.receivedAt ?? new Date();
    const trackingNumber = await nextTrackingNumber(manager, options.cityPrefix, receivedAt);
    const ticket = manager.create(Ticket, {
      trackingNumber,
      status: TicketStatus.RECEIVED,
      channel: options.channel,
      requestType: input.requestType,
      urgency: input.urgency ?? Urgency.NORMAL,
      categoryId: input.categoryId,
      description,
      districtId: input.districtId,
      townshipId: input.townshipId || null,
      address,
      citizenName,
      citizenPhone: phone!,
      receivedAt,
      createdBy: options.actor?.id ?? null,
    });
    await manager.save(ticket);
    await recordTicketOpened(manager, ticket, options.actor);
    await recordEvent(manager, {
      type: TICKET_RECEIVED,
      payload: { ticketId: ticket.id, trackingNumber },
      actorId: options.actor?.id ?? null,
    });
    return ticket;
  });
}
