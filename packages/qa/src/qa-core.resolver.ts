import { FULL_PHONE_ROLES, hasAnyRole, maskPhone, requireRole, type AppServices, type RequestContext } from "@civicline/platform";
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { QA_FORM_EDITORS, QA_INSPECTORS } from "./access.js";
import { QaCall } from "./calls/call-record.entity.js";
import { flagCallForReview, listCalls, loadVisibleCall, reportCallRecord } from "./calls/call-records.js";
import { QaCallPageType, QaCallRecordInput, QaCallType, QaPersonType } from "./calls/call-record.types.js";
import { qaLoaders } from "./qa-loaders.js";
import { recordingPath } from "./recordings/recordings.js";
import { listSeats, removeShift, rosterWeek, saveShift } from "./roster/roster.js";
import { QaRosterWeekType, QaSeatType, QaShiftInput, QaShiftType, QaTeamInput, QaTeamType } from "./roster/roster.types.js";
import { inspectionQueue, loadSample } from "./sampling/inspection-queue.js";
import { QaSample } from "./sampling/sample.entity.js";
import { loadSamplingSettings, runSampling, updateSamplingSettings } from "./sampling/sampling.js";
import { QaSamplePageType, QaSampleType, QaSamplingRunType, QaSamplingSettingsInput, QaSamplingSettingsType } from "./sampling/sampling.types.js";
import { listTeams, saveTeam } from "./teams/teams.js";

const asCall = (call: QaCall): QaCallType => call as unknown as QaCallType;
const asSample = (sample: QaSample): QaSampleType => sample as unknown as QaSampleType;

/** Staff QA core: teams, seats and roster, call records, flags, the daily sample and the inspection queue. */
@Resolver()
export class QaCoreResolver {
  constructor(private readonly services: AppServices) {}

  @Query(() => [QaTeamType], { description: "QA teams: all for inspectors, supervisors, leaders and admins; a team lead's own teams; a call-taker's own team." })
  qaTeams(@Ctx() ctx: RequestContext): Promise<QaTeamType[]> {
    return listTeams(this.services.dataSource, ctx.actor);
  }

  @Mutation(() => QaTeamType, { description: "Admin: create or change a team (name, lead, members). Audited." })
  saveQaTeam(@Arg("input", () => QaTeamInput, { description: "The team." }) input: QaTeamInput, @Ctx() ctx: RequestContext): Promise<QaTeamType> {
    return saveTeam(this.services.dataSource, { actor: ctx.actor, request: { ...input, memberIds: input.memberIds ?? [] } });
  }

  @Query(() => [QaSeatType], { description: "The centre's seats. Staff." })
  qaSeats(@Ctx() ctx: RequestContext): Promise<QaSeatType[]> {
    return listSeats(this.services.dataSource, ctx.actor);
  }

