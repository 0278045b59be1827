import { Role, requireRole, type AppServices, type RequestContext } from "@civicline/platform";
import { Arg, Ctx, ID, Mutation, Query, Resolver, Subscription } from "type-graphql";
import { addLeaderInstruction } from "./add-instruction.js";
import { assignToLeader } from "./assign-to-leader.js";
import { leaderPageTopic } from "./leader.events.js";
import { leaderPage, listLeaders, listLeaderSessions, ticketInstructions, ticketLeaderMatters } from "./leader-queries.js";
import {
  AssignToLeaderInput,
  LeaderAccountType,
  LeaderInstructionType,
  LeaderMatterType,
  LeaderPageType,
  LeaderSessionType,
  ScheduleLeaderSessionInput,
  TicketLeaderMatterType,
} from "./leader.types.js";
import { scheduleLeaderSession } from "./schedule-session.js";

const ticketIdArg = { description: "The ticket's id." } as const;

/** Leader sessions (领导坐班接听), 领导包案 and instructions (领导批示). Each use case checks roles. */
@Resolver()
export class LeaderResolver {
  constructor(private readonly services: AppServices) {}

  private now(): Date {
    return this.services.now?.() ?? new Date();
  }

  @Query(() => LeaderPageType, {
    description: "A leader's page: their sessions, the tickets taken in them and the matters assigned to them. LEADER (own page; leaderId omitted), SUPERVISOR/ADMIN (leaderId required).",
  })
  async leaderPage(
    @Arg("leaderId", () => ID, { nullable: true, description: "The leader (supervisors and admins)." }) leaderId: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<LeaderPageType> {
    return (await leaderPage(this.services.dataSource, { actor: ctx.actor, leaderId })) as unknown as LeaderPageType;
  }

  @Query(() => [LeaderSessionType], { description: "Leader sessions overlapping [from, to) (at most 62 days), earliest first. SUPERVISOR, ADMIN." })
  async leaderSessions(
    @Arg("from", () => Date, { description: "The start of the range." }) from: Date,
    @Arg("to", () => Date, { description: "The end of the range (exclusive)." }) to: Date,
    @Ctx() ctx: RequestContext,
  ): Promise<LeaderSessionType[]> {
    return listLeaderSessions(this.services.dataSource, { actor: ctx.actor, from, to });
  }

  @Query(() => [LeaderAccountType], { description: "Active leader accounts. SUPERVISOR, ADMIN." })
  async leaders(@Ctx() ctx: RequestContext): Promise<LeaderAccountType[]> {
    return listLeaders(this.services.dataSource, ctx.actor);
  }

  @Query(() => [LeaderInstructionType], { description: "A ticket's leader instructions (领导批示), newest first. Centre staff; handlers only for their unit's tickets (else FORBIDDEN)." })
  async leaderInstructions(@Arg("ticketId", () => ID, ticketIdArg) ticketId: string, @Ctx() ctx: RequestContext): Promise<LeaderInstructionType[]> {
    return ticketInstructions(this.services.dataSource, { actor: ctx.actor, ticketId });
  }

  @Query(() => [TicketLeaderMatterType], { description: "The leaders a ticket is assigned to (领导包案), newest first. Centre staff." })
  async ticketLeaderMatters(@Arg("ticketId", () => ID, ticketIdArg) ticketId: string, @Ctx() ctx: RequestContext): Promise<TicketLeaderMatterType[]> {
    return ticketLeaderMatters(this.services.dataSource, { actor: ctx.actor, ticketId });
  }

  @Mutation(() => LeaderSessionType, {
    description: "Schedules a leader session at a seat in use (SUPERVISION/NOT_A_LEADER, SUPERVISION/UNKNOWN_SEAT, SUPERVISION/SEAT_BUSY when it overlaps another at that seat). SUPERVISOR, ADMIN.",
  })
  async scheduleLeaderSession(
    @Arg("input", () => ScheduleLeaderSessionInput, { description: "The session." }) input: ScheduleLeaderSessionInput,
    @Ctx() ctx: RequestContext,
  ): Promise<LeaderSessionType> {
    return scheduleLeaderSession({ db: this.services.dataSource, actor: ctx.actor, input, now: this.now() });
  }

  @Mutation(() => LeaderMatterType, {
    description: "Assigns a ticket, or a named hot issue of several tickets, to a leader (领导包案; SUPERVISION/NOT_A_LEADER, SUPERVISION/ALREADY_ASSIGNED). SUPERVISOR, ADMIN.",
  })
  async assignToLeader(
    @Arg("input", () => AssignToLeaderInput, { description: "The matter." }) input: AssignToLeaderInput,
    @Ctx() ctx: RequestContext,
  ): Promise<LeaderMatterType> {
    const matter = await assignToLeader({ db: this.services.dataSource, actor: ctx.actor, input, now: this.now() });
    const page = await leaderPage(this.services.dataSource, { actor: { ...ctx.actor!, roles: [Role.SUPERVISOR] }, leaderId: matter.leaderId });
    return page.matters.find((candidate) => candidate.id === matter.id) as unknown as LeaderMatterType;
  }

  @Mutation(() => LeaderInstructionType, {
    description: "A leader's instruction (领导批示) on a ticket on their page (SUPERVISION/NOT_YOUR_TICKET otherwise); the lead unit sees it first. LEADER.",
  })
  async addLeaderInstruction(
    @Arg("ticketId", () => ID, ticketIdArg) ticketId: string,
    @Arg("text", { description: "The instruction (2 to 1,000 characters)." }) text: string,
    @Ctx() ctx: RequestContext,
  ): Promise<LeaderInstructionType> {
    return addLeaderInstruction({ db: this.services.dataSource, actor: ctx.actor, input: { ticketId, text } });
  }

  @Subscription(() => Boolean, {
    description: "The logged-in leader's page changed (a session ticket marked, a matter assigned, an instruction given). LEADER. Refetch on each.",
    subscribe: ({ context }) => {
      const ctx = context as RequestContext;
      const actor = requireRole(ctx.actor, [Role.LEADER]);
      return ctx.subscribe(leaderPageTopic(actor.id));
    },
  })
  leaderPageChanged(): boolean {
    return true;
  }
}
