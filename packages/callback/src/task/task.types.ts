import { CategoryType, TicketType } from "@civicline/intake";
import { ReplyOutcome, UnitType } from "@civicline/routing";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { CallOutcome, CallbackTaskKind, CallbackTaskState, ReReportReason, ReReportState, Resolution, Satisfaction, SurveyChannel } from "../callback.enums.js";

@ObjectType("CallbackReply", { description: "The lead unit's reply the callback asks about." })
export class CallbackReplyType {
  @Field(() => ReplyOutcome, { description: "Resolved, explained per policy, or cannot be resolved." })
  outcome!: ReplyOutcome;

  @Field({ description: "The reply's text." })
  text!: string;

  @Field({ description: "When the unit replied." })
  repliedAt!: Date;

  @Field(() => String, { nullable: true, description: "Who replied for the unit." })
  repliedBy!: string | null;

  @Field({ description: "The unit's Chinese name." })
  unitNameZh!: string;

  @Field({ description: "The unit's English name." })
  unitNameEn!: string;

  @Field(() => UnitType, { description: "The lead unit." })
  unit!: UnitType;
}

@ObjectType("CallbackScript", { description: "What the agent says, filled in for this ticket." })
export class CallbackScriptType {
  @Field({ description: "中文话术." })
  zh!: string;

  @Field({ description: "The script in English." })
  en!: string;
}

@ObjectType("CallbackAttempt", { description: "One call an agent made for a callback task." })
export class CallbackAttemptType {
  @Field({ description: "When the call was recorded." })
  at!: Date;

  @Field({ description: "The agent." })
  agentName!: string;

  @Field({ description: "Whether the citizen answered." })
  reached!: boolean;

  @Field(() => String, { nullable: true, description: "The agent's note (e.g. 关机 / switched off)." })
  note!: string | null;
}

@ObjectType("CallbackSurvey", { description: "A citizen's answers to a callback, by phone or online." })
export class CallbackSurveyType {
  @Field(() => ID, { description: "Survey id." })
  id!: string;

  @Field(() => SurveyChannel, { description: "PHONE (recorded by an agent) or ONLINE (given on the portal)." })
  channel!: SurveyChannel;

  @Field(() => Resolution, { nullable: true, description: "Whether it was resolved; null for a direct-answer survey." })
  resolution!: Resolution | null;

  @Field(() => Satisfaction, { nullable: true, description: "Satisfaction with the result; null for a direct-answer survey." })
  resultSatisfaction!: Satisfaction | null;

  @Field(() => Satisfaction, { description: "Satisfaction with how the hotline handled the request." })
  processSatisfaction!: Satisfaction;

  @Field(() => Boolean, { nullable: true, description: "The agent's judgement whether the request was reasonable; null online or for a direct-answer survey (counts as reasonable)." })
  reasonable!: boolean | null;

  @Field(() => String, { nullable: true, description: "The citizen's comment." })
  comment!: string | null;

  @Field({ description: "When the answers were given." })
  answeredAt!: Date;

  @Field(() => String, { nullable: true, description: "The agent who recorded them; null online." })
  recordedBy!: string | null;
}

@ObjectType("ReReportProposal", { description: "A dissatisfied or unresolved callback answer proposes a re-report (续报); a supervisor decides once." })
export class ReReportProposalType {
  @Field(() => ID, { description: "Proposal id." })
  id!: string;

  @Field(() => ReReportState, { description: "PENDING, ACCEPTED or DECLINED." })
  state!: ReReportState;

  @Field(() => [ReReportReason], { description: "Why it was proposed." })
  reasons!: ReReportReason[];

  @Field({ description: "When it was proposed (when the answers were given)." })
  createdAt!: Date;

  @Field(() => TicketType, { description: "The ticket." })
  ticket!: TicketType;

  @Field({ description: "The ticket's tracking number." })
  trackingNumber!: string;

  @Field(() => CategoryType, { description: "The ticket's category." })
  category!: CategoryType;

  @Field(() => UnitType, { description: "The lead unit that replied and would get the re-report." })
  unit!: UnitType;

  @Field(() => CallbackSurveyType, { description: "The citizen's answers." })
  survey!: CallbackSurveyType;

  @Field(() => String, { nullable: true, description: "The citizen's comment (from the answers)." })
  comment!: string | null;

  @Field(() => CallbackReplyType, { nullable: true, description: "The reply the citizen was asked about." })
  reply!: CallbackReplyType | null;

  @Field(() => Date, { nullable: true, description: "When it was decided." })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "The supervisor who decided." })
  decidedBy!: string | null;

  @Field(() => String, { nullable: true, description: "The supervisor's note." })
  decisionNote!: string | null;
}

@ObjectType("ReReportProposalPage", { description: "A page of re-report proposals with the total." })
export class ReReportProposalPageType {
  @Field(() => Int, { description: "How many proposals are in this state." })
  total!: number;

  @Field(() => [ReReportProposalType], { description: "Pending: oldest first; decided: most recently decided first." })
  items!: ReReportProposalType[];
}

@ObjectType("CallbackTask", { description: "A callback (回访) to make, in the shared queue of the callback agents." })
export class CallbackTaskType {
  @Field(() => ID, { description: "Task id." })
  id!: string;

