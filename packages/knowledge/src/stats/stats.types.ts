import { Field, Int, ObjectType } from "type-graphql";
import { ArticleType } from "../article/article.types.js";

@ObjectType("ArticleUse", { description: "How often an article was used in a period." })
export class ArticleUseType {
  @Field(() => ArticleType, { description: "The article." })
  article!: ArticleType;

  @Field(() => Int, { description: "Uses in the period." })
  uses!: number;
}

@ObjectType("SearchGap", {
  description: "A search that found nothing useful — no hit, or only a weak one (the words found in no title, keyword or summary): a knowledge gap.",
})
export class SearchGapType {
  @Field({ description: "The query, normalised (NFKC, lower case)." })
  query!: string;

  @Field(() => Int, { description: "How often it was searched in the period and found nothing useful." })
  count!: number;

  @Field(() => Int, { description: "Of those, how often it found nothing at all." })
  emptyCount!: number;

  @Field({ description: "When it was last searched." })
  lastSearchedAt!: Date;
}

@ObjectType("KnowledgeStats", { description: "Knowledge-base figures for a period [from, to)." })
export class KnowledgeStatsType {
  @Field({ description: "Start of the period (inclusive)." })
  from!: Date;

  @Field({ description: "End of the period (exclusive)." })
  to!: Date;

  @Field(() => Int, { description: "Articles first published in the period (approved, or imported as published)." })
  added!: number;

  @Field(() => Int, {
    description: "Articles already published before that had a new version go live in the period (edited while published, or a revision approved); each counted once.",
  })
  updated!: number;

  @Field(() => [ArticleUseType], { description: "The 10 articles used most in the period." })
  mostUsed!: ArticleUseType[];

  @Field(() => [ArticleType], { description: "Published articles never used (oldest first, up to 50)." })
  neverUsed!: ArticleType[];

  @Field(() => [SearchGapType], { description: "Searches in the period that found nothing useful (no hit, or a weak best hit), most frequent first (up to 20)." })
  gaps!: SearchGapType[];

  @Field(() => [ArticleType], { description: "Published articles expiring within the next 5 working days (today included)." })
  expiringSoon!: ArticleType[];
}
