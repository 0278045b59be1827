import { CategoryType } from "@civicline/intake";
import type { AppServices, RequestContext } from "@civicline/platform";
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { routingLoaders } from "../routing-loaders.js";
import { listSlaPolicies, saveSlaPolicy } from "./save-sla-policy.js";
import type { SlaPolicy } from "./sla-policy.entity.js";
import { SlaPolicyInput, SlaPolicyType } from "./sla-policy.types.js";

const asType = (policy: SlaPolicy): SlaPolicyType => policy as unknown as SlaPolicyType;

/** Time-limit policies. */
@Resolver(() => SlaPolicyType)
export class SlaPolicyResolver {
  constructor(private readonly services: AppServices) {}

  @Query(() => [SlaPolicyType], { description: "Every SLA policy. Staff." })
  async slaPolicies(@Ctx() ctx: RequestContext): Promise<SlaPolicyType[]> {
    return (await listSlaPolicies(this.services.dataSource, ctx.actor)).map(asType);
  }

  @Mutation(() => SlaPolicyType, { description: "Admin: create (without id) or change an SLA policy; applies to tickets dispatched afterwards." })
  async saveSlaPolicy(
    @Arg("id", () => ID, { nullable: true, description: "The policy to change; omit to create one." }) id: string | null,
    @Arg("input", () => SlaPolicyInput, { description: "The policy." }) input: SlaPolicyInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SlaPolicyType> {
    return asType(await saveSlaPolicy(this.services.dataSource, { actor: ctx.actor, id, request: input }));
  }

  @FieldResolver(() => CategoryType, { nullable: true })
  async category(@Root() policy: SlaPolicy, @Ctx() ctx: RequestContext): Promise<CategoryType | null> {
    return policy.categoryId ? ((await routingLoaders(this.services.dataSource, ctx).category.load(policy.categoryId)) as CategoryType) : null;
  }
}
