import type { TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agent, callbackTestDatabase, integrator } from "../__tests__/factories.js";
import { expectEveryStateAgainstDatabase } from "../__tests__/lifecycle-properties.js";
import { MissedCallState } from "../callback.enums.js";
import { MISSED_CALL_TRANSITIONS, MissedCallAction, transitionMissedCall } from "./missed-call-lifecycle.js";
import type { MissedCall } from "./missed-call.entity.js";
import { reportMissedCall } from "./missed-calls.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await callbackTestDatabase();
});
afterAll(() => db?.destroy());

const STATES = Object.values(MissedCallState);
const ACTIONS = Object.values(MissedCallAction);

let n = 0;
/** An open missed call as the telephony integration reports it. */
async function openCall(): Promise<MissedCall> {
  const call = await reportMissedCall(db.dataSource, { actor: integrator, request: { callId: `lifecycle-${++n}`, callerNumber: "13900000031", abandonedAt: new Date() } });
  expect(call.state).toBe(MissedCallState.OPEN);
  return call;
}

/** The missed call's row as stored, and how many events name it. */
async function footprint(id: string): Promise<{ row: Record<string, unknown>; events: number }> {
  const [row] = await db.dataSource.query("SELECT * FROM callback_missed_call WHERE id = $1", [id]);
  const [{ events }] = await db.dataSource.query("SELECT count(*)::int AS events FROM platform_outbox WHERE payload->>'missedCallId' = $1", [id]);
  return { row, events };
}

const move = (call: MissedCall, to: MissedCallState, action: MissedCallAction) =>
  db.dataSource.transaction((manager) => transitionMissedCall(manager, { call: { ...call }, to, action, actor: agent, changes: { attempts: 1, closedByName: agent.name } }));

describe("transitionMissedCall against the database", () => {
  it("from every state, refuses each step the table does not hold and writes nothing; an allowed step writes the state and one event", async () => {
    await expectEveryStateAgainstDatabase({
      table: MISSED_CALL_TRANSITIONS,
      initial: MissedCallState.OPEN,
      states: STATES,
      actions: ACTIONS,
      fresh: openCall,
      move,
      footprint,
      written: { attempts: 1, closed_by_name: agent.name },
    });
  });

  it("refuses with CONFLICT, writing nothing, when the row left the state the caller read", async () => {
    const call = await openCall();
    await move(call, MissedCallState.RETURNED, MissedCallAction.REACH_CALLER);
    const before = await footprint(call.id);
    await expect(move(call, MissedCallState.UNREACHABLE, MissedCallAction.GIVE_UP)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await footprint(call.id)).toEqual(before);
  });
});
