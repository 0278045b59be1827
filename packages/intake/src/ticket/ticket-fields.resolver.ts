import type { AppServices, RequestContext } from "@civicline/platform";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { catalogLoaders } from "../catalog/catalog.service.js";
import { AreaType, CategoryType } from "../catalog/catalog.types.js";
import { historiesOf, phoneFor } from "./ticket-queries.js";
import type { Ticket } from "./ticket.entity.js";
import { PublicTicketType, TicketHistoryEntryType, TicketType } from "./ticket.types.js";

/** Resolves a ticket's references through per-request DataLoaders (one query per list, not per row). */
@Resolver(() => TicketType)
export class TicketFieldsResolver {
  constructor(private readonly services: AppServices) {}

  @FieldResolver(() => CategoryType)
  category(@Root() ticket: Ticket, @Ctx() ctx: RequestContext): Promise<CategoryType> {
    return catalogLoaders(this.services.dataSource, ctx.loaders).category.load(ticket.categoryId);
  }

  @FieldResolver(() => AreaType)
  async district(@Root() ticket: Ticket, @Ctx() ctx: RequestContext): Promise<AreaType> {
    return (await catalogLoaders(this.services.dataSource, ctx.loaders).area.load(ticket.districtId)) as AreaType;
  }

  @FieldResolver(() => AreaType, { nullable: true })
  async township(@Root() ticket: Ticket, @Ctx() ctx: RequestContext): Promise<AreaType | null> {
    return ticket.townshipId
      ? ((await catalogLoaders(this.services.dataSource, ctx.loaders).area.load(ticket.townshipId)) as AreaType)
      : null;
  }

  @FieldResolver(() => String)
  citizenPhone(@Root() ticket: Ticket, @Ctx() ctx: RequestContext): string {
    return phoneFor(ctx.actor, ticket.citizenPhone);
  }

  @FieldResolver(() => [TicketHistoryEntryType])
  history(@Root() ticket: Ticket, @Ctx() ctx: RequestContext): Promise<TicketHistoryEntryType[]> {
    const loader = ctx.loaders.get<string, TicketHistoryEntryType[]>("intake.history", (ids) =>
      historiesOf(this.services.dataSource, ids),
    );
    return loader.load(ticket.id);
  }
}

/** The same references for the citizen's view. */
@Resolver(() => PublicTicketType)
export class PublicTicketFieldsResolver {
  constructor(private readonly services: AppServices) {}

  @FieldResolver(() => CategoryType)
  category(@Root() ticket: Ticket, @Ctx() ctx: RequestContext): Promise<CategoryType> {
    return catalogLoaders(this.services.dataSource, ctx.loaders).category.load(ticket.categoryId);
  }

  @FieldResolver(() => AreaType)
  async district(@Root() ticket: Ticket, @Ctx() ctx: RequestContext): Promise<AreaType> {
    return (await catalogLoaders(this.services.dataSource, ctx.loaders).area.load(ticket.districtId)) as AreaType;
  }

  @FieldResolver(() => AreaType, { nullable: true })
  async township(@Root() ticket: Ticket, @Ctx() ctx: RequestContext): Promise<AreaType | null> {
    return ticket.townshipId
      ? ((await catalogLoaders(this.services.dataSource, ctx.loaders).area.load(ticket.townshipId)) as AreaType)
      : null;
  }
}
