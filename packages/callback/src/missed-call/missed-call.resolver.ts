import { Ticket } from "@civicline/intake";
import { FULL_PHONE_ROLES, hasAnyRole, maskPhone, type AppServices, type RequestContext } from "@civicline/platform";
import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { callbackLoaders } from "../callback-loaders.js";
import { MissedCallState } from "../callback.enums.js";
import type { MissedCall } from "./missed-call.entity.js";
import { listMissedCalls } from "./missed-call-queries.js";
import { MissedCallAttemptType, MissedCallInput, MissedCallPageType, MissedCallReturnInput, MissedCallType } from "./missed-call.types.js";
import { recordMissedCallReturn, reportMissedCall } from "./missed-calls.js";

const asType = (call: MissedCall): MissedCallType => call as unknown as MissedCallType;

/** Missed calls: reported by the telephony integration, returned by the callback agents. */
@Resolver()
export class MissedCallResolver {
  constructor(private readonly services: AppServices) {}

  @Mutation(() => MissedCallType, { description: "Telephony integration (API key) or admin: report an abandoned call. Idempotent by callId." })
  async reportMissedCall(@Arg("input", () => MissedCallInput, { description: "The call." }) input: MissedCallInput, @Ctx() ctx: RequestContext): Promise<MissedCallType> {
    return asType(await reportMissedCall(this.services.dataSource, { actor: ctx.actor, request: input }));
  }

  @Query(() => MissedCallPageType, { description: "Missed calls in a state (OPEN by default). Callback agents, supervisors, admins, leaders." })
  async missedCalls(
    @Arg("state", () => MissedCallState, { nullable: true, defaultValue: MissedCallState.OPEN, description: "Which missed calls." }) state: MissedCallState | null,
    @Arg("limit", () => Int, { nullable: true, defaultValue: 50, description: "Page size, 1 … 200." }) limit: number | null,
    @Arg("offset", () => Int, { nullable: true, defaultValue: 0, description: "Missed calls to skip, 0 … 100,000." }) offset: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<MissedCallPageType> {
    const page = await listMissedCalls(this.services.dataSource, { actor: ctx.actor, state, limit, offset });
    return { total: page.total, items: page.items.map(asType) };
  }

  @Mutation(() => MissedCallType, {
    description: "Callback agent: record a return call. Not reached: a retry after the retry interval (CALLBACK/RETRY_NOT_DUE before it), UNREACHABLE at the last try. Reached: RETURNED. CALLBACK/MISSED_CALL_CLOSED when already dealt with.",
  })
  async recordMissedCallReturn(@Arg("input", () => MissedCallReturnInput, { description: "The return call." }) input: MissedCallReturnInput, @Ctx() ctx: RequestContext): Promise<MissedCallType> {
    return asType(await recordMissedCallReturn(this.services.dataSource, { actor: ctx.actor, request: input }));
  }
}

/** A missed call's computed fields; the number is masked for roles that may not see it in full. */
@Resolver(() => MissedCallType)
export class MissedCallFieldsResolver {
  constructor(private readonly services: AppServices) {}

  @FieldResolver(() => String)
  callerNumber(@Root() call: MissedCall, @Ctx() ctx: RequestContext): string {
    return hasAnyRole(ctx.actor, FULL_PHONE_ROLES) ? call.callerNumber : maskPhone(call.callerNumber);
  }

  @FieldResolver(() => Boolean)
  overdue(@Root() call: MissedCall): boolean {
    return call.state === MissedCallState.OPEN && call.dueAt.getTime() < Date.now();
  }

  @FieldResolver(() => Int)
  attemptCount(@Root() call: MissedCall): number {
    return call.attempts;
  }

  @FieldResolver(() => [MissedCallAttemptType])
  attempts(@Root() call: MissedCall, @Ctx() ctx: RequestContext): Promise<MissedCallAttemptType[]> {
    return callbackLoaders(this.services.dataSource, ctx).missedCallAttempts.load(call.id);
  }

  @FieldResolver(() => String, { nullable: true })
  async ticketTrackingNumber(@Root() call: MissedCall, @Ctx() ctx: RequestContext): Promise<string | null> {
    if (!call.ticketId) {
      return null;
    }
    const ticket: Ticket | null = await callbackLoaders(this.services.dataSource, ctx).ticket.load(call.ticketId);
    return ticket?.trackingNumber ?? null;
  }

  @FieldResolver(() => String)
  reportedBy(@Root() call: MissedCall): string {
    return call.reportedByName;
  }

  @FieldResolver(() => String, { nullable: true })
  closedBy(@Root() call: MissedCall): string | null {
    return call.closedByName;
  }
}
