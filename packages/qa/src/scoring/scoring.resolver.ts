import { STAFF_ROLES, requireRole, type AppServices, type RequestContext } from "@civicline/platform";
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { appealQaScore, decideQaAppeal } from "../review/appeals.js";
import { QaAppealState } from "../review/appeal.entity.js";
import { getInspection, inspectionForSample, inspectionViews, listInspections } from "./inspection-queries.js";
import { scoreQaCall } from "./score-call.js";
import { formVersions, listScoreForms, saveScoreForm } from "./score-form.js";
import type { QaScoreForm } from "./score-form.entity.js";
import { formNotFound, isUuid } from "./scoring.errors.js";
import { QaInspectionType, QaRescoreInput, QaScoreCallInput, QaScoreFormInput, QaScoreFormType, QaScoreFormVersionType } from "./scoring.types.js";
import { formVersionType, inspectionType } from "./scoring.views.js";

/** Score forms, scoring sampled calls, reading inspections, appeals. Access rules: ../access.ts. */
@Resolver()
export class QaScoringResolver {
  constructor(private readonly services: AppServices) {}

  private now(): Date {
    return this.services.now?.() ?? new Date();
  }

  private async formType(form: QaScoreForm): Promise<QaScoreFormType> {
    const versions = await formVersions(this.services.dataSource, form.id);
    const types = versions.map((version, index) => formVersionType(version, form, index === 0));
    return { id: form.id, name: form.name, nameEn: form.nameEn, isDefault: form.isDefault, current: types[0]!, versions: types };
  }

  @Query(() => [QaScoreFormType], { description: "Every score form with its versions, the default first. Any staff member." })
  async qaScoreForms(@Ctx() ctx: RequestContext): Promise<QaScoreFormType[]> {
    requireRole(ctx.actor, STAFF_ROLES);
    const forms = await listScoreForms(this.services.dataSource);
    return Promise.all(forms.map((form) => this.formType(form)));
  }

  @Query(() => QaScoreFormType, { description: "A score form with its versions (QA/FORM_NOT_FOUND). Any staff member." })
  async qaScoreForm(@Arg("id", () => ID, { description: "Form id." }) id: string, @Ctx() ctx: RequestContext): Promise<QaScoreFormType> {
    requireRole(ctx.actor, STAFF_ROLES);
    const form = (await listScoreForms(this.services.dataSource)).find((row) => isUuid(id) && row.id === id.toLowerCase());
    if (!form) {
      throw formNotFound();
    }
    return this.formType(form);
  }

  @Mutation(() => QaScoreFormVersionType, {
    description: "Saves a form's content as its next version (a new form without formId); scored inspections keep their version. BAD_USER_INPUT per field, nothing stored. ADMIN, QA_INSPECTOR.",
  })
  async saveQaScoreForm(@Arg("input", () => QaScoreFormInput, { description: "The form." }) input: QaScoreFormInput, @Ctx() ctx: RequestContext): Promise<QaScoreFormVersionType> {
    const version = await saveScoreForm(this.services.dataSource, { actor: ctx.actor, request: input, now: this.now() });
    return formVersionType(version, { name: input.name, nameEn: input.nameEn }, true);
  }

  @Mutation(() => QaInspectionType, {
    description:
      "Scores a sampled call with a form version (default: the default form's newest). A score outside a criterion's range is BAD_USER_INPUT (OUT_OF_RANGE), nothing stored; a call is scored once (QA/ALREADY_SCORED). QA_INSPECTOR.",
  })
  async scoreQaCall(@Arg("input", () => QaScoreCallInput, { description: "The score." }) input: QaScoreCallInput, @Ctx() ctx: RequestContext): Promise<QaInspectionType> {
    const inspection = await scoreQaCall(this.services.dataSource, { actor: ctx.actor, sampleId: input.sampleId, formVersionId: input.formVersionId, score: input, now: this.now() });
    return inspectionType((await inspectionViews(this.services.dataSource, ctx.actor!, [inspection], this.now()))[0]!);
  }

  @Query(() => QaInspectionType, {
    description: "An inspection: QA inspectors all; a team lead their team's; a call-taker only their own (QA/INSPECTION_NOT_FOUND otherwise, also for ids that do not exist).",
  })
  async qaInspection(@Arg("id", () => ID, { description: "Inspection id." }) id: string, @Ctx() ctx: RequestContext): Promise<QaInspectionType> {
    return inspectionType(await getInspection(this.services.dataSource, { actor: ctx.actor, id, now: this.now() }));
  }

