import { writeFileSync } from "node:fs";
import { Channel, RequestType, submitRequest } from "@civicline/intake";
import { DomainError, readFile, Role, upsertUser, ValidationError, type Actor } from "@civicline/platform";
import { isPng, pdfInfo, pdfPages, pdfText, type TestDatabase } from "@civicline/platform/testing";
import { dispatchTicket, returnTicket, ReturnReason, Unit } from "@civicline/routing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildSearchWorld, searchTestDatabase } from "../../../search/__tests__/search-db.js";
import { issueOrder } from "../../../orders/issue-order.js";
import { OrderLevel } from "../../../orders/order.enums.js";
import { getReportJob, listReportJobs, processReportJob, resumeStaleReports, startReport, REPORT_PROGRESS_TOPIC } from "../report-job.js";
import { ReportJob } from "../report-job.entity.js";
import { measuresReportSources } from "../report-sources.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await searchTestDatabase();
});
afterAll(async () => db?.destroy());

/** pdftotext drops or adds spaces between CJK and digits; compare without them. */
const squash = (text: string) => text.replace(/\s+/g, "");
const NOW = new Date("2026-12-01T02:00:00Z");

let counter = 0;
async function account(name: string, roles: Role[], unitId: string | null = null): Promise<Actor> {
  const n = ++counter;
  const user = await upsertUser(db.dataSource.manager, { username: `report-${n}-${roles[0]!.toLowerCase()}`, displayName: name, password: "test-password-123", roles, unitId });
  return { kind: "staff", id: user.id, name, roles, unitId };
}

/**
 * A district government with a township office below it and a bureau apart; in November 2026: an
 * overdue ticket at the township office, a ticket the district government returned, a ticket of the
 * bureau (outside the district's report), a supervision order to the township office.
 */
async function buildWorld() {
  const world = await buildSearchWorld(db);
  const units = db.dataSource.getRepository(Unit);
  const n = ++counter;
  const district = await units.save({ code: `RPT-D-${n}`, nameZh: `张店区人民政府${n}`, nameEn: `Zhangdian District Government ${n}`, kind: "DISTRICT_GOVERNMENT", areaId: world.district.id, parentId: null });
  const township = await units.save({ code: `RPT-T-${n}`, nameZh: `和平街道办事处${n}`, nameEn: `Heping Subdistrict Office ${n}`, kind: "TOWNSHIP_OFFICE", areaId: world.township.id, parentId: district.id });
  const bureau = await units.save({ code: `RPT-B-${n}`, nameZh: `市生态环境局${n}`, nameEn: `Ecology Bureau ${n}`, kind: "BUREAU", areaId: null, parentId: null });
  const supervisor = await account(`张督办${n}`, [Role.SUPERVISOR]);
  const operator = await account(`王敏${n}`, [Role.OPERATOR]);
  const dispatcher = await account(`李强${n}`, [Role.DISPATCHER]);
  const districtHandler = await account(`区政府办${n}`, [Role.HANDLER], district.id);
  const ticket = async (description: string, unitId: string, citizenName: string, phone: string) => {
    const t = await submitRequest({
      db: db.dataSource,
      cityPrefix: "ZB",
      actor: operator,
      channel: Channel.PHONE,
      receivedAt: new Date("2026-11-02T09:00:00+08:00"),
      input: { requestType: RequestType.COMPLAINT, categoryId: world.leaf.id, description, districtId: world.district.id, townshipId: world.township.id, address: "张店区和平路 1 号", citizenName, phone } as never,
    });
    await dispatchTicket(db.dataSource, { actor: dispatcher, request: { ticketId: t.id, version: t.version, leadUnitId: unitId }, now: new Date("2026-11-02T10:00:00+08:00") });
    return t;
  };
  const overdue = await ticket("和平路路灯不亮已经两个星期，晚上出行很不安全。", township.id, "刘女士", "13912345678");
  const returned = await ticket("小区门口噪音扰民，夜里施工到凌晨。", district.id, "陈先生", "13800001111");
  await returnTicket(db.dataSource, { actor: districtHandler, ticketId: returned.id, reason: ReturnReason.NOT_OUR_JURISDICTION, text: "应由街道办处理。", now: new Date("2026-11-03T10:00:00+08:00") });
  const elsewhere = await ticket("河道有异味，疑似有企业偷排。", bureau.id, "赵先生", "13700002222");
  await issueOrder(db.dataSource, {
    actor: supervisor,
    request: { ticketId: overdue.id, level: OrderLevel.FORMAL, reason: "路灯问题超期未办，请尽快处理。", responseWorkingMinutes: 480 },
    now: new Date("2026-11-20T10:00:00+08:00"),
  });
  return { world, district, township, bureau, supervisor, operator, overdue, returned, elsewhere };
}

