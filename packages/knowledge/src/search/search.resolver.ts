import type { AppServices, RequestContext } from "@civicline/platform";
import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { ArticleSearchInput } from "../article/article.inputs.js";
import { ArticleSearchResultType } from "../article/article.types.js";
import { searchArticles, searchPublicArticles, type SearchResult } from "./article-search.js";
import { searchRecorderFor } from "./search-recorder.js";

const asType = (result: SearchResult) => result as unknown as ArticleSearchResultType;

@Resolver()
export class SearchResolver {
  constructor(private readonly services: AppServices) {}

  @Query(() => ArticleSearchResultType, {
    description: "Searches the knowledge base (Chinese, English, mixed; the query is literal text). Staff; by default only published articles in force.",
  })
  async searchArticles(
    @Arg("input", () => ArticleSearchInput, { description: "Query and filters." }) input: ArticleSearchInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ArticleSearchResultType> {
    return asType(await searchArticles({ db: this.services.dataSource, actor: ctx.actor, input, recorder: searchRecorderFor(this.services) }));
  }

  @Query(() => ArticleSearchResultType, {
    description: "Public articles in force, for anyone (the portal's \"before you call\"): searched when a query is given, else newest first.",
  })
  async publicArticles(
    @Arg("query", () => String, { nullable: true, description: "What the citizen typed; omit to list." }) query: string | null,
    @Arg("categoryId", () => ID, { nullable: true, description: "Only this category (a group includes its children)." }) categoryId: string | null,
    @Arg("limit", () => Int, { nullable: true, defaultValue: 20, description: "Page size, 1 … 50." }) limit: number | null,
    @Arg("offset", () => Int, { nullable: true, defaultValue: 0, description: "Hits to skip, 0 … 1,000." }) offset: number | null,
  ): Promise<ArticleSearchResultType> {
    return asType(await searchPublicArticles({ db: this.services.dataSource, query, categoryId, limit, offset, recorder: searchRecorderFor(this.services) }));
  }
}
