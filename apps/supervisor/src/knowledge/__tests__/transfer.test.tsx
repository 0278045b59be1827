import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { KbExportArticlesDocument, KbImportArticlesDocument, KbImportJobDocument } from "../../gql/graphql.ts";
import { ExportPanel } from "../transfer/ExportPanel.tsx";
import { ImportPanel } from "../transfer/ImportPanel.tsx";
import { ImportProgress } from "../transfer/ImportProgress.tsx";
import { formatForFile, uploadFile, UploadError } from "../transfer/upload.ts";
import { buildJob, renderKnowledge } from "./fixtures.tsx";

const jobMock = (job: ReturnType<typeof buildJob>, maxUsageCount = 1) => ({
  request: { query: KbImportJobDocument, variables: { id: "j1" } },
  result: { data: { importJob: job } },
  maxUsageCount,
});

function uploadOk() {
  return vi.fn<typeof fetch>(async () => new Response(JSON.stringify({ id: "f1", filename: "政策问答.json", size: 12 }), { status: 201 }));
}

function chooseFile(name = "政策问答.json") {
  const file = new File(['[{"title":"社保卡补办"}]'], name, { type: "application/json" });
  fireEvent.change(screen.getByTestId("kb-import-file"), { target: { files: [file] } });
  return file;
}

describe("ImportProgress", { timeout: 20_000 }, () => {
  it("shows a progress bar with the counts, indeterminate until the size is known", () => {
    const { rerender } = renderKnowledge(<ImportProgress job={buildJob()} />, []);
    const bar = screen.getByTestId("kb-import-progress");
    expect(bar.hasAttribute("value")).toBe(false);
    expect(screen.getByRole("status").textContent).toBe("Waiting to start");

    rerender(<ImportProgress job={buildJob({ status: "RUNNING", total: 200, processed: 50, imported: 48, rejected: 2 })} />);
    expect(bar.getAttribute("value")).toBe("50");
    expect(bar.getAttribute("max")).toBe("200");
    expect(screen.getByTestId("kb-import-counts").textContent).toBe("50 of 200 processed · 48 imported · 2 rejected");
    expect(bar.getAttribute("aria-valuetext")).toBe("50 of 200 processed · 48 imported · 2 rejected");
    expect(screen.queryByTestId("kb-import-rejections")).toBeNull();
  });

  it("lists the rejected items once the import is done", () => {
    renderKnowledge(
      <ImportProgress
        job={buildJob({
          status: "DONE",
          total: 3,
          processed: 3,
          imported: 1,
          rejected: 2,
          rejections: [
            { __typename: "ImportRejection", index: 0, title: "供暖", reason: "categories: unknown category HEAT" },
            { __typename: "ImportRejection", index: 2, title: null, reason: "title is required" },
          ],
        })}
      />,
      [],
      "zh-CN",
    );
    const rows = Array.from(screen.getByTestId("kb-import-rejections").querySelectorAll("tbody tr"), (row) =>
      Array.from(row.querySelectorAll("td"), (cell) => cell.textContent),
    );
    expect(rows).toEqual([
      ["1", "供暖", "categories: unknown category HEAT"],
      ["3", "（无标题）", "title is required"],
    ]);
  });
});

