import { DomainError, OUTBOX_CHANNEL, assertNoFieldErrors, retryTransient, type Actor, type FieldError } from "@civicline/platform";
import type { DataSource, EntityManager } from "typeorm";
import { Area } from "../catalog/area.entity.js";
import { Category } from "../catalog/category.entity.js";
import { checkAttachments } from "../call-screen/attachments.js";
import { validateExtraFields } from "../call-screen/extra-fields.js";
import { historyActorKind } from "./history-note.js";
import { historyActorName } from "./ticket-lifecycle.js";
import { Ticket, type ExtraFieldValue } from "./ticket.entity.js";
import { Channel, Privacy, RequestType, TicketHistoryKind, TicketStatus, Urgency } from "./ticket.enums.js";
import {
  LIMITS,
  checkCharacters,
  checkCoordinates,
  isUuid,
  normalizePhone,
  optionalEmail,
  optionalIdNumber,
  optionalText,
  optionalToken,
  requiredText,
} from "./ticket-validation.js";
import { fromRowJson } from "./ticket-details.js";
import { wakeOutbox } from "./outbox-wake.js";
import { nextTrackingNumber } from "./tracking-number.js";

/** Outbox event written when a ticket is received; payload `{ ticketId, trackingNumber }`. */
export const TICKET_RECEIVED = "intake.ticket_received";

/** Everything a new ticket can be created with; the portal uses a subset. */
export type TicketDraft = {
  requestType: RequestType;
  categoryId: string;
  title?: string | null;
  description: string;
  districtId: string;
  townshipId?: string | null;
  address: string;
  latitude?: number | null;
  longitude?: number | null;
  urgency?: Urgency | null;
  citizenName: string;
  phone: string;
  citizenEmail?: string | null;
  citizenIdNumber?: string | null;
  privacy?: Privacy | null;
  extraFields?: ExtraFieldValue[] | null;
  attachmentIds?: string[] | null;
  callId?: string | null;
  clientRequestId?: string | null;
};

export type CreateTicketOptions = {
  /** A DataSource, or an EntityManager already in a transaction (the change then joins it). */
  db: DataSource | EntityManager;
  cityPrefix: string;
  actor: Actor | null;
  channel: Channel;
  input: TicketDraft;
  /** Whether required extra fields must be given (the call form asks for them; the portal does not yet). */
  enforceExtraFields: boolean;
  /** For demo data and imports: when the request was received. */
  receivedAt?: Date;
  /** More work in the ticket's transaction once the ticket is stored (the portal claims its photos). */
  alsoInTransaction?: (manager: EntityManager, ticket: Ticket) => Promise<void>;
};

const MAX_EXTRA_FIELDS = 50;

/** The default privacy: whistle-blowing reports are confidential unless said otherwise. */
export function defaultPrivacy(requestType: RequestType, privacy: Privacy | null | undefined): Privacy {
  return privacy ?? (requestType === RequestType.REPORT ? Privacy.CONFIDENTIAL : Privacy.NONE);
}

/** Checks every field that needs no database; throws BAD_USER_INPUT listing them all. */
function validateDraft(input: TicketDraft) {
  const errors: FieldError[] = [];
  const description = requiredText(errors, "description", input.description, {
    min: LIMITS.descriptionMin,
    max: LIMITS.descriptionMax,
    label: "Description",
  });
  const title = optionalText(errors, "title", input.title, { max: LIMITS.titleMax, label: "Title", kind: "line" });
  const address = requiredText(errors, "address", input.address, { max: LIMITS.addressMax, label: "Address", kind: "line" });
  const citizenName = requiredText(errors, "citizenName", input.citizenName, { max: LIMITS.nameMax, label: "Name", kind: "line" });
  const phone = typeof input.phone === "string" && checkCharacters(errors, "phone", input.phone, "Phone") ? normalizePhone(input.phone) : null;
  if (!phone && !errors.some((error) => error.field === "phone")) {
    errors.push({ field: "phone", code: "INVALID_FORMAT", message: "Enter a mainland mobile number (11 digits, e.g. 13812345678) or a landline with its area code." });
  }
  const citizenEmail = optionalEmail(errors, "citizenEmail", input.citizenEmail);
  const citizenIdNumber = optionalIdNumber(errors, "citizenIdNumber", input.citizenIdNumber);
  const coordinates = checkCoordinates(errors, input.latitude, input.longitude);
  const callId = optionalToken(errors, "callId", input.callId, "Call id");
  const clientRequestId = optionalToken(errors, "clientRequestId", input.clientRequestId, "Client request id");
  if ((input.extraFields?.length ?? 0) > MAX_EXTRA_FIELDS) {
    errors.push({ field: "extraFields", code: "TOO_LONG", message: `At most ${MAX_EXTRA_FIELDS} extra fields.` });
  }
  assertNoFieldErrors(errors);
  return { description, title, address, citizenName, phone: phone!, citizenEmail, citizenIdNumber, ...coordinates, callId, clientRequestId };
}

