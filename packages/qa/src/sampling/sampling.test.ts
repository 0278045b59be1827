import { RequestType } from "@civicline/intake";
import { Role, ScheduleRunner, createDataSource, createLogger } from "@civicline/platform";
import type { TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCatalog, callOf, createStaff, qaTestDatabase, seats, staff, surveyAnswer, ticketDuringCall } from "../__tests__/factories.js";
import { flagCallForReview } from "../calls/call-records.js";
import { QaSampleReason } from "./sample.entity.js";
import { planSample, runDailySampling, runSampling, sampleDay, samplingSchedules, updateSamplingSettings } from "./sampling.js";

let db: TestDatabase;
const at = (local: string) => new Date(`${local}+08:00`);
const DAY = "2026-11-10"; // a Tuesday
const admin = staff("管理员", [Role.ADMIN]);

type Ids = Record<string, string>;
const ids: Ids = {};
let a: Awaited<ReturnType<typeof createStaff>>;
let b: Awaited<ReturnType<typeof createStaff>>;
let c: Awaited<ReturnType<typeof createStaff>>;
let sensitiveCategory: string;

beforeAll(async () => {
  db = await qaTestDatabase();
  const ds = db.dataSource;
  await seats(ds);
  a = await createStaff(ds, "王敏", [Role.OPERATOR]);
  b = await createStaff(ds, "李娜", [Role.OPERATOR]);
  c = await createStaff(ds, "张伟", [Role.OPERATOR]);
  const catalog = await buildCatalog(ds);
  sensitiveCategory = catalog.group.id;
  await updateSamplingSettings(ds, { actor: admin, request: { randomPerCallTaker: 2, longCallSeconds: 600, sensitiveCategoryIds: [catalog.group.id] } });
  // A: ten ordinary calls on the day, one very long call, and a call three days earlier flagged on the day.
  for (let i = 0; i < 10; i++) {
    ids[`a${i}`] = (await callOf(ds, a, at(`${DAY}T09:${String(10 + i)}:00`))).id;
  }
  ids.aLong = (await callOf(ds, a, at(`${DAY}T11:00:00`), { talkSeconds: 900 })).id;
  const old = await callOf(ds, a, at("2026-11-07T10:00:00"), { seatCode: "A02" });
  ids.aFlagged = old.id;
  await flagCallForReview(ds, { actor: a, id: old.id, reason: "来电人情绪激动，请复核我的答复。", now: at(`${DAY}T15:00:00`) });
  // B: five calls; one logged a complaint, one answered directly in a sensitive (sub-)category; an older call whose callback answer on the day was dissatisfied.
  for (let i = 0; i < 5; i++) {
    ids[`b${i}`] = (await callOf(ds, b, at(`${DAY}T14:0${i}:00`), { seatCode: "A03" })).id;
  }
  const complaint = await callOf(ds, b, at(`${DAY}T16:00:00`), { seatCode: "A03" });
  ids.bComplaint = complaint.id;
  await ticketDuringCall(ds, catalog, complaint.callId, { requestType: RequestType.COMPLAINT });
  const direct = await callOf(ds, b, at(`${DAY}T16:30:00`), { seatCode: "A03" });
  ids.bDirect = direct.id;
  await ticketDuringCall(ds, catalog, direct.callId, { directAnswer: "社保缴费基数每年7月调整。" });
  const earlier = await callOf(ds, b, at("2026-11-05T10:00:00"), { seatCode: "A03" });
  ids.bUnhappy = earlier.id;
  const earlierTicket = await ticketDuringCall(ds, catalog, earlier.callId);
  await surveyAnswer(ds, earlierTicket, "DISSATISFIED", at(`${DAY}T10:00:00`));
  // A satisfied answer on the day is no risk.
  const fine = await callOf(ds, b, at("2026-11-06T10:00:00"), { seatCode: "A03" });
  await surveyAnswer(ds, await ticketDuringCall(ds, catalog, fine.callId), "SATISFIED", at(`${DAY}T10:30:00`));
  // C: one call.
  ids.c0 = (await callOf(ds, c, at(`${DAY}T20:00:00`), { seatCode: "A04" })).id;
  // The next day's calls are not the day's.
  await callOf(ds, c, at("2026-11-11T00:30:00"), { seatCode: "A04" });
});
afterAll(() => db?.destroy());

