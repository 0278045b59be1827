import { RequestType, TicketStatus } from "@civicline/intake";
import type { AppServices, RequestContext } from "@civicline/platform";
import { Ctx, Field, FieldResolver, ID, ObjectType, Resolver, Root } from "type-graphql";
import { requireIndividualReader } from "../access.js";
import { QaCallType } from "../calls/call-record.types.js";
import { QaSampleType } from "../sampling/sampling.types.js";
import { inspectionForSample } from "./inspection-queries.js";
import { QaInspectionType } from "./scoring.types.js";
import { inspectionType } from "./scoring.views.js";

@ObjectType("QaArticleUsed", { description: "A knowledge-base article the call-taker answered from." })
export class QaArticleUsedType {
  @Field(() => ID, { description: "Article id." })
  id!: string;
  @Field(() => String, { nullable: true, description: "Its title; null when the article no longer exists." })
  title!: string | null;
}

@ObjectType("QaLoggedTicket", { description: "A ticket as the call-taker logged it during the call (what the inspector checks classification and accuracy against)." })
export class QaLoggedTicketType {
  @Field(() => ID, { description: "Ticket id." })
  ticketId!: string;
  @Field({ description: "Tracking number." })
  trackingNumber!: string;
  @Field(() => TicketStatus, { description: "Its status now." })
  status!: TicketStatus;
  @Field(() => RequestType, { description: "Request type chosen." })
  requestType!: RequestType;
  @Field(() => ID, { description: "Category chosen." })
  categoryId!: string;
  @Field({ description: "Category name (Chinese)." })
  categoryName!: string;
  @Field(() => String, { nullable: true, description: "Category name (English)." })
  categoryNameEn!: string | null;
  @Field(() => String, { nullable: true, description: "Title." })
  title!: string | null;
  @Field({ description: "Description as logged." })
  description!: string;
  @Field({ description: "Address as logged." })
  address!: string;
  @Field(() => String, { nullable: true, description: "The answer given on the spot (直办), if any." })
  directAnswer!: string | null;
  @Field(() => [QaArticleUsedType], { description: "Knowledge-base articles the answer came from." })
  articles!: QaArticleUsedType[];
  @Field(() => Date, { description: "When it was received." })
  receivedAt!: Date;
}

/** What the inspector sees beside the recording: the tickets logged with the call's id, their category and articles. */
@Resolver(() => QaCallType)
export class QaCallContextResolver {
  constructor(private readonly services: AppServices) {}

  @FieldResolver(() => [QaLoggedTicketType], { description: "The tickets logged during the call, as logged (category, request type, direct answer, articles used). Same access as the call." })
  async loggedTickets(@Root() call: QaCallType, @Ctx() ctx: RequestContext): Promise<QaLoggedTicketType[]> {
    await requireIndividualReader(this.services.dataSource, ctx.actor);
    const rows: Array<{
      id: string;
      tracking_number: string;
      status: TicketStatus;
      request_type: RequestType;
      category_id: string;
      name_zh: string | null;
      name_en: string | null;
      title: string | null;
      description: string;
      address: string;
      direct_answer: string | null;
      received_at: Date;
      articles: Array<{ id: string; title: string | null }>;
    }> = await this.services.dataSource.query(
      `SELECT t.id, t.tracking_number, t.status, t.request_type, t.category_id, c.name_zh, c.name_en, t.title, t.description, t.address, t.direct_answer, t.received_at,
              coalesce((SELECT json_agg(json_build_object('id', u.id, 'title', a.title) ORDER BY u.ord)
                          FROM unnest(t.answered_article_ids) WITH ORDINALITY AS u(id, ord)
                          LEFT JOIN knowledge_article a ON a.id = u.id), '[]') AS articles
         FROM qa_call_ticket l
         JOIN intake_ticket t ON t.id = l.ticket_id
         LEFT JOIN intake_category c ON c.id = t.category_id
        WHERE l.call_id = $1
        ORDER BY t.received_at`,
      [call.callId],
    );
    return rows.map((row) => ({
      ticketId: row.id,
      trackingNumber: row.tracking_number,
      status: row.status,
      requestType: row.request_type,
      categoryId: row.category_id,
      categoryName: row.name_zh ?? "",
      categoryNameEn: row.name_en,
      title: row.title,
      description: row.description,
      address: row.address,
      directAnswer: row.direct_answer,
      articles: row.articles,
      receivedAt: row.received_at,
    }));
  }
}

/** A queue item's inspection, once scored. */
@Resolver(() => QaSampleType)
export class QaSampleInspectionResolver {
  constructor(private readonly services: AppServices) {}

  @FieldResolver(() => QaInspectionType, { nullable: true, description: "Its inspection once scored (null while it waits, or when the viewer may not see it)." })
  async inspection(@Root() sample: QaSampleType, @Ctx() ctx: RequestContext): Promise<QaInspectionType | null> {
    if (!sample.inspectedAt) {
      return null;
    }
    const view = await inspectionForSample(this.services.dataSource, { actor: ctx.actor, sampleId: sample.id, now: this.services.now?.() });
    return view && inspectionType(view);
  }
}
