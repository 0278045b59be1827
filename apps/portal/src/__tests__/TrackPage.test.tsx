import type { MockLink } from "@apollo/client/testing";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RateTicketOnlineDocument, RequestTrackingCodeDocument, TrackTicketDocument, VerifyTrackingCodeDocument } from "../gql/graphql.ts";
import { TrackPage } from "../pages/TrackPage.tsx";
import { renderPortal } from "./fixtures.tsx";

const NUMBER = "ZB-20251124-00017";
// The access's end as the server gives it: 30 minutes after the code was verified (now, in the browser).
const ACCESS_ENDS = new Date(Date.now() + 30 * 60_000).toISOString();
const lookup = { trackingNumber: NUMBER, phone: "13812345678" };

const codeSent: MockLink.MockedResponse = {
  request: { query: RequestTrackingCodeDocument, variables: lookup },
  result: { data: { requestTrackingCode: { __typename: "TrackingCodeRequest", sentTo: "138****5678", expiresAt: "2025-11-24T02:10:00Z", resendAfterSeconds: 60 } } },
};

function verified(code = "123456"): MockLink.MockedResponse {
  return {
    request: { query: VerifyTrackingCodeDocument, variables: { ...lookup, code } },
    result: { data: { verifyTrackingCode: { __typename: "TrackingAccess", accessToken: "token-1", expiresAt: ACCESS_ENDS } } },
  };
}

const rating = {
  __typename: "CitizenRating",
  resolution: "PARTLY",
  resultSatisfaction: "BASICALLY_SATISFIED",
  processSatisfaction: "SATISFIED",
  comment: "Thanks",
  ratedAt: "2025-11-25T02:00:00Z",
  channel: "ONLINE",
};

function tracked(overrides: Record<string, unknown> = {}): MockLink.MockedResponse {
  return {
    request: { query: TrackTicketDocument, variables: { trackingNumber: NUMBER, accessToken: "token-1" } },
    result: {
      data: {
        trackTicket: {
          __typename: "PublicTicket",
          trackingNumber: NUMBER,
          status: "REPLIED",
          requestType: "COMPLAINT",
          category: { __typename: "Category", id: "c2", nameZh: "路灯照明", nameEn: "Street lights" },
          district: { __typename: "Area", id: "d1", nameZh: "张店区", nameEn: "Zhangdian District" },
          township: { __typename: "Area", id: "t1", nameZh: "马尚街道", nameEn: null },
          address: "Building 3, Huaguang Road",
          description: "The street light has been off for a week.",
          receivedAt: "2025-11-24T02:05:00Z",
          timeline: [
            { __typename: "PublicTimelineEntry", at: "2025-11-24T02:05:00Z", status: "RECEIVED" },
            { __typename: "PublicTimelineEntry", at: "2025-11-24T03:00:00Z", status: "DISPATCHED" },
            { __typename: "PublicTimelineEntry", at: "2025-11-25T01:00:00Z", status: "REPLIED" },
          ],
          publicNotes: [],
          reply: { __typename: "PublicReply", text: "The lamp was replaced.", repliedAt: "2025-11-25T01:00:00Z", unitNameZh: "城市管理局", unitNameEn: "City Management Bureau", attachments: [] },
          canRate: true,
          rating: null,
          ...overrides,
        },
      },
    },
  };
}

async function askForCode(phoneLabel = "Phone number", sendLabel = "Send me a code") {
  fireEvent.change(screen.getByLabelText(phoneLabel), { target: { value: "138 1234 5678" } });
  fireEvent.click(screen.getByRole("button", { name: sendLabel }));
}

beforeEach(() => window.sessionStorage.clear());
afterEach(() => vi.unstubAllGlobals());

async function enterCode() {
  await askForCode();
  fireEvent.change(await screen.findByLabelText(/6-digit code/), { target: { value: "123456" } });
  fireEvent.click(screen.getByTestId("code-submit"));
}

