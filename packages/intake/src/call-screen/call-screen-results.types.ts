import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { TicketType } from "../ticket/ticket.types.js";

@ObjectType("DuplicateCandidate", { description: "An open ticket that may be about the same matter as the call being logged." })
export class DuplicateCandidateType {
  @Field(() => TicketType, { description: "The open ticket." })
  ticket!: TicketType;

  @Field(() => Float, { description: "0 … 1; higher is more likely the same matter." })
  score!: number;

  @Field(() => [String], { description: 'Why it was suggested, e.g. "same address", "similar description 72%".' })
  reasons!: string[];
}

@ObjectType("CallerHistory", { description: "A caller's earlier tickets, newest first." })
export class CallerHistoryType {
  @Field({ description: "The phone number, as the viewer may see it." })
  phone!: string;

  @Field(() => [TicketType], { description: "The caller's tickets, newest first (at most 20)." })
  tickets!: TicketType[];

  @Field(() => Int, { description: "How many of the caller's tickets are still open." })
  openCount!: number;
}

@ObjectType("IncomingCall", { description: "A call arriving at a seat (screen-pop)." })
export class IncomingCallType {
  @Field(() => ID, { description: "The telephony system's call id; pass it to logCall." })
  callId!: string;

  @Field({ description: "The caller's number, as the viewer may see it." })
  callerNumber!: string;

  @Field({ description: "The seat the call rings at." })
  seat!: string;

  @Field({ description: "When the telephony system reported the call." })
  receivedAt!: Date;

  @Field(() => CallerHistoryType, { description: "The caller's earlier tickets and open requests." })
  history!: CallerHistoryType;
}
