import type { AppServices, RequestContext } from "@civicline/platform";
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { ReReportState } from "../callback.enums.js";
import { ReReportProposalPageType, ReReportProposalType } from "../task/task.types.js";
import { decideReReport } from "./decide-re-report.js";
import { listReReportProposals } from "./proposal-queries.js";
import type { ReReportProposal } from "./re-report-proposal.entity.js";

const asType = (proposal: ReReportProposal): ReReportProposalType => proposal as unknown as ReReportProposalType;

/** Re-report proposals for the supervisors. */
@Resolver()
export class ReReportResolver {
  constructor(private readonly services: AppServices) {}

  @Query(() => ReReportProposalPageType, { description: "Re-report proposals in a state (PENDING by default). Supervisors, admins, leaders." })
  async reReportProposals(
    @Arg("state", () => ReReportState, { nullable: true, defaultValue: ReReportState.PENDING, description: "Which proposals." }) state: ReReportState | null,
    @Arg("limit", () => Int, { nullable: true, defaultValue: 50, description: "Page size, 1 … 200." }) limit: number | null,
    @Arg("offset", () => Int, { nullable: true, defaultValue: 0, description: "Proposals to skip, 0 … 100,000." }) offset: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ReReportProposalPageType> {
    const page = await listReReportProposals(this.services.dataSource, { actor: ctx.actor, state, limit, offset });
    return { total: page.total, items: page.items.map(asType) };
  }

  @Mutation(() => ReReportProposalType, {
    description:
      "Supervisor or admin: accept (the ticket is dispatched again to the same lead unit — 续报 — with fresh deadlines) or decline (the ticket is closed with your note, required) a pending proposal. CALLBACK/ALREADY_DECIDED the second time.",
  })
  async decideReReport(
    @Arg("id", () => ID, { description: "The proposal's id." }) id: string,
    @Arg("accept", { description: "True to re-dispatch, false to close the ticket." }) accept: boolean,
    @Arg("note", () => String, { nullable: true, description: "Your note: passed to the unit when accepting; the reason for closing when declining (required then)." }) note: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ReReportProposalType> {
    return asType(await decideReReport(this.services.dataSource, { actor: ctx.actor, proposalId: id, accept, note }));
  }
}