/** The category (if active), the district and the township a draft names, read by one statement. */
async function loadReferences(manager: EntityManager, input: TicketDraft): Promise<{ category: Category | null; district: Area | null; township: Area | null }> {
  const idOrNull = (id: string | null | undefined) => (id && isUuid(id) ? id : null);
  const [row]: Array<Record<"category" | "district" | "township", Record<string, unknown> | null>> = await manager.query(
    `SELECT (SELECT to_jsonb(c) FROM intake_category c WHERE c.id = $1 AND c.active) AS category,
            (SELECT to_jsonb(a) FROM intake_area a WHERE a.id = $2) AS district,
            (SELECT to_jsonb(a) FROM intake_area a WHERE a.id = $3) AS township`,
    [idOrNull(input.categoryId), idOrNull(input.districtId), idOrNull(input.townshipId)],
  );
  const dataSource = manager.connection;
  return {
    category: row?.category ? fromRowJson(dataSource, Category, row.category) : null,
    district: row?.district ? fromRowJson(dataSource, Area, row.district) : null,
    township: row?.township ? fromRowJson(dataSource, Area, row.township) : null,
  };
}

async function checkReferences(manager: EntityManager, input: TicketDraft): Promise<Category> {
  const { category, district, township } = await loadReferences(manager, input);
  if (!category || !category.selectable) {
    throw new DomainError("INTAKE/UNKNOWN_CATEGORY", "Choose a category from the list.", {
      fields: [{ field: "categoryId", code: "UNKNOWN", message: category ? "This is a group; choose one of its categories." : "Choose a category from the list." }],
    });
  }
  if ((category.requestTypes ?? []).length > 0 && !category.requestTypes.includes(input.requestType)) {
    throw new DomainError("INTAKE/REQUEST_TYPE_NOT_ALLOWED", "This category does not take this kind of request; choose another request type or category.", {
      fields: [{ field: "requestType", code: "NOT_ALLOWED", message: "Choose one of the request types this category allows." }],
    });
  }
  if (!district || district.level !== "DISTRICT") {
    throw new DomainError("INTAKE/UNKNOWN_AREA", "Choose a district or county from the list.", {
      fields: [{ field: "districtId", code: "UNKNOWN", message: "Choose a district or county from the list." }],
    });
  }
  if (input.townshipId) {
    if (!township || township.parentId !== district.id) {
      throw new DomainError("INTAKE/UNKNOWN_AREA", "Choose a township or street of the chosen district.", {
        fields: [{ field: "townshipId", code: "UNKNOWN", message: "Choose a township or street of the chosen district." }],
      });
    }
  }
  return category;
}

/**
 * Receives a request on any channel: validates it, stores the ticket as `received` with its first
 * history row, its attachments and an `intake.ticket_received` event, all or nothing.
 *
 * On a DataSource: the checks (category, area, attachments) read before anything is written; the
 * tracking number is taken by one short statement of its own (see nextTrackingNumber); then one
 * statement writes the ticket, its attachments, its history row and its event (one round trip and
 * one commit; with `alsoInTransaction`, that statement and the extra work share a transaction);
 * after the commit a NOTIFY wakes the outbox processors (see wakeOutbox: shared by the creators that
 * commit meanwhile). So a logCall sends 3 statements of its own, opens no
 * transaction block and waits for one WAL flush, and creators wait neither for each other's
 * counter nor for each other's commit. On an EntityManager (the caller's transaction) everything
 * happens in that transaction, and PostgreSQL notifies the outbox when it commits.
 */
export async function createTicket(options: CreateTicketOptions): Promise<Ticket> {
  const { input } = options;
  const draft = validateDraft(input);
  const receivedAt = options.receivedAt ?? new Date();
  const db = options.db;
  if (isDataSource(db)) {
    const checked = await checkDraft(db.manager, options);
    const trackingNumber = await nextTrackingNumber(db.manager, options.cityPrefix, receivedAt);
    const values = { ...draft, ...checked, trackingNumber, receivedAt };
    const alsoInTransaction = options.alsoInTransaction;
    // A deadlock on a shared counter row rolls the whole statement back: it is written again, with the same number.
    const ticket = await retryTransient(() =>
      alsoInTransaction
        ? db.transaction(async (manager) => {
            const stored = await storeTicket(manager, options, values, { notifyOnCommit: false });
            await alsoInTransaction(manager, stored);
            return stored;
          })
        : storeTicket(db.manager, options, values, { notifyOnCommit: false }),
    );
    await wakeOutbox(db);
    return ticket;
  }
  return db.transaction(async (manager) => {
    const checked = await checkDraft(manager, options);
    const trackingNumber = await nextTrackingNumber(manager, options.cityPrefix, receivedAt);
    const ticket = await storeTicket(manager, options, { ...draft, ...checked, trackingNumber, receivedAt }, { notifyOnCommit: true });
    await options.alsoInTransaction?.(manager, ticket);
    return ticket;
  });
}