  @Field(() => CallbackTaskKind, { description: "A reply's callback, or a direct-answer survey." })
  kind!: CallbackTaskKind;

  @Field(() => CallbackTaskState, { description: "Where the task is." })
  state!: CallbackTaskState;

  @Field({ description: "When the callback is due: the reply (or direct answer) + the request type's limit, in working time." })
  dueAt!: Date;

  @Field({ description: "Open and past its due time." })
  overdue!: boolean;

  @Field(() => Date, { nullable: true, description: "A not-reached task may be tried again from this time (null: now)." })
  nextAttemptAt!: Date | null;

  @Field({ description: "Open, and no retry is pending: may be called now." })
  readyToCall!: boolean;

  @Field(() => Int, { description: "Calls made so far." })
  attemptCount!: number;

  @Field(() => Int, { description: "How many calls are made before the task closes as unreachable." })
  maxTries!: number;

  @Field(() => String, { nullable: true, description: "The agent who claimed it, while the claim lasts." })
  claimedBy!: string | null;

  @Field(() => Date, { nullable: true, description: "Until when the claim lasts." })
  claimedUntil!: Date | null;

  @Field({ description: "Whether the viewer holds the claim." })
  claimedByMe!: boolean;

  @Field({ description: "When the task was created." })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: "When it was closed." })
  closedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "Who closed it (agent, the citizen online, or system)." })
  closedBy!: string | null;

  @Field(() => TicketType, { description: "The ticket (phone numbers in full for callback agents)." })
  ticket!: TicketType;

  @Field(() => CallbackReplyType, { nullable: true, description: "The unit's reply (REPLY tasks); a direct answer is on the ticket (directAnswer)." })
  reply!: CallbackReplyType | null;

  @Field(() => CallbackScriptType, { description: "A short script for the call." })
  script!: CallbackScriptType;

  @Field(() => [CallbackAttemptType], { description: "Calls made, oldest first." })
  attempts!: CallbackAttemptType[];

  @Field(() => CallbackSurveyType, { nullable: true, description: "The answers, once given." })
  survey!: CallbackSurveyType | null;

  @Field(() => ReReportProposalType, { nullable: true, description: "The re-report proposal the answers led to." })
  proposal!: ReReportProposalType | null;
}

@ObjectType("CallbackTaskPage", { description: "A page of the callback queue with the total." })
export class CallbackTaskPageType {
  @Field(() => Int, { description: "How many tasks match." })
  total!: number;

  @Field(() => [CallbackTaskType], { description: "Soonest due first." })
  items!: CallbackTaskType[];
}

@ObjectType("CallbackQueueCounts", { description: "Figures of the callback queues now." })
export class CallbackQueueCountsType {
  @Field(() => Int, { description: "Open callback tasks." })
  openTasks!: number;

  @Field(() => Int, { description: "Open callback tasks past their due time." })
  overdueTasks!: number;

  @Field(() => Int, { description: "Open callback tasks that may be called now (no retry pending)." })
  readyTasks!: number;

  @Field(() => Int, { description: "Missed calls still to be returned." })
  openMissedCalls!: number;

  @Field(() => Int, { description: "Missed calls past their return limit." })
  overdueMissedCalls!: number;
}

@InputType("CallbackQueueFilter", { description: "Narrows the callback queue." })
export class CallbackQueueFilterInput {
  @Field(() => [CallbackTaskState], { nullable: true, description: "States (default OPEN)." })
  states?: CallbackTaskState[] | null;

  @Field(() => [CallbackTaskKind], { nullable: true, description: "Kinds (default all)." })
  kinds?: CallbackTaskKind[] | null;

  @Field(() => Boolean, { nullable: true, description: "Only open tasks past their due time." })
  overdueOnly?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Only open tasks that may be called now." })
  readyOnly?: boolean | null;
}

@InputType("CallbackAnswersInput", { description: "The citizen's answers. A reply's callback needs resolution, resultSatisfaction, processSatisfaction and reasonable; a direct-answer survey only processSatisfaction." })
export class CallbackAnswersInput {
  @Field(() => Resolution, { nullable: true, description: "Was it resolved?" })
  resolution?: Resolution | null;

  @Field(() => Satisfaction, { nullable: true, description: "Satisfaction with the result." })
  resultSatisfaction?: Satisfaction | null;

  @Field(() => Satisfaction, { description: "Satisfaction with how the hotline handled it." })
  processSatisfaction!: Satisfaction;

  @Field(() => Boolean, { nullable: true, description: "The agent's judgement: was the request reasonable? Unreasonable requests are left out of result satisfaction." })
  reasonable?: boolean | null;

  @Field(() => String, { nullable: true, description: "The citizen's comment (up to 2,000 characters)." })
  comment?: string | null;
}

@InputType("CallbackAttemptInput", { description: "One call an agent made." })
export class CallbackAttemptInput {
  @Field(() => ID, { description: "The task." })
  taskId!: string;

  @Field(() => CallOutcome, { description: "REACHED (send answers) or NOT_REACHED." })
  outcome!: CallOutcome;

  @Field(() => String, { nullable: true, description: "The agent's note (up to 1,000 characters)." })
  note?: string | null;

  @Field(() => CallbackAnswersInput, { nullable: true, description: "Required when REACHED." })
  answers?: CallbackAnswersInput | null;
}
