import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { OrderAction, OrderLevel, OrderState } from "./order.enums.js";

@ObjectType("SupervisionOrderEvent", { description: "One step of a supervision order's timeline." })
export class SupervisionOrderEventType {
  @Field(() => ID, { description: "The step's id." })
  id!: string;

  @Field(() => Date, { description: "When it happened." })
  at!: Date;

  @Field(() => OrderAction, { description: "What happened." })
  action!: OrderAction;

  @Field(() => OrderLevel, { description: "The order's level after the step." })
  level!: OrderLevel;

  @Field(() => String, { description: "Who did it; \"system\" for the escalation timer and the automatic reminder." })
  actorName!: string;

  @Field(() => String, { nullable: true, description: "The reason, answer or note given with the step." })
  note!: string | null;

  @Field(() => Date, { nullable: true, description: "The new response deadline (issue, escalation, send-back) or the expected finish (answer)." })
  dueAt!: Date | null;

  @Field(() => Boolean, { description: "Whether it happened by itself (escalation timer, automatic reminder)." })
  automatic!: boolean;
}

@ObjectType("SupervisionOrder", { description: "A supervision order (督办单) for a ticket, addressed to its lead unit, with a response deadline in working time." })
export class SupervisionOrderType {
  @Field(() => ID, { description: "The order's id." })
  id!: string;

  @Field(() => ID, { description: "The ticket's id." })
  ticketId!: string;

  @Field(() => String, { description: "The ticket's tracking number." })
  trackingNumber!: string;

  @Field(() => String, { nullable: true, description: "The ticket's title." })
  ticketTitle!: string | null;

  @Field(() => String, { description: "The ticket's status (TicketStatus value)." })
  ticketStatus!: string;

  @Field(() => ID, { description: "The unit that must answer (the lead unit when it was issued)." })
  unitId!: string;

  @Field(() => String, { description: "The unit's Chinese name." })
  unitNameZh!: string;

  @Field(() => String, { description: "The unit's English name." })
  unitNameEn!: string;

  @Field(() => OrderLevel, { description: "Its level now (it rises by escalation)." })
  level!: OrderLevel;

  @Field(() => OrderState, { description: "Where it is in its life." })
  state!: OrderState;

  @Field(() => String, { description: "Why it was issued." })
  reason!: string;

  @Field(() => Boolean, { description: "Issued automatically when the ticket became overdue." })
  auto!: boolean;

  @Field(() => Date, { description: "When it was issued." })
  issuedAt!: Date;

  @Field(() => String, { description: "Who issued it (\"system\" for an automatic reminder)." })
  issuedByName!: string;

  @Field(() => Date, { description: "When the unit must have answered; past it an open order rises one level by itself (below listed supervision)." })
  responseDueAt!: Date;

  @Field(() => Boolean, { description: "Open and past its response deadline." })
  answerOverdue!: boolean;

  @Field(() => String, { nullable: true, description: "The unit's answer: what was done." })
  answerText!: string | null;

  @Field(() => Date, { nullable: true, description: "When the unit says the matter will be finished." })
  expectedDoneAt!: Date | null;

  @Field(() => Date, { nullable: true, description: "When the unit answered." })
  answeredAt!: Date | null;

  @Field(() => String, { nullable: true, description: "Who answered." })
  answeredByName!: string | null;

  @Field(() => Int, { description: "How many times it was escalated." })
  escalations!: number;

  @Field(() => Int, { description: "How many times its answer was sent back." })
  sendBacks!: number;

  @Field(() => Date, { nullable: true, description: "When it was closed as satisfied." })
  closedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "Who closed it." })
  closedByName!: string | null;

  @Field(() => String, { nullable: true, description: "The note given when it was closed." })
  closeNote!: string | null;
}

@ObjectType("SupervisionOrderCount", { description: "Supervision orders of one unit, for the measures." })
export class SupervisionOrderCountType {
  @Field(() => ID, { description: "The unit." })
  unitId!: string;

