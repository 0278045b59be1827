import type { DispatchQueueItemFieldsFragment } from "../gql/graphql.ts";

export type QueueItem = DispatchQueueItemFieldsFragment;

const URGENCY_RANK: Record<string, number> = { EMERGENCY: 0, URGENT: 1, NORMAL: 2 };

/** Emergencies, then urgent tickets, then the longest waiting first. */
export function sortQueue(items: readonly QueueItem[]): QueueItem[] {
  return [...items].sort(
    (a, b) =>
      (URGENCY_RANK[a.ticket.urgency] ?? 3) - (URGENCY_RANK[b.ticket.urgency] ?? 3) ||
      Date.parse(a.ticket.receivedAt) - Date.parse(b.ticket.receivedAt),
  );
}

/** The dispatcher's filters: "" means any. */
export type QueueFilters = { categoryId: string; districtId: string; urgency: string; channel: string; returnedOnly: boolean };
export const NO_FILTERS: QueueFilters = { categoryId: "", districtId: "", urgency: "", channel: "", returnedOnly: false };

/** The rows that pass every filter. */
export function filterQueue(items: readonly QueueItem[], filters: QueueFilters): QueueItem[] {
  return items.filter(
    ({ ticket, pendingReturn }) =>
      (!filters.categoryId || ticket.category.id === filters.categoryId) &&
      (!filters.districtId || ticket.district.id === filters.districtId) &&
      (!filters.urgency || ticket.urgency === filters.urgency) &&
      (!filters.channel || ticket.channel === filters.channel) &&
      (!filters.returnedOnly || Boolean(pendingReturn)),
  );
}

/** The first line of a description, cut on a character boundary (dense rows). */
export function firstLine(text: string, max = 60): string {
  const line = (text.split(/\r?\n/u).find((part) => part.trim() !== "") ?? "").trim();
  const chars = Array.from(line);
  return chars.length > max ? `${chars.slice(0, max).join("")}…` : line;
}

/** Enter may dispatch at once only when routing proposed a lead unit and no return awaits a decision. */
export function canQuickDispatch(item: QueueItem): boolean {
  return !item.pendingReturn && Boolean(item.proposal.leadUnit);
}

/** The dispatchTicket input that sends a ticket where routing proposed. */
export function proposalInput(item: QueueItem): { ticketId: string; version: number; leadUnitId: string; assistingUnitIds: string[] } | null {
  const lead = item.proposal.leadUnit;
  if (!lead) {
    return null;
  }
  return {
    ticketId: item.ticket.id,
    version: item.ticket.version,
    leadUnitId: lead.id,
    assistingUnitIds: item.proposal.assistingUnits.map((unit) => unit.id).filter((id) => id !== lead.id),
  };
}