  @Query(() => QaInspectionType, { nullable: true, description: "The inspection of a sample, or null when not scored yet (same access as qaInspection)." })
  async qaInspectionForSample(@Arg("sampleId", () => ID, { description: "Sample id." }) sampleId: string, @Ctx() ctx: RequestContext): Promise<QaInspectionType | null> {
    const view = await inspectionForSample(this.services.dataSource, { actor: ctx.actor, sampleId, now: this.now() });
    return view && inspectionType(view);
  }

  @Query(() => [QaInspectionType], { description: "Inspections, newest call first, within the caller's scope (inspectors all, team leads their teams, call-takers their own)." })
  async qaInspections(
    @Arg("callTakerId", () => ID, { nullable: true, description: "Only this call-taker." }) callTakerId: string | null,
    @Arg("teamId", () => ID, { nullable: true, description: "Only this team's call-takers (QA/TEAM_NOT_FOUND unless you inspect or lead it)." }) teamId: string | null,
    @Arg("from", () => Date, { nullable: true, description: "Calls that started at or after." }) from: Date | null,
    @Arg("to", () => Date, { nullable: true, description: "Calls that started before." }) to: Date | null,
    @Arg("first", () => Int, { nullable: true, description: "How many (1–200, default 50)." }) first: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<QaInspectionType[]> {
    const views = await listInspections(this.services.dataSource, { actor: ctx.actor, callTakerId, teamId, from, to, first, now: this.now() });
    return views.map(inspectionType);
  }

  @Query(() => [QaInspectionType], { description: "My own QA results (scores, comments, appeals), newest call first. Any staff member whose calls are inspected." })
  async myQaResults(@Arg("first", () => Int, { nullable: true, description: "How many (1–200, default 50)." }) first: number | null, @Ctx() ctx: RequestContext): Promise<QaInspectionType[]> {
    requireRole(ctx.actor, STAFF_ROLES);
    const views = await listInspections(this.services.dataSource, { actor: ctx.actor, callTakerId: ctx.actor!.id, first, now: this.now() });
    return views.map(inspectionType);
  }

  @Query(() => [QaInspectionType], { description: "Appealed inspections (oldest appeal first): a team lead sees their team's, QA inspectors all." })
  async qaAppeals(
    @Arg("state", () => QaAppealState, { nullable: true, description: "Only appeals in this state (default: all)." }) state: QaAppealState | null,
    @Arg("first", () => Int, { nullable: true, description: "How many (1–200, default 50)." }) first: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<QaInspectionType[]> {
    const views = await listInspections(this.services.dataSource, { actor: ctx.actor, appealState: state ?? "ANY", first, now: this.now() });
    return views.map(inspectionType);
  }

  @Mutation(() => QaInspectionType, {
    description: "The call-taker appeals their score with a reason: once (QA/APPEAL_EXISTS), before the deadline (QA/APPEAL_WINDOW_CLOSED), own calls only (QA/NOT_YOUR_CALL).",
  })
  async appealQaScore(
    @Arg("inspectionId", () => ID, { description: "Inspection id." }) inspectionId: string,
    @Arg("reason", { description: "Why the score is wrong (1–1000 characters)." }) reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<QaInspectionType> {
    await appealQaScore(this.services.dataSource, { actor: ctx.actor, inspectionId, reason, now: this.now() });
    return inspectionType(await getInspection(this.services.dataSource, { actor: ctx.actor, id: inspectionId, now: this.now() }));
  }

  @Mutation(() => QaInspectionType, {
    description:
      "The lead of the call-taker's team decides a pending appeal (QA/NOT_TEAM_LEAD, QA/APPEAL_NOT_PENDING). Upheld: `rescore` (required) becomes the score in force; the original is kept.",
  })
  async decideQaAppeal(
    @Arg("inspectionId", () => ID, { description: "Inspection id." }) inspectionId: string,
    @Arg("upheld", { description: "True: the appeal is upheld and the score revised; false: rejected." }) upheld: boolean,
    @Arg("note", () => String, { nullable: true, description: "The lead's note (up to 1000 characters)." }) note: string | null,
    @Arg("rescore", () => QaRescoreInput, { nullable: true, description: "The revised score (required when upheld)." }) rescore: QaRescoreInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<QaInspectionType> {
    await decideQaAppeal(this.services.dataSource, { actor: ctx.actor, inspectionId, upheld, note, rescore, now: this.now() });
    return inspectionType(await getInspection(this.services.dataSource, { actor: ctx.actor, id: inspectionId, now: this.now() }));
  }
}
