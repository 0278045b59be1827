import { mergeIntoTicket } from "@civicline/intake";
import { Role, assertNoFieldErrors, requireRole, type Actor, type FieldError } from "@civicline/platform";
import type { DataSource, EntityManager } from "typeorm";
import { isUuid } from "../../leader/leader-validation.js";
import { HOT_LIMITS } from "./hot-issues.js";

/** Who merges a hot issue's duplicates: supervisors and dispatchers. */
export const HOT_MERGERS: readonly Role[] = [Role.SUPERVISOR, Role.DISPATCHER];

export type HotDuplicate = { ticketId: string; version: number };

/** intake's use cases open their own transaction on a DataSource; here they run in ours (savepoints). */
function within(manager: EntityManager): DataSource {
  return { transaction: <T>(work: (m: EntityManager) => Promise<T>) => manager.transaction(work) } as unknown as DataSource;
}

/**
 * Merges a hot issue's duplicates into one open ticket with intake's own merge (并单: each becomes
 * MERGED with a MERGED_INTO link, its caller a co-reporter of the target, history rows on both) —
 * all of them or none. A supervisor merges as intake lets a dispatcher: intake's rules (the duplicate
 * still at the centre, the target open, versions current) apply unchanged.
 */
export async function mergeHotIssueDuplicates(
  db: DataSource,
  options: { actor: Actor | null; intoTicketId: string; duplicates: HotDuplicate[] },
): Promise<number> {
  const actor = requireRole(options.actor, HOT_MERGERS);
  const errors: FieldError[] = [];
  const ids = options.duplicates.map((duplicate) => duplicate.ticketId);
  if (!isUuid(options.intoTicketId)) {
    errors.push({ field: "intoTicketId", code: "UNKNOWN", message: "Choose the ticket that stays." });
  }
  if (ids.length === 0) {
    errors.push({ field: "duplicates", code: "REQUIRED", message: "Choose at least one duplicate." });
  } else if (ids.length > HOT_LIMITS.tickets) {
    errors.push({ field: "duplicates", code: "TOO_LONG", message: `Merge at most ${HOT_LIMITS.tickets} tickets at once.` });
  } else if (!ids.every(isUuid) || new Set(ids).size !== ids.length || ids.includes(options.intoTicketId)) {
    errors.push({ field: "duplicates", code: "UNKNOWN", message: "Choose each duplicate once, and not the ticket that stays." });
  }
  assertNoFieldErrors(errors);
  const asDispatcher: Actor = actor.roles.includes(Role.DISPATCHER) ? actor : { ...actor, roles: [...actor.roles, Role.DISPATCHER] };
  return db.transaction(async (manager) => {
    for (const duplicate of options.duplicates) {
      await mergeIntoTicket(within(manager), { actor: asDispatcher, ticketId: duplicate.ticketId, version: duplicate.version, intoTicketId: options.intoTicketId });
    }
    return options.duplicates.length;
  });
}
