import { assertNoFieldErrors, requireRole, STAFF_ROLES, type AppServices, type RequestContext } from "@civicline/platform";
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { ASSESSMENT_FORMULA, ASSESSMENT_TIE_RULE, type AssessedCallTaker } from "./assessment-formula.js";
import { assessmentCsv, assessmentPdf } from "./assessment-export.js";
import { listAssessmentWeights, saveAssessmentWeights } from "./assessment-weights.js";
import { monthlyAssessmentFor } from "./monthly-assessment.js";
import { QaAssessmentApartReason, QaAssessmentPartKey, QaAssessmentRowType, QaAssessmentWeightsInput, QaAssessmentWeightsType, QaExportFileType, QaExportFormat, QaMonthlyAssessmentType } from "./assessment.types.js";

function rowType(row: AssessedCallTaker): QaAssessmentRowType {
  return {
    rank: row.rank,
    tied: row.tied,
    callTakerId: row.figures.callTakerId,
    name: row.figures.name,
    teamId: row.figures.teamId,
    teamName: row.figures.teamName,
    inspections: row.figures.inspections,
    qaScore: row.qaScore,
    callsHandled: row.figures.callsHandled,
    averageHandleSeconds: row.averageHandleSeconds,
    ticketsLogged: row.figures.ticketsLogged,
    directAnswered: row.figures.directAnswered,
    directRate: row.directRate,
    processAnswered: row.figures.processAnswered,
    processSatisfied: row.figures.processSatisfied,
    processSatisfaction: row.processSatisfaction,
    appealsUpheld: row.figures.appealsUpheld,
    score: row.score,
    apartReason: row.apartReason as QaAssessmentApartReason | null,
    parts: row.parts.map((part) => ({ key: part.key as QaAssessmentPartKey, weight: part.weight, score: part.score })),
  };
}

/** The monthly assessment (每月一考核), its versioned weights and its exports. Access rules: ../access.ts. */
@Resolver()
export class QaAssessmentResolver {
  constructor(private readonly services: AppServices) {}

  @Query(() => QaMonthlyAssessmentType, {
    description:
      "The monthly assessment: QA inspectors every call-taker; a team lead their team; a call-taker their own row; supervisors, leaders and admins team and centre figures only. Weights: the version given, else the one in force at the month's end.",
  })
  async qaMonthlyAssessment(
    @Arg("month", { description: "YYYY-MM (Asia/Shanghai)." }) month: string,
    @Arg("teamId", () => ID, { nullable: true, description: "Only this team's rows." }) teamId: string | null,
    @Arg("weightsVersion", () => Int, { nullable: true, description: "Weights version (QA/WEIGHTS_VERSION_NOT_FOUND if unknown)." }) weightsVersion: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<QaMonthlyAssessmentType> {
    const view = await monthlyAssessmentFor(this.services.dataSource, { actor: ctx.actor, month, teamId, weightsVersion });
    return {
      month: view.month,
      from: view.from,
      to: view.to,
      weights: view.weights,
      formula: ASSESSMENT_FORMULA.zh,
      formulaEn: ASSESSMENT_FORMULA.en,
      tieRule: ASSESSMENT_TIE_RULE.zh,
      tieRuleEn: ASSESSMENT_TIE_RULE.en,
      rows: view.visibleRows.filter((row) => row.rank !== null).map(rowType),
      apart: view.visibleRows.filter((row) => row.rank === null).map(rowType),
      teams: view.teams,
      centre: view.centre,
      individual: view.individual,
    };
  }

  @Query(() => QaExportFileType, { description: "The monthly assessment as the caller sees it, as CSV (UTF-8 with BOM) or PDF (A4). Same access as qaMonthlyAssessment." })
  async qaMonthlyAssessmentExport(
    @Arg("month", { description: "YYYY-MM (Asia/Shanghai)." }) month: string,
    @Arg("format", () => QaExportFormat, { description: "CSV or PDF." }) format: QaExportFormat,
    @Arg("language", { description: '"zh-CN" or "en".' }) language: string,
    @Arg("teamId", () => ID, { nullable: true, description: "Only this team's rows." }) teamId: string | null,
    @Arg("weightsVersion", () => Int, { nullable: true, description: "Weights version." }) weightsVersion: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<QaExportFileType> {
    const view = await monthlyAssessmentFor(this.services.dataSource, { actor: ctx.actor, month, teamId, weightsVersion });
    if (language !== "zh-CN" && language !== "en") {
      assertNoFieldErrors([{ field: "language", code: "UNKNOWN", message: 'Choose "zh-CN" or "en".' }]);
    }
    const lang = language as "zh-CN" | "en";
    const data = format === QaExportFormat.PDF ? await assessmentPdf(view, lang, this.services.now?.() ?? new Date()) : assessmentCsv(view, lang);
    const extension = format === QaExportFormat.PDF ? "pdf" : "csv";
    return {
      filename: `qa-assessment-${view.month}${teamId ? "-team" : ""}.${extension}`,
      contentType: format === QaExportFormat.PDF ? "application/pdf" : "text/csv; charset=utf-8",
      base64: data.toString("base64"),
      size: data.length,
    };
  }

  @Query(() => [QaAssessmentWeightsType], { description: "Every version of the assessment weights, newest first. Any staff member." })
  async qaAssessmentWeightVersions(@Ctx() ctx: RequestContext): Promise<QaAssessmentWeightsType[]> {
    requireRole(ctx.actor, STAFF_ROLES);
    return listAssessmentWeights(this.services.dataSource);
  }

  @Mutation(() => QaAssessmentWeightsType, { description: "Saves new assessment weights as the next version (BAD_USER_INPUT per field, nothing stored); earlier months keep theirs. ADMIN, QA_INSPECTOR." })
  async saveQaAssessmentWeights(@Arg("input", () => QaAssessmentWeightsInput, { description: "The weights." }) input: QaAssessmentWeightsInput, @Ctx() ctx: RequestContext): Promise<QaAssessmentWeightsType> {
    return saveAssessmentWeights(this.services.dataSource, { actor: ctx.actor, request: input, now: this.services.now?.() });
  }
}
