import { fireEvent, screen, waitFor } from "@testing-library/react";
import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { CallbackSettingsDocument, SaveCallbackSettingsDocument, type RequestType } from "../../gql/graphql.ts";
import { always, recordingMock, renderRouting, stateMock } from "../../routing/__tests__/routingKit.tsx";
import { CallbackSettingsPage } from "../CallbackSettingsPage.tsx";
import { draftOf, settingsInput } from "../settingsForm.ts";

const row = (requestType: RequestType, dueMinutes: number) => ({ __typename: "CallbackRequestTypeSetting", requestType, dueMinutes, maxTries: 3, retryMinutes: 120 });
const SETTINGS = {
  __typename: "CallbackSettings",
  requestTypes: [row("CONSULTATION", 450), row("COMPLAINT", 900)],
  surveySampleRate: 0.1,
  missedCallReturnMinutes: 60,
  missedCallMaxTries: 3,
  missedCallRetryMinutes: 30,
  claimMinutes: 15,
  updatedAt: null as string | null,
  updatedBy: null as string | null,
};

describe("callback settings form", () => {
  it("shows limits in working days or hours and turns them back into the stored working minutes", () => {
    const draft = { ...draftOf(SETTINGS), surveyPercent: "12.5" };
    expect(draft.rows[1]).toEqual({ requestType: "COMPLAINT", dueMinutes: { amount: "2", unit: "days" }, maxTries: "3", retryMinutes: { amount: "2", unit: "hours" } });
    expect(draft.missedCallRetryMinutes).toEqual({ amount: "0.5", unit: "hours" });
    expect(draft.claimMinutes).toBe("15");
    const { input, invalid } = settingsInput(draft);
    expect(invalid).toEqual([]);
    expect(input).toMatchObject({ surveySampleRate: 0.125, missedCallReturnMinutes: 60, missedCallRetryMinutes: 30, claimMinutes: 15 });
    expect(input?.requestTypes?.[0]).toEqual({ requestType: "CONSULTATION", dueMinutes: 450, maxTries: 3, retryMinutes: 120 });
    // 1.5 working days = 675 working minutes; 1.5 working hours = 90.
    const changed = settingsInput({ ...draft, rows: [{ ...draft.rows[0]!, dueMinutes: { amount: "1.5", unit: "days" }, retryMinutes: { amount: "1.5", unit: "hours" } }] });
    expect(changed.input?.requestTypes?.[0]).toMatchObject({ dueMinutes: 675, retryMinutes: 90 });
    expect(
      settingsInput({ ...draft, claimMinutes: "1.5", surveyPercent: "120", missedCallReturnMinutes: { amount: "two", unit: "hours" }, rows: [{ ...draft.rows[0]!, maxTries: "" }] }).invalid,
    ).toEqual(["requestTypes.0.maxTries", "surveySampleRate", "missedCallReturnMinutes", "claimMinutes"]);
  });
});

describe("callback settings page", () => {
  function setup(canEdit: boolean, saveError?: GraphQLError) {
    const server = { settings: SETTINGS };
    const saves: Record<string, unknown>[] = [];
    const save = saveError
      ? { ...always, request: { query: SaveCallbackSettingsDocument, variables: () => true }, result: { errors: [saveError] } }
      : recordingMock(SaveCallbackSettingsDocument, saves, (variables) => {
          server.settings = { ...server.settings, ...(variables.input as object), updatedAt: "2026-11-25T05:00:00Z", updatedBy: "管理员" } as typeof SETTINGS;
          server.settings.requestTypes = server.settings.requestTypes.map((entry) => ({ ...entry, __typename: "CallbackRequestTypeSetting" }));
          return { saveCallbackSettings: server.settings };
        });
    renderRouting(<CallbackSettingsPage canEdit={canEdit} />, [stateMock(CallbackSettingsDocument, () => ({ callbackSettings: server.settings })), save]);
    return { saves };
  }

  it("lets an admin change a limit and save", async () => {
    const { saves } = setup(true);
    expect((await screen.findByTestId("settings-updated")).textContent).toBe("The defaults apply; nobody has changed them yet.");
    const due = screen.getByLabelText("Complaint · Due after the reply");
    expect((due as HTMLInputElement).value).toBe("2");
    expect((screen.getByLabelText("Unit of Complaint · Due after the reply") as HTMLSelectElement).value).toBe("days");
    fireEvent.change(due, { target: { value: "3" } });
    fireEvent.change(screen.getByLabelText("Missed calls returned within"), { target: { value: "2" } });
    fireEvent.change(screen.getByLabelText("Share of direct answers surveyed (%)"), { target: { value: "20" } });
    fireEvent.click(screen.getByTestId("settings-save"));
    expect((await screen.findByTestId("settings-saved")).textContent).toBe("Callback settings saved.");
    const input = saves[0]?.input as { requestTypes: Array<{ dueMinutes: number }>; surveySampleRate: number };
    expect(input.requestTypes[1]?.dueMinutes).toBe(1350);
    expect((input as unknown as { missedCallReturnMinutes: number }).missedCallReturnMinutes).toBe(120);
    expect(input.surveySampleRate).toBe(0.2);
    await waitFor(() => expect(screen.getByTestId("settings-updated").textContent).toContain("管理员"));
  });

  it("marks a value that is not a whole number on its field, and shows the server's range message", async () => {
    const outOfRange = new GraphQLError("Invalid input", {
      extensions: { code: "BAD_USER_INPUT", fields: [{ field: "claimMinutes", code: "OUT_OF_RANGE", message: "Give a whole number of minutes from 1 to 240." }] },
    });
    setup(true, outOfRange);
    const claim = await screen.findByLabelText("Minutes a task stays with the agent who opened it");
    fireEvent.change(claim, { target: { value: "ten" } });
    fireEvent.click(screen.getByTestId("settings-save"));
    expect(claim.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("Enter a whole number.")).toBeTruthy();

    fireEvent.change(claim, { target: { value: "999" } });
    fireEvent.click(screen.getByTestId("settings-save"));
    expect(await screen.findByText("Give a whole number of minutes from 1 to 240.")).toBeTruthy();
  });

  it("is read-only for supervisors", async () => {
    setup(false);
    expect(await screen.findByText("Only administrators change these settings.")).toBeTruthy();
    expect(screen.queryByTestId("settings-save")).toBeNull();
    expect(screen.getByLabelText("Complaint · Calls before unreachable").matches(":disabled")).toBe(true);
  });
});
