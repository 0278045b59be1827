import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { RuleAreasDocument, SaveUnitDocument, UnitDirectoryDocument, UnitStaffDocument, type UnitDirectoryFieldsFragment, type UnitKind } from "../../gql/graphql.ts";
import { routingNavItems } from "../routes.tsx";
import { UnitDirectoryPage } from "../units/UnitDirectoryPage.tsx";
import { filterUnits, formFromUnit, selfAndDescendants, toUnitInput } from "../units/unitForm.ts";
import { renderRouting, stateMock } from "./routingKit.tsx";

const area = (id: string, nameZh: string, parentId: string | null) => ({ __typename: "Area", id, nameZh, nameEn: null, level: parentId ? "TOWNSHIP" : "DISTRICT", parentId });
const unit = (id: string, code: string, nameZh: string, nameEn: string, kind: UnitKind, overrides: Partial<UnitDirectoryFieldsFragment> = {}): UnitDirectoryFieldsFragment & { __typename: "Unit" } => ({
  __typename: "Unit",
  id,
  code,
  nameZh,
  nameEn,
  kind,
  areaId: null,
  parentId: null,
  contactPhone: null,
  active: true,
  ...overrides,
});

const EDU = unit("u-edu", "BUR-EDU", "淄博市教育局", "Zibo Education Bureau", "BUREAU", { areaId: "a-city", contactPhone: "0533-1234567" });
const GAOQING = unit("u-gq", "GOV-370322", "高青县人民政府", "Gaoqing County", "DISTRICT_GOVERNMENT", { areaId: "d-gq" });
const QINGCHENG = unit("u-qc", "GOV-370322101", "青城镇人民政府", "Qingcheng Town", "TOWNSHIP_OFFICE", { areaId: "t-qc", parentId: "u-gq" });

function setup() {
  const server = { units: [EDU, GAOQING, QINGCHENG] };
  const calls: Record<string, unknown>[] = [];
  const save = {
    maxUsageCount: Number.POSITIVE_INFINITY,
    request: { query: SaveUnitDocument, variables: () => true },
    result: (variables: Record<string, unknown>) => {
      calls.push(variables);
      const input = variables.input as Record<string, unknown>;
      if (input.code === "BUR-DUP") {
        return { errors: [{ message: "Another unit already has this code.", extensions: { code: "BAD_USER_INPUT", fields: [{ field: "code", code: "DUPLICATE", message: "Another unit already has this code." }] } }] };
      }
      const saved = { ...server.units.find((candidate) => candidate.id === variables.id)!, ...input };
      server.units = server.units.map((candidate) => (candidate.id === saved.id ? saved : candidate));
      return { data: { saveUnit: saved } };
    },
  };
  renderRouting(
    <UnitDirectoryPage />,
    [
      stateMock(UnitDirectoryDocument, () => ({ unitDirectory: server.units })),
      stateMock(RuleAreasDocument, () => ({ areas: [area("d-gq", "高青县", null)] }), { parentId: null }),
      stateMock(RuleAreasDocument, () => ({ areas: [area("t-qc", "青城镇", "d-gq")] }), { parentId: "d-gq" }),
      stateMock(UnitStaffDocument, () => ({ unitStaff: [{ __typename: "UnitStaffMember", id: "h1", username: "handler.qingcheng", displayName: "孙主任", active: true }] }), { unitId: "u-qc" }),
      save,
    ],
    "zh-CN",
  );
  return { calls };
}

describe("the unit directory page", () => {
  it("groups units by kind, searches, shows a unit's staff and saves an edit, wording a duplicate code", async () => {
    const { calls } = setup();
    await waitFor(() => expect(screen.getAllByTestId("unit-group")).toHaveLength(3));
    expect(screen.getAllByTestId("unit-group").map((group) => within(group).getByRole("heading").textContent)).toEqual(["市直部门", "区县政府", "镇（街道）"]);
    expect(screen.getByText("上级：高青县人民政府")).toBeTruthy();
    expect(screen.getByText("电话：0533-1234567")).toBeTruthy();

    fireEvent.change(screen.getByTestId("unit-search"), { target: { value: "qingcheng" } });
    expect(screen.getAllByTestId("unit-row")).toHaveLength(1);
    expect(screen.getByText("共 1 个单位")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "青城镇人民政府 的人员" }));
    expect((await screen.findByTestId("unit-staff-member")).textContent).toContain("孙主任");

    fireEvent.click(screen.getByRole("button", { name: "编辑 青城镇人民政府" }));
    const form = await screen.findByTestId("unit-form");
    // The township office's area is shown as its district and township once the districts load.
    await waitFor(() => expect((within(form).getByTestId("unit-township") as HTMLSelectElement).value).toBe("t-qc"));
    fireEvent.change(within(form).getByTestId("unit-phone"), { target: { value: "0533-6961234" } });
    fireEvent.change(within(form).getByTestId("unit-code"), { target: { value: "BUR-DUP" } });
    fireEvent.click(within(form).getByTestId("unit-save"));
    expect(await within(form).findByText("该编码已被其他单位使用。")).toBeTruthy();

    fireEvent.change(within(form).getByTestId("unit-code"), { target: { value: "GOV-370322101" } });
    fireEvent.click(within(form).getByTestId("unit-active"));
    fireEvent.click(within(form).getByTestId("unit-save"));
    expect(await screen.findByText("青城镇人民政府 已保存。")).toBeTruthy();
    expect(calls.at(-1)).toEqual({
      id: "u-qc",
      input: { code: "GOV-370322101", nameZh: "青城镇人民政府", nameEn: "Qingcheng Town", kind: "TOWNSHIP_OFFICE", areaId: "t-qc", parentId: "u-gq", contactPhone: "0533-6961234", active: false },
    });
    await waitFor(() => expect(screen.getByText("已停用")).toBeTruthy());
  });

  it("keeps a city-level area, refuses descendants as parents, and is in the nav for admins only", () => {
    expect(toUnitInput(formFromUnit(EDU, ["d-gq"], null))).toMatchObject({ areaId: "a-city", contactPhone: "0533-1234567" });
    expect(formFromUnit(QINGCHENG, ["d-gq"], GAOQING)).toMatchObject({ districtId: "d-gq", townshipId: "t-qc" });
    expect([...selfAndDescendants([EDU, GAOQING, QINGCHENG], "u-gq")].sort()).toEqual(["u-gq", "u-qc"]);
    expect(filterUnits([EDU, GAOQING, QINGCHENG], "bur-edu")).toEqual([EDU]);
    const labels = { extensions: "E", rules: "R", calendar: "C", units: "U" };
    expect(routingNavItems("routing/units", ["ADMIN"], labels).map((item) => [item.label, item.current])).toEqual([
      ["R", false],
      ["U", true],
      ["C", false],
    ]);
    expect(routingNavItems("", ["SUPERVISOR"], labels).map((item) => item.label)).toEqual(["E", "R"]);
  });
});