describe("what the office shares with the citizen", () => {
  it("shows public progress notes in the timeline, in time order, under the unit's name", async () => {
    const notes = [{ __typename: "PublicNote", at: "2025-11-24T05:00:00Z", text: "We have ordered a new lamp.", unitNameZh: "城市管理局", unitNameEn: "City Management Bureau" }];
    renderPortal(<TrackPage initialNumber={NUMBER} />, [codeSent, verified(), tracked({ publicNotes: notes })]);
    await enterCode();
    const timeline = await screen.findByRole("list", { name: "Progress" });
    const items = within(timeline).getAllByRole("listitem").map((li) => li.textContent ?? "");
    expect(items).toHaveLength(4);
    expect(items[2]).toContain("Update from City Management Bureau");
    expect(items[2]).toContain("We have ordered a new lamp.");
    expect(items[1]).toContain("Sent to department");
  });

  it("shows the reply's photo as a thumbnail read with the access token, which opens full size", async () => {
    const fetched: Array<[string, unknown]> = [];
    vi.stubGlobal(
      "fetch",
      vi.fn(async (url: string, init: RequestInit) => {
        fetched.push([url, init.headers]);
        return new Response(new Blob(["png"], { type: "image/png" }), { status: 200 });
      }),
    );
    URL.createObjectURL = vi.fn(() => "blob:reply-photo");
    URL.revokeObjectURL = vi.fn();
    const reply = {
      __typename: "PublicReply",
      text: "The lamp was replaced.",
      repliedAt: "2025-11-25T01:00:00Z",
      unitNameZh: "城市管理局",
      unitNameEn: "City Management Bureau",
      attachments: [{ __typename: "PublicReplyAttachment", id: "f1", filename: "new-lamp.jpg", contentType: "image/jpeg", url: "/files/f1" }],
    };
    renderPortal(<TrackPage initialNumber={NUMBER} />, [codeSent, verified(), tracked({ reply })]);
    await enterCode();
    const open = await screen.findByRole("button", { name: "Open the photo new-lamp.jpg at full size" });
    await waitFor(() => expect(open.querySelector("img")?.getAttribute("src")).toBe("blob:reply-photo"));
    expect(fetched).toEqual([["/files/f1", { "x-tracking-access": "token-1" }]]);
    fireEvent.click(open);
    expect(screen.getByRole("dialog", { name: "new-lamp.jpg" })).toBeTruthy();
  });
});

describe("the tracked request across a reload", () => {
  it("shows the request again after a reload within its 30 minutes, without a new code; closing it forgets the access", async () => {
    const first = renderPortal(<TrackPage initialNumber={NUMBER} />, [codeSent, verified(), tracked()]);
    await enterCode();
    await screen.findByTestId("track-result");
    const stored = window.sessionStorage.getItem("civicline.portal.tracking") ?? "";
    expect(stored).toContain("token-1");
    expect(stored).not.toContain("13812345678");
    first.unmount();

    // The reload: a new page that has nothing but the stored access.
    const second = renderPortal(<TrackPage />, [tracked()]);
    await screen.findByTestId("track-result");
    expect(screen.queryByLabelText(/6-digit code/)).toBeNull();
    fireEvent.click(screen.getByTestId("track-close"));
    expect(await screen.findByLabelText(/Tracking number/)).toBeTruthy();
    second.unmount();

    renderPortal(<TrackPage />, []);
    expect(screen.getByLabelText(/Tracking number/)).toBeTruthy();
    expect(screen.queryByTestId("track-result")).toBeNull();
  });

  it("does not restore an access whose time is over", () => {
    window.sessionStorage.setItem("civicline.portal.tracking", JSON.stringify({ trackingNumber: NUMBER, accessToken: "token-1", expiresAt: new Date(Date.now() - 1000).toISOString() }));
    renderPortal(<TrackPage />, []);
    expect(screen.getByLabelText(/Tracking number/)).toBeTruthy();
    expect(window.sessionStorage.getItem("civicline.portal.tracking")).toBeNull();
  });
});

