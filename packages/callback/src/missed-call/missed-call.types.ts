import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { MissedCallState } from "../callback.enums.js";

@ObjectType("MissedCallAttempt", { description: "One return call made for a missed call." })
export class MissedCallAttemptType {
  @Field({ description: "When it was recorded." })
  at!: Date;

  @Field({ description: "The agent." })
  agentName!: string;

  @Field({ description: "Whether the caller answered." })
  reached!: boolean;

  @Field(() => String, { nullable: true, description: "The agent's note." })
  note!: string | null;
}

@ObjectType("MissedCall", { description: "An abandoned call (the caller hung up in the queue) to be returned within the limit." })
export class MissedCallType {
  @Field(() => ID, { description: "Missed-call id." })
  id!: string;

  @Field({ description: "The telephony system's call id." })
  callId!: string;

  @Field({ description: "The caller's number: in full for callback agents and call-takers, masked (138****1234) for others." })
  callerNumber!: string;

  @Field({ description: "When the caller hung up." })
  abandonedAt!: Date;

  @Field(() => Int, { nullable: true, description: "How long the caller waited, in seconds." })
  waitedSeconds!: number | null;

  @Field(() => String, { nullable: true, description: "The line or queue, as the telephony system names it." })
  line!: string | null;

  @Field(() => MissedCallState, { description: "OPEN, RETURNED or UNREACHABLE." })
  state!: MissedCallState;

  @Field({ description: "Return by: abandoned + the missed-call limit, in working time." })
  dueAt!: Date;

  @Field({ description: "Open and past its return limit." })
  overdue!: boolean;

  @Field(() => Date, { nullable: true, description: "A not-reached call may be tried again from this time." })
  nextAttemptAt!: Date | null;

  @Field(() => Int, { description: "Return calls made so far." })
  attemptCount!: number;

  @Field(() => Int, { description: "How many return calls are made before it closes as unreachable." })
  maxTries!: number;

  @Field(() => [MissedCallAttemptType], { description: "Return calls made, oldest first." })
  attempts!: MissedCallAttemptType[];

  @Field(() => String, { nullable: true, description: "The ticket logged or found during the return call." })
  ticketTrackingNumber!: string | null;

  @Field({ description: "Who reported it (the integration's name)." })
  reportedBy!: string;

  @Field(() => Date, { nullable: true, description: "When it was closed." })
  closedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "The agent who closed it." })
  closedBy!: string | null;
}

@ObjectType("MissedCallPage", { description: "A page of missed calls with the total." })
export class MissedCallPageType {
  @Field(() => Int, { description: "How many missed calls are in this state." })
  total!: number;

  @Field(() => [MissedCallType], { description: "Open: soonest due first; closed: most recently closed first." })
  items!: MissedCallType[];
}

@InputType("MissedCallInput", { description: "An abandoned call, as the telephony integration reports it." })
export class MissedCallInput {
  @Field({ description: "The telephony system's call id; reporting the same id again changes nothing." })
  callId!: string;

  @Field({ description: "The caller's number (mobile or landline)." })
  callerNumber!: string;

  @Field({ description: "When the caller hung up (ISO 8601 with offset)." })
  abandonedAt!: Date;

  @Field(() => Int, { nullable: true, description: "How long the caller waited, in seconds." })
  waitedSeconds?: number | null;

  @Field(() => String, { nullable: true, description: "The line or queue (up to 40 characters)." })
  line?: string | null;
}

@InputType("MissedCallReturnInput", { description: "A return call an agent made." })
export class MissedCallReturnInput {
  @Field(() => ID, { description: "The missed call." })
  id!: string;

  @Field({ description: "Whether the caller answered." })
  reached!: boolean;

  @Field(() => String, { nullable: true, description: "The agent's note (up to 1,000 characters)." })
  note?: string | null;

  @Field(() => String, { nullable: true, description: "The ticket logged or found during the call, by tracking number." })
  ticketTrackingNumber?: string | null;
}
