import type { AppServices, RequestContext } from "@civicline/platform";
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver, Subscription } from "type-graphql";
import { getAssignment, pendingExtensions, unitInbox } from "../assignment/assignment-queries.js";
import type { Assignment } from "../assignment/assignment.entity.js";
import { NoteVisibility, ReturnReason } from "../assignment/assignment.enums.js";
import { AssignmentType, ReplyInput } from "../assignment/assignment.types.js";
import { routingChangedTopic } from "./routing-changed.js";
import { decideExtension, requestExtension } from "./extension.js";
import { RevealedPhoneType } from "./citizen-phone.types.js";
import { revealCitizenPhone } from "./citizen-phone.js";
import { addAssistInput, addProgressNote } from "./notes.js";
import { replyToTicket } from "./reply.js";
import { returnTicket } from "./return.js";
import { signFor } from "./sign-for.js";

const asType = (assignment: Assignment): AssignmentType => assignment as unknown as AssignmentType;
const ticketIdArg = { description: "The ticket's id." } as const;

/** The handling unit's workbench: inbox, sign-for, notes, reply, extension, return. */
@Resolver()
export class WorkbenchResolver {
  constructor(private readonly services: AppServices) {}

  @Query(() => [AssignmentType], { description: "Handler: the unit's inbox (dispatched to my unit as lead or assisting), soonest deadline first." })
  async unitInbox(
    @Arg("includeClosed", () => Boolean, { nullable: true, defaultValue: false, description: "Also replied and returned tickets." }) includeClosed: boolean | null,
    @Ctx() ctx: RequestContext,
  ): Promise<AssignmentType[]> {
    return (await unitInbox(this.services.dataSource, { actor: ctx.actor, includeClosed: !!includeClosed })).map(asType);
  }

  @Query(() => AssignmentType, { description: "A ticket's latest assignment. Centre staff; handlers only for their unit (else ROUTING/NOT_YOUR_UNIT)." })
  async assignment(@Arg("ticketId", () => ID, ticketIdArg) ticketId: string, @Ctx() ctx: RequestContext): Promise<AssignmentType> {
    return asType(await getAssignment(this.services.dataSource, { actor: ctx.actor, ticketId }));
  }

  @Query(() => [AssignmentType], { description: "Supervisor: extension requests waiting for a decision, oldest first." })
  async pendingExtensions(@Ctx() ctx: RequestContext): Promise<AssignmentType[]> {
    return (await pendingExtensions(this.services.dataSource, ctx.actor)).map(asType);
  }

  @Mutation(() => AssignmentType, { description: "Handler of the lead unit: sign for a dispatched ticket (签收). ROUTING/ALREADY_SIGNED when done before." })
  async signFor(@Arg("ticketId", () => ID, ticketIdArg) ticketId: string, @Ctx() ctx: RequestContext): Promise<AssignmentType> {
    return asType(await signFor(this.services.dataSource, { actor: ctx.actor, ticketId }));
  }

  @Mutation(() => AssignmentType, { description: "Handler of the lead or an assisting unit: add a progress note to an open assignment." })
  async addProgressNote(
    @Arg("ticketId", () => ID, ticketIdArg) ticketId: string,
    @Arg("text", { description: "The note (2 to 2,000 characters)." }) text: string,
    @Arg("visibility", () => NoteVisibility, { description: "INTERNAL or PUBLIC." }) visibility: NoteVisibility,
    @Ctx() ctx: RequestContext,
  ): Promise<AssignmentType> {
    return asType(await addProgressNote(this.services.dataSource, { actor: ctx.actor, ticketId, text, visibility }));
  }

  @Mutation(() => RevealedPhoneType, {
    description:
      "Handler of the lead unit: show the caller's full number to contact them before handling (先联系后办理); logged in the ticket's history. Only when the citizen chose no restriction (Privacy NONE): ROUTING/PHONE_PROTECTED for ANONYMOUS and CONFIDENTIAL, ROUTING/NOT_YOUR_UNIT for other units.",
  })
  async revealCitizenPhone(@Arg("ticketId", () => ID, ticketIdArg) ticketId: string, @Ctx() ctx: RequestContext): Promise<RevealedPhoneType> {
    return revealCitizenPhone(this.services.dataSource, { actor: ctx.actor, ticketId });
  }

  @Mutation(() => AssignmentType, { description: "Handler of an assisting unit: give input to the lead unit before it replies (may be revised until then)." })
  async addAssistInput(
    @Arg("ticketId", () => ID, ticketIdArg) ticketId: string,
    @Arg("text", { description: "The input (2 to 4,000 characters)." }) text: string,
    @Ctx() ctx: RequestContext,
  ): Promise<AssignmentType> {
    return asType(await addAssistInput(this.services.dataSource, { actor: ctx.actor, ticketId, text }));
  }

  @Mutation(() => AssignmentType, { description: "Handler of the lead unit: reply with the result; the ticket becomes REPLIED. The ticket must be signed for." })
  async replyToTicket(
    @Arg("ticketId", () => ID, ticketIdArg) ticketId: string,
    @Arg("input", () => ReplyInput, { description: "The reply." }) input: ReplyInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AssignmentType> {
    return asType(await replyToTicket(this.services.dataSource, { actor: ctx.actor, ticketId, reply: input }));
  }

  @Mutation(() => AssignmentType, { description: "Handler of the lead unit: ask once for more time, in working days (1–30), with a reason. ROUTING/EXTENSION_ALREADY_REQUESTED the second time." })
  async requestExtension(
    @Arg("ticketId", () => ID, ticketIdArg) ticketId: string,
    @Arg("workingDays", () => Int, { description: "Working days more (1–30)." }) workingDays: number,
    @Arg("reason", { description: "Why (4 to 1,000 characters)." }) reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<AssignmentType> {
    return asType(await requestExtension(this.services.dataSource, { actor: ctx.actor, ticketId, workingDays, reason }));
  }

  @Mutation(() => AssignmentType, { description: "Supervisor: approve (the completion deadline moves by the working days asked for) or refuse a pending extension." })
  async decideExtension(
    @Arg("ticketId", () => ID, ticketIdArg) ticketId: string,
    @Arg("approve", { description: "True to approve, false to refuse." }) approve: boolean,
    @Arg("note", () => String, { nullable: true, description: "The supervisor's note to the unit." }) note: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<AssignmentType> {
    return asType(await decideExtension(this.services.dataSource, { actor: ctx.actor, ticketId, approve, note }));
  }

  @Mutation(() => AssignmentType, { description: "Handler of the lead unit: return the ticket (退单) with a reason; it goes back to the dispatchers." })
  async returnTicket(
    @Arg("ticketId", () => ID, ticketIdArg) ticketId: string,
    @Arg("reason", () => ReturnReason, { description: "The reason from the list." }) reason: ReturnReason,
    @Arg("text", { description: "The explanation (4 to 1,000 characters)." }) text: string,
    @Ctx() ctx: RequestContext,
  ): Promise<AssignmentType> {
    return asType(await returnTicket(this.services.dataSource, { actor: ctx.actor, ticketId, reason, text }));
  }

  @Subscription(() => Boolean, {
    description: "The viewer's unit inbox changed (handlers: only their own unit's tickets) / the dispatch queue changed (dispatchers, admins) / extension requests changed (supervisors). Refetch on each.",
    subscribe: ({ context }) => {
      const ctx = context as RequestContext;
      return ctx.subscribe(routingChangedTopic(ctx.actor));
    },
  })
  routingChanged(): boolean {
    return true;
  }
}
