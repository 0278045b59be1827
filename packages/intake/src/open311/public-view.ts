import { In, type DataSource, type EntityManager, type SelectQueryBuilder } from "typeorm";
import { FINISHED_STATUSES } from "../ticket/ticket-lifecycle.js";
import { Ticket } from "../ticket/ticket.entity.js";
import { Channel, Privacy, RequestType } from "../ticket/ticket.enums.js";
import { isUuid } from "../ticket/ticket-validation.js";
import { TRACKING_NUMBER } from "../ticket/tracking-number.js";

export { redactPersonalData } from "./redact-personal-data.js";

/**
 * Whether a ticket's content (description, exact address, coordinates, media) stays out of public
 * feeds: confidential tickets and whistle-blowing reports, and every ticket not filed through Open311
 * itself — a caller on the phone or a citizen on the portal never agreed to publish their words or
 * their doorstep, and what they say about other people cannot be masked reliably. Those tickets show
 * their service, status, agency, dates and area only.
 */
export function isWithheldFromPublic(ticket: Pick<Ticket, "privacy" | "requestType" | "channel">): boolean {
  return ticket.privacy === Privacy.CONFIDENTIAL || ticket.requestType === RequestType.REPORT || ticket.channel !== Channel.OPEN311;
}

/** Filters of the Open311 request list; `trackingNumbers` overrides all others (as the spec says). */
export type Open311TicketFilter = {
  trackingNumbers?: readonly string[] | null;
  categoryIds?: readonly string[] | null;
  /** Received at or after. */
  from: Date;
  /** Received at or before. */
  to: Date;
  /** true: open tickets only; false: finished ones only; null: both. */
  open?: boolean | null;
  limit: number;
};

/**
 * The columns a service request is written from (status, service, area, dates, the public text and
 * place, and the citizen's identity to mask in them): a page of up to 1,000 tickets reads and
 * converts no other column (extra fields, linked articles, call ids…).
 */
const OPEN311_COLUMNS = [
  "id",
  "trackingNumber",
  "status",
  "channel",
  "requestType",
  "privacy",
  "categoryId",
  "districtId",
  "townshipId",
  "description",
  "address",
  "latitude",
  "longitude",
  "citizenName",
  "citizenPhone",
  "citizenEmail",
  "citizenIdNumber",
  "receivedAt",
  "updatedAt",
] as const satisfies ReadonlyArray<keyof Ticket>;

/**
 * Tickets for the Open311 request list, newest first, with the columns a service request shows
 * (OPEN311_COLUMNS). The rows are read raw and each column set as the driver returned it (text,
 * uuid, timestamptz as Date, double precision as number: what TypeORM's entity transform would set),
 * without the transform's per-row, per-column work on a page of up to 1,000.
 */
export async function listOpen311Tickets(db: DataSource | EntityManager, filter: Open311TicketFilter): Promise<Ticket[]> {
  const query = open311Query(db, filter);
  if (!query) {
    return [];
  }
  const metadata = db.getRepository(Ticket).metadata;
  const columns = OPEN311_COLUMNS.map((property) => {
    const column = metadata.findColumnWithPropertyName(property)!;
    return [property, `ticket_${column.databaseName}`] as const;
  });
  const rows = await query.getRawMany<Record<string, unknown>>();
  return rows.map((raw) => {
    const ticket = new Ticket() as unknown as Record<string, unknown>;
    for (const [property, alias] of columns) {
      ticket[property] = raw[alias];
    }
    return ticket as unknown as Ticket;
  });
}

/** The list's query, or null when its filter cannot match anything. */
function open311Query(db: DataSource | EntityManager, filter: Open311TicketFilter): SelectQueryBuilder<Ticket> | null {
  const query = db
    .getRepository(Ticket)
    .createQueryBuilder("ticket")
    .select(OPEN311_COLUMNS.map((column) => `ticket.${column}`))
    .orderBy("ticket.receivedAt", "DESC")
    .addOrderBy("ticket.trackingNumber", "DESC")
    .limit(filter.limit);
  if (filter.trackingNumbers) {
    const numbers = filter.trackingNumbers.map((number) => number.trim().toUpperCase()).filter((number) => TRACKING_NUMBER.test(number));
    return numbers.length === 0 ? null : query.where({ trackingNumber: In(numbers) });
  }
  query.where("ticket.receivedAt BETWEEN :from AND :to", { from: filter.from, to: filter.to });
  if (filter.categoryIds) {
    const ids = filter.categoryIds.filter((id) => isUuid(id));
    if (ids.length === 0) {
      return null;
    }
    query.andWhere("ticket.categoryId IN (:...ids)", { ids });
  }
  if (filter.open === true) {
    query.andWhere("ticket.status NOT IN (:...finished)", { finished: FINISHED_STATUSES });
  } else if (filter.open === false) {
    query.andWhere("ticket.status IN (:...finished)", { finished: FINISHED_STATUSES });
  }
  return query;
}

/** One ticket by tracking number (any case), or null. */
export function findTicketByTrackingNumber(db: DataSource | EntityManager, trackingNumber: string): Promise<Ticket | null> {
  const number = trackingNumber.trim().toUpperCase();
  return TRACKING_NUMBER.test(number) && number.length <= 40
    ? db.getRepository(Ticket).findOne({ where: { trackingNumber: number } })
    : Promise.resolve(null);
}

/** The ticket an Open311 token stands for: the id of a ticket received through Open311, or null. */
export function findTicketByOpen311Token(db: DataSource | EntityManager, token: string): Promise<Ticket | null> {
  return isUuid(token)
    ? db.getRepository(Ticket).findOne({ where: { id: token.toLowerCase(), channel: Channel.OPEN311 } })
    : Promise.resolve(null);
}