  @Query(() => QaRosterWeekType, { description: "A week of the roster. Inspectors, supervisors, leaders, admins: any team; a team lead or call-taker: their own team." })
  async qaRosterWeek(
    @Arg("weekStart", { description: "The Monday the week starts on, YYYY-MM-DD." }) weekStart: string,
    @Arg("teamId", () => ID, { nullable: true, description: "A team; default: the caller's own team (everyone for QA staff)." }) teamId: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<QaRosterWeekType> {
    const week = await rosterWeek(this.services.dataSource, { actor: ctx.actor, weekStart, teamId });
    return { ...week, shifts: week.shifts.map((shift) => ({ ...shift, callTaker: { id: shift.userId, displayName: shift.displayName } })) };
  }

  @Mutation(() => QaShiftType, { description: "A team lead (their members and themselves) or an admin: put a call-taker on a seat for a shift, or move a shift. Unknown seat, overlaps, end before start: BAD_USER_INPUT." })
  async saveQaShift(@Arg("input", () => QaShiftInput, { description: "The shift." }) input: QaShiftInput, @Ctx() ctx: RequestContext): Promise<QaShiftType> {
    const shift = await saveShift(this.services.dataSource, { actor: ctx.actor, request: input });
    return { ...shift, callTaker: { id: shift.userId, displayName: shift.displayName } };
  }

  @Mutation(() => Boolean, { description: "Remove a shift (its team lead or an admin)." })
  removeQaShift(@Arg("id", () => ID, { description: "The shift." }) id: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return removeShift(this.services.dataSource, { actor: ctx.actor, id });
  }

  @Mutation(() => QaCallType, {
    description: "Telephony integration (API key, telephony scope) or admin: report a finished call. Idempotent by callId. End before start, unknown seat or agent: BAD_USER_INPUT.",
  })
  async reportCallRecord(@Arg("input", () => QaCallRecordInput, { description: "The call." }) input: QaCallRecordInput, @Ctx() ctx: RequestContext): Promise<QaCallType> {
    return asCall(await reportCallRecord(this.services.dataSource, { actor: ctx.actor, request: input }));
  }

  @Query(() => QaCallPageType, { description: "Call records, newest first (a week back by default, ≤ 31 days). Inspectors: everyone's; a team lead: their team's; a call-taker: their own." })
  async qaCalls(
    @Arg("callTakerId", () => ID, { nullable: true, description: "One call-taker." }) callTakerId: string | null,
    @Arg("from", () => Date, { nullable: true, description: "From (inclusive)." }) from: Date | null,
    @Arg("to", () => Date, { nullable: true, description: "To (exclusive); default now." }) to: Date | null,
    @Arg("limit", () => Int, { nullable: true, defaultValue: 50, description: "Page size, 1 … 200." }) limit: number | null,
    @Arg("offset", () => Int, { nullable: true, defaultValue: 0, description: "Calls to skip." }) offset: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<QaCallPageType> {
    const page = await listCalls(this.services.dataSource, { actor: ctx.actor, request: { callTakerId, from, to, limit, offset } });
    return { total: page.total, items: page.items.map(asCall) };
  }

  @Query(() => QaCallType, { description: "One call record (QA/CALL_NOT_FOUND when it does not exist or is not the caller's to see)." })
  async qaCall(@Arg("id", () => ID, { description: "Call record id." }) id: string, @Ctx() ctx: RequestContext): Promise<QaCallType> {
    return asCall(await loadVisibleCall(this.services.dataSource, ctx.actor, id));
  }

  @Mutation(() => QaCallType, { description: "The call-taker: ask for one of their own calls to be reviewed (the next sampling picks it). Once per call (QA/ALREADY_FLAGGED)." })
  async flagCallForReview(
    @Arg("id", () => ID, { description: "Call record id." }) id: string,
    @Arg("reason", { description: "Why (2 … 500 characters)." }) reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<QaCallType> {
    return asCall(await flagCallForReview(this.services.dataSource, { actor: ctx.actor, id, reason }));
  }

  @Query(() => QaSamplePageType, { description: "The inspection queue: sampled calls not inspected yet, oldest day first. QA inspectors: everyone's; a team lead: their members'." })
  async qaInspectionQueue(
    @Arg("day", () => String, { nullable: true, description: "One sampled day, YYYY-MM-DD." }) day: string | null,
    @Arg("callTakerId", () => ID, { nullable: true, description: "One call-taker." }) callTakerId: string | null,
    @Arg("limit", () => Int, { nullable: true, defaultValue: 50, description: "Page size, 1 … 200." }) limit: number | null,
    @Arg("offset", () => Int, { nullable: true, defaultValue: 0, description: "Samples to skip." }) offset: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<QaSamplePageType> {
    const page = await inspectionQueue(this.services.dataSource, { actor: ctx.actor, request: { day, callTakerId, limit, offset } });
    return { total: page.total, items: page.items.map(asSample) };
  }

  @Query(() => QaSampleType, { description: "One sampled call (QA/SAMPLE_NOT_FOUND when not the caller's to see)." })
  async qaSample(@Arg("id", () => ID, { description: "Sample id." }) id: string, @Ctx() ctx: RequestContext): Promise<QaSampleType> {
    return asSample(await loadSample(this.services.dataSource, ctx.actor, id));
  }

  @Query(() => QaSamplingSettingsType, { description: "How the daily sample is drawn. QA inspectors and admins." })
  async qaSamplingSettings(@Ctx() ctx: RequestContext): Promise<QaSamplingSettingsType> {
    requireRole(ctx.actor, [...QA_INSPECTORS, ...QA_FORM_EDITORS]);
    return loadSamplingSettings(this.services.dataSource);
  }

  @Mutation(() => QaSamplingSettingsType, { description: "QA inspectors and admins: change the sampling settings. Audited." })
  updateQaSamplingSettings(@Arg("input", () => QaSamplingSettingsInput, { description: "The settings." }) input: QaSamplingSettingsInput, @Ctx() ctx: RequestContext): Promise<QaSamplingSettingsType> {
    return updateSamplingSettings(this.services.dataSource, { actor: ctx.actor, request: input });
  }

  @Mutation(() => QaSamplingRunType, { description: "QA inspectors and admins: sample a past day now (the schedule does it every working day; a day already sampled is left as it is)." })
  runQaSampling(@Arg("day", { description: "A day that is over, YYYY-MM-DD." }) day: string, @Ctx() ctx: RequestContext): Promise<QaSamplingRunType> {
    return runSampling(this.services.dataSource, { actor: ctx.actor, day });
  }
}

/** A call record's computed fields; the caller's number is masked for roles that may not see it. */
@Resolver(() => QaCallType)
export class QaCallFieldsResolver {
  constructor(private readonly services: AppServices) {}

  @FieldResolver(() => String)
  callerNumber(@Root() call: QaCall, @Ctx() ctx: RequestContext): string {
    return hasAnyRole(ctx.actor, FULL_PHONE_ROLES) ? call.callerNumber : maskPhone(call.callerNumber);
  }

  @FieldResolver(() => QaPersonType, { nullable: true })
  callTaker(@Root() call: QaCall, @Ctx() ctx: RequestContext): Promise<QaPersonType | null> | null {
    return call.callTakerId ? qaLoaders(this.services.dataSource, ctx).person.load(call.callTakerId) : null;
  }

  @FieldResolver(() => Boolean)
  hasRecording(@Root() call: QaCall): boolean {
    return !!(call.recordingFileId || call.recordingUrl);
  }

  @FieldResolver(() => String, { nullable: true })
  recordingUrl(@Root() call: QaCall): string | null {
    return call.recordingFileId || call.recordingUrl ? recordingPath(call.id) : null;
  }

  @FieldResolver(() => Boolean)
  flagged(@Root() call: QaCall): boolean {
    return call.flaggedAt !== null;
  }

  @FieldResolver(() => [String])
  ticketTrackingNumbers(@Root() call: QaCall, @Ctx() ctx: RequestContext): Promise<string[]> {
    return qaLoaders(this.services.dataSource, ctx).trackingNumbers.load(call.callId);
  }

  @FieldResolver(() => Boolean)
  sampled(@Root() call: QaCall, @Ctx() ctx: RequestContext): Promise<boolean> {
    return qaLoaders(this.services.dataSource, ctx).sampled.load(call.id);
  }
}

/** A sample's call and call-taker (one query per page). */
@Resolver(() => QaSampleType)
export class QaSampleFieldsResolver {
  constructor(private readonly services: AppServices) {}

  @FieldResolver(() => QaPersonType)
  async callTaker(@Root() sample: QaSample, @Ctx() ctx: RequestContext): Promise<QaPersonType> {
    return (await qaLoaders(this.services.dataSource, ctx).person.load(sample.callTakerId)) ?? { id: sample.callTakerId, displayName: "?" };
  }

  @FieldResolver(() => QaCallType)
  async call(@Root() sample: QaSample, @Ctx() ctx: RequestContext): Promise<QaCallType> {
    return asCall((await qaLoaders(this.services.dataSource, ctx).call.load(sample.callRecordId))!);
  }
}
