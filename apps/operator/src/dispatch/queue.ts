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