/** A DataSource has a `manager`; an EntityManager has none. */
function isDataSource(db: DataSource | EntityManager): db is DataSource {
  return "manager" in db;
}

/** The checks that need the database: the category and areas exist and fit, the extra fields, the attachments. */
async function checkDraft(manager: EntityManager, options: CreateTicketOptions) {
  const { input } = options;
  const category = await checkReferences(manager, input);
  const extraFields = validateExtraFields(category.fields ?? [], input.extraFields ?? [], { enforceRequired: options.enforceExtraFields });
  const attachments = await checkAttachments(manager, { actor: options.actor, fileIds: input.attachmentIds ?? [] });
  return { extraFields, attachments };
}

/**
 * Writes the checked ticket, its attachments, its first history row and its
 * `intake.ticket_received` event with one statement (one round trip; on a DataSource's manager it
 * is its own transaction). The row's triggers (measures, queue counts, search) run as for any
 * insert. `notifyOnCommit`: also NOTIFY the outbox channel, delivered when the transaction
 * commits (used inside a caller's transaction, where this function cannot send it afterwards).
 */
async function storeTicket(
  manager: EntityManager,
  options: CreateTicketOptions,
  checked: ReturnType<typeof validateDraft> & Awaited<ReturnType<typeof checkDraft>> & { trackingNumber: string; receivedAt: Date },
  { notifyOnCommit }: { notifyOnCommit: boolean },
): Promise<Ticket> {
  const { input, actor } = options;
  const { phone, extraFields, attachments, trackingNumber, receivedAt } = checked;
  const status = TicketStatus.RECEIVED;
  const rows: Array<{ ticket: Record<string, unknown> }> = await manager.query(
    `WITH ticket AS (
       INSERT INTO intake_ticket (tracking_number, status, channel, request_type, urgency, category_id, title, description,
         district_id, township_id, address, latitude, longitude, extra_fields, citizen_name, citizen_phone, citizen_email,
         citizen_id_number, privacy, call_id, client_request_id, received_at, created_by, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::jsonb, $15, $16, $17, $18, $19, $20, $21, $22, $23, 1)
       RETURNING *
     ), attachment AS (
       INSERT INTO intake_ticket_attachment (ticket_id, file_id, filename, content_type, size)
       SELECT ticket.id, a.file_id, a.filename, a.content_type, a.size
         FROM ticket, jsonb_to_recordset($24::jsonb) AS a(file_id uuid, filename text, content_type text, size integer)
     ), history AS (
       INSERT INTO intake_ticket_history (ticket_id, at, from_status, to_status, kind, actor_id, actor_name, actor_kind, is_public)
       SELECT ticket.id, ticket.received_at, NULL, ticket.status, $25, $23, $26, $27, true FROM ticket
     ), event AS (
       INSERT INTO platform_outbox (type, payload, actor_id)
       SELECT $28, jsonb_build_object('ticketId', ticket.id, 'trackingNumber', ticket.tracking_number), $23 FROM ticket
     )
     SELECT to_jsonb(ticket) AS ticket${notifyOnCommit ? ", pg_notify($29, $28) AS notified" : ""} FROM ticket`,
    [
      trackingNumber,
      status,
      options.channel,
      input.requestType,
      input.urgency ?? Urgency.NORMAL,
      input.categoryId,
      checked.title,
      checked.description,
      input.districtId,
      input.townshipId || null,
      checked.address,
      checked.latitude,
      checked.longitude,
      JSON.stringify(extraFields),
      checked.citizenName,
      phone,
      checked.citizenEmail,
      checked.citizenIdNumber,
      defaultPrivacy(input.requestType, input.privacy),
      checked.callId,
      checked.clientRequestId,
      receivedAt,
      actor?.id ?? null,
      JSON.stringify(attachments.map((attachment) => ({ file_id: attachment.fileId, filename: attachment.filename, content_type: attachment.contentType, size: attachment.size }))),
      TicketHistoryKind.STATUS,
      historyActorName(actor),
      historyActorKind(actor),
      TICKET_RECEIVED,
      ...(notifyOnCommit ? [OUTBOX_CHANNEL] : []),
    ],
  );
  return fromRowJson(manager.connection, Ticket, rows[0]!.ticket);
}