type World = Awaited<ReturnType<typeof buildWorld>>;
let world: World;
beforeAll(async () => {
  world = await buildWorld();
});

async function produce(actor: Actor, request: Parameters<typeof startReport>[0]["request"]) {
  const published: string[] = [];
  const progress: Array<[string, number]> = [];
  const repo = db.dataSource.getRepository(ReportJob);
  const job = await repo.save(
    repo.create({ status: "QUEUED", language: request.language, unitId: request.unitId ?? null, includeSubUnits: request.includeSubUnits !== false, periodFrom: request.from, periodTo: request.to, startedBy: actor.id }),
  );
  const done = await processReportJob({
    dataSource: db.dataSource,
    pubsub: { publish: (topic: string) => void published.push(topic) } as never,
    sources: measuresReportSources,
    now: () => NOW,
    jobId: job.id,
    actor,
    afterStep: async (step) => void progress.push([step.step ?? "", step.progress]),
  });
  return { done, published, progress };
}

async function files(job: ReportJob, actor: Actor) {
  const read = async (kind: string) => {
    const ref = job.files.find((file) => file.kind === kind);
    expect(ref, kind).toBeTruthy();
    return readFile(db.dataSource, { id: ref!.id, actor });
  };
  return { pdf: await read("PDF"), figures: await read("FIGURES_CSV"), ranking: await read("RANKING_CSV"), tickets: await read("TICKETS_CSV"), orders: await read("ORDERS_CSV") };
}

