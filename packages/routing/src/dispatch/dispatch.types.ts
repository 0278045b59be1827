import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { ReturnRequestType } from "../assignment/assignment.types.js";
import { intakeObjectType } from "../intake-types.js";
import { RoutingProposalType } from "../rules/dispatch-rule.types.js";

@ObjectType("DispatchQueueItem", { description: "A ticket waiting for a dispatcher, with the catalogue's proposal." })
export class DispatchQueueItemType {
  @Field(() => intakeObjectType("Ticket"), { description: "The ticket (RECEIVED or AWAITING_DISPATCH, handled by no unit)." })
  ticket!: unknown;

  @Field(() => RoutingProposalType, { description: "Where the catalogue would send it." })
  proposal!: RoutingProposalType;

  @Field(() => ReturnRequestType, { nullable: true, description: "The unit's pending return, for a returned ticket." })
  pendingReturn!: ReturnRequestType | null;

  @Field({ description: "Dispatch deadline: receipt + the dispatch limit of its SLA policy." })
  dispatchDueAt!: Date;
}

@InputType({ description: "A dispatch in one action." })
export class DispatchInput {
  @Field(() => ID, { description: "The ticket." })
  ticketId!: string;

  @Field(() => Int, { description: "The ticket's version as the dispatcher saw it (CONFLICT when it changed since)." })
  version!: number;

  @Field(() => ID, { description: "The lead unit." })
  leadUnitId!: string;

  @Field(() => [ID], { nullable: true, defaultValue: [], description: "At most 5 assisting units." })
  assistingUnitIds?: string[] | null;

  @Field(() => String, { nullable: true, description: "A note to the unit (up to 2,000 characters)." })
  note?: string | null;
}
