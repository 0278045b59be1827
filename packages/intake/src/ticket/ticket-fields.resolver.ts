import type { AppServices, RequestContext } from "@civicline/platform";
import { Ctx, FieldResolver, ID, Resolver, Root } from "type-graphql";
import { catalogLoaders } from "../catalog/catalog.service.js";
import { AreaType, CategoryType } from "../catalog/catalog.types.js";
import {
  AttachmentType,
  CoReporterType,
  EmergencyHandoffType,
  ExtraFieldValueType,
  TicketLinkType,
} from "../call-screen/call-screen.types.js";
import { relationLoaders } from "../call-screen/ticket-relations.js";
import { citizenIdentityFor } from "./privacy.js";
import { historiesOf } from "./ticket-queries.js";
import type { Ticket } from "./ticket.entity.js";
import { PublicTicketType, TicketHistoryEntryType, TicketType } from "./ticket.types.js";

/**
 * Resolves a ticket's references through per-request DataLoaders (one query per list, not per row),
 * and its citizen's identity through the one privacy rule, citizenIdentityFor.
 */
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
  citizenName(@Root() ticket: Ticket, @Ctx() ctx: RequestContext): string {
    return citizenIdentityFor(ctx.actor, ticket).name;
  }

  @FieldResolver(() => String)
  citizenPhone(@Root() ticket: Ticket, @Ctx() ctx: RequestContext): string {
    return citizenIdentityFor(ctx.actor, ticket).phone;
  }

  @FieldResolver(() => String, { nullable: true })
  citizenEmail(@Root() ticket: Ticket, @Ctx() ctx: RequestContext): string | null {
    return citizenIdentityFor(ctx.actor, ticket).email;
  }

  @FieldResolver(() => String, { nullable: true })
  citizenIdNumber(@Root() ticket: Ticket, @Ctx() ctx: RequestContext): string | null {
    return citizenIdentityFor(ctx.actor, ticket).idNumber;
  }

  @FieldResolver(() => [ExtraFieldValueType])
  extraFields(@Root() ticket: Ticket): ExtraFieldValueType[] {
    return ticket.extraFields ?? [];
  }

  @FieldResolver(() => [ID])
  answeredArticleIds(@Root() ticket: Ticket): string[] {
    return ticket.answeredArticleIds ?? [];
  }

  @FieldResolver(() => [AttachmentType])
  attachments(@Root() ticket: Ticket, @Ctx() ctx: RequestContext): Promise<AttachmentType[]> {
    return relationLoaders(this.services.dataSource, ctx.loaders).attachments.load(ticket.id);
  }

  @FieldResolver(() => [TicketLinkType])
  links(@Root() ticket: Ticket, @Ctx() ctx: RequestContext): Promise<TicketLinkType[]> {
    return relationLoaders(this.services.dataSource, ctx.loaders).links.load(ticket.id);
  }

  @FieldResolver(() => [CoReporterType])
  async coReporters(@Root() ticket: Ticket, @Ctx() ctx: RequestContext): Promise<CoReporterType[]> {
    const rows = await relationLoaders(this.services.dataSource, ctx.loaders).coReporters.load(ticket.id);
    return rows.map((row) => {
      const identity = citizenIdentityFor(ctx.actor, { privacy: row.privacy, citizenName: row.name, citizenPhone: row.phone });
      return { name: identity.name, phone: identity.phone, addedAt: row.addedAt };
    });
  }

  @FieldResolver(() => [EmergencyHandoffType])
  emergencyHandoffs(@Root() ticket: Ticket, @Ctx() ctx: RequestContext): Promise<EmergencyHandoffType[]> {
    return relationLoaders(this.services.dataSource, ctx.loaders).handoffs.load(ticket.id);
  }

  @FieldResolver(() => [TicketHistoryEntryType])
  history(@Root() ticket: Ticket, @Ctx() ctx: RequestContext): Promise<TicketHistoryEntryType[]> {
    const loader = ctx.loaders.get<string, TicketHistoryEntryType[]>("intake.history", async (ids) =>
      (await historiesOf(this.services.dataSource, ids)).map((rows) =>
        rows.map((row) => ({ ...row, noteParams: Object.entries(row.noteParams ?? {}).map(([name, value]) => ({ name, value })) })),
      ),
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