describe("oversight report", () => {
  it("a district with its sub-units, in Chinese: cover, figures with numerators and definitions, ticket lists masked, orders; CSV with BOM and columns; progress step by step", async () => {
    const { done, published, progress } = await produce(world.supervisor, { unitId: world.district.id, includeSubUnits: true, from: "2026-11-01", to: "2026-11-30", language: "zh-CN" });
    expect(done.error).toBeNull();
    expect(done.status).toBe("DONE");
    expect(done.progress).toBe(100);
    expect(progress.map(([step]) => step)).toEqual(["FIGURES", "RANKING", "OVERDUE", "RETURNED", "RE_REPORTED", "ORDERS", "PDF", "CSV"]);
    expect(progress.map(([, percent]) => percent)).toEqual([0, 13, 25, 38, 50, 63, 75, 88]);
    expect(published.every((topic) => topic === `${REPORT_PROGRESS_TOPIC}:${done.id}`)).toBe(true);
    expect(published.length).toBe(9);

    const { pdf, figures, tickets, orders, ranking } = await files(done, world.supervisor);
    if (process.env.PRINT_SAMPLE_OUT) {
      writeFileSync(process.env.PRINT_SAMPLE_OUT, pdf.data);
    }
    expect(pdf.contentType).toBe("application/pdf");
    expect(pdf.filename).toMatch(/\.pdf$/);
    const info = pdfInfo(pdf.data);
    expect(info["Page size"]).toMatch(/A4/);
    const text = pdfText(pdf.data);
    const flat = squash(text);
    expect(text).not.toContain("\uFFFD");
    // the cover: scope, period, generation time (Asia/Shanghai)
    const cover = squash(pdfText(pdf.data, { first: 1, last: 1 }));
    expect(cover).toContain(`报告对象：张店区人民政府${world.district.code.split("-")[2]}（含下级单位）`);
    expect(cover).toContain("统计期间：2026年11月1日至2026年11月30日（共30天，北京时间）");
    expect(cover).toContain("生成时间：2026/12/0110:00");
    // figures with numerator and denominator, and their definitions
    expect(flat).toContain("受理量");
    expect(flat).toContain("按期办结率");
    expect(flat).toContain("结算日");
    // lists: the township's overdue ticket (a sub-unit), the district's returned one; the bureau's not
    expect(flat).toContain(world.overdue.trackingNumber);
    expect(flat).toContain(world.returned.trackingNumber);
    expect(flat).not.toContain(world.elsewhere.trackingNumber);
    expect(flat).toContain(`和平街道办事处${world.township.code.split("-")[2]}`);
    // masked as the ticket search masks for the reader's role: a supervisor sees no whole phone number
    expect(flat).not.toContain("13912345678");
    expect(flat).toContain("139****5678");
    expect(flat).toContain("本期没有续报工单。");
    // the order
    expect(flat).toContain("督办待回复");
    const pages = Number(info.Pages);
    expect(squash(pdfText(pdf.data, { first: pages, last: pages }))).toContain(`第${pages - 1}页/共${pages - 1}页`);
    const png = pdfPages(pdf.data, { first: 2, last: 2 });
    expect(isPng(png[0]!)).toBe(true);

    // CSV: UTF-8 with BOM, the right columns, CRLF
    const csvText = (file: { data: Buffer }) => file.data.toString("utf8");
    for (const file of [figures, tickets, orders, ranking]) {
      expect(file.data.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      expect(file.contentType).toBe("text/csv; charset=utf-8");
    }
    expect(csvText(figures).slice(1).split("\r\n")[0]).toBe("指标,数值,分子,分母,上期,口径");
    const figureLines = csvText(figures).slice(1).split("\r\n");
    expect(figureLines.find((line) => line.startsWith("受理量,"))).toMatch(/^受理量,2,,,0,/);
    const ticketLines = csvText(tickets).slice(1).split("\r\n").filter(Boolean);
    expect(ticketLines[0]).toBe("类别,工单编号,标题,状态,主办单位,分类,区域,受理时间,办理期限,退单次数,续报次数,来电人,来电号码");
    expect(ticketLines.some((line) => line.startsWith(`超期,${world.overdue.trackingNumber},`))).toBe(true);
    expect(ticketLines.some((line) => line.startsWith(`退单,${world.returned.trackingNumber},`))).toBe(true);
    expect(csvText(tickets)).not.toContain("13912345678");
    const orderLines = csvText(orders).slice(1).split("\r\n").filter(Boolean);
    expect(orderLines[0]).toBe("工单编号,标题,被督办单位,督办级别,状态,下达时间,回复期限,回复时间,升级次数,督办事由");
    expect(orderLines).toHaveLength(2);
    expect(orderLines[1]).toContain(`${world.overdue.trackingNumber},`);
    expect(orderLines[1]).toContain(",督办,待回复,");
    expect(csvText(ranking).slice(1).split("\r\n")[0]).toBe("名次,承办单位,综合得分,派单量,按期办结率,结果满意率,退单率,续报率,延期率,说明");
  });

  it("all units in English: every unit's tickets, English labels and dates", async () => {
    const { done } = await produce(world.supervisor, { unitId: null, from: "2026-11-01", to: "2026-11-30", language: "en" });
    expect(done.status).toBe("DONE");
    const { pdf, tickets, figures } = await files(done, world.supervisor);
    const text = pdfText(pdf.data);
    expect(text).toContain("Oversight report");
    expect(text).toContain("Reported on: All handling units");
    expect(text).toContain("Period: 1 November 2026 to 30 November 2026 (30 days, China Standard Time)");
    expect(text).toContain(world.elsewhere.trackingNumber);
    expect(text).toMatch(/Page 1 of \d+/);
    expect(figures.data.toString("utf8").slice(1).split("\r\n")[0]).toBe("Figure,Value,Numerator,Denominator,Previous period,Definition");
    expect(tickets.data.toString("utf8").slice(1).split("\r\n")[0]).toBe("List,Tracking number,Title,Status,Lead unit,Category,Area,Received,Due,Returns,Re-reports,Caller,Phone");
  });

  it("refuses bad input with every field named and stores nothing; only supervisors, leaders and admins; the starter (or an admin) reads a report", async () => {
    const before = await db.dataSource.getRepository(ReportJob).count();
    const services = { dataSource: db.dataSource, sources: measuresReportSources, now: () => NOW };
    const error = await startReport({ ...services, actor: world.supervisor, request: { unitId: "00000000-0000-0000-0000-000000000001", from: "2026-11-31", to: "2026-11-01", language: "fr" as never } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields.map((f) => `${f.field}:${f.code}`).sort()).toEqual(["from:INVALID_FORMAT", "language:INVALID_FORMAT", "unitId:UNKNOWN"]);
    for (const from of ["2026-13-01", "2026-02-30", "2026-11-1", "１２"]) {
      const wrong = await startReport({ ...services, actor: world.supervisor, request: { from, to: "2026-11-30", language: "en" } }).catch((e: unknown) => e);
      expect((wrong as ValidationError).fields, from).toEqual([expect.objectContaining({ field: "from", code: "INVALID_FORMAT" })]);
    }
    const backwards = await startReport({ ...services, actor: world.supervisor, request: { from: "2026-11-30", to: "2026-11-01", language: "en" } }).catch((e: unknown) => e);
    expect((backwards as ValidationError).fields).toEqual([expect.objectContaining({ field: "to", code: "INVALID_RANGE" })]);
    const tooLong = await startReport({ ...services, actor: world.supervisor, request: { from: "2025-01-01", to: "2026-11-01", language: "en" } }).catch((e: unknown) => e);
    expect((tooLong as ValidationError).fields).toEqual([expect.objectContaining({ field: "to", code: "INVALID_RANGE" })]);
    const forbidden = await startReport({ ...services, actor: world.operator, request: { from: "2026-11-01", to: "2026-11-30", language: "en" } }).catch((e: unknown) => e);
    expect((forbidden as DomainError).code).toBe("FORBIDDEN");
    expect(await db.dataSource.getRepository(ReportJob).count()).toBe(before);

    const { done } = await produce(world.supervisor, { from: "2026-11-01", to: "2026-11-07", language: "en" });
    const other = await account("另一位督办员", [Role.SUPERVISOR]);
    const admin = await account("管理员", [Role.ADMIN]);
    expect((await getReportJob(db.dataSource, { actor: world.supervisor, id: done.id })).id).toBe(done.id);
    expect((await getReportJob(db.dataSource, { actor: admin, id: done.id })).id).toBe(done.id);
    const notYours = await getReportJob(db.dataSource, { actor: other, id: done.id }).catch((e: unknown) => e);
    expect((notYours as DomainError).code).toBe("SUPERVISION/REPORT_NOT_FOUND");
    // the files are the starter's: another supervisor cannot download them
    const pdfId = done.files.find((file) => file.kind === "PDF")!.id;
    await expect(readFile(db.dataSource, { id: pdfId, actor: other })).rejects.toMatchObject({ code: "PLATFORM/FILE_NOT_FOUND" });
    expect((await listReportJobs(db.dataSource, { actor: world.supervisor })).map((job) => job.id)).toContain(done.id);
    expect(await listReportJobs(db.dataSource, { actor: other })).toEqual([]);
  });

  it("a source that fails marks the job FAILED with a sentence for the person, and stores no file", async () => {
    const repo = db.dataSource.getRepository(ReportJob);
    const job = await repo.save(repo.create({ status: "QUEUED", language: "en", unitId: null, includeSubUnits: true, periodFrom: "2026-11-01", periodTo: "2026-11-30", startedBy: world.supervisor.id }));
    const failed = await processReportJob({
      dataSource: db.dataSource,
      sources: { ...measuresReportSources, ranking: () => Promise.reject(new Error("connection reset by peer at 10.0.0.5")) },
      now: () => NOW,
      jobId: job.id,
      actor: world.supervisor,
    });
    expect(failed.status).toBe("FAILED");
    expect(failed.files).toEqual([]);
    expect(failed.error).toBe("The report could not be produced; try again, and tell the administrator if it fails again.");
  });

  it("a job left RUNNING by a process that died is started again from the beginning once its heartbeat is two minutes old; a fresh one is left alone", async () => {
    const repo = db.dataSource.getRepository(ReportJob);
    const stale = await repo.save(repo.create({ status: "RUNNING", step: "ORDERS", progress: 63, language: "zh-CN", unitId: world.township.id, includeSubUnits: false, periodFrom: "2026-11-01", periodTo: "2026-11-30", startedBy: world.supervisor.id }));
    const fresh = await repo.save(repo.create({ status: "RUNNING", step: "FIGURES", progress: 0, language: "en", unitId: null, includeSubUnits: true, periodFrom: "2026-11-01", periodTo: "2026-11-30", startedBy: world.supervisor.id }));
    await db.dataSource.query(`UPDATE supervision_report_job SET updated_at = now() - interval '3 minutes' WHERE id = $1`, [stale.id]);
    const services = { dataSource: db.dataSource, sources: measuresReportSources, now: () => NOW };
    expect(await resumeStaleReports(services)).toBe(1);
    await vi.waitFor(async () => expect((await repo.findOneByOrFail({ id: stale.id })).status).toBe("DONE"), { timeout: 20_000, interval: 100 });
    const done = await repo.findOneByOrFail({ id: stale.id });
    expect(done.files.map((file) => file.kind)).toEqual(["PDF", "FIGURES_CSV", "RANKING_CSV", "TICKETS_CSV", "ORDERS_CSV"]);
    const pdf = await readFile(db.dataSource, { id: done.files[0]!.id, actor: world.supervisor });
    expect(squash(pdfText(pdf.data))).toContain(`和平街道办事处${world.township.code.split("-")[2]}（不含下级单位）`);
    expect((await repo.findOneByOrFail({ id: fresh.id })).status).toBe("RUNNING");
    // already claimed: a second instance's run finds nothing to resume
    expect(await resumeStaleReports(services)).toBe(0);
    await repo.delete({ id: fresh.id });
  });
});
