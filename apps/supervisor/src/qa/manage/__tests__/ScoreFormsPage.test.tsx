import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { MockLink } from "@apollo/client/testing";
import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { QmSaveScoreFormDocument, QmScoreFormsDocument } from "../../../gql/graphql.ts";
import { recordingMock, renderRouting } from "../../../routing/__tests__/routingKit.tsx";
import { ScoreFormsPage } from "../forms/ScoreFormsPage.tsx";
import { formVersion } from "./qaKit.ts";

function formsServer() {
  const versions = [formVersion(1)];
  const saves: Record<string, unknown>[] = [];
  const answer = () => ({
    qaScoreForms: [{ __typename: "QaScoreForm", id: "f1", name: "话务质检评分表", nameEn: "Call QA form", isDefault: true, current: versions[0], versions: [...versions] }],
  });
  const mocks = [
    recordingMock(QmScoreFormsDocument, [], answer),
    recordingMock(QmSaveScoreFormDocument, saves, (variables) => {
      const input = variables.input as { criteria: Array<{ weight: number }> };
      const next = { ...formVersion(versions.length + 1, input.criteria[0]!.weight) };
      versions.forEach((version) => Object.assign(version, { current: false }));
      versions.unshift(next);
      return { saveQaScoreForm: next };
    }),
  ];
  return { mocks, saves };
}

describe("the score form editor", () => {
  it("shows the version in force, edits it into a new version with the total live, keeps every key", async () => {
    const server = formsServer();
    renderRouting(<ScoreFormsPage />, server.mocks, "en");
    const shown = await screen.findByRole("table", { name: "Criteria · v1" });
    expect(within(shown).getByRole("rowheader", { name: "Accuracy" }).closest("tr")?.textContent).toContain("−10 Answer contradicts the knowledge base");
    expect(screen.getByText("Wrong policy answer")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Edit as a new version" }));
    const editor = await screen.findByRole("region", { name: "New version v2" });
    expect(within(editor).getByText("Total: 100 points")).toBeTruthy();
    const greeting = within(editor).getByRole("group", { name: "Criterion 1" });
    fireEvent.change(within(greeting).getByLabelText("Points"), { target: { value: "20" } });
    expect(within(editor).getByText("Total: 110 points")).toBeTruthy();
    // a new criterion and a new critical error get keys of their own
    fireEvent.click(within(editor).getByRole("button", { name: "Add a criterion" }));
    const added = within(editor).getByRole("group", { name: "Criterion 8" });
    fireEvent.change(within(added).getAllByLabelText("Name (Chinese)")[0]!, { target: { value: "保密" } });
    fireEvent.change(within(added).getAllByLabelText("Name (English)")[0]!, { target: { value: "Confidentiality" } });
    fireEvent.click(within(editor).getByRole("button", { name: "Add a critical error" }));
    fireEvent.change(within(editor).getByLabelText(/What changed/), { target: { value: "问候语加分" } });
    fireEvent.click(within(editor).getByRole("button", { name: "Save as a new version" }));

    await waitFor(() => expect(server.saves).toHaveLength(1));
    const input = server.saves[0]!.input as { formId: string; criteria: Array<{ key: string; weight: number; label: string; labelEn: string }>; criticalErrors: Array<{ key: string }>; note: string };
    expect(input.formId).toBe("f1");
    expect(input.criteria.map((item) => item.key)).toEqual(["greeting", "listening", "accuracy", "classification", "courtesy", "closing", "ticket", "criterion-1"]);
    expect(input.criteria[0]!.weight).toBe(20);
    expect(input.criteria[7]).toMatchObject({ label: "保密", labelEn: "Confidentiality", weight: 10 });
    expect(input.criticalErrors).toHaveLength(2);
    expect(input.criticalErrors[0]!.key).toBe("wrong-policy");
    const allKeys = [...input.criteria.map((item) => item.key), ...input.criticalErrors.map((item) => item.key)];
    expect(new Set(allKeys).size).toBe(allKeys.length);
    expect(input.note).toBe("问候语加分");

    expect((await screen.findByRole("status")).textContent ?? "").toBe("Saved as version v2.");
    // the new version is shown; the old one can still be opened
    expect(await screen.findByRole("table", { name: "Criteria · v2" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Show v1" }));
    expect(await screen.findByRole("table", { name: "Criteria · v1" })).toBeTruthy();
  }, 20_000);

  it("sends a weight that is not a whole number as invalid, and shows the server's refusal on that criterion", async () => {
    const saves: Record<string, unknown>[] = [];
    const refusing = {
      maxUsageCount: Number.POSITIVE_INFINITY,
      request: { query: QmSaveScoreFormDocument, variables: () => true },
      result: (variables: Record<string, unknown>) => {
        saves.push(variables);
        return { errors: [new GraphQLError("Invalid input", { extensions: { code: "BAD_USER_INPUT", fields: [{ field: "criteria.1.weight", code: "OUT_OF_RANGE", message: "Points are a whole number from 0 to 100." }] } })] };
      },
    } as MockLink.MockedResponse;
    renderRouting(<ScoreFormsPage />, [formsServer().mocks[0]!, refusing], "zh-CN");
    fireEvent.click(await screen.findByRole("button", { name: "编辑为新版本" }));
    const editor = await screen.findByRole("region", { name: "新版本 v2" });
    const listening = within(editor).getByRole("group", { name: "评分项 2" });
    fireEvent.change(within(listening).getByLabelText("分值"), { target: { value: "12.5" } });
    fireEvent.click(within(editor).getByRole("button", { name: "保存为新版本" }));
    await waitFor(() => expect(saves).toHaveLength(1));
    expect((saves[0]!.input as { criteria: Array<{ weight: number }> }).criteria[1]!.weight).toBe(-1);
    expect((await within(listening).findByRole("alert")).textContent).toContain("Points are a whole number from 0 to 100.");
    // still editing: nothing saved
    expect(screen.getByRole("region", { name: "新版本 v2" })).toBeTruthy();
  }, 20_000);
});
