import { PublicTicketType, type Ticket } from "@civicline/intake";
import type { AppServices, RequestContext } from "@civicline/platform";
import { Field, FieldResolver, ObjectType, Resolver, Root, Ctx } from "type-graphql";
import { In, IsNull, Not, type DataSource } from "typeorm";
import { Assignment } from "../assignment/assignment.entity.js";
import { Unit } from "../unit/unit.entity.js";

@ObjectType("PublicReply", { description: "The handling unit's reply as the citizen sees it: the result and explanation, no staff names, no internal notes." })
export class PublicReplyType {
  @Field({ description: "The reply (result and explanation)." })
  text!: string;

  @Field({ description: "When the unit replied." })
  repliedAt!: Date;

  @Field({ description: "The replying (lead) unit's name in Chinese." })
  unitNameZh!: string;

  @Field({ description: "The replying (lead) unit's name in English." })
  unitNameEn!: string;
}

/** The latest reply of each ticket's lead unit, for several tickets in two queries. */
export async function publicRepliesOf(dataSource: DataSource, ticketIds: readonly string[]): Promise<Array<PublicReplyType | null>> {
  const replied = await dataSource.getRepository(Assignment).find({
    where: { ticketId: In([...ticketIds]), repliedAt: Not(IsNull()), replyText: Not(IsNull()) },
    order: { repliedAt: "DESC" },
    select: { ticketId: true, leadUnitId: true, replyText: true, repliedAt: true },
  });
  const units = replied.length ? await dataSource.getRepository(Unit).findBy({ id: In([...new Set(replied.map((a) => a.leadUnitId))]) }) : [];
  return ticketIds.map((ticketId) => {
    const latest = replied.find((assignment) => assignment.ticketId === ticketId);
    const unit = latest && units.find((candidate) => candidate.id === latest.leadUnitId);
    if (!latest || !unit) {
      return null;
    }
    return { text: latest.replyText!, repliedAt: latest.repliedAt!, unitNameZh: unit.nameZh, unitNameEn: unit.nameEn };
  });
}

/** `PublicTicket.reply`: what the lead unit answered, once it has replied. */
@Resolver(() => PublicTicketType)
export class PublicReplyResolver {
  constructor(private readonly services: AppServices) {}

  @FieldResolver(() => PublicReplyType, {
    nullable: true,
    description: "The lead unit's latest reply (result and explanation); null until the unit has replied.",
  })
  reply(@Root() ticket: Ticket, @Ctx() ctx: RequestContext): Promise<PublicReplyType | null> {
    const loader = ctx.loaders.get<string, PublicReplyType | null>("routing.public-reply", (ids) => publicRepliesOf(this.services.dataSource, ids));
    return loader.load(ticket.id);
  }
}
