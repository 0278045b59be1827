import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { DispatchRuleHistoryDocument, DispatchRulesDocument, RuleAreasDocument, RuleCategoriesDocument, RuleUnitsDocument, SaveDispatchRuleDocument } from "../../gql/graphql.ts";
import { DispatchRulesPage } from "../rules/DispatchRulesPage.tsx";
import { parseKeywords } from "../rules/ruleForm.ts";
import { EDU, HOUSING, recordingMock, renderRouting, stateMock } from "./routingKit.tsx";

const area = (id: string, nameZh: string, level: string, parentId: string | null) => ({ __typename: "Area", id, nameZh, nameEn: null, level, parentId });
const category = (id: string, nameZh: string, nameEn: string, parentId: string | null) => ({ __typename: "Category", id, code: id, nameZh, nameEn, parentId, selectable: parentId !== null });
const unit = (base: typeof EDU, kind: string) => ({ ...base, code: base.id, kind, parentId: null });
const QINGCHENG = { __typename: "Unit", id: "u-qc", nameZh: "青城镇人民政府", nameEn: "Qingcheng Town" };

function rule(version: number, overrides: Record<string, unknown> = {}) {
  return {
    __typename: "DispatchRule",
    id: "rule-1",
    version,
    requestType: null,
    keywords: [],
    autoDispatch: false,
    updatedAt: `2026-11-0${version}T02:00:00Z`,
    updatedBy: "督办员",
    category: { __typename: "Category", id: "c-edu", nameZh: "教育", nameEn: "Education" },
    area: null,
    leadUnit: EDU,
    assistingUnits: [],
    ...overrides,
  };
}

function setup() {
  const server = { rules: [rule(2)], history: [rule(1, { leadUnit: HOUSING }), rule(2)] };
  const calls: Record<string, unknown>[] = [];
  const save = recordingMock(SaveDispatchRuleDocument, calls, () => {
    const next = rule(3, { leadUnit: QINGCHENG, area: area("t-qc", "青城镇", "TOWNSHIP", "d-gq"), keywords: ["噪音", "扰民"], autoDispatch: true });
    server.rules = [next];
    server.history = [...server.history, next];
    return { saveDispatchRule: next };
  });
  renderRouting(<DispatchRulesPage />, [
    stateMock(DispatchRulesDocument, () => ({ dispatchRules: server.rules })),
    stateMock(DispatchRuleHistoryDocument, () => ({ dispatchRuleHistory: server.history }), { id: "rule-1" }),
    stateMock(RuleCategoriesDocument, () => ({ categories: [category("c-edu-g", "教育", "Education", null), category("c-edu", "校园欺凌", "School bullying", "c-edu-g")] })),
    stateMock(RuleAreasDocument, () => ({ areas: [area("d-gq", "高青县", "DISTRICT", null)] }), { parentId: null }),
    stateMock(RuleAreasDocument, () => ({ areas: [area("t-qc", "青城镇", "TOWNSHIP", "d-gq")] }), { parentId: "d-gq" }),
    stateMock(RuleUnitsDocument, () => ({ units: [unit(EDU, "BUREAU"), unit(HOUSING, "BUREAU"), { ...unit(QINGCHENG as typeof EDU, "TOWNSHIP_OFFICE") }] })),
    save,
  ]);
  return calls;
}