  @Field(() => String, { description: "The unit's Chinese name." })
  unitNameZh!: string;

  @Field(() => String, { description: "The unit's English name." })
  unitNameEn!: string;

  @Field(() => Int, { description: "Orders issued in the period." })
  total!: number;

  @Field(() => Int, { description: "Of them, waiting for the unit's answer now." })
  open!: number;

  @Field(() => Int, { description: "Of them, answered and waiting for the supervisor." })
  answered!: number;

  @Field(() => Int, { description: "Of them, closed as satisfied." })
  closed!: number;

  @Field(() => Int, { description: "Of them, at reminder level now." })
  reminder!: number;

  @Field(() => Int, { description: "Of them, at formal supervision now." })
  formal!: number;

  @Field(() => Int, { description: "Of them, at listed supervision now." })
  listed!: number;

  @Field(() => Int, { description: "Of them, escalated at least once." })
  escalated!: number;

  @Field(() => Int, { description: "Of them, open past their response deadline now." })
  answerOverdue!: number;
}

@ObjectType("SupervisionOrderSettings", { description: "How supervision orders are issued and how long units have to answer them." })
export class OrderSettingsType {
  @Field(() => Boolean, { description: "Issue a reminder automatically when a ticket becomes overdue (once per assignment)." })
  autoReminderOnOverdue!: boolean;

  @Field(() => Int, { description: "Working minutes to answer a reminder (450 = one working day)." })
  reminderMinutes!: number;

  @Field(() => Int, { description: "Working minutes to answer formal supervision." })
  formalMinutes!: number;

  @Field(() => Int, { description: "Working minutes to answer listed supervision." })
  listedMinutes!: number;

  @Field(() => Date, { nullable: true, description: "When an admin last saved them; null while the defaults apply." })
  updatedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "Who saved them last." })
  updatedBy!: string | null;
}

@InputType("SupervisionOrderSettingsInput", { description: "New supervision order settings." })
export class OrderSettingsInput {
  @Field(() => Boolean, { description: "Issue a reminder automatically when a ticket becomes overdue." })
  autoReminderOnOverdue!: boolean;

  @Field(() => Int, { description: "Working minutes to answer a reminder, 30 … 9,000." })
  reminderMinutes!: number;

  @Field(() => Int, { description: "Working minutes to answer formal supervision, 30 … 9,000." })
  formalMinutes!: number;

  @Field(() => Int, { description: "Working minutes to answer listed supervision, 30 … 9,000." })
  listedMinutes!: number;
}

@InputType("IssueSupervisionOrderInput", { description: "A supervision order to issue. Give the deadline as a moment or as working minutes from now; neither: the level's default." })
export class IssueOrderInput {
  @Field(() => ID, { description: "The ticket (dispatched, not closed)." })
  ticketId!: string;

  @Field(() => OrderLevel, { description: "The level; a ticket holds at most one open order per level." })
  level!: OrderLevel;

  @Field(() => String, { description: "Why (4 to 1,000 characters)." })
  reason!: string;

  @Field(() => Date, { nullable: true, description: "The response deadline (in the future, within 120 days)." })
  responseDueAt?: Date | null;

  @Field(() => Int, { nullable: true, description: "Or: working minutes from now, 30 … 9,000." })
  responseWorkingMinutes?: number | null;
}

@InputType("SupervisionOrderFilter", { description: "Which orders to list." })
export class OrderFilterInput {
  @Field(() => [OrderState], { nullable: true, description: "States; default OPEN and ANSWERED." })
  states?: OrderState[] | null;

  @Field(() => OrderLevel, { nullable: true, description: "One level only." })
  level?: OrderLevel | null;

  @Field(() => ID, { nullable: true, description: "One unit only." })
  unitId?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Only open orders past their response deadline." })
  overdueOnly?: boolean | null;
}
