import type { TicketType } from "@civicline/intake";
import { type AppServices, type RequestContext } from "@civicline/platform";
import { Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { callbackLoaders } from "../callback-loaders.js";
import { CallbackTaskState } from "../callback.enums.js";
import type { ReReportProposal } from "../proposal/re-report-proposal.entity.js";
import type { CallbackTask } from "./callback-task.entity.js";
import { callbackScript } from "./callback-script.js";
import { CallbackAttemptType, CallbackReplyType, CallbackScriptType, CallbackSurveyType, CallbackTaskType, ReReportProposalType } from "./task.types.js";
import { replyView, surveyView } from "./views.js";

/** A claim counts while it lasts. */
function activeClaim(task: CallbackTask, now: Date): boolean {
  return !!task.claimedById && !!task.claimedUntil && task.claimedUntil.getTime() > now.getTime();
}

/** Resolves a task's computed fields and references through per-request DataLoaders. */
@Resolver(() => CallbackTaskType)
export class CallbackTaskFieldsResolver {
  constructor(private readonly services: AppServices) {}

  private loaders(ctx: RequestContext) {
    return callbackLoaders(this.services.dataSource, ctx);
  }

  @FieldResolver(() => Boolean)
  overdue(@Root() task: CallbackTask): boolean {
    return task.state === CallbackTaskState.OPEN && task.dueAt.getTime() < Date.now();
  }

  @FieldResolver(() => Boolean)
  readyToCall(@Root() task: CallbackTask): boolean {
    return task.state === CallbackTaskState.OPEN && (!task.nextAttemptAt || task.nextAttemptAt.getTime() <= Date.now());
  }

  @FieldResolver(() => Int)
  attemptCount(@Root() task: CallbackTask): number {
    return task.attempts;
  }

  @FieldResolver(() => String, { nullable: true })
  claimedBy(@Root() task: CallbackTask): string | null {
    return activeClaim(task, new Date()) ? task.claimedByName : null;
  }

  @FieldResolver(() => Date, { nullable: true })
  claimedUntil(@Root() task: CallbackTask): Date | null {
    return activeClaim(task, new Date()) ? task.claimedUntil : null;
  }

  @FieldResolver(() => Boolean)
  claimedByMe(@Root() task: CallbackTask, @Ctx() ctx: RequestContext): boolean {
    return activeClaim(task, new Date()) && task.claimedById === ctx.actor?.id;
  }

  @FieldResolver(() => String, { nullable: true })
  closedBy(@Root() task: CallbackTask): string | null {
    return task.closedByName;
  }

  @FieldResolver()
  async ticket(@Root() task: CallbackTask, @Ctx() ctx: RequestContext): Promise<TicketType> {
    return (await this.loaders(ctx).ticket.load(task.ticketId)) as unknown as TicketType;
  }

  @FieldResolver(() => CallbackReplyType, { nullable: true })
  async reply(@Root() task: CallbackTask, @Ctx() ctx: RequestContext): Promise<CallbackReplyType | null> {
    if (!task.assignmentId) {
      return null;
    }
    const loaders = this.loaders(ctx);
    const assignment = await loaders.assignment.load(task.assignmentId);
    return replyView(assignment, assignment ? await loaders.unit.load(assignment.leadUnitId) : null);
  }

  @FieldResolver(() => CallbackScriptType)
  async script(@Root() task: CallbackTask, @Ctx() ctx: RequestContext): Promise<CallbackScriptType> {
    const loaders = this.loaders(ctx);
    const ticket = await loaders.ticket.load(task.ticketId);
    const assignment = task.assignmentId ? await loaders.assignment.load(task.assignmentId) : null;
    const [category, unit] = await Promise.all([ticket ? loaders.category.load(ticket.categoryId) : null, assignment ? loaders.unit.load(assignment.leadUnitId) : null]);
    if (!ticket) {
      return { zh: "", en: "" };
    }
    return callbackScript({ kind: task.kind, ticket, category, assignment, unit });
  }

  @FieldResolver(() => [CallbackAttemptType])
  attempts(@Root() task: CallbackTask, @Ctx() ctx: RequestContext): Promise<CallbackAttemptType[]> {
    return this.loaders(ctx).attempts.load(task.id);
  }

  @FieldResolver(() => CallbackSurveyType, { nullable: true })
  async survey(@Root() task: CallbackTask, @Ctx() ctx: RequestContext): Promise<CallbackSurveyType | null> {
    const survey = await this.loaders(ctx).surveyByTask.load(task.id);
    return survey ? surveyView(survey) : null;
  }

  @FieldResolver(() => ReReportProposalType, { nullable: true })
  async proposal(@Root() task: CallbackTask, @Ctx() ctx: RequestContext): Promise<ReReportProposalType | null> {
    return (await this.loaders(ctx).proposalByTask.load(task.id)) as unknown as ReReportProposalType | null;
  }
}

/** A proposal's references, loaded per list. */
@Resolver(() => ReReportProposalType)
export class ReReportProposalFieldsResolver {
  constructor(private readonly services: AppServices) {}

  private loaders(ctx: RequestContext) {
    return callbackLoaders(this.services.dataSource, ctx);
  }

  @FieldResolver()
  async ticket(@Root() proposal: ReReportProposal, @Ctx() ctx: RequestContext): Promise<TicketType> {
    return (await this.loaders(ctx).ticket.load(proposal.ticketId)) as unknown as TicketType;
  }

  @FieldResolver(() => String)
  async trackingNumber(@Root() proposal: ReReportProposal, @Ctx() ctx: RequestContext): Promise<string> {
    return (await this.loaders(ctx).ticket.load(proposal.ticketId))?.trackingNumber ?? "";
  }

  @FieldResolver()
  async category(@Root() proposal: ReReportProposal, @Ctx() ctx: RequestContext): Promise<unknown> {
    const loaders = this.loaders(ctx);
    const ticket = await loaders.ticket.load(proposal.ticketId);
    return ticket ? loaders.category.load(ticket.categoryId) : null;
  }

  @FieldResolver()
  async unit(@Root() proposal: ReReportProposal, @Ctx() ctx: RequestContext): Promise<unknown> {
    return this.loaders(ctx).unit.load(proposal.leadUnitId);
  }

  @FieldResolver(() => CallbackSurveyType)
  async survey(@Root() proposal: ReReportProposal, @Ctx() ctx: RequestContext): Promise<CallbackSurveyType> {
    return surveyView((await this.loaders(ctx).survey.load(proposal.surveyId))!);
  }

  @FieldResolver(() => String, { nullable: true })
  async comment(@Root() proposal: ReReportProposal, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await this.loaders(ctx).survey.load(proposal.surveyId))?.comment ?? null;
  }

  @FieldResolver(() => CallbackReplyType, { nullable: true })
  async reply(@Root() proposal: ReReportProposal, @Ctx() ctx: RequestContext): Promise<CallbackReplyType | null> {
    const loaders = this.loaders(ctx);
    const assignment = await loaders.assignment.load(proposal.assignmentId);
    return replyView(assignment, await loaders.unit.load(proposal.leadUnitId));
  }

  @FieldResolver(() => String, { nullable: true })
  decidedBy(@Root() proposal: ReReportProposal): string | null {
    return proposal.decidedByName;
  }
}