describe("track page", () => {
  it("prefills the number, texts a code, opens the request and shows steps, reply and the rating form", async () => {
    renderPortal(<TrackPage initialNumber={NUMBER} />, [codeSent, verified(), tracked()]);
    expect((screen.getByLabelText(/Tracking number/) as HTMLInputElement).value).toBe(NUMBER);
    await askForCode();

    const heading = await screen.findByRole("heading", { name: "Enter the code" });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(screen.getByTestId("code-form").textContent).toContain("138****5678");
    const code = screen.getByLabelText(/6-digit code/);
    expect(code.getAttribute("autocomplete")).toBe("one-time-code");
    expect(code.getAttribute("inputmode")).toBe("numeric");
    expect((screen.getByTestId("code-resend") as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(code, { target: { value: "123 456" } });
    fireEvent.click(screen.getByTestId("code-submit"));

    const result = await screen.findByTestId("track-result");
    await waitFor(() => expect(document.activeElement?.id).toBe("track-result-title"));
    const steps = within(screen.getByTestId("status-steps")).getAllByRole("listitem");
    expect(steps.map((li) => li.textContent)).toEqual(["✓Received (done)", "✓With the office (done)", "3Replied (current step)", "4Closed (not yet)"]);
    expect(steps[2]?.getAttribute("aria-current")).toBe("step");
    expect(result.textContent).toContain("Zhangdian District · 马尚街道");
    expect(screen.getByTestId("track-reply").textContent).toContain("City Management Bureau, 11/25/2025, 09:00");
    expect(screen.getByTestId("track-reply").textContent).toContain("The lamp was replaced.");
    expect(screen.getByTestId("rating-form")).toBeTruthy();
  });

  it("rates the reply: unanswered questions are flagged, then the rating is shown", async () => {
    renderPortal(<TrackPage initialNumber={NUMBER} />, [
      codeSent,
      verified(),
      tracked(),
      {
        request: {
          query: RateTicketOnlineDocument,
          variables: { input: { accessToken: "token-1", resolution: "PARTLY", resultSatisfaction: "BASICALLY_SATISFIED", processSatisfaction: "SATISFIED", comment: "Thanks" } },
        },
        result: { data: { rateTicketOnline: rating } },
      },
      tracked({ canRate: false, rating, status: "CLOSED" }),
    ]);
    await askForCode();
    fireEvent.change(await screen.findByLabelText(/6-digit code/), { target: { value: "123456" } });
    fireEvent.click(screen.getByTestId("code-submit"));
    const form = await screen.findByTestId("rating-form");

    fireEvent.click(within(form).getByTestId("rating-submit"));
    const resolution = screen.getByRole("radiogroup", { name: "Was your problem resolved?" });
    expect(resolution.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(resolution.getAttribute("aria-describedby")!)?.textContent).toBe("Please choose one answer.");
    await waitFor(() => expect(document.activeElement).toBe(within(resolution).getByLabelText("Yes")));

    fireEvent.click(within(resolution).getByLabelText("Partly"));
    fireEvent.click(within(screen.getByRole("radiogroup", { name: "How satisfied are you with the result?" })).getByLabelText("Basically satisfied"));
    fireEvent.click(within(screen.getByRole("radiogroup", { name: "How satisfied are you with how your request was handled?" })).getByLabelText("Satisfied"));
    fireEvent.change(within(form).getByLabelText(/Comment/), { target: { value: "Thanks" } });
    fireEvent.click(within(form).getByTestId("rating-submit"));

    expect((await screen.findByTestId("rating-thanks")).textContent).toBe("Thank you for your rating.");
    const given = await screen.findByTestId("rating-given");
    expect(given.textContent).toContain("Partly");
    expect(given.textContent).toContain("Basically satisfied");
    expect(given.textContent).toContain("Given online, 11/25/2025, 10:00");
    expect(screen.queryByTestId("rating-form")).toBeNull();
  });

  it("counts down the tries of a wrong code on the code field", async () => {
    renderPortal(<TrackPage initialNumber={NUMBER} />, [
      codeSent,
      {
        request: { query: VerifyTrackingCodeDocument, variables: { ...lookup, code: "000000" } },
        result: { errors: [{ message: "wrong", extensions: { code: "INTAKE/OTP_INVALID", attemptsLeft: 3, fields: [{ field: "code", code: "OTP_INVALID", message: "wrong" }] } }] },
      },
    ]);
    await askForCode();
    const code = await screen.findByLabelText(/6-digit code/);
    fireEvent.change(code, { target: { value: "000000" } });
    fireEvent.click(screen.getByTestId("code-submit"));
    await waitFor(() => expect(code.getAttribute("aria-invalid")).toBe("true"));
    const describedBy = code.getAttribute("aria-describedby")?.split(" ") ?? [];
    expect(describedBy.map((id) => document.getElementById(id)?.textContent)).toContain("This code is not right. 3 tries left.");
    await waitFor(() => expect(document.activeElement).toBe(code));
  });

  it("says how long to wait when codes are asked for too often, in Chinese", async () => {
    renderPortal(
      <TrackPage initialNumber={NUMBER} />,
      [{ request: { query: RequestTrackingCodeDocument, variables: lookup }, result: { errors: [{ message: "wait", extensions: { code: "INTAKE/OTP_RATE_LIMITED", retryAfterSeconds: 42 } }] } }],
      "zh-CN",
    );
    await askForCode("手机号码", "获取验证码");
    expect((await screen.findByTestId("track-error")).textContent).toBe("请等待 42 秒后再获取验证码。");
  });

  it("goes back to the first step when the access has expired", async () => {
    renderPortal(<TrackPage initialNumber={NUMBER} />, [
      codeSent,
      verified(),
      {
        request: { query: TrackTicketDocument, variables: { trackingNumber: NUMBER, accessToken: "token-1" } },
        result: { errors: [{ message: "expired", extensions: { code: "INTAKE/TRACKING_ACCESS_INVALID" } }] },
      },
    ]);
    await askForCode();
    fireEvent.change(await screen.findByLabelText(/6-digit code/), { target: { value: "123456" } });
    fireEvent.click(screen.getByTestId("code-submit"));
    expect(await screen.findByText("Your access to this request has ended. Ask for a new code to see it again.")).toBeTruthy();
    expect((screen.getByLabelText(/Tracking number/) as HTMLInputElement).value).toBe(NUMBER);
  });

  it("flags empty fields before asking for a code", async () => {
    renderPortal(<TrackPage />, []);
    fireEvent.click(screen.getByRole("button", { name: "Send me a code" }));
    const number = screen.getByLabelText(/Tracking number/);
    expect(number.getAttribute("aria-invalid")).toBe("true");
    await waitFor(() => expect(document.activeElement).toBe(number));
  });
});
