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
import { ticketDetails, type TicketDetails, type TicketPart } from "./ticket-details.js";
import type { TicketHistory } from "./ticket-history.entity.js";
import { historiesOf } from "./ticket-queries.js";
import type { Ticket } from "./ticket.entity.js";
import { PublicTicketType, TicketHistoryEntryType, TicketType } from "./ticket.types.js";

/**
 * Resolves a ticket's references through one per-request loader (ticketDetails: the category,
 * areas and lists every resolver asked for, of every ticket of the request, in one statement), and
 * its citizen's identity through the one privacy rule, citizenIdentityFor. A part asked for after
 * that statement ran is loaded by its own batched loader.
 */
@Resolver(() => TicketType)
export class TicketFieldsResolver {
  constructor(private readonly services: AppServices) {}

  private details(ticket: Ticket, ctx: RequestContext, part: TicketPart): Promise<TicketDetails> {
    return ticketDetails(this.services.dataSource, ctx.loaders, ticket.id, part);
  }

  private async area(ticket: Ticket, ctx: RequestContext, id: string): Promise<AreaType> {
    const area = (await this.details(ticket, ctx, "areas")).areas?.get(id);
    return (area ?? (await catalogLoaders(this.services.dataSource, ctx.loaders).area.load(id))) as AreaType;
  }

  @FieldResolver(() => CategoryType)
  async category(@Root() ticket: Ticket, @Ctx() ctx: RequestContext): Promise<CategoryType> {
    const category = (await this.details(ticket, ctx, "category")).category;
    return category && category.id === ticket.categoryId ? category : catalogLoaders(this.services.dataSource, ctx.loaders).category.load(ticket.categoryId);
  }

  @FieldResolver(() => AreaType)
  district(@Root() ticket: Ticket, @Ctx() ctx: RequestContext): Promise<AreaType> {
    return this.area(ticket, ctx, ticket.districtId);
  }

  @FieldResolver(() => AreaType, { nullable: true })
  async township(@Root() ticket: Ticket, @Ctx() ctx: RequestContext): Promise<AreaType | null> {
    return ticket.townshipId ? this.area(ticket, ctx, ticket.townshipId) : null;
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
  async attachments(@Root() ticket: Ticket, @Ctx() ctx: RequestContext): Promise<AttachmentType[]> {
    return (await this.details(ticket, ctx, "attachments")).attachments ?? relationLoaders(this.services.dataSource, ctx.loaders).attachments.load(ticket.id);
  }

  @FieldResolver(() => [TicketLinkType])
  async links(@Root() ticket: Ticket, @Ctx() ctx: RequestContext): Promise<TicketLinkType[]> {
    return (await this.details(ticket, ctx, "links")).links ?? relationLoaders(this.services.dataSource, ctx.loaders).links.load(ticket.id);
  }

  @FieldResolver(() => [CoReporterType])
  async coReporters(@Root() ticket: Ticket, @Ctx() ctx: RequestContext): Promise<CoReporterType[]> {
    const rows = (await this.details(ticket, ctx, "coReporters")).coReporters ?? (await relationLoaders(this.services.dataSource, ctx.loaders).coReporters.load(ticket.id));
    return rows.map((row) => {
      const identity = citizenIdentityFor(ctx.actor, { privacy: row.privacy, citizenName: row.name, citizenPhone: row.phone });
      return { name: identity.name, phone: identity.phone, addedAt: row.addedAt };
    });
  }

  @FieldResolver(() => [EmergencyHandoffType])
  async emergencyHandoffs(@Root() ticket: Ticket, @Ctx() ctx: RequestContext): Promise<EmergencyHandoffType[]> {
    return (await this.details(ticket, ctx, "handoffs")).handoffs ?? relationLoaders(this.services.dataSource, ctx.loaders).handoffs.load(ticket.id);
  }

  @FieldResolver(() => [TicketHistoryEntryType])
  async history(@Root() ticket: Ticket, @Ctx() ctx: RequestContext): Promise<TicketHistoryEntryType[]> {
    const toEntries = (rows: TicketHistory[]) => rows.map((row) => ({ ...row, noteParams: Object.entries(row.noteParams ?? {}).map(([name, value]) => ({ name, value })) }));
    const rows = (await this.details(ticket, ctx, "history")).history;
    if (rows) {
      return toEntries(rows);
    }
    const loader = ctx.loaders.get<string, TicketHistoryEntryType[]>("intake.history", async (ids) => (await historiesOf(this.services.dataSource, ids)).map(toEntries));
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
