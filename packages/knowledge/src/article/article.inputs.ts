import { Field, ID, InputType, Int } from "type-graphql";
import { ArticleAudience, ArticleLanguage, ArticleStatus } from "./article.enums.js";

@InputType({ description: "An article as an editor writes it." })
export class ArticleInput {
  @Field({ description: "Title (up to 200 characters)." })
  title!: string;

  @Field({ description: "Short answer a call-taker can read out (up to 1,000 characters)." })
  summary!: string;

  @Field({ description: "Markdown body (up to 100,000 characters). Rendered without raw HTML." })
  body!: string;

  @Field(() => [ID], { description: "At least one category of the request category tree." })
  categoryIds!: string[];

  @Field(() => [String], { description: "Keywords and synonyms (up to 30, each up to 50 characters)." })
  keywords!: string[];

  @Field(() => ID, { nullable: true, description: "The unit responsible; a handler may only give their own unit (the default for them)." })
  owningUnitId?: string | null;

  @Field(() => ArticleAudience, { description: "Staff only, or also citizens." })
  audience!: ArticleAudience;

  @Field(() => ArticleLanguage, { description: "Language of the text." })
  language!: ArticleLanguage;

  @Field({ description: "First day the policy applies, YYYY-MM-DD." })
  effectiveFrom!: string;

  @Field(() => String, { nullable: true, description: "Last day the policy applies, YYYY-MM-DD (on or after effectiveFrom); omit when open-ended." })
  expiresOn?: string | null;

  @Field(() => String, { nullable: true, description: "Contact or source of the policy (up to 500 characters)." })
  source?: string | null;
}

@InputType({ description: "A knowledge-base search." })
export class ArticleSearchInput {
  @Field({ description: "What the user typed; always literal text (Chinese, English or mixed)." })
  query!: string;

  @Field(() => ID, { nullable: true, description: "Only articles in this category (a group includes its children)." })
  categoryId?: string | null;

  @Field(() => ID, { nullable: true, description: "Only articles owned by this unit." })
  unitId?: string | null;

  @Field(() => ArticleAudience, { nullable: true, description: "Only articles for this audience." })
  audience?: ArticleAudience | null;

  @Field(() => ArticleStatus, { nullable: true, description: "Default: only PUBLISHED and in force (what call-takers answer from). Editors may ask for others." })
  status?: ArticleStatus | null;

  @Field(() => Int, { nullable: true, defaultValue: 10, description: "Page size, 1 … 50." })
  limit?: number | null;

  @Field(() => Int, { nullable: true, defaultValue: 0, description: "Hits to skip, 0 … 1,000." })
  offset?: number | null;
}

@InputType({ description: "Which articles to list." })
export class ArticleListFilter {
  @Field(() => ArticleStatus, { nullable: true, description: "Only this status (IN_REVIEW is the review queue, oldest first)." })
  status?: ArticleStatus | null;

  @Field(() => Boolean, { nullable: true, description: "Only articles whose current version the viewer wrote." })
  mine?: boolean | null;

  @Field(() => ID, { nullable: true, description: "Only articles owned by this unit." })
  unitId?: string | null;
}
