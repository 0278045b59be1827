import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { LogCallDocument, SendToDispatchDocument } from "../../gql/graphql.ts";
import { control, fillStreetLight, logCallMock, loggedTicket, pick, press, renderCallForm, SLOW, type } from "./callTestKit.tsx";

/** Ids (or test ids) of the controls a Tab press visits, in order. */
function tabOrder(root: HTMLElement): string[] {
  const candidates = root.querySelectorAll<HTMLElement>("input, select, textarea, button, a[href], [tabindex]");
  return Array.from(candidates)
    .filter((el) => el.tabIndex >= 0 && !(el as HTMLInputElement).disabled && !el.closest("[hidden]") && !el.closest("fieldset:disabled"))
    .map((el) => el.id || el.dataset.testid || el.tagName.toLowerCase());
}

describe("call form: extra fields", SLOW, () => {
  it("renders the category's extra fields by type and checks the required ones before sending", async () => {
    const calls: unknown[] = [];
    renderCallForm([logCallMock(calls)]);
    await fillStreetLight();
    expect(screen.queryByTestId("extra-fields")).toBeNull();

    pick("call-category", "物业");
    const extra = await screen.findByTestId("extra-fields");
    expect(within(extra).getByLabelText("Housing estate")).toBe(control("call-extra-estate"));
    expect(control("call-extra-households").getAttribute("inputmode")).toBe("decimal");
    expect(control("call-extra-since").type).toBe("date");
    const fee = control("call-extra-fee") as unknown as HTMLSelectElement;
    expect(Array.from(fee.options).map((o) => o.value)).toEqual(["", "物业费", "有线电视费"]);
    expect(within(extra).getAllByText("(optional)", { exact: false })).toHaveLength(2);

    type("call-extra-households", "十二");
    press("Enter", { ctrlKey: true });
    await waitFor(() => expect(control("call-extra-estate").getAttribute("aria-invalid")).toBe("true"));
    expect(control("call-extra-fee").getAttribute("aria-invalid")).toBe("true");
    expect(control("call-extra-households").getAttribute("aria-invalid")).toBe("true");
    const summary = screen.getByTestId("call-errors");
    expect(summary.textContent).toContain("Housing estate: This field is required.");
    expect(summary.querySelector("a")?.getAttribute("href")).toBe("#call-extra-estate");
    expect(document.activeElement?.id).toBe("call-errors");
    expect(calls).toHaveLength(0);

    type("call-extra-estate", "华光小区");
    expect(control("call-extra-estate").getAttribute("aria-invalid")).toBeNull();
  });

  it("puts the server's INTAKE/MISSING_EXTRA_FIELD error on that field, worded in the UI language", async () => {
    renderCallForm(
      [
        {
          request: { query: LogCallDocument, variables: () => true },
          result: {
            errors: [
              {
                message: "Missing extra field fee",
                extensions: { code: "INTAKE/MISSING_EXTRA_FIELD", fields: [{ field: "extraFields.fee", code: "REQUIRED", message: "fee is required" }] },
              },
            ],
          },
        },
      ],
      undefined,
      "zh-CN",
    );
    await fillStreetLight();
    pick("call-category", "物业");
    await screen.findByTestId("extra-fields");
    type("call-extra-estate", "华光小区");
    type("call-extra-fee", "物业费");
    press("Enter", { ctrlKey: true });
    await waitFor(() => expect(control("call-extra-fee").getAttribute("aria-invalid")).toBe("true"));
    const describedBy = control("call-extra-fee").getAttribute("aria-describedby") ?? "";
    expect(describedBy.split(" ").map((id) => document.getElementById(id)?.textContent)).toContain("此项为必填项。");
  });
});