describe("import", { timeout: 20_000 }, () => {
  it("uploads the file, starts the import and follows the pushed progress to the report", async () => {
    const fetchImpl = uploadOk();
    const { subscriptions, sent } = renderKnowledge(<ImportPanel fetchImpl={fetchImpl} pollMs={60_000} />, [
      { request: { query: KbImportArticlesDocument, variables: { uploadId: "f1", format: "JSON" } }, result: { data: { importArticles: buildJob() } } },
      jobMock(buildJob()),
    ]);
    chooseFile();
    expect((screen.getByLabelText("Format") as HTMLSelectElement).value).toBe("JSON");
    fireEvent.click(screen.getByTestId("kb-import-start"));

    await screen.findByTestId("kb-import-job");
    const [url, init] = fetchImpl.mock.calls[0] ?? [];
    expect(url).toBe("/uploads");
    expect(init?.method).toBe("POST");
    expect(init?.credentials).toBe("same-origin");
    expect(new Headers(init?.headers).get("x-filename")).toBe(encodeURIComponent("政策问答.json"));
    await waitFor(() => expect(sent.some((op) => op.name === "KbImportJobProgress")).toBe(true));

    act(() => {
      subscriptions.simulateResult({ result: { data: { importJobProgress: buildJob({ status: "RUNNING", total: 10, processed: 4, imported: 4 }) } } });
    });
    await waitFor(() => expect(screen.getByTestId("kb-import-progress").getAttribute("value")).toBe("4"));
    act(() => {
      subscriptions.simulateResult({
        result: {
          data: {
            importJobProgress: buildJob({
              status: "DONE",
              total: 10,
              processed: 10,
              imported: 9,
              rejected: 1,
              rejections: [{ __typename: "ImportRejection", index: 6, title: "重复标题", reason: "duplicate title" }],
            }),
          },
        },
      });
    });
    expect(await screen.findByTestId("kb-import-rejections")).toBeTruthy();
    expect(screen.getByRole("status").textContent).toBe("Import finished");
  });

  it("falls back to polling importJob when live progress fails", async () => {
    const { subscriptions } = renderKnowledge(<ImportPanel fetchImpl={uploadOk()} pollMs={20} />, [
      { request: { query: KbImportArticlesDocument, variables: { uploadId: "f1", format: "JSON" } }, result: { data: { importArticles: buildJob() } } },
      jobMock(buildJob({ status: "RUNNING", total: 10, processed: 2 })),
      jobMock(buildJob({ status: "RUNNING", total: 10, processed: 7 })),
      jobMock(buildJob({ status: "DONE", total: 10, processed: 10, imported: 10 }), 10),
    ]);
    chooseFile();
    fireEvent.click(screen.getByTestId("kb-import-start"));
    await screen.findByTestId("kb-import-job");
    act(() => subscriptions.simulateResult({ error: new Error("socket closed") }));
    expect(await screen.findByText(/Live progress is unavailable/)).toBeTruthy();
    expect(await screen.findByText("All 10 items were imported.")).toBeTruthy();
    expect(screen.queryByText(/Live progress is unavailable/)).toBeNull();
  });

  it("says why nothing was uploaded", async () => {
    const fetchImpl = vi.fn<typeof fetch>(async () => new Response(JSON.stringify({ error: { code: "UNAUTHENTICATED", message: "Please log in to upload files." } }), { status: 401 }));
    renderKnowledge(<ImportPanel fetchImpl={fetchImpl} />, []);
    fireEvent.click(screen.getByTestId("kb-import-start"));
    expect(screen.getByText("Choose a file to import.")).toBeTruthy();
    expect(fetchImpl).not.toHaveBeenCalled();
    chooseFile("notes.txt");
    fireEvent.click(screen.getByTestId("kb-import-start"));
    expect(screen.getByText("Choose the file's format.")).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Format"), { target: { value: "MARKDOWN" } });
    fireEvent.click(screen.getByTestId("kb-import-start"));
    expect((await screen.findByTestId("kb-import-error")).textContent).toBe("The file could not be uploaded: Please log in to upload files.");
  });

  it("recognises formats and reports upload failures with their code", async () => {
    expect([formatForFile("a.JSON"), formatForFile("b.md"), formatForFile("c.zip"), formatForFile("d.docx")]).toEqual(["JSON", "MARKDOWN", "MARKDOWN", null]);
    const failing = vi.fn<typeof fetch>(async () => new Response("{}", { status: 413 }));
    await expect(uploadFile(new File(["x"], "x.json"), failing)).rejects.toEqual(new UploadError(413, undefined, "HTTP 413"));
  });
});

describe("export", { timeout: 20_000 }, () => {
  it("exports the chosen articles and starts the download", async () => {
    const download = vi.fn();
    renderKnowledge(<ExportPanel download={download} />, [
      {
        request: { query: KbExportArticlesDocument, variables: { format: "MARKDOWN", status: "PUBLISHED" } },
        result: { data: { exportArticles: { __typename: "FileRef", id: "f9", filename: "articles.zip", url: "/files/f9" } } },
      },
    ]);
    fireEvent.click(screen.getByTestId("kb-export-markdown"));
    await waitFor(() => expect(download).toHaveBeenCalledWith("/files/f9", "articles.zip"));
    expect(screen.getByRole("link", { name: "Download articles.zip" }).getAttribute("href")).toBe("/files/f9");
  });
});
