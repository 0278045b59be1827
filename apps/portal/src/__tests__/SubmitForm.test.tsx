import type { MockLink } from "@apollo/client/testing";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { SubmitRequestDocument, type SubmitRequestMutationVariables } from "../gql/graphql.ts";
import { SubmitPage } from "../pages/SubmitPage.tsx";
import { SubmitForm } from "../submit/SubmitForm.tsx";
import type { PhotoUploader } from "../submit/uploads.ts";
import { categoriesMock, districtsMock, portalSettingsMock, renderPortal, townshipsMock } from "./fixtures.tsx";

const expected = {
  requestType: "COMPLAINT",
  categoryId: "c2",
  description: "The street light outside building 3 has been off for a week.",
  districtId: "d1",
  townshipId: "t1",
  address: "Building 3, Huaguang Road",
  latitude: null,
  longitude: null,
  citizenName: "Li Lei",
  phone: "13812345678",
  email: null,
  privacy: "NONE",
  attachments: [],
  sendTrackingSms: false,
};

/** Matches the submit mutation whatever the random idempotency key, and records what was sent. */
function submitMock(result: MockLink.MockedResponse["result"], sent: SubmitRequestMutationVariables[] = [], overrides: Record<string, unknown> = {}): MockLink.MockedResponse {
  return {
    request: {
      query: SubmitRequestDocument,
      variables: (variables: SubmitRequestMutationVariables) => {
        sent.push(variables);
        const { clientRequestId, ...rest } = variables.input;
        return typeof clientRequestId === "string" && clientRequestId.length >= 16 && JSON.stringify(rest) === JSON.stringify({ ...rest, ...expected, ...overrides });
      },
    },
    result,
  };
}

/** Types into the category search and picks the first match with Enter. */
function pickCategory(label: string, typed: string) {
  const box = screen.getByLabelText(label);
  fireEvent.change(box, { target: { value: typed } });
  fireEvent.keyDown(box, { key: "Enter" });
}

async function fillForm() {
  await screen.findByRole("option", { name: "Zhangdian District" });
  await waitFor(() => expect((screen.getByLabelText("Category") as HTMLInputElement).disabled).toBe(false));
  fireEvent.change(screen.getByLabelText("Request type"), { target: { value: expected.requestType } });
  pickCategory("Category", "street");
  fireEvent.change(screen.getByLabelText("Describe your request"), { target: { value: expected.description } });
  fireEvent.change(screen.getByLabelText("District or county"), { target: { value: expected.districtId } });
  await screen.findByRole("option", { name: "马尚街道" });
  fireEvent.change(screen.getByLabelText(/Township or street/), { target: { value: expected.townshipId } });
  fireEvent.change(screen.getByLabelText("Address or location"), { target: { value: expected.address } });
  fireEvent.change(screen.getByLabelText("Your name"), { target: { value: expected.citizenName } });
  fireEvent.change(screen.getByLabelText("Mobile phone number"), { target: { value: "138 1234 5678" } });
}

const base = [categoriesMock, districtsMock, townshipsMock, portalSettingsMock()];

