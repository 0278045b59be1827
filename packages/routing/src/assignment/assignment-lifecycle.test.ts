import type { TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admin, buildPolicies, buildTicket, buildWorld, dispatcher, routingTestDatabase, type World } from "../__tests__/factories.js";
import { dispatchTicket } from "../dispatch/dispatch-ticket.js";
import { RoutingEvent } from "../routing.events.js";
import { replyToTicket } from "../workbench/reply.js";
import { decideReturn, returnTicket } from "../workbench/return.js";
import { signFor } from "../workbench/sign-for.js";
import { ASSIGNMENT_TRANSITIONS, AssignmentAction, canTransitionAssignment, openAssignment, transitionAssignment } from "./assignment-lifecycle.js";
import { AssignmentState, ReplyOutcome, ReturnReason } from "./assignment.enums.js";
import { Assignment } from "./assignment.entity.js";

let db: TestDatabase;
let world: World;
beforeAll(async () => {
  db = await routingTestDatabase();
  await buildPolicies(db);
  world = await buildWorld(db);
});
afterAll(() => db?.destroy());

/** An assignment brought to `state` through the real use cases. */
async function assignmentIn(state: AssignmentState): Promise<Assignment> {
  const ticket = await buildTicket(db, world);
  const handler = world.bureauHandler;
  const dispatched = await dispatchTicket(db.dataSource, { actor: dispatcher, request: { ticketId: ticket.id, version: ticket.version, leadUnitId: world.bureau.id } });
  if (state === AssignmentState.SIGNED_FOR || state === AssignmentState.REPLIED) {
    await signFor(db.dataSource, { actor: handler, ticketId: ticket.id });
  }
  if (state === AssignmentState.REPLIED) {
    await replyToTicket(db.dataSource, { actor: handler, ticketId: ticket.id, reply: { outcome: ReplyOutcome.RESOLVED, text: "已清运完毕。" } });
  }
  if (state === AssignmentState.RETURN_REQUESTED || state === AssignmentState.RETURNED) {
    await returnTicket(db.dataSource, { actor: handler, ticketId: ticket.id, reason: ReturnReason.WRONG_LOCATION, text: "地点不在本辖区。" });
  }
  if (state === AssignmentState.RETURNED) {
    await decideReturn(db.dataSource, { actor: dispatcher, request: { ticketId: ticket.id, accept: true } });
  }
  const stored = await db.dataSource.getRepository(Assignment).findOneByOrFail({ id: dispatched.id });
  expect(stored.state).toBe(state);
  return stored;
}

/** The assignment's row as stored, and how many routing events name it. */
async function footprint(assignmentId: string): Promise<{ row: Record<string, unknown>; events: number }> {
  const [row] = await db.dataSource.query("SELECT * FROM routing_assignment WHERE id = $1", [assignmentId]);
  const [{ events }] = await db.dataSource.query("SELECT count(*)::int AS events FROM platform_outbox WHERE payload->>'assignmentId' = $1", [assignmentId]);
  return { row, events };
}

const event = (assignment: Assignment) => ({ type: RoutingEvent.RETURN_DECIDED, payload: { ticketId: assignment.ticketId, assignmentId: assignment.id, unitIds: [assignment.leadUnitId] } });

describe("transitionAssignment against the database", () => {
  it("refuses every step the table does not hold from each real state and writes nothing (no row change, no event)", async () => {
    for (const from of Object.values(AssignmentState)) {
      const assignment = await assignmentIn(from);
      const before = await footprint(assignment.id);
      for (const to of Object.values(AssignmentState)) {
        for (const action of Object.values(AssignmentAction)) {
          if (canTransitionAssignment(from, to, action)) {
            continue;
          }
          await expect(
            db.dataSource.transaction((manager) => transitionAssignment(manager, { assignment: { ...assignment }, to, action, actor: admin, event: event(assignment) })),
          ).rejects.toMatchObject({ code: "ROUTING/INVALID_STATE", details: { from, to, action } });
        }
      }
      expect(await footprint(assignment.id)).toEqual(before);
    }
  });

  it("writes an allowed step with its changes and exactly one event; a stale state read is refused with CONFLICT and writes nothing", async () => {
    const assignment = await assignmentIn(AssignmentState.DISPATCHED);
    const stale = { ...assignment };
    const before = await footprint(assignment.id);
    const moved = await db.dataSource.transaction((manager) =>
      transitionAssignment(manager, { assignment, to: AssignmentState.SIGNED_FOR, action: AssignmentAction.SIGN_FOR, actor: admin, changes: { signedForByName: "测试" }, event: event(assignment) }),
    );
    expect(moved).toMatchObject({ state: AssignmentState.SIGNED_FOR, signedForByName: "测试" });
    const after = await footprint(assignment.id);
    expect(after.row).toMatchObject({ state: AssignmentState.SIGNED_FOR, signed_for_by_name: "测试" });
    expect(after.events).toBe(before.events + 1);

    // The caller read DISPATCHED, but the row has moved on: the guarded update touches nothing.
    await expect(
      db.dataSource.transaction((manager) => transitionAssignment(manager, { assignment: stale, to: AssignmentState.RETURN_REQUESTED, action: AssignmentAction.RETURN, actor: admin, event: event(stale) })),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await footprint(assignment.id)).toEqual(after);
  });

  it("opens a new assignment only over a finished one", async () => {
    for (const state of Object.values(AssignmentState)) {
      const previous = await assignmentIn(state);
      const finished = ASSIGNMENT_TRANSITIONS[state].length === 0;
      const before = await footprint(previous.id);
      const { id: _id, state: _state, current: _current, ...values } = previous;
      const opening = db.dataSource.transaction((manager) => openAssignment(manager, { previous, values }));
      if (finished) {
        const opened = await opening;
        expect(opened).toMatchObject({ state: AssignmentState.DISPATCHED, current: true });
        expect((await footprint(previous.id)).row).toMatchObject({ state, current: false });
      } else {
        await expect(opening).rejects.toMatchObject({ code: "ROUTING/INVALID_STATE" });
        expect(await footprint(previous.id)).toEqual(before);
      }
    }
  });
});
