import type { MockLink } from "@apollo/client/testing";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderPortal } from "../../__tests__/fixtures.tsx";
import { AddToRequestDocument, RequestAdditionsDocument, SetTextMessagePreferenceDocument, TextMessagePreferenceDocument } from "../../gql/graphql.ts";
import { AddToRequest } from "../AddToRequest.tsx";
import { RequestUpdates } from "../RequestUpdates.tsx";
import { TextPreferences } from "../TextPreferences.tsx";

const N = "ZB-20261206-00004";
const T = "token-1";
const additions = (list: unknown[]): MockLink.MockedResponse => ({
  request: { query: RequestAdditionsDocument, variables: { trackingNumber: N, accessToken: T } },
  result: { data: { requestAdditions: list } },
});
const preference = (optedOut: boolean, locale: "EN" | "ZH_CN" | null): MockLink.MockedResponse => ({
  request: { query: TextMessagePreferenceDocument, variables: { trackingNumber: N, accessToken: T } },
  result: { data: { textMessagePreference: { __typename: "TextMessagePreference", optedOut, locale } } },
});
const added = { __typename: "CitizenAddition", id: "a1", message: "又收到了收费通知。", at: "2026-12-06T03:00:00Z", photos: [] };

describe("adding to an opened request", () => {
  it("refuses an empty addition in the browser, then sends the message and lists it", async () => {
    renderPortal(<AddToRequest trackingNumber={N} accessToken={T} />, [
      additions([]),
      {
        request: { query: AddToRequestDocument, variables: { input: { trackingNumber: N, accessToken: T, message: "又收到了收费通知。", attachments: [] } } },
        result: { data: { addToRequest: added } },
      },
      additions([added]),
    ]);
    fireEvent.click(screen.getByRole("button", { name: "Send" }));
    expect((await screen.findByRole("alert")).textContent).toContain("Write a message or add a photo.");
    fireEvent.change(screen.getByLabelText(/Your message/), { target: { value: "又收到了收费通知。" } });
    fireEvent.click(screen.getByRole("button", { name: "Send" }));
    expect(await screen.findByText(/Sent\. The office handling your request/)).toBeTruthy();
    expect((await screen.findByTestId("request-additions")).textContent).toContain("又收到了收费通知。");
  });

  it("says so in Chinese when the request closed meanwhile", async () => {
    renderPortal(<AddToRequest trackingNumber={N} accessToken={T} />, [
      additions([]),
      {
        request: { query: AddToRequestDocument, variables: { input: { trackingNumber: N, accessToken: T, message: "补充", attachments: [] } } },
        result: { errors: [{ message: "closed", extensions: { code: "CALLBACK/REQUEST_CLOSED" } }] },
      },
    ], "zh-CN");
    fireEvent.change(screen.getByLabelText(/补充内容/), { target: { value: "补充" } });
    fireEvent.click(screen.getByRole("button", { name: "提交补充" }));
    expect((await screen.findByRole("alert")).textContent).toContain("该诉求已办结，不能再补充");
  });

  it("offers no form on a closed request", () => {
    renderPortal(<RequestUpdates trackingNumber={N} status="CLOSED" accessToken={T} />, [preference(false, null)]);
    expect(screen.queryByTestId("request-add-form")).toBeNull();
    expect(screen.getByText(/Your request is closed/)).toBeTruthy();
  });
});

describe("choosing the progress texts", () => {
  it("starts from the stored choice and opts out", async () => {
    renderPortal(<TextPreferences trackingNumber={N} accessToken={T} />, [
      preference(false, "EN"),
      {
        request: { query: SetTextMessagePreferenceDocument, variables: { trackingNumber: N, accessToken: T, optedOut: true, locale: "EN" } },
        result: { data: { setTextMessagePreference: { __typename: "TextMessagePreference", optedOut: true, locale: "EN" } } },
      },
    ]);
    await waitFor(() => expect((screen.getByRole("radio", { name: "English" }) as HTMLInputElement).checked).toBe(true));
    const receive = screen.getByRole("checkbox", { name: /Send me text messages/ });
    expect((receive as HTMLInputElement).checked).toBe(true);
    fireEvent.click(receive);
    expect(screen.getByRole("radio", { name: "English" }).matches(":disabled")).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect((await screen.findByRole("status")).textContent).toContain("You will get no more progress texts");
  });
});