describe("call form: keyboard", SLOW, () => {
  it("puts every control in a logical Tab order, starting focused on the request type", async () => {
    renderCallForm([]);
    await fillStreetLight();
    pick("call-category", "物业");
    await screen.findByTestId("extra-fields");
    const order = tabOrder(screen.getByTestId("call-form"));
    const fields = order.filter((id) => id.startsWith("call-"));
    expect(fields).toEqual([
      "call-requestType",
      "call-category",
      "call-extra-estate",
      "call-extra-households",
      "call-extra-since",
      "call-extra-fee",
      "call-districtId",
      "call-townshipId",
      "call-address",
      "call-description",
      "call-urgency",
      "call-citizenName",
      "call-phone",
      "call-privacy",
      "call-attachments",
      "call-answer",
    ]);
    // The outcome buttons come right after the last field, before the side panels.
    const actions = order.indexOf("save-call");
    expect(order.slice(actions, actions + 3)).toEqual(["save-call", "answer-directly", "send-to-dispatch"]);
    expect(actions).toBeGreaterThan(order.indexOf("call-attachments"));
    expect(actions).toBeLessThan(order.indexOf("call-answer"));
  });

  it("focuses the first field when the form opens", async () => {
    renderCallForm([]);
    await waitFor(() => expect(document.activeElement?.id).toBe("call-requestType"));
  });

  it("Alt+E marks the call as an emergency and moves to the checklist; Alt+I inserts the category's template", async () => {
    renderCallForm([]);
    await fillStreetLight();
    control("call-address").focus();
    press("e", { altKey: true, code: "KeyE" });
    const checklist = await screen.findByTestId("emergency-checklist");
    expect((control("call-urgency") as unknown as HTMLSelectElement).value).toBe("EMERGENCY");
    expect(screen.getByTestId("call-emergency-flag")).toBeTruthy();
    expect(within(checklist).getAllByRole("checkbox").map((box) => box.parentElement?.textContent?.trim())).toEqual([
      "Anyone injured or trapped?",
      "Exact location confirmed (building, floor, landmark)",
      "Safety advice given (leave the area, no open flame …)",
      "Hazards on site (fire, gas, chemicals, power)?",
      "Callback number confirmed",
    ]);
    await waitFor(() => expect(document.activeElement?.id).toBe("emergency-first-check"));

    press("i", { altKey: true, code: "KeyI" });
    expect((control("call-description") as unknown as HTMLTextAreaElement).value).toBe("路灯不亮已经一周。\nThe caller reports a street light that is out.");
    await waitFor(() => expect(document.activeElement?.id).toBe("call-description"));
  });

  it("Enter in a one-line field does not save; Ctrl+Enter saves once, even when pressed twice", async () => {
    const calls: unknown[] = [];
    renderCallForm([logCallMock(calls)]);
    await fillStreetLight();
    control("call-address").focus();
    expect(fireEvent.keyDown(control("call-address"), { key: "Enter" })).toBe(false);
    press("Enter", { ctrlKey: true });
    press("Enter", { ctrlKey: true });
    expect(await screen.findByTestId("call-saved")).toBeTruthy();
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      channel: "PHONE",
      requestType: "COMPLAINT",
      categoryId: "light",
      districtId: "d1",
      address: "华光路 3 号",
      phone: "13812345678",
      privacy: "NONE",
      urgency: "NORMAL",
      callId: null,
    });
    expect((calls[0] as { clientRequestId: string }).clientRequestId).toMatch(/^[0-9a-f-]{36}$/);
    // Saved: the fields are locked, the outcome buttons stay.
    expect(control("call-address").matches(":disabled")).toBe(true);
    expect(screen.getByTestId("send-to-dispatch")).toBeTruthy();
  });

  it("Alt+S saves and sends to dispatch in one go", async () => {
    const calls: unknown[] = [];
    const dispatched: unknown[] = [];
    renderCallForm([
      logCallMock(calls),
      {
        request: { query: SendToDispatchDocument, variables: () => true },
        result: (variables) => {
          dispatched.push(variables);
          return { data: { sendToDispatch: loggedTicket({ status: "AWAITING_DISPATCH", version: 2 }) } };
        },
      },
    ]);
    await fillStreetLight();
    press("s", { altKey: true, code: "KeyS" });
    const done = await screen.findByTestId("call-done");
    expect(done.textContent).toContain("ZB-20261124-00042 was sent to dispatch.");
    expect(calls).toHaveLength(1);
    expect(dispatched).toEqual([{ ticketId: "t-new", version: 1 }]);
  });

  it("keeps the same clientRequestId when a failed save is retried", async () => {
    const calls: { clientRequestId: string }[] = [];
    renderCallForm([
      { request: { query: LogCallDocument, variables: () => true }, result: (v) => (calls.push(v.input), { errors: [{ message: "timeout", extensions: { code: "INTERNAL_SERVER_ERROR" } }] }) },
      logCallMock(calls),
    ]);
    await fillStreetLight();
    press("Enter", { ctrlKey: true });
    expect(await screen.findByTestId("call-errors")).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByTestId("save-call"));
    });
    await screen.findByTestId("call-saved");
    expect(calls).toHaveLength(2);
    expect(calls[0]?.clientRequestId).toBe(calls[1]?.clientRequestId);
  });

  it("makes a report confidential unless the call-taker chose otherwise", async () => {
    renderCallForm([]);
    await waitFor(() => expect(control("call-privacy")).toBeTruthy());
    type("call-requestType", "REPORT");
    expect((control("call-privacy") as unknown as HTMLSelectElement).value).toBe("CONFIDENTIAL");
    type("call-requestType", "COMPLAINT");
    expect((control("call-privacy") as unknown as HTMLSelectElement).value).toBe("NONE");
    type("call-privacy", "ANONYMOUS");
    type("call-requestType", "REPORT");
    expect((control("call-privacy") as unknown as HTMLSelectElement).value).toBe("ANONYMOUS");
  });
});
