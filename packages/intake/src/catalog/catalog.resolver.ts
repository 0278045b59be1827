import type { AppServices, RequestContext } from "@civicline/platform";
import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { isUuid } from "../ticket/ticket-validation.js";
import { listAreas, listCategories } from "./catalog.service.js";
import { setCategoryKeywords } from "./category-keywords.js";
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

  @Mutation(() => CategoryType, {
    description:
      "Replaces a category's keywords (everyday words the pickers search). Each is trimmed, 1–30 characters, no control characters; at most 30; case-insensitive duplicates dropped. BAD_USER_INPUT (fields keywords[i] / keywords) or INTAKE/CATEGORY_NOT_FOUND stores nothing. ADMIN.",
  })
  async setCategoryKeywords(
    @Arg("categoryId", () => ID, { description: "The category." }) categoryId: string,
    @Arg("keywords", () => [String], { description: "The whole new list (replaces the old one; may be empty)." }) keywords: string[],
    @Ctx() ctx: RequestContext,
  ): Promise<CategoryType> {
    const { category, before } = await setCategoryKeywords(this.services.dataSource, { actor: ctx.actor, categoryId, keywords });
    ctx.log.info(
      { categoryId: category.id, categoryCode: category.code, actorId: ctx.actor?.id, before: before.length, after: category.keywords.length },
      "category keywords changed",
    );
    return category;
  }
}
