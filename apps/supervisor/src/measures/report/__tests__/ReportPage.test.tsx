import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { renderSupervisor } from "../../../__tests__/fixtures.tsx";
import { RptReportDocument, RptReportsDocument, RptStartReportDocument } from "../../../gql/graphql.ts";
import { ReportPage } from "../ReportPage.tsx";

function report(overrides: Record<string, unknown> = {}) {
  return {
    __typename: "OversightReport" as const,
    id: "r1",
    status: "RUNNING",
    step: "RANKING",
    progress: 13,
    language: "zh-CN",
    unitId: "u1",
    unitNameZh: "张店区人民政府",
    unitNameEn: "Zhangdian District Government",
    includeSubUnits: true,
    from: "2026-11-01",
    to: "2026-11-30",
    error: null,
    createdAt: "2026-12-06T02:00:00Z",
    finishedAt: null,
    files: [] as unknown[],
    ...overrides,
  };
}

const units = [
  { __typename: "Unit" as const, id: "u1", nameZh: "张店区人民政府", nameEn: "Zhangdian District Government", parentId: null },
  { __typename: "Unit" as const, id: "u2", nameZh: "和平街道办事处", nameEn: "Heping Subdistrict Office", parentId: "u1" },
];

const listMock = (reports: unknown[]) => ({ request: { query: RptReportsDocument }, result: { data: { oversightReports: reports, units } } });
const pollMock = (data: unknown) => ({ request: { query: RptReportDocument, variables: { id: "r1" } }, result: { data: { oversightReport: data } }, maxUsageCount: 50 });

describe("ReportPage", { timeout: 20_000 }, () => {
  it("follows a running report over the subscription to DONE and offers its files", async () => {
    const { subscriptions } = renderSupervisor(<ReportPage />, [listMock([report()]), pollMock(report())], "en");
    const row = await screen.findByTestId("report-row");
    expect(row.getAttribute("data-status")).toBe("RUNNING");
    expect(within(row).getByTestId("report-status").textContent).toBe("13 % — Ranking the units");
    expect(within(row).getByTestId("report-progress").getAttribute("aria-label")).toBe("Progress of the report Zhangdian District Government, with sub-units, 2026-11-01 – 2026-11-30");
    act(() => subscriptions.simulateResult({ result: { data: { oversightReportProgress: report({ step: "CSV", progress: 88 }) } } }));
    await waitFor(() => expect(within(screen.getByTestId("report-row")).getByTestId("report-status").textContent).toBe("88 % — Writing the CSV tables"));
    act(() =>
      subscriptions.simulateResult({
        result: {
          data: {
            oversightReportProgress: report({
              status: "DONE",
              step: null,
              progress: 100,
              finishedAt: "2026-12-06T02:00:05Z",
              files: [
                { __typename: "OversightReportFile", kind: "PDF", id: "f1", filename: "report.pdf", size: 66_000, url: "/files/f1" },
                { __typename: "OversightReportFile", kind: "TICKETS_CSV", id: "f2", filename: "report-tickets.csv", size: 900, url: "/files/f2" },
              ],
            }),
          },
        },
      }),
    );
    await waitFor(() => expect(screen.getByTestId("report-row").getAttribute("data-status")).toBe("DONE"));
    const done = screen.getByTestId("report-row");
    expect(within(done).getByTestId("report-status").textContent).toBe("Ready");
    const pdf = within(done).getByTestId("report-file-PDF");
    expect(pdf.getAttribute("href")).toBe("/files/f1");
    expect(pdf.getAttribute("download")).toBe("report.pdf");
    expect(pdf.textContent).toBe("Report (PDF) (64 KB)");
    expect(within(done).getByTestId("report-file-TICKETS_CSV").textContent).toBe("Tickets (CSV) (1 KB)");
  });

  it("says what to do when there is no report yet, and shows the server's field errors in Chinese", async () => {
    renderSupervisor(
      <ReportPage />,
      [
        listMock([]),
        {
          request: { query: RptStartReportDocument, variables: { input: { unitId: "u2", includeSubUnits: true, from: "2026-11-30", to: "2026-11-01", language: "zh-CN" } } },
          result: { errors: [new GraphQLError("The last day is before the first day.", { extensions: { code: "BAD_USER_INPUT", fields: [{ field: "to", code: "INVALID_RANGE", message: "The last day is before the first day." }] } })] },
        },
      ],
      "zh-CN",
    );
    expect((await screen.findByTestId("report-empty")).textContent).toContain("您还没有生成过报告");
    expect(screen.getByTestId("report-subunits")).toHaveProperty("disabled", true);
    fireEvent.change(screen.getByTestId("report-unit"), { target: { value: "u2" } });
    expect(screen.getByTestId("report-subunits")).toHaveProperty("disabled", false);
    fireEvent.change(screen.getByTestId("report-from"), { target: { value: "2026-11-30" } });
    fireEvent.change(screen.getByTestId("report-to"), { target: { value: "2026-11-01" } });
    expect((screen.getByRole("radio", { name: "自定义日期" }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByTestId("report-start"));
    await waitFor(() => expect(document.getElementById("rpt-to-error")).not.toBeNull());
    expect(screen.getByTestId("report-to").getAttribute("aria-invalid")).toBe("true");
    expect(screen.queryByTestId("report-started")).toBeNull();
  });
});
