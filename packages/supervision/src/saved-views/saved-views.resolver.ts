import type { AppServices, RequestContext } from "@civicline/platform";
import { Arg, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import { TicketSearchFilterInput, TicketSearchSort } from "../search/ticket-search.types.js";
import type { SavedView } from "./saved-view.entity.js";
import { deleteSavedView, listSavedViews, saveSavedView } from "./saved-views.js";

@ObjectType("TicketSearchView", { description: "A user's saved ticket search; only its owner sees it." })
export class TicketSearchViewType {
  @Field(() => ID, { description: "View id." })
  id!: string;

  @Field({ description: "Name chosen by the user." })
  name!: string;

  @Field({ description: "The criteria as JSON (the shape of TicketSearchFilter, only what is set)." })
  filterJson!: string;

  @Field(() => TicketSearchSort, { description: "Order." })
  sort!: TicketSearchSort;

  @Field({ description: "Last saved." })
  updatedAt!: Date;
}

function asType(view: SavedView): TicketSearchViewType {
  const { sort, ...filter } = view.filter as Record<string, unknown> & { sort?: TicketSearchSort };
  return { id: view.id, name: view.name, filterJson: JSON.stringify(filter), sort: sort ?? TicketSearchSort.RECEIVED_DESC, updatedAt: view.updatedAt };
}

@Resolver()
export class SavedViewsResolver {
  constructor(private readonly services: AppServices) {}

  @Query(() => [TicketSearchViewType], { description: "My saved ticket searches, by name." })
  async ticketSearchViews(@Ctx() ctx: RequestContext): Promise<TicketSearchViewType[]> {
    return (await listSavedViews(this.services.dataSource, ctx.actor)).map(asType);
  }

  @Mutation(() => TicketSearchViewType, {
    description: "Saves a ticket search under a name (new without id; changes my view with that id). SUPERVISION/SAVED_VIEW_NAME_TAKEN when I have one with the name.",
  })
  async saveTicketSearchView(
    @Arg("name", { description: "Name (1 to 60 characters)." }) name: string,
    @Arg("filter", () => TicketSearchFilterInput, { nullable: true, description: "Criteria, checked like a search." }) filter: TicketSearchFilterInput | null,
    @Arg("sort", () => TicketSearchSort, { nullable: true, description: "Order." }) sort: TicketSearchSort | null,
    @Arg("id", () => ID, { nullable: true, description: "My view to change; omit to create one." }) id: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<TicketSearchViewType> {
    return asType(await saveSavedView(this.services.dataSource, ctx.actor, { id, name, filter, sort }));
  }

  @Mutation(() => Boolean, { description: "Deletes one of my saved ticket searches." })
  async deleteTicketSearchView(@Arg("id", () => ID, { description: "View id." }) id: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return deleteSavedView(this.services.dataSource, ctx.actor, id);
  }
}
