import type { InboxAssignmentFragment } from "../gql/graphql.ts";

const NO_DEADLINE = Number.POSITIVE_INFINITY;

function dueTime(assignment: InboxAssignmentFragment): number {
  const due = assignment.deadlines.completionDueAt;
  return due ? Date.parse(due) : NO_DEADLINE;
}

const followUpTime = (assignment: InboxAssignmentFragment): number => (assignment.lastFollowUpAt ? Date.parse(assignment.lastFollowUpAt) : 0);

/**
 * Tickets the citizen chased (催办) first, latest call first; then the soonest completion deadline
 * (overdue ones are the soonest), tickets without one last.
 */
export function sortByDeadline<T extends InboxAssignmentFragment>(items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) => followUpTime(b) - followUpTime(a) || dueTime(a) - dueTime(b) || a.ticket.trackingNumber.localeCompare(b.ticket.trackingNumber),
  );
}

export type UnitRole = "lead" | "assisting" | null;

/** Whether the viewer's unit leads or assists on the ticket. */
export function unitRole(assignment: Pick<InboxAssignmentFragment, "leadUnit" | "assistingUnits">, unitId: string | null | undefined): UnitRole {
  if (!unitId) {
    return null;
  }
  if (assignment.leadUnit.id === unitId) {
    return "lead";
  }
  return assignment.assistingUnits.some((unit) => unit.id === unitId) ? "assisting" : null;
}

export type WorkbenchAction = "signFor" | "note" | "assist" | "reply" | "extension" | "return";

/**
 * What the viewer's unit may do now, as the workbench offers it (the server checks again):
 * the lead unit signs for, replies (after signing for), asks for one extension and may return
 * the ticket; assisting units add (and revise) their input until the lead unit replies; both add
 * notes. Nothing but notes while a return awaits the dispatcher; nothing once replied or returned.
 */
export function availableActions(assignment: InboxAssignmentFragment, unitId: string | null | undefined): WorkbenchAction[] {
  const role = unitRole(assignment, unitId);
  if (!role || assignment.state === "REPLIED" || assignment.state === "RETURNED" || assignment.reply) {
    return [];
  }
  if (assignment.state === "RETURN_REQUESTED") {
    return ["note"];
  }
  if (role === "assisting") {
    return ["assist", "note"];
  }
  // A unit named by a joint supervision decision may not return the ticket.
  const mayReturn = !assignment.finalDecision;
  if (assignment.state === "DISPATCHED") {
    return mayReturn ? ["signFor", "note", "return"] : ["signFor", "note"];
  }
  const actions: WorkbenchAction[] = ["reply", "note"];
  if (!assignment.extension) {
    actions.push("extension");
  }
  if (mayReturn) {
    actions.push("return");
  }
  return actions;
}

/** How many tickets are overdue and near due, for the inbox heading. */
export function deadlineCounts(items: readonly InboxAssignmentFragment[]): { overdue: number; nearDue: number } {
  let overdue = 0;
  let nearDue = 0;
  for (const item of items) {
    if (item.deadlines.state === "OVERDUE") {
      overdue += 1;
    } else if (item.deadlines.state === "NEAR_DUE") {
      nearDue += 1;
    }
  }
  return { overdue, nearDue };
}
