import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { QaCallDirection } from "../qa.enums.js";

@ObjectType("QaPerson", { description: "A staff member as QA shows them." })
export class QaPersonType {
  @Field(() => ID, { description: "User id." })
  id!: string;

  @Field({ description: "Display name." })
  displayName!: string;
}

@ObjectType("QaCall", { description: "A finished call as the telephony integration reported it; the unit of QA sampling and inspection." })
export class QaCallType {
  @Field(() => ID, { description: "Call record id (random; the recording is served by it)." })
  id!: string;

  @Field({ description: "The telephony system's call id (tickets logged during the call carry it)." })
  callId!: string;

  @Field({ description: "The seat the call was taken at." })
  seatCode!: string;

  @Field(() => QaPersonType, { nullable: true, description: "Who took the call; null when nobody was rostered at the seat." })
  callTaker!: QaPersonType | null;

  @Field({ description: "The caller's number: in full for call-takers and callback agents, masked (138****1234) for others." })
  callerNumber!: string;

  @Field(() => QaCallDirection, { description: "INBOUND or OUTBOUND." })
  direction!: QaCallDirection;

  @Field({ description: "When the call started ringing (inbound) or was dialled (outbound)." })
  startedAt!: Date;

  @Field(() => Date, { nullable: true, description: "When it was answered; null when never answered." })
  answeredAt!: Date | null;

  @Field({ description: "When it ended." })
  endedAt!: Date;

  @Field(() => Int, { description: "Seconds the caller waited before an answer." })
  waitSeconds!: number;

  @Field(() => Int, { description: "Seconds from answer to end." })
  talkSeconds!: number;

  @Field({ description: "Whether a recording is known (it may still fail to load)." })
  hasRecording!: boolean;

  @Field(() => String, { nullable: true, description: "Where the gateway serves the recording (same origin, session cookie); null without one." })
  recordingUrl!: string | null;

  @Field(() => String, { nullable: true, description: "The transcript, when the telephony system made one." })
  transcript!: string | null;

  @Field({ description: "The call-taker flagged the call for review." })
  flagged!: boolean;

  @Field(() => String, { nullable: true, description: "Why the call-taker flagged it." })
  flagReason!: string | null;

  @Field(() => [String], { description: "Tracking numbers of the tickets logged during the call." })
  ticketTrackingNumbers!: string[];

  @Field({ description: "Whether the call was picked for inspection." })
  sampled!: boolean;
}

@ObjectType("QaCallPage", { description: "A page of call records." })
export class QaCallPageType {
  @Field(() => Int, { description: "Calls matching the filter." })
  total!: number;

  @Field(() => [QaCallType], { description: "This page, newest first." })
  items!: QaCallType[];
}

@InputType("QaCallRecordInput", { description: "A finished call as the telephony system reports it." })
export class QaCallRecordInput {
  @Field({ description: "The telephony system's call id (reporting the same id again changes nothing)." })
  callId!: string;

  @Field({ description: "The seat (workstation) the call was taken at, e.g. A01." })
  seatCode!: string;

  @Field(() => String, { nullable: true, description: "The agent's login name, when known; else the roster decides by seat and time." })
  agentUsername?: string | null;

  @Field({ description: "The caller's number (or the number called, outbound)." })
  callerNumber!: string;

  @Field(() => QaCallDirection, { description: "INBOUND or OUTBOUND." })
  direction!: QaCallDirection;

  @Field({ description: "When the call started." })
  startedAt!: Date;

  @Field(() => Date, { nullable: true, description: "When it was answered; leave out when never answered." })
  answeredAt?: Date | null;

  @Field({ description: "When it ended (not before it started)." })
  endedAt!: Date;

  @Field(() => Int, { nullable: true, description: "Seconds waited before an answer; computed from the times when left out." })
  waitSeconds?: number | null;

  @Field(() => String, { nullable: true, description: "The recording's http(s) address at the telephony system (fetched by the gateway)." })
  recordingUrl?: string | null;

  @Field(() => ID, { nullable: true, description: "Or the id of the recording uploaded through POST /uploads." })
  recordingFileId?: string | null;

  @Field(() => String, { nullable: true, description: "A transcript, if any (at most 100,000 characters)." })
  transcript?: string | null;
}
