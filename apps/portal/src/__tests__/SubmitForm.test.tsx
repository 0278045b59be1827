import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { SubmitRequestDocument } from "../gql/graphql.ts";
import { SubmitPage } from "../pages/SubmitPage.tsx";
import { categoriesMock, districtsMock, renderPortal, townshipsMock } from "./fixtures.tsx";

const input = {
  requestType: "COMPLAINT",
  categoryId: "c2",
  description: "The street light outside building 3 has been off for a week.",
  districtId: "d1",
  townshipId: "t1",
  address: "Building 3, Huaguang Road",
  citizenName: "Li Lei",
  phone: "13812345678",
};

async function fillForm() {
  await screen.findByRole("option", { name: "Street lights" });
  await screen.findByRole("option", { name: "Zhangdian District" });
  fireEvent.change(screen.getByLabelText("Request type"), { target: { value: input.requestType } });
  fireEvent.change(screen.getByLabelText("Category"), { target: { value: input.categoryId } });
  fireEvent.change(screen.getByLabelText("Describe your request"), { target: { value: input.description } });
  fireEvent.change(screen.getByLabelText("District or county"), { target: { value: input.districtId } });
  await screen.findByRole("option", { name: "马尚街道" });
  fireEvent.change(screen.getByLabelText(/Township or street/), { target: { value: input.townshipId } });
  fireEvent.change(screen.getByLabelText("Address or location"), { target: { value: input.address } });
  fireEvent.change(screen.getByLabelText("Your name"), { target: { value: input.citizenName } });
  fireEvent.change(screen.getByLabelText("Mobile phone number"), { target: { value: "138 1234 5678" } });
  fireEvent.click(screen.getByTestId("submit-request"));
}

describe("submit form", () => {
  it("shows the server's BAD_USER_INPUT messages next to their fields", async () => {
    renderPortal(<SubmitPage />, [
      categoriesMock,
      districtsMock,
      townshipsMock,
      {
        request: { query: SubmitRequestDocument, variables: { input } },
        result: {
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
        },
      },
    ]);
    await fillForm();

    const phone = screen.getByLabelText("Mobile phone number");
    await waitFor(() => expect(phone.getAttribute("aria-invalid")).toBe("true"));
    const describedBy = phone.getAttribute("aria-describedby")?.split(" ") ?? [];
    expect(describedBy.map((id) => document.getElementById(id)?.textContent)).toContain(
      "This number is not a mainland mobile number.",
    );
    expect(screen.getByLabelText("Describe your request").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByLabelText("Address or location").getAttribute("aria-invalid")).toBeNull();
    const summary = screen.getByTestId("submit-errors");
    expect(within(summary).getByRole("link", { name: /Mobile phone number/ }).getAttribute("href")).toBe("#submit-phone");
  });

  it("shows the tracking number after a successful submission, with a link to track it", async () => {
    renderPortal(<SubmitPage />, [
      categoriesMock,
      districtsMock,
      townshipsMock,
      {
        request: { query: SubmitRequestDocument, variables: { input } },
        result: {
          data: {
            submitRequest: { __typename: "SubmitRequestPayload", trackingNumber: "2025112400017", receivedAt: "2025-11-24T02:05:00Z" },
          },
        },
      },
    ]);
    await fillForm();

    expect((await screen.findByTestId("tracking-number")).textContent).toBe("2025112400017");
    expect(screen.getByText("Received at 11/24/2025, 10:05")).toBeTruthy();
    expect(screen.getByTestId("track-link").getAttribute("href")).toBe(`${import.meta.env.BASE_URL}track?n=2025112400017`);
  });

  it("flags empty required fields without calling the server", async () => {
    renderPortal(<SubmitPage />, [categoriesMock, districtsMock], "zh-CN");
    await screen.findByRole("option", { name: "路灯照明" });
    fireEvent.click(screen.getByTestId("submit-request"));
    expect(screen.getByLabelText("诉求类型").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByLabelText("手机号码").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByLabelText(/所在镇（街道）/).getAttribute("aria-invalid")).toBeNull();
    expect(screen.getByTestId("submit-errors").textContent).toContain("诉求未提交");
  });
});
