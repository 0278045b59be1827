import { tableHolds, type TransitionTable } from "@civicline/platform";
import { invalidTransition } from "../callback.errors.js";

/** A writer's check: CALLBACK/INVALID_TRANSITION (naming the aggregate, from, to, action) unless the table holds the step. */
export function checkStep<S extends string, A extends string>(table: TransitionTable<S, A>, aggregate: string, step: { from: S; to: S; action: A }): void {
  if (!tableHolds(table, step.from, step.to, step.action)) {
    throw invalidTransition(aggregate, step);
  }
}
