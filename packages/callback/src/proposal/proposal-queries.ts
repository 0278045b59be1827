import { pageInput, requireRole, type Actor } from "@civicline/platform";
import type { DataSource } from "typeorm";
import { PROPOSAL_READERS } from "../callback.errors.js";
import { ReReportState } from "../callback.enums.js";
import { CALLBACK_PAGE } from "../task/task-queries.js";
import { ReReportProposal } from "./re-report-proposal.entity.js";

/**
 * Re-report proposals in a state (PENDING by default): pending ones oldest first (the longest
 * waiting on top), decided ones most recently decided first. Supervisors, admins, leaders.
 */
export async function listReReportProposals(
  dataSource: DataSource,
  input: { actor: Actor | null; state?: ReReportState | null; limit?: number | null; offset?: number | null },
): Promise<{ total: number; items: ReReportProposal[] }> {
  requireRole(input.actor, PROPOSAL_READERS);
  const { limit, offset } = pageInput(input, CALLBACK_PAGE);
  const state = input.state ?? ReReportState.PENDING;
  const [items, total] = await dataSource.getRepository(ReReportProposal).findAndCount({
    where: { state },
    order: state === ReReportState.PENDING ? { createdAt: "ASC", id: "ASC" } : { decidedAt: "DESC", id: "ASC" },
    take: limit,
    skip: offset,
  });
  return { total, items };
}
