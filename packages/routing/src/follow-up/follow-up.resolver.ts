import type { AppServices, RequestContext } from "@civicline/platform";
import { Arg, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import { In } from "typeorm";
import { AssignmentType } from "../assignment/assignment.types.js";
import { UnitType } from "../unit/unit.types.js";
import { Unit } from "../unit/unit.entity.js";
import { followUpCountsByUnit, recordFollowUp } from "./record-follow-up.js";

@ObjectType("FollowUpResult", { description: "A follow-up call (催办) as recorded." })
export class FollowUpResultType {
  @Field(() => ID, { description: "Follow-up id." })
  id!: string;

  @Field(() => ID, { description: "The ticket chased." })
  ticketId!: string;

  @Field({ description: "When it was recorded." })
  at!: Date;

  @Field({ description: "What the caller said." })
  words!: string;

  @Field(() => AssignmentType, { nullable: true, description: "The current dispatch with its follow-up count; null while the ticket is still at the centre." })
  assignment!: AssignmentType | null;
}

@ObjectType("UnitFollowUpCount", { description: "Follow-up calls (催办) about tickets a unit led, in a period." })
export class UnitFollowUpCountType {
  @Field(() => UnitType, { description: "The lead unit at the time of the call." })
  unit!: UnitType;

  @Field(() => Int, { description: "Follow-up calls." })
  count!: number;
}

/** Follow-up calls (催办): recorded by call-takers, counted per ticket and per unit. */
@Resolver()
export class FollowUpResolver {
  constructor(private readonly services: AppServices) {}

  @Mutation(() => FollowUpResultType, {
    description:
      "OPERATOR: the citizen called again about an open ticket (催办). Records their words in the ticket's history, counts it for the ticket and its lead unit, and puts it at the top of the unit's inbox. ROUTING/TICKET_FINISHED for a finished ticket.",
  })
  async recordFollowUp(
    @Arg("ticketId", () => ID, { description: "The ticket the caller asks about." }) ticketId: string,
    @Arg("words", { description: "What the caller said (2 to 2,000 characters)." }) words: string,
    @Arg("callId", () => ID, { nullable: true, description: "The telephony call id from the screen-pop, if any." }) callId: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<FollowUpResultType> {
    const { followUp, assignment } = await recordFollowUp(this.services.dataSource, { actor: ctx.actor, ticketId, words, callId });
    return { id: followUp.id, ticketId: followUp.ticketId, at: followUp.at, words: followUp.words, assignment: assignment as unknown as AssignmentType | null };
  }

  @Query(() => [UnitFollowUpCountType], { description: "SUPERVISOR, LEADER, ADMIN: follow-up calls (催办) per lead unit in [from, to), most first." })
  async followUpCounts(
    @Arg("from", { description: "Start (inclusive)." }) from: Date,
    @Arg("to", { description: "End (exclusive)." }) to: Date,
    @Ctx() ctx: RequestContext,
  ): Promise<UnitFollowUpCountType[]> {
    const counts = await followUpCountsByUnit(this.services.dataSource, { actor: ctx.actor, from, to });
    const units = await this.services.dataSource.getRepository(Unit).findBy({ id: In(counts.map((row) => row.unitId)) });
    return counts.flatMap((row) => {
      const unit = units.find((candidate) => candidate.id === row.unitId);
      return unit ? [{ unit: unit as unknown as UnitType, count: row.count }] : [];
    });
  }
}