describe("submit form", () => {
  it("finds categories by Chinese or English words and picks one with the keyboard", async () => {
    renderPortal(<SubmitPage />, base);
    const box = screen.getByLabelText("Category");
    await waitFor(() => expect((box as HTMLInputElement).disabled).toBe(false));
    fireEvent.change(box, { target: { value: "路灯" } });
    const list = screen.getByRole("listbox", { name: "Matching categories" });
    expect(within(list).getAllByRole("option").map((o) => o.textContent)).toEqual(["City management / Street lights城市管理 / 路灯照明"]);
    fireEvent.change(box, { target: { value: "zzz" } });
    expect(list.textContent).toContain("No category matches");
    fireEvent.change(box, { target: { value: "" } });
    fireEvent.keyDown(box, { key: "ArrowDown" });
    expect(box.getAttribute("aria-activedescendant")).toBeTruthy();
    fireEvent.keyDown(box, { key: "Enter" });
    expect((box as HTMLInputElement).value).toBe("Other");
    expect(box.getAttribute("data-value")).toBe("c3");
  });

  it("warns about an emergency from the words typed and offers to call 119 now", async () => {
    renderPortal(<SubmitPage />, base);
    await fillForm();
    expect(screen.queryByTestId("emergency-warning")).toBeNull();
    fireEvent.change(screen.getByLabelText("Describe your request"), { target: { value: "Strong smell of gas in the stairwell" } });
    const warning = await screen.findByTestId("emergency-warning");
    expect(within(warning).getByRole("link", { name: "Call 119 (fire, gas leak)" }).getAttribute("href")).toBe("tel:119");
  });

  it("checks the phone's format and the name's length in the browser, before any round trip", async () => {
    const sent: SubmitRequestMutationVariables[] = [];
    renderPortal(<SubmitPage />, [...base, submitMock({ data: null }, sent)]);
    await fillForm();
    fireEvent.change(screen.getByLabelText("Mobile phone number"), { target: { value: "2345678" } });
    fireEvent.change(screen.getByLabelText("Your name"), { target: { value: "李".repeat(51) } });
    fireEvent.click(screen.getByTestId("submit-request"));

    const phone = screen.getByLabelText("Mobile phone number");
    await waitFor(() => expect(phone.getAttribute("aria-invalid")).toBe("true"));
    const summary = screen.getByTestId("submit-errors");
    expect(within(summary).getByRole("link", { name: /mobile number \(13812345678\) or a landline/ })).toBeTruthy();
    expect(within(summary).getByRole("link", { name: /at most 50 characters/ })).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it("shows the server's BAD_USER_INPUT messages next to their fields and moves focus to the first", async () => {
    renderPortal(<SubmitPage />, [
      ...base,
      submitMock({
        errors: [
          {
            message: "Invalid input",
            extensions: {
              code: "BAD_USER_INPUT",
              fields: [
                { field: "phone", message: "This number is not a mainland mobile number." },
                { field: "description", message: "Please describe the problem in more detail." },
              ],
            },
          },
        ],
      }),
    ]);
    await fillForm();
    fireEvent.click(screen.getByTestId("submit-request"));

    const phone = screen.getByLabelText("Mobile phone number");
    await waitFor(() => expect(phone.getAttribute("aria-invalid")).toBe("true"));
    const describedBy = phone.getAttribute("aria-describedby")?.split(" ") ?? [];
    expect(describedBy.map((id) => document.getElementById(id)?.textContent)).toContain("This number is not a mainland mobile number.");
    const description = screen.getByLabelText("Describe your request");
    expect(description.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByLabelText("Address or location").getAttribute("aria-invalid")).toBeNull();
    const summary = screen.getByTestId("submit-errors");
    expect(within(summary).getByRole("link", { name: /Mobile phone number/ }).getAttribute("href")).toBe("#submit-phone");
    await waitFor(() => expect(document.activeElement).toBe(description));
  });

  it("uploads photos as they are chosen, refuses non-photos, and sends them with their upload keys and the SMS choice", async () => {
    const uploader = vi.fn<PhotoUploader>(async (file, onProgress) => {
      onProgress(50);
      return { id: `file-${file.name}`, uploadKey: `key-${file.name}` };
    });
    URL.createObjectURL = vi.fn(() => "blob:preview");
    URL.revokeObjectURL = vi.fn();
    const sent: SubmitRequestMutationVariables[] = [];
    const submitted = vi.fn();
    renderPortal(<SubmitForm onSubmitted={submitted} uploader={uploader} />, [
      ...base,
      submitMock(
        { data: { submitRequest: { __typename: "SubmitRequestPayload", trackingNumber: "ZB-20251124-00017", receivedAt: "2025-11-24T02:05:00Z", smsSentTo: "138****5678" } } },
        sent,
        { attachments: [{ id: "file-kept.png", uploadKey: "key-kept.png" }], sendTrackingSms: true },
      ),
    ]);
    await fillForm();
    const input = screen.getByLabelText(/Photos/);
    const photo = (name: string, type = "image/png") => new File([new Uint8Array([0x89, 0x50])], name, { type });
    await act(async () => {
      fireEvent.change(input, { target: { files: [photo("kept.png"), photo("gone.jpg", "image/jpeg"), photo("notes.pdf", "application/pdf")] } });
    });
    expect(uploader).toHaveBeenCalledTimes(2);
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText(/notes\.pdf is not a photo we can accept/)).toBeTruthy();
    const list = screen.getByTestId("photo-list");
    expect(within(list).getByAltText("Preview of kept.png")).toBeTruthy();
    await waitFor(() => expect(within(list).getAllByText("Uploaded")).toHaveLength(2));
    fireEvent.click(within(list).getByRole("button", { name: "Remove gone.jpg" }));
    expect(within(list).queryByAltText("Preview of gone.jpg")).toBeNull();
    expect(document.activeElement).toBe(input);

    fireEvent.click(screen.getByLabelText("Send me the tracking number by SMS"));
    fireEvent.click(screen.getByTestId("submit-request"));
    await waitFor(() => expect(submitted).toHaveBeenCalledWith(expect.objectContaining({ trackingNumber: "ZB-20251124-00017", smsSentTo: "138****5678" })));
  });

  it("shows the tracking number with a copy button, the SMS notice and a link to track it", async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    renderPortal(<SubmitPage />, [
      ...base,
      submitMock(
        { data: { submitRequest: { __typename: "SubmitRequestPayload", trackingNumber: "ZB-20251124-00017", receivedAt: "2025-11-24T02:05:00Z", smsSentTo: "138****5678" } } },
        [],
        { sendTrackingSms: true },
      ),
    ]);
    await fillForm();
    fireEvent.click(screen.getByLabelText("Send me the tracking number by SMS"));
    fireEvent.click(screen.getByTestId("submit-request"));

    expect((await screen.findByTestId("tracking-number")).textContent).toBe("ZB-20251124-00017");
    await waitFor(() => expect(document.activeElement?.textContent).toBe("Your request has been received"));
    expect(screen.getByText("Received at 11/24/2025, 10:05")).toBeTruthy();
    expect(screen.getByTestId("sms-sent").textContent).toBe("We are sending the number by SMS to 138****5678.");
    expect(screen.getByTestId("track-link").getAttribute("href")).toBe(`${import.meta.env.BASE_URL}track?n=ZB-20251124-00017`);
    fireEvent.click(screen.getByTestId("copy-number"));
    expect(await screen.findByText("Tracking number copied.")).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith("ZB-20251124-00017");
  });

  it("flags empty required fields without calling the server and focuses the first", async () => {
    renderPortal(<SubmitPage />, base, "zh-CN");
    await screen.findByRole("option", { name: "张店区" });
    fireEvent.click(screen.getByTestId("submit-request"));
    expect(screen.getByLabelText("诉求类型").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByLabelText("诉求分类").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByLabelText("手机号码").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByLabelText(/所在镇（街道）/).getAttribute("aria-invalid")).toBeNull();
    expect(screen.getByLabelText(/电子邮箱/).getAttribute("aria-invalid")).toBeNull();
    expect(screen.getByTestId("submit-errors").textContent).toContain("诉求未提交");
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText("诉求类型")));
  });

  it("keeps a report confidential and explains each privacy choice", async () => {
    renderPortal(<SubmitPage />, base);
    const group = screen.getByRole("radiogroup", { name: "Who may see who you are" });
    const anonymous = within(group).getByLabelText("Anonymous");
    expect(anonymous.getAttribute("aria-describedby")).toBeTruthy();
    expect(document.getElementById(anonymous.getAttribute("aria-describedby")!)?.textContent).toContain("does not see your name");
    fireEvent.change(screen.getByLabelText("Request type"), { target: { value: "REPORT" } });
    expect((within(group).getByLabelText("Confidential") as HTMLInputElement).checked).toBe(true);
    expect((anonymous as HTMLInputElement).disabled).toBe(true);
  });

  it("offers a map pin only when a tile server is configured, set with the keyboard", async () => {
    const { unmount } = renderPortal(<SubmitPage />, base);
    await screen.findByRole("option", { name: "Zhangdian District" });
    expect(screen.queryByTestId("map-pin")).toBeNull();
    unmount();

    renderPortal(<SubmitPage />, [categoriesMock, districtsMock, portalSettingsMock("https://tiles.example.org/{z}/{x}/{y}.png")]);
    const map = await screen.findByRole("application", { name: /Map/ });
    expect(map.querySelector("img")?.getAttribute("src")).toMatch(/^https:\/\/tiles\.example\.org\/13\/\d+\/\d+\.png$/);
    fireEvent.keyDown(map, { key: "ArrowRight" });
    expect(screen.getByText(/^Pin at 36\.\d+, 118\.\d+$/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Remove the pin" }));
    expect(screen.getByText("No pin set.")).toBeTruthy();
  });
});
