import { screen, within } from "@testing-library/react";
import { addDays, shanghaiDay } from "@civicline/ui";
import { describe, expect, it } from "vitest";
import { LeaderSessionsDocument, LeadersDocument } from "../../gql/graphql.ts";
import { recordingMock, renderRouting } from "../../routing/__tests__/routingKit.tsx";
import { SessionsPage } from "../SessionsPage.tsx";

const HOUR = 3_600_000;

/** This week's Monday (Beijing), as the page computes it. */
function thisMonday(): string {
  const today = shanghaiDay();
  const weekday = new Date(`${today}T12:00:00+08:00`).getUTCDay();
  return addDays(today, -((weekday + 6) % 7));
}

const session = (startsAt: Date, endsAt: Date) => ({
  __typename: "LeaderSession" as const,
  id: "s-1",
  leaderId: "l-1",
  leaderName: "陈军",
  leaderTitle: "张店区区长",
  leaderUnit: "张店区人民政府",
  seat: "A01",
  startsAt: startsAt.toISOString(),
  endsAt: endsAt.toISOString(),
  createdByName: "张静",
  ticketCount: 2,
});

describe("the leader sessions week", () => {
  it("lists a session that began on Sunday night and runs into Monday under Monday (it was left out of the week)", async () => {
    const mondayStart = Date.parse(`${thisMonday()}T00:00:00+08:00`);
    const overnight = session(new Date(mondayStart - 2 * HOUR), new Date(mondayStart + 2 * HOUR));
    renderRouting(<SessionsPage />, [
      recordingMock(LeaderSessionsDocument, [], () => ({ leaderSessions: [overnight] })),
      recordingMock(LeadersDocument, [], () => ({ leaders: [{ __typename: "LeaderAccount", id: "l-1", displayName: "陈军" }] })),
    ]);
    const listed = await screen.findByTestId("leader-session");
    expect(listed.textContent).toContain("A01");
    const mondayRow = screen.getByTestId("leader-week").querySelectorAll("tbody tr")[0]!;
    expect(within(mondayRow as HTMLElement).getByTestId("leader-session")).toBe(listed);
  });
});