describe("dispatch catalogue", () => {
  it("edits a rule down to a township and saves it as a new version", async () => {
    const calls = setup();
    const [row] = await screen.findAllByTestId("dispatch-rule");
    expect(row?.textContent).toContain("Education × whole city");
    fireEvent.click(within(row as HTMLElement).getByTestId("rule-edit"));

    const form = screen.getByTestId("rule-form");
    await waitFor(() => expect(within(form).getByTestId("rule-district").querySelectorAll("option")).toHaveLength(2));
    fireEvent.change(within(form).getByTestId("rule-district"), { target: { value: "d-gq" } });
    await waitFor(() => expect(within(form).getByTestId("rule-township").querySelectorAll("option")).toHaveLength(2));
    fireEvent.change(within(form).getByTestId("rule-township"), { target: { value: "t-qc" } });
    fireEvent.change(within(form).getByTestId("rule-keywords"), { target: { value: "噪音，扰民、噪音" } });
    const lead = within(form).getByTestId("rule-lead-unit");
    fireEvent.change(lead, { target: { value: "青城" } });
    fireEvent.keyDown(lead, { key: "Enter" });
    fireEvent.click(within(form).getByTestId("rule-auto"));
    fireEvent.click(within(form).getByTestId("rule-save"));

    await screen.findByText("Rule saved as version 3.");
    expect(calls).toEqual([
      {
        id: "rule-1",
        input: { categoryId: "c-edu", areaId: "t-qc", requestType: null, keywords: ["噪音", "扰民"], leadUnitId: "u-qc", assistingUnitIds: [], autoDispatch: true },
      },
    ]);
    await waitFor(() => expect(screen.getByTestId("dispatch-rule").textContent).toContain("Education × 青城镇 × keywords “噪音, 扰民”Qingcheng Town"));
  });

  it("lists every version of a rule, newest first", async () => {
    setup();
    fireEvent.click(await screen.findByTestId("rule-history-open"));
    await waitFor(() => expect(screen.getAllByTestId("rule-version")).toHaveLength(2));
    const [newest, oldest] = screen.getAllByTestId("rule-version");
    expect(newest?.textContent).toContain("v2");
    expect(newest?.textContent).toContain("→ Zibo Education Bureau");
    expect(oldest?.textContent).toContain("v1");
    expect(oldest?.textContent).toContain("→ Zibo Housing Bureau");
  });

  it("reads keywords separated by Chinese or Latin commas, without repeats", () => {
    expect(parseKeywords(" 噪音，扰民、噪音; noise ,")).toEqual(["噪音", "扰民", "noise"]);
  });
});

describe("dispatch catalogue filters", () => {
  it("filters the rules by category, area and unit (lead or assisting) and says how many are shown", async () => {
    const gaoqing = area("d-gq", "高青县", "DISTRICT", null);
    const rules = [
      rule(1, { id: "r1" }),
      rule(1, { id: "r2", category: { __typename: "Category", id: "c-noise", nameZh: "噪音扰民", nameEn: "Noise" }, area: gaoqing, leadUnit: QINGCHENG }),
      rule(1, { id: "r3", category: { __typename: "Category", id: "c-noise", nameZh: "噪音扰民", nameEn: "Noise" }, leadUnit: HOUSING, assistingUnits: [EDU] }),
    ];
    renderRouting(<DispatchRulesPage />, [stateMock(DispatchRulesDocument, () => ({ dispatchRules: rules }))]);
    await screen.findAllByTestId("dispatch-rule");
    expect(screen.getByTestId("rules-count").textContent).toBe("3 of 3 rules");

    fireEvent.change(screen.getByLabelText("Category"), { target: { value: "c-noise" } });
    expect(screen.getAllByTestId("dispatch-rule").map((row) => row.getAttribute("data-rule-id"))).toEqual(["r2", "r3"]);
    fireEvent.change(screen.getByLabelText("Area"), { target: { value: "none" } });
    expect(screen.getAllByTestId("dispatch-rule").map((row) => row.getAttribute("data-rule-id"))).toEqual(["r3"]);
    fireEvent.click(screen.getByRole("button", { name: "Clear filters" }));
    expect(screen.getAllByTestId("dispatch-rule")).toHaveLength(3);

    // The education bureau leads r1 and assists on r3.
    fireEvent.change(screen.getByLabelText("Unit (lead or assisting)"), { target: { value: EDU.id } });
    expect(screen.getAllByTestId("dispatch-rule").map((row) => row.getAttribute("data-rule-id"))).toEqual(["r1", "r3"]);
    expect(screen.getByTestId("rules-count").textContent).toBe("2 of 3 rules");
    fireEvent.change(screen.getByLabelText("Area"), { target: { value: "d-gq" } });
    expect(screen.queryByTestId("dispatch-rules")).toBeNull();
    expect(screen.getByTestId("rules-none-match")).toBeTruthy();
  });
});
