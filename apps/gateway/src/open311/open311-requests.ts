import { Area, Category, isOpen, isWithheldFromPublic, redactPersonalData, TicketStatus, type Ticket } from "@civicline/intake";
import { AssignmentState, latestPublicNotes, Unit, type Assignment } from "@civicline/routing";
import { In, type DataSource } from "typeorm";
import type { Open311Value } from "./open311-format.js";
import { w3c, type Open311Locale } from "./open311-params.js";
import { nameOf, type ServiceCatalog } from "./open311-services.js";

/** How a media_url given on POST is kept: a labelled last line of the description, so staff see the link. */
const MEDIA_LINE = "\n\n媒体链接 / Media: ";

/** The description stored for a POSTed request with a media_url. */
export function withMediaUrl(description: string, mediaUrl: string | null): string {
  return mediaUrl ? `${description}${MEDIA_LINE}${mediaUrl}` : description;
}

function splitMedia(description: string): { text: string; mediaUrl: string | null } {
  const at = description.lastIndexOf(MEDIA_LINE);
  const url = at >= 0 ? description.slice(at + MEDIA_LINE.length) : "";
  return at >= 0 && /^https?:\/\/\S+$/.test(url) ? { text: description.slice(0, at), mediaUrl: url } : { text: description, mediaUrl: null };
}

const STATUS_NOTES: Record<TicketStatus, { zh: string; en: string }> = {
  [TicketStatus.RECEIVED]: { zh: "已受理，等待分类派单。", en: "Received; waiting to be classified and dispatched." },
  [TicketStatus.AWAITING_DISPATCH]: { zh: "等待派单。", en: "Waiting to be dispatched." },
  [TicketStatus.DISPATCHED]: { zh: "已派单至承办单位。", en: "Dispatched to the responsible agency." },
  [TicketStatus.SIGNED_FOR]: { zh: "承办单位已签收。", en: "The responsible agency has signed for it." },
  [TicketStatus.IN_PROGRESS]: { zh: "承办单位正在办理。", en: "The responsible agency is working on it." },
  [TicketStatus.REPLIED]: { zh: "承办单位已答复，等待回访。", en: "The agency has replied; the citizen will be called back." },
  [TicketStatus.CLOSED]: { zh: "已办结。", en: "Closed after the callback." },
  [TicketStatus.CLOSED_DIRECT]: { zh: "已按政策直接答复并办结。", en: "Answered on the spot from policy and closed." },
  [TicketStatus.MERGED]: { zh: "已与同一事项的其他诉求合并办理。", en: "Merged with another request about the same matter." },
};

/**
 * The status in words, followed — for a request that may be published — by the handling unit's
 * latest public progress note (公开，诉求人可见), with personal data masked. Internal notes never.
 */
function statusNotes(ticket: Ticket, locale: Open311Locale, publicNote: string | undefined): string | null {
  const status = STATUS_NOTES[ticket.status]?.[locale] ?? null;
  if (!publicNote) {
    return status;
  }
  const note = redactPersonalData(publicNote, ticket);
  return status ? `${status} ${note}` : note;
}

/** What a service request shows of a ticket's current assignment. */
type AssignmentSummary = Pick<Assignment, "ticketId" | "state" | "leadUnitId" | "completionDueAt" | "updatedAt">;

/** What the request list needs besides the tickets: their current assignments, units, areas and latest public notes. */
type Related = { assignments: Map<string, AssignmentSummary>; units: Map<string, Unit>; areas: Map<string, Area>; notes: Map<string, string> };

