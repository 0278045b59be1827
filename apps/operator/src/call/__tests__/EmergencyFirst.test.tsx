import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { RecordEmergencyHandoffDocument } from "../../gql/graphql.ts";
import { control, fillStreetLight, logCallMock, loggedTicket, renderCallForm, SLOW, type } from "./callTestKit.tsx";

/** Issue 16 bug 5: the hand-off is the urgent part; it must not wait for the caller's name and phone. */
describe("an emergency hand-off before the caller's details", SLOW, () => {
  it("notes the hand-off at once, asks for nothing else, and sends it with its time right after the call is saved", async () => {
    const calls: unknown[] = [];
    const handoffs: { input: { handedOffAt?: string } }[] = [];
    renderCallForm([
      logCallMock(calls, loggedTicket({ urgency: "EMERGENCY" })),
      {
        request: { query: RecordEmergencyHandoffDocument, variables: () => true },
        result: (variables) => {
          handoffs.push(variables as { input: { handedOffAt?: string } });
          const handoff = { __typename: "EmergencyHandoff", service: "AMBULANCE_120" as const, reference: "120-77", handedOffAt: "2026-11-24T03:00:00Z", handedOffBy: "话务员 A01", checklist: [] };
          return { data: { recordEmergencyHandoff: loggedTicket({ urgency: "EMERGENCY", emergencyHandoffs: [handoff] }) } };
        },
      },
    ]);
    await waitFor(() => expect(screen.getByTestId("category-combobox")).toBeTruthy());
    type("call-urgency", "EMERGENCY");
    const panel = await screen.findByTestId("emergency-checklist");
    type("handoff-service", "AMBULANCE_120");
    type("handoff-reference", "120-77");
    const before = Date.now();
    fireEvent.click(within(panel).getByTestId("handoff-submit"));

    const pending = await screen.findByTestId("handoff-pending");
    expect(pending.textContent).toContain("120 Ambulance");
    expect(screen.queryByTestId("call-errors")).toBeNull();
    expect(control("call-citizenName").getAttribute("aria-invalid")).not.toBe("true");
    expect(calls).toHaveLength(0);

    await fillStreetLight();
    type("call-urgency", "EMERGENCY");
    fireEvent.click(screen.getByRole("button", { name: /Save/ }));
    await screen.findByTestId("handoff-recorded");
    expect(calls).toHaveLength(1);
    expect(handoffs).toHaveLength(1);
    const sentAt = Date.parse(handoffs[0]?.input.handedOffAt ?? "");
    expect(sentAt).toBeGreaterThanOrEqual(before - 1000);
    expect(sentAt).toBeLessThanOrEqual(Date.now());
    expect(screen.queryByTestId("handoff-pending")).toBeNull();
  });
});