describe("daily sampling", () => {
  it("picks every risk call and N random calls per call-taker on shift, never more than they have", async () => {
    const plan = await planSample(db.dataSource, DAY, { seed: "s1" });
    const reasonOf = (id: string) => plan.find((pick) => pick.callRecordId === id)?.reason;
    expect(reasonOf(ids.aLong!)).toBe(QaSampleReason.LONG_CALL);
    expect(reasonOf(ids.aFlagged!)).toBe(QaSampleReason.FLAGGED);
    expect(reasonOf(ids.bComplaint!)).toBe(QaSampleReason.COMPLAINT);
    expect(reasonOf(ids.bDirect!)).toBe(QaSampleReason.SENSITIVE_DIRECT);
    expect(reasonOf(ids.bUnhappy!)).toBe(QaSampleReason.DISSATISFIED);
    const count = (taker: string, reason: QaSampleReason) => plan.filter((pick) => pick.callTakerId === taker && pick.reason === reason).length;
    expect(count(a.id, QaSampleReason.RANDOM)).toBe(2);
    expect(count(b.id, QaSampleReason.RANDOM)).toBe(2);
    expect(count(c.id, QaSampleReason.RANDOM)).toBe(1);
    expect(plan).toHaveLength(4 + 5 + 1);
    // Random picks are the day's ordinary calls of that call-taker.
    const aDay = Array.from({ length: 10 }, (_, i) => ids[`a${i}`]);
    expect(plan.filter((pick) => pick.callTakerId === a.id && pick.reason === QaSampleReason.RANDOM).every((pick) => aDay.includes(pick.callRecordId))).toBe(true);
    expect(plan.map((pick) => pick.position)).toEqual(plan.map((_, i) => i + 1));
  });

  it("is reproducible: the same day and seed give the same sample; another seed another random pick", async () => {
    const first = await planSample(db.dataSource, DAY, { seed: "s1" });
    expect(await planSample(db.dataSource, DAY, { seed: "s1" })).toEqual(first);
    const randomOf = async (seed: string) =>
      (await planSample(db.dataSource, DAY, { seed }))
        .filter((pick) => pick.reason === QaSampleReason.RANDOM && pick.callTakerId === a.id)
        .map((pick) => pick.callRecordId)
        .sort()
        .join();
    const seen = new Set<string>();
    for (const seed of ["s1", "s2", "s3", "s4", "s5", "s6"]) {
      seen.add(await randomOf(seed));
    }
    expect(seen.size).toBeGreaterThan(1);
  });

  it("stores the planned sample once; a second run changes nothing; no call is ever sampled twice", async () => {
    const plan = await planSample(db.dataSource, DAY, { seed: "s1" });
    const first = await sampleDay(db.dataSource, DAY, { seed: "s1" });
    expect(first).toMatchObject({ day: DAY, samples: plan.length, created: true });
    const stored: Array<{ call_record_id: string; reason: string; position: number }> = await db.dataSource.query(
      `SELECT call_record_id, reason, position FROM qa_sample WHERE day = $1 ORDER BY position`,
      [DAY],
    );
    expect(stored.map((row) => [row.call_record_id, row.reason, row.position])).toEqual(plan.map((pick) => [pick.callRecordId, pick.reason, pick.position]));
    expect(await sampleDay(db.dataSource, DAY, { seed: "other" })).toMatchObject({ samples: plan.length, created: false, seed: "s1" });
    expect((await db.dataSource.query(`SELECT count(*)::int AS n FROM qa_sample`))[0].n).toBe(plan.length);
    // Forget the run (as if the day were sampled again): every pick is new, none of the stored ones comes back.
    await db.dataSource.query(`DELETE FROM qa_sampling_run WHERE day = $1`, [DAY]);
    const again = await planSample(db.dataSource, DAY, { seed: "s1" });
    expect(again.filter((pick) => plan.some((old) => old.callRecordId === pick.callRecordId))).toEqual([]);
    expect(again.every((pick) => pick.reason === QaSampleReason.RANDOM)).toBe(true);
    await sampleDay(db.dataSource, DAY, { seed: "s1" });
    const counts: Array<{ n: number; distinct: number }> = await db.dataSource.query(`SELECT count(*)::int AS n, count(DISTINCT call_record_id)::int AS distinct FROM qa_sample`);
    expect(counts[0]!.n).toBe(counts[0]!.distinct);
    // The flagged call sampled on its flag day is not picked again on its own day.
    expect((await planSample(db.dataSource, "2026-11-07", { seed: "s1" })).map((pick) => pick.callRecordId)).not.toContain(ids.aFlagged);
  });

  it("runs once per working day across instances and restarts (the schedule), sampling the days not sampled yet", async () => {
    const log = createLogger({ level: "silent" });
    const monday = at("2026-11-16T08:00:05");
    const services = { dataSource: db.dataSource, log, now: () => monday } as never;
    const [job] = samplingSchedules(services);
    // A second instance: its own connection pool and its own job object on the same database.
    const otherDataSource = createDataSource({ url: db.url, entities: [...(db.dataSource.options.entities as never[])], migrations: [], poolSize: 2 });
    await otherDataSource.initialize();
    const [otherJob] = samplingSchedules({ dataSource: otherDataSource, log, now: () => monday } as never);
    const one = new ScheduleRunner(db.dataSource, log, { instanceName: "one", now: () => monday.getTime() });
    const two = new ScheduleRunner(otherDataSource, log, { instanceName: "two", now: () => monday.getTime() });
    const outcomes = await Promise.all([one.runDue(job!), two.runDue(otherJob!)]);
    // One instance runs it; the other finds it running (busy) or done (taken), and taken when it checks again.
    expect(outcomes.filter((outcome) => outcome === "ran")).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome !== "ran")).toEqual([expect.stringMatching(/^(busy|taken)$/)]);
    expect(await two.runDue(otherJob!)).toBe("taken");
    expect(await one.runDue(job!)).toBe("taken");
    await otherDataSource.destroy();
    const restarted = new ScheduleRunner(db.dataSource, log, { instanceName: "one-again", now: () => monday.getTime() + 3_600_000 });
    expect(await restarted.runDue(job!)).toBe("taken");
    const runs: Array<{ day: string }> = await db.dataSource.query(`SELECT to_char(day, 'YYYY-MM-DD') AS day FROM qa_sampling_run ORDER BY day`);
    // The seven days before Monday, the weekend included; 2026-11-10 kept its earlier run.
    expect(runs.map((run) => run.day)).toEqual(["2026-11-09", "2026-11-10", "2026-11-11", "2026-11-12", "2026-11-13", "2026-11-14", "2026-11-15"]);
    // The next call-taker's day (11-11) got its sample.
    expect((await db.dataSource.query(`SELECT count(*)::int AS n FROM qa_sample WHERE day = '2026-11-11'`))[0].n).toBe(1);
    // On a Sunday nothing runs.
    expect(await runDailySampling(db.dataSource, at("2026-11-22T08:00:00"))).toEqual([]);
    // Running again the same day samples nothing new.
    expect(await runDailySampling(db.dataSource, monday)).toEqual([]);
  });

  it("is started by inspectors and admins only, for days that are over; bad input is coded", async () => {
    const operator = staff("王敏", [Role.OPERATOR]);
    await expect(runSampling(db.dataSource, { actor: operator, day: "2026-11-03" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(runSampling(db.dataSource, { actor: admin, day: "2026-11-31" })).rejects.toMatchObject({ code: "BAD_USER_INPUT", details: { fields: [{ field: "day", code: "INVALID_FORMAT" }] } });
    await expect(runSampling(db.dataSource, { actor: admin, day: "2026-11-20", now: at("2026-11-20T12:00:00") })).rejects.toMatchObject({ details: { fields: [{ field: "day", code: "NOT_OVER" }] } });
    await expect(
      updateSamplingSettings(db.dataSource, { actor: admin, request: { randomPerCallTaker: 99, longCallSeconds: 5, sensitiveCategoryIds: ["x"] } }),
    ).rejects.toMatchObject({ details: { fields: [{ field: "randomPerCallTaker" }, { field: "longCallSeconds" }, { field: "sensitiveCategoryIds" }] } });
    expect(sensitiveCategory).toBeTruthy();
  });
});
