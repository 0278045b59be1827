import { HistoryActorKind } from "@civicline/intake";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { intakeObjectType } from "../intake-types.js";
import { DispatchRuleType } from "../rules/dispatch-rule.types.js";
import { UnitType } from "../unit/unit.types.js";
import { AssignmentState, DeadlineState, ExtensionStatus, NoteVisibility, ReplyOutcome, ReturnReason, ReturnStatus } from "./assignment.enums.js";

/** Intake's Attachment shape (id, filename, contentType, size, url). */
export type AttachmentView = { id: string; filename: string; contentType: string; size: number; url: string };

@ObjectType("Deadlines", { description: "An assignment's time limits, computed in working time and stored at dispatch (moved by an approved extension)." })
export class DeadlinesType {
  @Field(() => Date, { nullable: true, description: "Dispatch deadline: receipt + the dispatch limit." })
  dispatchDueAt!: Date | null;

  @Field(() => Date, { nullable: true, description: "Sign-for deadline: dispatch + the sign-for limit." })
  signForDueAt!: Date | null;

  @Field(() => Date, { nullable: true, description: "Completion deadline: dispatch + the completion limit (+ an approved extension)." })
  completionDueAt!: Date | null;

  @Field(() => Date, { nullable: true, description: "When the near-due warning falls (e.g. 80 % of the completion limit)." })
  nearDueAt!: Date | null;

  @Field(() => DeadlineState, { description: "Against the completion deadline: now, or at the reply once replied." })
  state!: DeadlineState;

  @Field(() => Int, { nullable: true, description: "Working minutes left until completion (negative when overdue; clock minutes for around-the-clock limits); null once replied." })
  workingMinutesLeft!: number | null;
}

@ObjectType("ProgressNote", { description: "A handling unit's note on its progress." })
export class ProgressNoteType {
  @Field(() => ID, { description: "Note id." })
  id!: string;

  @Field({ description: "When it was written." })
  at!: Date;

  @Field({ description: "Who wrote it." })
  author!: string;

  @Field(() => UnitType, { nullable: true, description: "The unit of its author." })
  unit!: UnitType | null;

  @Field(() => NoteVisibility, { description: "INTERNAL (staff only) or PUBLIC (also on the citizen's tracking page, PublicTicket.publicNotes, and in Open311 status_notes where the request may be published)." })
  visibility!: NoteVisibility;

  @Field({ description: "The note." })
  text!: string;
}

@ObjectType("UnitReply", { description: "The lead unit's reply with the result (回复)." })
export class UnitReplyType {
  @Field(() => ReplyOutcome, { description: "Resolved, explained per policy, or cannot be resolved." })
  outcome!: ReplyOutcome;

  @Field({ description: "The result and explanation." })
  text!: string;

  @Field({ description: "When it was replied." })
  at!: Date;

  @Field(() => UnitType, { description: "The replying (lead) unit." })
  unit!: UnitType;

  @Field({ description: "Who replied." })
  author!: string;

  @Field(() => [intakeObjectType("Attachment")], { description: "Photos and documents attached to the reply." })
  attachments!: AttachmentView[];
}

@ObjectType("ExtensionRequest", { description: "The lead unit's one request for more time (延期)." })
export class ExtensionRequestType {
  @Field(() => ID, { description: "Id (the assignment's: one request per assignment)." })
  id!: string;

  @Field({ description: "Why more time is needed." })
  reason!: string;

  @Field(() => Int, { description: "Working days asked for." })
  workingDays!: number;

  @Field(() => Int, { description: "Working minutes asked for (working days × the working-day length)." })
  requestedMinutes!: number;

  @Field(() => ExtensionStatus, { description: "Pending, approved or refused." })
  status!: ExtensionStatus;

  @Field({ description: "When it was asked for." })
  requestedAt!: Date;

  @Field({ description: "Who asked for it." })
  requestedBy!: string;

  @Field(() => Date, { nullable: true, description: "When a supervisor decided." })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "The supervisor who decided." })
  decidedBy!: string | null;

  @Field(() => String, { nullable: true, description: "The supervisor's note." })
  decisionNote!: string | null;
}

@ObjectType("ReturnRequest", { description: "A unit's return (退单) of a ticket and the dispatcher's decision." })
export class ReturnRequestType {
  @Field(() => ID, { description: "Return id." })
  id!: string;

  @Field(() => ReturnReason, { description: "The reason from the list." })
  reason!: ReturnReason;

  @Field({ description: "The unit's explanation." })
  text!: string;

  @Field(() => UnitType, { description: "The returning unit." })
  unit!: UnitType;

