import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { AccountUnitsDocument, CreateStaffAccountDocument, StaffAccountsDocument } from "../../../gql/graphql.ts";
import { renderRouting, stateMock } from "../../../routing/__tests__/routingKit.tsx";
import { accountsNavItems } from "../routes.tsx";
import { NewAccountPage } from "../NewAccountPage.tsx";

const TOWN = { __typename: "Unit" as const, id: "u-town", code: "GOV-370322101", nameZh: "青城镇人民政府", nameEn: "Qingcheng Town Government", kind: "TOWNSHIP_OFFICE" };

function setup() {
  const calls: Record<string, unknown>[] = [];
  const create = {
    maxUsageCount: Number.POSITIVE_INFINITY,
    request: { query: CreateStaffAccountDocument, variables: () => true },
    result: (variables: Record<string, unknown>) => {
    calls.push(variables);
    const input = variables.input as { username: string; displayName: string; roles: string[]; unitId: string | null };
    if (input.roles.includes("HANDLER") && !input.unitId) {
      return { errors: [{ message: "A handler must belong to a unit.", extensions: { code: "BAD_USER_INPUT", fields: [{ field: "unitId", code: "REQUIRED_FOR_HANDLER", message: "A handler must belong to a unit." }] } }] };
    }
    return {
      data: {
        createStaffAccount: {
          __typename: "StaffAccountWithPassword",
          temporaryPassword: "k7Qm-x3Ta-9pRc",
          account: { __typename: "StaffAccount", id: "a1", ...input, seat: null, team: null, leaderUnitId: null, active: true, mustChangePassword: true, createdAt: "2026-12-06T04:00:00Z", updatedAt: "2026-12-06T04:00:00Z" },
        },
      },
    };
    },
  };
  const list = stateMock(StaffAccountsDocument, () => ({ staffAccounts: { __typename: "StaffAccountPage", total: 0, items: [] } }));
  return { calls, mocks: [stateMock(AccountUnitsDocument, () => ({ units: [TOWN] })), create, { ...list, request: { ...list.request, variables: () => true } }] };
}

describe("the new staff account page", () => {
  it("asks a handler's unit only with the role, shows the server's field error in Chinese, then the temporary password once", async () => {
    const { calls, mocks } = setup();
    renderRouting(<NewAccountPage />, mocks, "zh-CN");
    fireEvent.change(await screen.findByLabelText(/^用户名/), { target: { value: "qian.town" } });
    fireEvent.change(screen.getByLabelText(/^姓名/), { target: { value: "钱干事" } });
    expect(screen.queryByLabelText(/^所属单位/)).toBeNull();
    fireEvent.click(screen.getByRole("checkbox", { name: "承办人员" }));
    expect(screen.getByLabelText(/^所属单位/)).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "创建账号" }));
    expect(await screen.findByText("承办人员必须属于一个单位。")).toBeTruthy();
    expect(screen.queryByTestId("temporary-password")).toBeNull();

    await screen.findByRole("option", { name: /青城镇人民政府/ });
    fireEvent.change(screen.getByLabelText(/^所属单位/), { target: { value: "u-town" } });
    fireEvent.click(screen.getByRole("button", { name: "创建账号" }));
    const created = await screen.findByTestId("account-created");
    expect(within(created).getByTestId("temporary-password").textContent).toBe("k7Qm-x3Ta-9pRc");
    expect(calls.at(-1)).toEqual({ input: { username: "qian.town", displayName: "钱干事", roles: ["HANDLER"], unitId: "u-town", seat: null, team: null, leaderUnitId: null } });
  });

  it("is in the nav for admins only", () => {
    expect(accountsNavItems("admin/accounts", ["ADMIN"], "Staff accounts")).toHaveLength(1);
    expect(accountsNavItems("", ["SUPERVISOR", "LEADER"], "Staff accounts")).toEqual([]);
  });
});
