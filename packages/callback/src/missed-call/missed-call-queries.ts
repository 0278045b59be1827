import { pageInput, requireRole, type Actor } from "@civicline/platform";
import type { DataSource } from "typeorm";
import { CALLBACK_READERS } from "../callback.errors.js";
import { MissedCallState } from "../callback.enums.js";
import { CALLBACK_PAGE } from "../task/task-queries.js";
import { MissedCall } from "./missed-call.entity.js";

/**
 * Missed calls in a state (OPEN by default, soonest due first; closed ones most recently closed
 * first). Callback agents, supervisors, admins, leaders; numbers are masked by the GraphQL type
 * for roles that may not see them in full.
 */
export async function listMissedCalls(
  dataSource: DataSource,
  input: { actor: Actor | null; state?: MissedCallState | null; limit?: number | null; offset?: number | null },
): Promise<{ total: number; items: MissedCall[] }> {
  requireRole(input.actor, CALLBACK_READERS);
  const { limit, offset } = pageInput(input, CALLBACK_PAGE);
  const state = input.state ?? MissedCallState.OPEN;
  const [items, total] = await dataSource.getRepository(MissedCall).findAndCount({
    where: { state },
    order: state === MissedCallState.OPEN ? { dueAt: "ASC", id: "ASC" } : { closedAt: "DESC", id: "ASC" },
    take: limit,
    skip: offset,
  });
  return { total, items };
}
