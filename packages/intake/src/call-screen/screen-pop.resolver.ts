import type { AppServices, RequestContext } from "@civicline/platform";
import { Arg, Ctx, Mutation, Query, Resolver, Root, Subscription } from "type-graphql";
import { intakeServices } from "../intake-services.js";
import { CallerHistoryType, DuplicateCandidateType, IncomingCallType } from "./call-screen-results.types.js";
import { DuplicateQuery, IncomingCallInput } from "./call-screen.inputs.js";
import { findDuplicateCandidates } from "./duplicates.js";
import { callerHistory, loadCallerHistory, reportIncomingCall, screenPopTopic, seatOf, type ScreenPopPayload } from "./screen-pop.js";

/** Screen-pop, caller history and duplicate suggestions: what the call screen reads while the phone rings. */
@Resolver()
export class ScreenPopResolver {
  constructor(private readonly services: AppServices) {}

  private async incomingCallFor(payload: ScreenPopPayload, ctx: RequestContext): Promise<IncomingCallType> {
    const history = await loadCallerHistory(this.services.dataSource, ctx.actor, payload.callerNumber);
    return {
      callId: payload.callId,
      callerNumber: history.phone,
      seat: payload.seat,
      receivedAt: new Date(payload.receivedAt),
      history: history as unknown as CallerHistoryType,
    };
  }

  @Mutation(() => IncomingCallType, {
    description: "Telephony (integrator API key): a call arrived at a seat; the operator at that seat gets a screen-pop. The reply's history lists no tickets (the open count only).",
  })
  async incomingCall(
    @Arg("input", () => IncomingCallInput, { description: "The call." }) input: IncomingCallInput,
    @Ctx() ctx: RequestContext,
  ): Promise<IncomingCallType> {
    const payload = await reportIncomingCall(this.services, { actor: ctx.actor, ...input });
    return this.incomingCallFor(payload, ctx);
  }

  @Subscription(() => IncomingCallType, {
    description: "Calls arriving at the logged-in operator's seat, with the caller's history. OPERATOR with a seat (else INTAKE/NO_SEAT).",
    subscribe: async ({ context }) => {
      const ctx = context as RequestContext;
      const seat = await seatOf(intakeServices().dataSource, ctx.actor);
      return ctx.subscribe(screenPopTopic(seat));
    },
  })
  screenPop(@Root() payload: ScreenPopPayload, @Ctx() ctx: RequestContext): Promise<IncomingCallType> {
    return this.incomingCallFor(payload, ctx);
  }

  @Query(() => CallerHistoryType, { description: "A caller's tickets, newest first, and how many are open. OPERATOR, CALLBACK_AGENT." })
  async callerHistory(
    @Arg("phone", { description: "The caller's phone number in any common spelling." }) phone: string,
    @Ctx() ctx: RequestContext,
  ): Promise<CallerHistoryType> {
    return (await callerHistory(this.services.dataSource, { actor: ctx.actor, phone })) as unknown as CallerHistoryType;
  }

  @Query(() => [DuplicateCandidateType], {
    description: "Open tickets of the same category and district from the last 7 days that may be the same matter (address, township, similar text); best 5. OPERATOR, DISPATCHER.",
  })
  async duplicateCandidates(
    @Arg("input", () => DuplicateQuery, { description: "What the call is about so far." }) input: DuplicateQuery,
    @Ctx() ctx: RequestContext,
  ): Promise<DuplicateCandidateType[]> {
    return (await findDuplicateCandidates(this.services.dataSource, { actor: ctx.actor, query: input })) as unknown as DuplicateCandidateType[];
  }
}