  @Field(() => ReturnStatus, { description: "Pending, accepted or rejected." })
  status!: ReturnStatus;

  @Field({ description: "When it was returned." })
  at!: Date;

  @Field(() => String, { nullable: true, description: "The dispatcher who decided." })
  decidedBy!: string | null;

  @Field(() => String, { nullable: true, description: "The dispatcher's note (the reason, for a rejection)." })
  decisionNote!: string | null;
}

@ObjectType("AssistInput", { description: "An assisting unit's input to the lead unit." })
export class AssistInputType {
  @Field(() => UnitType, { description: "The assisting unit." })
  unit!: UnitType;

  @Field(() => String, { nullable: true, description: "Its input; null while not given." })
  text!: string | null;

  @Field(() => Date, { nullable: true, description: "When it was given." })
  at!: Date | null;
}

@ObjectType("Assignment", { description: "A ticket's (latest) dispatch to a lead unit, with assisting units, deadlines and what the units did." })
export class AssignmentType {
  @Field(() => ID, { description: "Assignment id (a re-dispatch after a return is a new assignment)." })
  id!: string;

  @Field(() => intakeObjectType("Ticket"), { description: "The ticket." })
  ticket!: unknown;

  @Field(() => AssignmentState, { description: "Where this dispatch is." })
  state!: AssignmentState;

  @Field(() => UnitType, { description: "The unit responsible for the reply." })
  leadUnit!: UnitType;

  @Field(() => [UnitType], { description: "Units that assist the lead unit." })
  assistingUnits!: UnitType[];

  @Field({ description: "When it was dispatched." })
  dispatchedAt!: Date;

  @Field({ description: "Who dispatched it (自动派单 / auto-dispatch for the catalogue: show dispatchedByKind's label instead)." })
  dispatchedBy!: string;

  @Field(() => HistoryActorKind, { description: "Who dispatched it, as a kind: AUTO_DISPATCH for the catalogue, else STAFF." })
  dispatchedByKind!: HistoryActorKind;

  @Field(() => String, { nullable: true, description: "The dispatcher's note to the unit." })
  dispatchNote!: string | null;

  @Field(() => DispatchRuleType, { nullable: true, description: "The catalogue rule followed, if the dispatcher followed one." })
  rule!: DispatchRuleType | null;

  @Field(() => Date, { nullable: true, description: "When the lead unit signed for it." })
  signedForAt!: Date | null;

  @Field(() => Int, { description: "Follow-up calls (催办) from the citizen while this dispatch was current." })
  followUpCount!: number;

  @Field(() => Date, { nullable: true, description: "When the citizen last called to chase it (the inbox lists followed-up tickets first)." })
  lastFollowUpAt!: Date | null;

  @Field(() => String, { nullable: true, description: "What the caller said in the latest follow-up call." })
  lastFollowUpWords!: string | null;

  @Field(() => DeadlinesType, { description: "Time limits and where the assignment stands against them." })
  deadlines!: DeadlinesType;

  @Field(() => [ProgressNoteType], { description: "Progress notes, oldest first." })
  notes!: ProgressNoteType[];

  @Field(() => UnitReplyType, { nullable: true, description: "The reply, once given." })
  reply!: UnitReplyType | null;

  @Field(() => ExtensionRequestType, { nullable: true, description: "The extension request, if one was made." })
  extension!: ExtensionRequestType | null;

  @Field(() => [ReturnRequestType], { description: "Every return of this ticket (by any unit), oldest first." })
  returns!: ReturnRequestType[];

  @Field(() => [AssistInputType], { description: "One entry per assisting unit, with its input once given." })
  assists!: AssistInputType[];

  @Field(() => String, { nullable: true, description: "Set when a joint supervision decision (三方联动督办) named the lead unit: what decided it. Such an assignment cannot be returned (ROUTING/JOINT_DECISION_FINAL)." })
  finalDecision!: string | null;
}

@InputType({ description: "The lead unit's reply." })
export class ReplyInput {
  @Field(() => ReplyOutcome, { description: "Resolved, explained per policy, or cannot be resolved." })
  outcome!: ReplyOutcome;

  @Field({ description: "The result and explanation (4 to 4,000 characters)." })
  text!: string;

  @Field(() => [ID], { nullable: true, defaultValue: [], description: "Files uploaded through POST /uploads by you (at most 10; photos or PDF, 10 MB each)." })
  attachmentIds?: string[] | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: "Reply although assisting units have not given their input (else ROUTING/ASSIST_INPUT_PENDING)." })
  withoutAssistInput?: boolean | null;
}
