import type { AppServices, RequestContext } from "@civicline/platform";
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { decideJointCase } from "./decide-joint-case.js";
import { getJointCase, jointCaseOfTicket, listJointCases, proposalViews } from "./joint-queries.js";
import { JointCaseState, RuleProposalStatus } from "./joint.enums.js";
import { DecideJointCaseInput, JointCasePageType, JointCaseType, JointOpinionInput, JointRuleProposalType, OpenJointCaseInput } from "./joint.types.js";
import { openJointCase } from "./open-joint-case.js";
import { recordJointOpinion } from "./record-opinion.js";
import { decideJointRuleProposal, listJointRuleProposals } from "./rule-proposals.js";

const asType = <T>(value: unknown): T => value as T;

/** Joint supervision (三方联动督办): cases, the parties' opinions, the decision, rule proposals. */
@Resolver()
export class JointCaseResolver {
  constructor(private readonly services: AppServices) {}

  @Query(() => JointCasePageType, {
    description: "Joint cases, open ones by deadline first. Supervisors, admins, leaders and dispatchers see all; handlers see the cases their unit is party to (none for other units); call-takers, callback agents and QA inspectors are FORBIDDEN.",
  })
  async jointCases(
    @Arg("state", () => JointCaseState, { nullable: true, description: "Only cases in this state." }) state: JointCaseState | null,
    @Arg("limit", () => Int, { nullable: true, defaultValue: 50, description: "Page size, 1 … 200." }) limit: number | null,
    @Arg("offset", () => Int, { nullable: true, defaultValue: 0, description: "Cases to skip." }) offset: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<JointCasePageType> {
    return asType(await listJointCases({ db: this.services.dataSource, actor: ctx.actor, state, limit, offset }));
  }

  @Query(() => JointCaseType, { description: "One joint case with its timeline. JOINT/CASE_NOT_FOUND for a missing case and for a viewer who is not a party." })
  async jointCase(@Arg("id", () => ID, { description: "Case id." }) id: string, @Ctx() ctx: RequestContext): Promise<JointCaseType> {
    return asType(await getJointCase({ db: this.services.dataSource, actor: ctx.actor, id }));
  }

  @Query(() => JointCaseType, { nullable: true, description: "The latest joint case of a ticket the viewer may read, or null (the ticket page's panel)." })
  async jointCaseOfTicket(@Arg("ticketId", () => ID, { description: "Ticket id." }) ticketId: string, @Ctx() ctx: RequestContext): Promise<JointCaseType | null> {
    return asType(await jointCaseOfTicket({ db: this.services.dataSource, actor: ctx.actor, ticketId }));
  }

  @Query(() => [JointRuleProposalType], { description: "Dispatch-catalogue rules proposed by joint cases, oldest first (PENDING by default). Admins, supervisors." })
  async jointRuleProposals(
    @Arg("status", () => RuleProposalStatus, { nullable: true, description: "Which proposals." }) status: RuleProposalStatus | null,
    @Ctx() ctx: RequestContext,
  ): Promise<JointRuleProposalType[]> {
    const proposals = await listJointRuleProposals({ db: this.services.dataSource, actor: ctx.actor, status });
    return asType(await proposalViews(this.services.dataSource.manager, proposals));
  }

  @Mutation(() => JointCaseType, {
    description:
      "Supervisor: open a joint case on a ticket returned at least twice (JOINT/NOT_RETURNED_TWICE otherwise) or disputed at a dispatcher's request. JOINT/TICKET_CLOSED, JOINT/CASE_ALREADY_OPEN.",
  })
  async openJointCase(@Arg("input", () => OpenJointCaseInput, { description: "The case." }) input: OpenJointCaseInput, @Ctx() ctx: RequestContext): Promise<JointCaseType> {
    const opened = await openJointCase({ db: this.services.dataSource, actor: ctx.actor, request: input, now: this.services.now?.() });
    return asType(await getJointCase({ db: this.services.dataSource, actor: ctx.actor, id: opened.id }));
  }

  @Mutation(() => JointCaseType, {
    description: "A party records its opinion, once, in its own login: a handler of the discipline commission or the staffing office, a supervisor for the complaint centre. JOINT/NOT_A_PARTY, JOINT/CASE_DECIDED, JOINT/OPINION_ALREADY_RECORDED, JOINT/UNIT_INACTIVE.",
  })
  async recordJointOpinion(@Arg("input", () => JointOpinionInput, { description: "The opinion." }) input: JointOpinionInput, @Ctx() ctx: RequestContext): Promise<JointCaseType> {
    const jointCase = await recordJointOpinion({ db: this.services.dataSource, actor: ctx.actor, request: input, now: this.services.now?.() });
    return asType(await getJointCase({ db: this.services.dataSource, actor: ctx.actor, id: jointCase.id }));
  }

  @Mutation(() => JointCaseType, {
    description:
      "The complaint centre (a supervisor) decides, after all three opinions (JOINT/OPINIONS_MISSING before): names the responsible active unit (JOINT/UNIT_INACTIVE), the ticket is dispatched to it and that unit cannot return it (ROUTING/JOINT_DECISION_FINAL). Optionally proposes a catalogue rule.",
  })
  async decideJointCase(@Arg("input", () => DecideJointCaseInput, { description: "The decision." }) input: DecideJointCaseInput, @Ctx() ctx: RequestContext): Promise<JointCaseType> {
    const jointCase = await decideJointCase({ db: this.services.dataSource, actor: ctx.actor, request: input, now: this.services.now?.() });
    return asType(await getJointCase({ db: this.services.dataSource, actor: ctx.actor, id: jointCase.id }));
  }

  @Mutation(() => JointRuleProposalType, { description: "Admin: accept a proposed rule (it enters the dispatch catalogue) or reject it with a note (required). JOINT/PROPOSAL_DECIDED the second time." })
  async decideJointRuleProposal(
    @Arg("id", () => ID, { description: "The proposal." }) id: string,
    @Arg("accept", { description: "True to add the rule to the catalogue." }) accept: boolean,
    @Arg("note", () => String, { nullable: true, description: "A note; the reason when rejecting (required then)." }) note: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<JointRuleProposalType> {
    const proposal = await decideJointRuleProposal({ db: this.services.dataSource, actor: ctx.actor, id, accept, note, now: this.services.now?.() });
    return asType((await proposalViews(this.services.dataSource.manager, [proposal]))[0]);
  }
}
