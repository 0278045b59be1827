import { readerOf, type AppServices, type RequestContext } from "@civicline/platform";
import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import { searchTickets } from "./ticket-search.js";
import { TicketSearchFilterInput, TicketSearchPageType, TicketSearchSort } from "./ticket-search.types.js";

@Resolver()
export class TicketSearchResolver {
  constructor(private readonly services: AppServices) {}

  @Query(() => TicketSearchPageType, {
    description:
      "Finds tickets by tracking number, caller phone, text and filters. Centre staff see every ticket; handlers only tickets their unit has or had an assignment for. Paged with cursors.",
  })
  async searchTickets(
    @Arg("filter", () => TicketSearchFilterInput, { nullable: true, description: "Criteria (all optional)." }) filter: TicketSearchFilterInput | null,
    @Arg("sort", () => TicketSearchSort, { nullable: true, description: "Order (newest first by default)." }) sort: TicketSearchSort | null,
    @Arg("first", () => Int, { nullable: true, description: "Page size, 1 … 100 (20 by default)." }) first: number | null,
    @Arg("after", () => String, { nullable: true, description: "endCursor of the previous page." }) after: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<TicketSearchPageType> {
    return (await searchTickets({ db: readerOf(this.services), actor: ctx.actor, filter, sort, first, after })) as unknown as TicketSearchPageType;
  }
}