async function loadRelated(dataSource: DataSource, tickets: readonly Ticket[]): Promise<Related> {
  const ticketIds = tickets.map((ticket) => ticket.id);
  // The page's current assignments in one statement, the ids as one array parameter (not 1,000 placeholders), the five columns shown.
  const currentAssignments = async (): Promise<{ assignments: AssignmentSummary[]; units: Unit[] }> => {
    const assignments: AssignmentSummary[] =
      ticketIds.length > 0
        ? await dataSource.query(
            `SELECT ticket_id AS "ticketId", state, lead_unit_id AS "leadUnitId", completion_due_at AS "completionDueAt", updated_at AS "updatedAt"
               FROM routing_assignment WHERE current AND ticket_id = ANY($1::uuid[])`,
            [ticketIds],
          )
        : [];
    const unitIds = [...new Set(assignments.map((assignment) => assignment.leadUnitId))];
    return { assignments, units: unitIds.length > 0 ? await dataSource.getRepository(Unit).find({ where: { id: In(unitIds) } }) : [] };
  };
  const areaIds = [...new Set(tickets.flatMap((ticket) => [ticket.districtId, ...(ticket.townshipId ? [ticket.townshipId] : [])]))];
  // Side by side: the assignments (then their units), the areas, and the public notes of tickets whose content may be published (see isWithheldFromPublic).
  const [{ assignments, units }, areas, notes] = await Promise.all([
    currentAssignments(),
    areaIds.length > 0 ? dataSource.getRepository(Area).find({ where: { id: In(areaIds) } }) : Promise.resolve([]),
    latestPublicNotes(dataSource, tickets.filter((ticket) => !isWithheldFromPublic(ticket)).map((ticket) => ticket.id)),
  ]);
  return {
    notes,
    assignments: new Map(assignments.map((assignment) => [assignment.ticketId, assignment])),
    units: new Map(units.map((unit) => [unit.id, unit])),
    areas: new Map(areas.map((area) => [area.id, area])),
  };
}

/**
 * Tickets as GeoReport service requests. The public sees no identity of the citizen (name, phone,
 * e-mail are never included; in descriptions they and anything shaped like them are masked), and
 * nothing but the type, status, agency and dates of a confidential ticket or a whistle-blowing report.
 */
export async function serviceRequests(
  dataSource: DataSource,
  tickets: readonly Ticket[],
  catalog: ServiceCatalog,
  locale: Open311Locale,
): Promise<Open311Value[]> {
  const related = await loadRelated(dataSource, tickets);
  // A ticket keeps its category after an admin deactivates it (no longer a service): still name it.
  const missing = [...new Set(tickets.map((ticket) => ticket.categoryId).filter((id) => !catalog.byId.has(id)))];
  const retired = new Map(missing.length > 0 ? (await dataSource.getRepository(Category).findBy({ id: In(missing) })).map((category) => [category.id, category]) : []);
  return tickets.map((ticket) => {
    const category = catalog.byId.get(ticket.categoryId) ?? retired.get(ticket.categoryId);
    const assignment = related.assignments.get(ticket.id);
    const dispatched = assignment && assignment.state !== AssignmentState.RETURNED ? assignment : undefined;
    const unit = dispatched ? related.units.get(dispatched.leadUnitId) : undefined;
    const withheld = isWithheldFromPublic(ticket);
    const { text, mediaUrl } = splitMedia(ticket.description);
    const area = related.areas.get(ticket.townshipId ?? ticket.districtId);
    const updated = assignment && assignment.updatedAt > ticket.updatedAt ? assignment.updatedAt : ticket.updatedAt;
    return {
      service_request_id: ticket.trackingNumber,
      status: isOpen(ticket.status) ? "open" : "closed",
      status_notes: statusNotes(ticket, locale, withheld ? undefined : related.notes.get(ticket.id)),
      service_name: category ? nameOf(category, locale) : null,
      service_code: category?.code ?? null,
      description: withheld ? null : redactPersonalData(text, ticket),
      agency_responsible: unit ? nameOf(unit, locale) : null,
      service_notice: null,
      requested_datetime: w3c(ticket.receivedAt),
      updated_datetime: w3c(updated),
      expected_datetime: dispatched ? w3c(dispatched.completionDueAt) : null,
      address: withheld ? null : redactPersonalData(ticket.address, ticket),
      // a confidential ticket shows its district only
      address_id: withheld ? (related.areas.get(ticket.districtId)?.code ?? null) : (area?.code ?? null),
      zipcode: null,
      lat: withheld ? null : ticket.latitude,
      long: withheld ? null : ticket.longitude,
      media_url: withheld ? null : mediaUrl,
    };
  });
}
