import type { MockLink } from "@apollo/client/testing";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { SaveSmsTemplateDocument, SmsTemplatesDocument } from "../../../gql/graphql.ts";
import { recordingMock, renderRouting, stateMock } from "../../../routing/__tests__/routingKit.tsx";
import { AdminMessagesPage } from "../AdminMessagesPage.tsx";
import { adminMessagesNavItems } from "../routes.tsx";

const template = (step: string, locale: "ZH_CN" | "EN", text: string) => ({
  __typename: "SmsTemplate",
  step,
  locale,
  text,
  defaultText: text,
  isDefault: true,
  allowedPlaceholders: ["number", "link"],
  requiredPlaceholders: ["number"],
  updatedAt: null,
  updatedByName: null,
});
const TEMPLATES = [template("CLOSED", "ZH_CN", "【12345】您的诉求 {number} 已办结。"), template("CLOSED", "EN", "12345: your request {number} is closed.")];

function refusing(code: string, fieldCode: string, placeholder: string): MockLink.MockedResponse {
  return {
    request: { query: SaveSmsTemplateDocument, variables: () => true },
    result: { errors: [{ message: "refused", extensions: { code, placeholder, fields: [{ field: "text", code: fieldCode, message: "refused", placeholder }] } }] },
  } as MockLink.MockedResponse;
}

describe("the citizens' text templates page", () => {
  it("shows each step in both languages with its placeholders, and words a refused placeholder in the admin's language on the field", async () => {
    renderRouting(<AdminMessagesPage />, [stateMock(SmsTemplatesDocument, () => ({ smsTemplates: TEMPLATES })), refusing("CALLBACK/TEMPLATE_UNKNOWN_PLACEHOLDER", "UNKNOWN_PLACEHOLDER", "when")], "zh-CN");
    const step = await screen.findByTestId("sms-step-CLOSED");
    expect(within(step).getByRole("heading", { name: "诉求办结" })).toBeTruthy();
    expect(step.textContent).toContain("必须包含：{number}");
    const english = screen.getByTestId("sms-template-CLOSED-EN");
    const area = within(english).getByLabelText("英文");
    fireEvent.change(area, { target: { value: "{number} closed {when}" } });
    fireEvent.click(within(english).getByRole("button", { name: "保存" }));
    expect(await within(english).findByText("此短信不能使用 {when}，请只使用列出的占位符。")).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(area));
    expect(area.getAttribute("aria-invalid")).toBe("true");
  });

  it("saves and puts the built-in wording back", async () => {
    const calls: Record<string, unknown>[] = [];
    renderRouting(<AdminMessagesPage />, [
      stateMock(SmsTemplatesDocument, () => ({ smsTemplates: TEMPLATES })),
      recordingMock(SaveSmsTemplateDocument, calls, (variables) => ({
        saveSmsTemplate: { ...template("CLOSED", "EN", (variables.text as string | null) ?? "12345: your request {number} is closed."), isDefault: variables.text === null },
      })),
    ]);
    const english = await screen.findByTestId("sms-template-CLOSED-EN");
    fireEvent.change(within(english).getByLabelText("English"), { target: { value: "Closed: {number}" } });
    fireEvent.click(within(english).getByRole("button", { name: "Save" }));
    expect(await within(english).findByText("Saved. The next texts use this wording.")).toBeTruthy();
    fireEvent.click(within(english).getByRole("button", { name: "Restore the built-in wording" }));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls).toEqual([
      { step: "CLOSED", locale: "EN", text: "Closed: {number}" },
      { step: "CLOSED", locale: "EN", text: null },
    ]);
  });

  it("is in the nav for admins only", () => {
    expect(adminMessagesNavItems("admin/messages", ["ADMIN"], "x")).toHaveLength(1);
    expect(adminMessagesNavItems("", ["SUPERVISOR", "LEADER"], "x")).toEqual([]);
  });
});
