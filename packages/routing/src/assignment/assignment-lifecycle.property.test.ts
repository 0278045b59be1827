import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ASSIGNMENT_TRANSITIONS,
  AssignmentAction,
  INITIAL_ASSIGNMENT_STATE,
  canTransitionAssignment,
  checkAssignmentTransition,
  isAssignmentFinished,
  type AssignmentTransition,
} from "./assignment-lifecycle.js";
import { ACTIVE_STATES, AssignmentState } from "./assignment.enums.js";

const STATES = Object.values(AssignmentState);
const ACTIONS = Object.values(AssignmentAction);

/** The code the writer's check throws, or null when it lets the step through. */
function refusal(from: AssignmentState, to: AssignmentState, action: AssignmentAction): string | null {
  try {
    checkAssignmentTransition({ from, to, action });
    return null;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

/** Half the time a step the table lists for the current state (by index), otherwise any pair. */
const attempt = fc.oneof(
  fc.record({ listed: fc.nat() }),
  fc.record({ to: fc.constantFrom(...STATES), action: fc.constantFrom(...ACTIONS) }),
);

describe("the assignment state machine (fast-check)", () => {
  it("random sequences of actions only ever take steps the table holds, from the initial state", () => {
    fc.assert(
      fc.property(fc.array(attempt, { maxLength: 30 }), (attempts) => {
        let state: AssignmentState = INITIAL_ASSIGNMENT_STATE;
        for (const next of attempts) {
          const listed: readonly AssignmentTransition[] = ASSIGNMENT_TRANSITIONS[state];
          const { to, action }: AssignmentTransition = "listed" in next ? (listed[next.listed % Math.max(listed.length, 1)] ?? { to: state, action: AssignmentAction.REPLY }) : next;
          const code = refusal(state, to, action);
          if (code === null) {
            expect(ASSIGNMENT_TRANSITIONS[state]).toContainEqual({ action, to });
            state = to;
          } else {
            expect(code).toBe("ROUTING/INVALID_STATE");
          }
          expect(STATES).toContain(state);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("refuses every (from, to, action) the table does not hold and lets every other one through", () => {
    fc.assert(
      fc.property(fc.constantFrom(...STATES), fc.constantFrom(...STATES), fc.constantFrom(...ACTIONS), (from, to, action) => {
        const listed = ASSIGNMENT_TRANSITIONS[from].some((step) => step.action === action && step.to === to);
        expect(canTransitionAssignment(from, to, action)).toBe(listed);
        expect(refusal(from, to, action)).toBe(listed ? null : "ROUTING/INVALID_STATE");
      }),
      { numRuns: 300 },
    );
  });

  it("has no exit from a finished state (replied, returned)", () => {
    const finished = STATES.filter(isAssignmentFinished);
    expect(finished.sort()).toEqual([AssignmentState.REPLIED, AssignmentState.RETURNED]);
    for (const from of finished) {
      for (const to of STATES) {
        for (const action of ACTIONS) {
          expect(refusal(from, to, action)).toBe("ROUTING/INVALID_STATE");
        }
      }
    }
  });

  it("reaches every state from the initial one", () => {
    const seen = new Set<AssignmentState>([INITIAL_ASSIGNMENT_STATE]);
    const queue: AssignmentState[] = [INITIAL_ASSIGNMENT_STATE];
    for (let state = queue.shift(); state !== undefined; state = queue.shift()) {
      for (const step of ASSIGNMENT_TRANSITIONS[state]) {
        if (!seen.has(step.to)) {
          seen.add(step.to);
          queue.push(step.to);
        }
      }
    }
    expect([...seen].sort()).toEqual([...STATES].sort());
  });

  it("names each action at most once per state, and the deadline timers run exactly in the unfinished states", () => {
    for (const state of STATES) {
      const actions = ASSIGNMENT_TRANSITIONS[state].map((step) => step.action);
      expect(new Set(actions).size).toBe(actions.length);
    }
    expect([...ACTIVE_STATES].sort()).toEqual(STATES.filter((state) => !isAssignmentFinished(state)).sort());
  });
});
