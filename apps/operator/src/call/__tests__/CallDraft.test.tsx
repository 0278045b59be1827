import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { currentDraft, loadDraft } from "../callDraft.ts";
import { control, fillStreetLight, logCallMock, NEW_CALL, renderCallForm, SLOW, type } from "./callTestKit.tsx";

afterEach(() => window.sessionStorage.clear());

/** Issue 16: nothing typed is lost — a draft per call, restored after a reload, cleared on save. */
describe("call draft", SLOW, () => {
  it("restores what was typed for the same call after a reload, with the same idempotency key, and deletes the draft on save", async () => {
    const first = renderCallForm([]);
    await fillStreetLight();
    type("call-description", "路灯不亮已经一周，晚上很危险。");
    await waitFor(() => expect(loadDraft(NEW_CALL.key)?.values.description).toBe("路灯不亮已经一周，晚上很危险。"));
    const key = loadDraft(NEW_CALL.key)?.clientRequestId;
    first.unmount();

    const calls: { clientRequestId?: string }[] = [];
    renderCallForm([logCallMock(calls)]);
    expect((await screen.findByTestId("call-draft-restored")).textContent).toContain("draft");
    await waitFor(() => expect(control("call-description").value).toBe("路灯不亮已经一周，晚上很危险。"));
    expect(control("call-citizenName").value).toBe("王先生");
    expect(currentDraft()?.start.key).toBe(NEW_CALL.key);

    fireEvent.click(screen.getByRole("button", { name: /Save/ }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]?.clientRequestId).toBe(key);
    await waitFor(() => expect(loadDraft(NEW_CALL.key)).toBeNull());
    expect(currentDraft()).toBeNull();
  });

  it("never shows one call's draft in another call", async () => {
    const first = renderCallForm([]);
    await fillStreetLight();
    await waitFor(() => expect(loadDraft(NEW_CALL.key)).not.toBeNull());
    first.unmount();
    renderCallForm([], { ...NEW_CALL, key: "another-call" });
    await waitFor(() => expect(screen.getByTestId("category-combobox")).toBeTruthy());
    expect(control("call-description").value).toBe("");
    expect(control("call-citizenName").value).toBe("");
    expect(screen.queryByTestId("call-draft-restored")).toBeNull();
  });
});
