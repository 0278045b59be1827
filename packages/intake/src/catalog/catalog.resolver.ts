import type { AppServices } from "@civicline/platform";
import { Arg, ID, Query, Resolver } from "type-graphql";
import { isUuid } from "../ticket/ticket-validation.js";
import { listAreas, listCategories } from "./catalog.service.js";
import { AreaType, CategoryType } from "./catalog.types.js";

@Resolver()
export class CatalogResolver {
  constructor(private readonly services: AppServices) {}

  @Query(() => [CategoryType], { description: "The whole request category tree as a flat list (use parentId). Public." })
  categories(): Promise<CategoryType[]> {
    return listCategories(this.services.dataSource);
  }

  @Query(() => [AreaType], {
    description: "Districts/counties when parentId is omitted, else the townships/streets of that district. Public.",
  })
  async areas(
    @Arg("parentId", () => ID, { nullable: true, description: "A district's id." }) parentId?: string | null,
  ): Promise<AreaType[]> {
    // An empty id is no district either (it used to reach PostgreSQL as '' and fail as an internal error).
    if (parentId !== null && parentId !== undefined && !isUuid(parentId)) {
      return [];
    }
    return (await listAreas(this.services.dataSource, parentId ?? null)) as AreaType[];
  }
}
