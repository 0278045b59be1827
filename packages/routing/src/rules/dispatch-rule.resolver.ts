import { AreaType, CategoryType } from "@civicline/intake";
import type { AppServices, RequestContext } from "@civicline/platform";
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { loadUnitList, routingLoaders } from "../routing-loaders.js";
import { UnitType } from "../unit/unit.types.js";
import type { Proposal } from "../catalogue.js";
import { DispatchRuleInput, DispatchRuleType, RoutingProposalType, type RuleView } from "./dispatch-rule.types.js";
import { routingProposal } from "./routing-proposal.js";
import { dispatchRuleHistory, listDispatchRules, saveDispatchRule } from "./save-dispatch-rule.js";

const asType = (rule: RuleView): DispatchRuleType => rule as unknown as DispatchRuleType;

/** The dispatch catalogue: rules, their history, and proposals. */
@Resolver(() => DispatchRuleType)
export class DispatchRuleResolver {
  constructor(private readonly services: AppServices) {}

  @Query(() => [DispatchRuleType], { description: "The dispatch catalogue, most recently changed first. Admins, supervisors, dispatchers." })
  async dispatchRules(@Ctx() ctx: RequestContext): Promise<DispatchRuleType[]> {
    return (await listDispatchRules(this.services.dataSource, ctx.actor)).map(asType);
  }

  @Query(() => [DispatchRuleType], { description: "Every version of a rule, newest first: who changed what, when." })
  async dispatchRuleHistory(@Arg("id", () => ID, { description: "The rule's id." }) id: string, @Ctx() ctx: RequestContext): Promise<DispatchRuleType[]> {
    const versions = await dispatchRuleHistory(this.services.dataSource, { actor: ctx.actor, id });
    return versions.map((version) => asType({ ...version, id: version.ruleId }));
  }

  @Query(() => RoutingProposalType, { description: "Where the catalogue would send a ticket, and by which rule. Centre staff." })
  async routingProposal(@Arg("ticketId", () => ID, { description: "The ticket's id." }) ticketId: string, @Ctx() ctx: RequestContext): Promise<RoutingProposalType> {
    return (await routingProposal(this.services.dataSource, { actor: ctx.actor, ticketId })) as unknown as RoutingProposalType;
  }

  @Mutation(() => DispatchRuleType, { description: "Create (without id) or change a dispatch rule; every save is a new version. Admins, supervisors." })
  async saveDispatchRule(
    @Arg("id", () => ID, { nullable: true, description: "The rule to change; omit to create one." }) id: string | null,
    @Arg("input", () => DispatchRuleInput, { description: "The rule." }) input: DispatchRuleInput,
    @Ctx() ctx: RequestContext,
  ): Promise<DispatchRuleType> {
    return asType(await saveDispatchRule(this.services.dataSource, { actor: ctx.actor, id, request: input }));
  }

  @FieldResolver(() => CategoryType, { nullable: true })
  async category(@Root() rule: RuleView, @Ctx() ctx: RequestContext): Promise<CategoryType | null> {
    return rule.categoryId ? ((await routingLoaders(this.services.dataSource, ctx).category.load(rule.categoryId)) as CategoryType) : null;
  }

  @FieldResolver(() => AreaType, { nullable: true })
  async area(@Root() rule: RuleView, @Ctx() ctx: RequestContext): Promise<AreaType | null> {
    return rule.areaId ? ((await routingLoaders(this.services.dataSource, ctx).area.load(rule.areaId)) as AreaType) : null;
  }

  @FieldResolver(() => UnitType)
  async leadUnit(@Root() rule: RuleView, @Ctx() ctx: RequestContext): Promise<UnitType> {
    return (await routingLoaders(this.services.dataSource, ctx).unit.load(rule.leadUnitId)) as UnitType;
  }

  @FieldResolver(() => [UnitType])
  async assistingUnits(@Root() rule: RuleView, @Ctx() ctx: RequestContext): Promise<UnitType[]> {
    return (await loadUnitList(routingLoaders(this.services.dataSource, ctx), rule.assistingUnitIds)) as UnitType[];
  }

  @FieldResolver(() => String)
  updatedBy(@Root() rule: RuleView): string {
    return rule.updatedByName;
  }
}

/** A proposal's units, read from its rule. */
@Resolver(() => RoutingProposalType)
export class RoutingProposalFieldsResolver {
  constructor(private readonly services: AppServices) {}

  @FieldResolver(() => UnitType, { nullable: true })
  async leadUnit(@Root() proposal: Proposal, @Ctx() ctx: RequestContext): Promise<UnitType | null> {
    return proposal.rule ? ((await routingLoaders(this.services.dataSource, ctx).unit.load(proposal.rule.leadUnitId)) as UnitType) : null;
  }

  @FieldResolver(() => [UnitType])
  async assistingUnits(@Root() proposal: Proposal, @Ctx() ctx: RequestContext): Promise<UnitType[]> {
    return proposal.rule ? ((await loadUnitList(routingLoaders(this.services.dataSource, ctx), proposal.rule.assistingUnitIds)) as UnitType[]) : [];
  }
}
