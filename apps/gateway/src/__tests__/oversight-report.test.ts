import { execFileSync } from "node:child_process";
import { measuresReportSources, processReportJob } from "@civicline/supervision";
import type { Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestGateway, type TestGateway } from "./harness.js";
import { subscribedOn } from "./subscriptions.js";

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startTestGateway();
});
const clients: Client[] = [];
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await gateway?.stop();
});

const FIELDS = "id status step progress language unitId unitNameZh includeSubUnits from to error files { kind id filename size url }";
type Report = { id: string; status: string; step: string | null; progress: number; error: string | null; files: Array<{ kind: string; id: string; filename: string; size: number; url: string }> };

const day = (offset: number) => new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

async function waitDone(id: string, cookie: string): Promise<Report> {
  for (let i = 0; i < 120; i++) {
    const result = await gateway.gql<{ oversightReport: Report }>(`query($id: ID!) { oversightReport(id: $id) { ${FIELDS} } }`, { id }, cookie);
    const report = result.data?.oversightReport;
    if (report && (report.status === "DONE" || report.status === "FAILED")) {
      return report;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("the report did not finish in 30 s");
}

describe("oversight report over HTTP", () => {
  it("a supervisor starts a report of all units, follows it to DONE and downloads the PDF and CSV through /files; others cannot", async () => {
    const supervisor = await gateway.login("supervisor");
    const started = await gateway.gql<{ startOversightReport: Report }>(
      `mutation($input: OversightReportInput!) { startOversightReport(input: $input) { ${FIELDS} } }`,
      { input: { from: day(-89), to: day(0), language: "zh-CN" } },
      supervisor,
    );
    expect(started.errors).toBeUndefined();
    expect(["QUEUED", "RUNNING", "DONE"]).toContain(started.data!.startOversightReport.status);
    const report = await waitDone(started.data!.startOversightReport.id, supervisor);
    expect(report.error).toBeNull();
    expect(report.status).toBe("DONE");
    expect(report.progress).toBe(100);
    expect(report.files.map((file) => file.kind)).toEqual(["PDF", "FIGURES_CSV", "RANKING_CSV", "TICKETS_CSV", "ORDERS_CSV"]);

    const pdfRef = report.files.find((file) => file.kind === "PDF")!;
    expect(pdfRef.url).toBe(`/files/${pdfRef.id}`);
    const pdf = await fetch(`${gateway.url}${pdfRef.url}`, { headers: { cookie: supervisor } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toContain("application/pdf");
    const bytes = Buffer.from(await pdf.arrayBuffer());
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: bytes, encoding: "utf8" });
    expect(text).not.toContain("\uFFFD");
    expect(text.replace(/\s+/g, "")).toContain("全部承办单位");
    expect(text).toContain("淄博市教育局");

    const csvRef = report.files.find((file) => file.kind === "FIGURES_CSV")!;
    const csv = await fetch(`${gateway.url}${csvRef.url}`, { headers: { cookie: supervisor } });
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const csvBytes = Buffer.from(await csv.arrayBuffer());
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csvBytes.toString("utf8").slice(1).split("\r\n")[0]).toBe("指标,数值,分子,分母,上期,口径");

    // the files are the supervisor's: an operator and an anonymous caller get not-found; an admin may read them
    expect((await fetch(`${gateway.url}${pdfRef.url}`, { headers: { cookie: await gateway.login("operator") } })).status).toBe(404);
    expect((await fetch(`${gateway.url}${pdfRef.url}`)).status).toBe(404);
    expect((await fetch(`${gateway.url}${pdfRef.url}`, { headers: { cookie: await gateway.login("admin") } })).status).toBe(200);

    const mine = await gateway.gql<{ oversightReports: Report[] }>(`{ oversightReports { id } }`, {}, supervisor);
    expect(mine.data!.oversightReports.map((r) => r.id)).toContain(report.id);
  });

  it("bad input is BAD_USER_INPUT naming each field, with nothing stored; a call-taker is FORBIDDEN, nobody logged in UNAUTHENTICATED", async () => {
    const supervisor = await gateway.login("supervisor");
    const count = async () => Number(((await gateway.db.dataSource.query("SELECT count(*)::int AS n FROM supervision_report_job")) as Array<{ n: number }>)[0]!.n);
    const before = await count();
    const bad = await gateway.gql(
      `mutation($input: OversightReportInput!) { startOversightReport(input: $input) { id } }`,
      { input: { from: "2026-13-01", to: "2026-11-30", language: "de", unitId: "not-a-unit" } },
      supervisor,
    );
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(bad.errors?.[0]?.extensions?.fields?.map((f) => f.field).sort()).toEqual(["from", "language", "unitId"]);
    const operator = await gateway.gql(`mutation { startOversightReport(input: { from: "2026-11-01", to: "2026-11-30", language: "en" }) { id } }`, {}, await gateway.login("operator"));
    expect(operator.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const anonymous = await gateway.gql(`mutation { startOversightReport(input: { from: "2026-11-01", to: "2026-11-30", language: "en" }) { id } }`);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(await count()).toBe(before);
    const unknown = await gateway.gql(`{ oversightReport(id: "00000000-0000-0000-0000-000000000000") { id } }`, {}, supervisor);
    expect(unknown.errors?.[0]?.extensions?.code).toBe("SUPERVISION/REPORT_NOT_FOUND");
  });

  it("pushes the progress over the subscription after every step, the last push DONE with the files", async () => {
    const supervisor = await gateway.login("supervisor");
    const [user] = (await gateway.db.dataSource.query("SELECT id FROM platform_user WHERE username = 'supervisor'")) as Array<{ id: string }>;
    const [job] = (await gateway.db.dataSource.query(
      `INSERT INTO supervision_report_job (status, language, period_from, period_to, started_by) VALUES ('QUEUED', 'en', $1, $2, $3) RETURNING id`,
      [day(-30), day(0), user!.id],
    )) as Array<{ id: string }>;
    const client = gateway.wsClient(supervisor);
    clients.push(client);
    const pushes: Report[] = [];
    const errors: unknown[] = [];
    await subscribedOn(
      gateway.app,
      () =>
        client.subscribe<{ oversightReportProgress: Report }>(
          { query: `subscription($id: ID!) { oversightReportProgress(id: $id) { ${FIELDS} } }`, variables: { id: job!.id } },
          { next: (value) => (value.data ? pushes.push((value.data as { oversightReportProgress: Report }).oversightReportProgress) : errors.push(value.errors)), error: (error) => errors.push(error), complete: () => undefined },
        ),
      () => errors.length > 0,
    );
    const services = gateway.app.services;
    await processReportJob({ dataSource: services.dataSource, pubsub: services.pubsub, log: services.log, sources: measuresReportSources, jobId: job!.id });
    await vi.waitFor(() => expect(pushes.at(-1)?.status).toBe("DONE"), { timeout: 15_000, interval: 50 });
    expect(errors).toEqual([]);
    expect(pushes.at(-1)!.files).toHaveLength(5);
    const progress = pushes.map((push) => push.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(pushes.length).toBeGreaterThanOrEqual(2);
  });
});
