import { requireRole, type AppServices, type RequestContext } from "@civicline/platform";
import { Arg, Ctx, Int, Mutation, Query, Resolver } from "type-graphql";
import { departmentRanking } from "./department-ranking.js";
import { RANKING_READERS } from "./ranking.errors.js";
import { listWeightVersions, saveRankingWeights } from "./ranking-weights.js";
import { RANKING_FORMULA, RANKING_TIE_RULE, type ApartUnit, type RankedUnit } from "./rank-units.js";
import { DepartmentRankingType, RankingApartReason, RankingWeightsInput, RankingWeightsType, type RankingPartKey, type RankingUnitType } from "./ranking.types.js";
import type { RankingUnitFigures } from "./unit-figures.js";

function unitType(entry: (RankedUnit | ApartUnit) & { unit: RankingUnitFigures }): RankingUnitType {
  const ranked = "rank" in entry;
  return {
    rank: ranked ? entry.rank : null,
    tied: ranked ? entry.tied : false,
    unitId: entry.unit.unitId,
    unitName: entry.unit.unitName,
    unitNameEn: entry.unit.unitNameEn,
    tickets: entry.unit.tickets,
    score: ranked ? entry.score : null,
    apartReason: ranked ? null : (entry.reason as RankingApartReason),
    parts: entry.parts.map((part) => ({ key: part.key as RankingPartKey, weight: part.weight, numerator: part.ratio.numerator, denominator: part.ratio.denominator, score: part.score })),
  };
}

/** The department ranking (部门排名) and its versioned weights. */
@Resolver()
export class RankingResolver {
  constructor(private readonly services: AppServices) {}

  @Query(() => DepartmentRankingType, {
    description: "Units ranked by the composite score of a weights version (default: the version in force at the period's end), with the formula and tie rule; units with too few tickets apart. SUPERVISOR, LEADER, ADMIN.",
  })
  async departmentRanking(
    @Arg("fromDay", { description: "The first day, YYYY-MM-DD (Asia/Shanghai)." }) fromDay: string,
    @Arg("toDay", { description: "The last day (inclusive), at most 366 days after the first." }) toDay: string,
    @Arg("weightsVersion", () => Int, { nullable: true, description: "The weights version (SUPERVISION/WEIGHTS_VERSION_NOT_FOUND if unknown)." }) weightsVersion: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<DepartmentRankingType> {
    const ranking = await departmentRanking(this.services.dataSource, { actor: ctx.actor, fromDay, toDay, weightsVersion });
    return {
      fromDay: ranking.fromDay,
      toDay: ranking.toDay,
      weights: ranking.weights,
      formula: RANKING_FORMULA,
      tieRule: RANKING_TIE_RULE,
      ranked: ranking.ranked.map(unitType),
      apart: ranking.apart.map(unitType),
    };
  }

  @Query(() => [RankingWeightsType], { description: "Every version of the ranking's weights, newest first. SUPERVISOR, LEADER, ADMIN." })
  async rankingWeightVersions(@Ctx() ctx: RequestContext): Promise<RankingWeightsType[]> {
    requireRole(ctx.actor, RANKING_READERS);
    return listWeightVersions(this.services.dataSource);
  }

  @Mutation(() => RankingWeightsType, {
    description: "Saves new ranking weights as the next version (BAD_USER_INPUT per field, nothing stored); earlier periods keep their version. ADMIN.",
  })
  async saveRankingWeights(
    @Arg("input", () => RankingWeightsInput, { description: "The weights." }) input: RankingWeightsInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RankingWeightsType> {
    return saveRankingWeights(this.services.dataSource, { actor: ctx.actor, request: input, now: this.services.now?.() });
  }
}
