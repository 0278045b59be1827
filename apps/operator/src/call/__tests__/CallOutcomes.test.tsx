import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { AnswerDirectlyDocument, MergeIntoTicketDocument, RecordEmergencyHandoffDocument } from "../../gql/graphql.ts";
import { DUPLICATE_DEBOUNCE_MS } from "../useDuplicates.ts";
import { control, duplicatesMock, fillStreetLight, logCallMock, loggedTicket, press, renderCallForm, SLOW, type } from "./callTestKit.tsx";

const candidate = {
  __typename: "DuplicateCandidate",
  score: 0.92,
  reasons: ["same address", "similar description 64%", "距离 50 米以内"],
  ticket: {
    __typename: "Ticket",
    id: "t-old",
    trackingNumber: "ZB-20261123-00007",
    status: "AWAITING_DISPATCH",
    urgency: "NORMAL",
    receivedAt: "2026-11-23T02:00:00Z",
    address: "华光路 3 号",
    description: "华光路路灯不亮。",
    category: { __typename: "Category", id: "light", nameZh: "路灯照明", nameEn: "Street lights" },
    township: null,
  },
};

describe("emergency", SLOW, () => {
  it("records the checklist and a 119 hand-off, saving the call as an emergency first", async () => {
    const calls: { urgency?: string }[] = [];
    const handoffs: unknown[] = [];
    renderCallForm([
      logCallMock(calls, loggedTicket({ urgency: "EMERGENCY" })),
      {
        request: { query: RecordEmergencyHandoffDocument, variables: () => true },
        result: (variables) => {
          handoffs.push(variables);
          const handoff = { __typename: "EmergencyHandoff", service: "FIRE_119" as const, reference: "F-2026-118", handedOffAt: "2026-11-24T03:00:00Z", handedOffBy: "话务员 A01", checklist: [] };
          return { data: { recordEmergencyHandoff: loggedTicket({ urgency: "EMERGENCY", emergencyHandoffs: [handoff] }) } };
        },
      },
    ]);
    await fillStreetLight();
    type("call-urgency", "EMERGENCY");
    const panel = await screen.findByTestId("emergency-checklist");
    fireEvent.click(within(panel).getByTestId("emergency-check-INJURIES"));
    fireEvent.click(within(panel).getByTestId("emergency-check-SAFETY_ADVICE"));

    fireEvent.click(screen.getByTestId("handoff-submit"));
    expect(control("handoff-service").getAttribute("aria-invalid")).toBe("true");
    expect(calls).toHaveLength(0);

    type("handoff-service", "FIRE_119");
    type("handoff-reference", "F-2026-118");
    fireEvent.click(screen.getByTestId("handoff-submit"));
    const recorded = await screen.findByTestId("handoff-recorded");
    expect(recorded.textContent).toContain("Handed off to 119 Fire, reference F-2026-118");
    expect(calls[0]?.urgency).toBe("EMERGENCY");
    expect(handoffs).toEqual([{ ticketId: "t-new", input: { service: "FIRE_119" as const, reference: "F-2026-118", checklist: ["INJURIES", "SAFETY_ADVICE"] } }]);
  });
});

describe("answer directly", SLOW, () => {
  it("asks for the answer text first, then saves and closes the ticket as a direct answer", async () => {
    const calls: unknown[] = [];
    const answers: unknown[] = [];
    renderCallForm([
      logCallMock(calls),
      {
        request: { query: AnswerDirectlyDocument, variables: () => true },
        result: (variables) => {
          answers.push(variables);
          return { data: { answerDirectly: loggedTicket({ status: "CLOSED_DIRECT", version: 2 }) } };
        },
      },
    ]);
    await fillStreetLight();
    press("d", { altKey: true, code: "KeyD" });
    await waitFor(() => expect(control("call-answer").getAttribute("aria-invalid")).toBe("true"));
    await waitFor(() => expect(document.activeElement?.id).toBe("call-answer"));
    expect(calls).toHaveLength(0);

    type("call-answer", "已告知路灯报修流程，24 小时内修复。");
    press("d", { altKey: true, code: "KeyD" });
    const done = await screen.findByTestId("call-done");
    expect(done.getAttribute("data-status")).toBe("CLOSED_DIRECT");
    expect(answers).toEqual([{ ticketId: "t-new", version: 1, articleIds: [], answer: "已告知路灯报修流程，24 小时内修复。" }]);
  });
});

describe("duplicates", SLOW, () => {
  it("shows candidates with their reasons and merges the call after a confirmation", async () => {
    const calls: unknown[] = [];
    const merges: unknown[] = [];
    renderCallForm([
      duplicatesMock([candidate]),
      logCallMock(calls),
      {
        request: { query: MergeIntoTicketDocument, variables: () => true },
        result: (variables) => {
          merges.push(variables);
          const links = [{ __typename: "TicketLink", kind: "MERGED_INTO", ticket: { __typename: "TicketRef", id: "t-old", trackingNumber: "ZB-20261123-00007" } }];
          return { data: { mergeIntoTicket: { ...loggedTicket({ status: "MERGED", version: 2 }), links } } };
        },
      },
    ]);
    await fillStreetLight();
    const panel = screen.getByTestId("duplicate-candidates");
    const item = await within(panel).findByTestId("duplicate-candidate");
    expect(item.textContent).toContain("ZB-20261123-00007");
    expect(item.textContent).toContain("Why: same address, similar description (64%), 距离 50 米以内");

    fireEvent.click(within(item).getByTestId("merge-into"));
    expect(within(item).getByText(/Merge this call into ZB-20261123-00007\?/)).toBeTruthy();
    expect(calls).toHaveLength(0);
    fireEvent.click(within(item).getByTestId("merge-confirm"));
    const done = await screen.findByTestId("call-done");
    expect(done.getAttribute("data-status")).toBe("MERGED");
    // Issue 16 bug 4: the number to ask about later is the ticket merged into, not the call merged away.
    expect(screen.getByTestId("call-done-outcome").textContent).toContain("merged into ZB-20261123-00007");
    expect(screen.getByTestId("call-done-outcome").textContent).not.toContain(loggedTicket().trackingNumber);
    expect(merges).toEqual([{ ticketId: "t-new", version: 1, intoTicketId: "t-old" }]);
  });

  it("does not look for duplicates before category, district and address are known", async () => {
    renderCallForm([duplicatesMock([candidate])]);
    await waitFor(() => expect(screen.getByTestId("duplicate-candidates").textContent).toContain("Shown once category, district and address"));
    // The debounce runs on fake timers: typing pauses for longer than it, without waiting for real.
    vi.useFakeTimers();
    try {
      type("call-address", "华光路 3 号");
      await act(() => vi.advanceTimersByTimeAsync(DUPLICATE_DEBOUNCE_MS * 2));
      expect(screen.queryByTestId("duplicate-candidate")).toBeNull();
      expect(screen.getByTestId("duplicate-candidates").textContent).toContain("Shown once category, district and address");
    } finally {
      vi.useRealTimers();
    }
  });
});
