import fc from "fast-check";
import { expect, it } from "vitest";
import type { TransitionTable } from "@civicline/platform";

/** A lifecycle as its property tests see it: the table, its initial state and the writer's check. */
export type LifecycleUnderTest<S extends string, A extends string> = {
  table: TransitionTable<S, A>;
  initial: S;
  states: readonly S[];
  actions: readonly A[];
  finished: readonly S[];
  check: (step: { from: S; to: S; action: A }) => void;
};

/** The code the writer's check throws, or null when it lets the step through. */
function refusal<S extends string, A extends string>(lifecycle: LifecycleUnderTest<S, A>, from: S, to: S, action: A): string | null {
  try {
    lifecycle.check({ from, to, action });
    return null;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

/**
 * The properties every lifecycle table keeps (fast-check): random sequences of actions only take
 * steps the table holds; the check refuses exactly the steps the table lacks; finished states have
 * no exit; every state is reachable from the initial one.
 */
export function lifecycleProperties<S extends string, A extends string>(lifecycle: LifecycleUnderTest<S, A>): void {
  const { table, initial, states, actions } = lifecycle;
  const anyStep = fc.record({ to: fc.constantFrom(...states), action: fc.constantFrom(...actions) });
  const attempt = fc.oneof(fc.record({ listed: fc.nat() }), anyStep);

  it("random sequences of actions only ever take steps the table holds, from the initial state", () => {
    fc.assert(
      fc.property(fc.array(attempt, { maxLength: 20 }), (attempts) => {
        let state = initial;
        for (const next of attempts) {
          const listed = table[state];
          const fallback = { to: state, action: actions[0]! };
          const { to, action } = "listed" in next ? (listed[next.listed % Math.max(listed.length, 1)] ?? fallback) : next;
          const code = refusal(lifecycle, state, to, action);
          if (code === null) {
            expect(table[state]).toContainEqual({ action, to });
            state = to;
          } else {
            expect(code).toBe("CALLBACK/INVALID_TRANSITION");
          }
          expect(states).toContain(state);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("refuses every (from, to, action) the table does not hold and lets every other one through", () => {
    fc.assert(
      fc.property(fc.constantFrom(...states), fc.constantFrom(...states), fc.constantFrom(...actions), (from, to, action) => {
        const listed = table[from].some((step) => step.action === action && step.to === to);
        expect(refusal(lifecycle, from, to, action)).toBe(listed ? null : "CALLBACK/INVALID_TRANSITION");
      }),
      { numRuns: 200 },
    );
  });

  it("has no exit from a finished state", () => {
    expect(states.filter((state) => table[state].length === 0).sort()).toEqual([...lifecycle.finished].sort());
    for (const from of lifecycle.finished) {
      for (const to of states) {
        for (const action of actions) {
          expect(refusal(lifecycle, from, to, action)).toBe("CALLBACK/INVALID_TRANSITION");
        }
      }
    }
  });

  it("reaches every state from the initial one, and names each action at most once per state", () => {
    const seen = new Set<S>([initial]);
    const queue: S[] = [initial];
    for (let state = queue.shift(); state !== undefined; state = queue.shift()) {
      const named = table[state].map((step) => step.action);
      expect(new Set(named).size).toBe(named.length);
      for (const step of table[state]) {
        if (!seen.has(step.to)) {
          seen.add(step.to);
          queue.push(step.to);
        }
      }
    }
    expect([...seen].sort()).toEqual([...states].sort());
  });
}

/**
 * Against the database: from a row in `from`, every step the table lacks is refused with
 * CALLBACK/INVALID_TRANSITION and leaves `footprint()` (the row and its events) as it was.
 * Returns how many steps were tried.
 */
export async function expectRefusedStepsWriteNothing<S extends string, A extends string>(options: {
  table: TransitionTable<S, A>;
  states: readonly S[];
  actions: readonly A[];
  from: S;
  attempt: (to: S, action: A) => Promise<unknown>;
  footprint: () => Promise<unknown>;
}): Promise<number> {
  const before = await options.footprint();
  let tried = 0;
  for (const to of options.states) {
    for (const action of options.actions) {
      if (options.table[options.from].some((step) => step.action === action && step.to === to)) {
        continue;
      }
      await expect(options.attempt(to, action)).rejects.toMatchObject({ code: "CALLBACK/INVALID_TRANSITION", details: { from: options.from, to, action } });
      tried++;
    }
  }
  expect(await options.footprint()).toEqual(before);
  return tried;
}

/** A stored row as the database tests read it back: its columns, and how many outbox events name it. */
export type Footprint = { row: Record<string, unknown>; events: number };

/**
 * The database side of a lifecycle, state by state: a fresh row (in `initial`) is moved by the
 * table's step into each state, which writes the state, `written` and exactly one event; from there
 * every step the table lacks is refused and writes nothing. Every refusable step is tried once.
 */
export async function expectEveryStateAgainstDatabase<S extends string, A extends string, R extends { id: string }>(options: {
  table: TransitionTable<S, A>;
  initial: S;
  states: readonly S[];
  actions: readonly A[];
  fresh: () => Promise<R>;
  move: (row: R, to: S, action: A) => Promise<R>;
  footprint: (id: string) => Promise<Footprint>;
  written: Record<string, unknown>;
}): Promise<void> {
  const { table, states, actions } = options;
  let tried = 0;
  for (const state of states) {
    let row = await options.fresh();
    if (state !== options.initial) {
      const step = table[options.initial].find((candidate) => candidate.to === state)!;
      const before = await options.footprint(row.id);
      row = await options.move(row, state, step.action);
      const after = await options.footprint(row.id);
      expect(after.row).toMatchObject({ state, ...options.written });
      expect(after.events).toBe(before.events + 1);
    }
    const current = row;
    tried += await expectRefusedStepsWriteNothing({
      table,
      states,
      actions,
      from: state,
      attempt: (to, action) => options.move(current, to, action),
      footprint: () => options.footprint(current.id),
    });
  }
  expect(tried).toBe(states.length * states.length * actions.length - Object.values<readonly unknown[]>(table).flat().length);
}
