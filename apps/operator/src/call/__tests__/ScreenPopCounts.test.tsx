import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderOperator } from "../../__tests__/fixtures.tsx";
import { ScreenPopBanner } from "../ScreenPopBanner.tsx";
import type { IncomingCall } from "../useScreenPop.ts";

const pop = (openCount: number): IncomingCall =>
  ({
    __typename: "IncomingCall",
    callId: "cti-1",
    callerNumber: "13805330001",
    seat: "A01",
    receivedAt: "2026-11-24T01:30:00Z",
    history: { __typename: "CallerHistory", phone: "13805330001", openCount, tickets: [] },
  }) as unknown as IncomingCall;

/** Issue 16 bug 13: "1 open requests". */
describe("screen-pop counts", () => {
  it("says 1 open request in the singular and 2 open requests in the plural", () => {
    const { unmount } = renderOperator(<ScreenPopBanner pop={pop(1)} onTake={() => undefined} onDismiss={() => undefined} />, [], "en");
    expect(screen.getByTestId("screen-pop-open-count").textContent).toBe("1 open request");
    unmount();
    renderOperator(<ScreenPopBanner pop={pop(2)} onTake={() => undefined} onDismiss={() => undefined} />, [], "en");
    expect(screen.getByTestId("screen-pop-open-count").textContent).toBe("2 open requests");
  });
});
