import type { AppServices, RequestContext } from "@civicline/platform";
import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import { recordArticleUse } from "./article-usage.js";

@Resolver()
export class UsageResolver {
  constructor(private readonly services: AppServices) {}

  @Mutation(() => Boolean, { description: "A call-taker used these articles (optionally for a ticket); counts usage. A ticket counts each article once. Staff." })
  async recordArticleUse(
    @Arg("articleIds", () => [ID], { description: "The articles used (1 to 20)." }) articleIds: string[],
    @Arg("ticketId", () => ID, { nullable: true, description: "The ticket answered with them, if any." }) ticketId: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<boolean> {
    await recordArticleUse({ db: this.services.dataSource, actor: ctx.actor, articleIds, ticketId });
    return true;
  }
}
