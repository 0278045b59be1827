import type { EntityManager, EntityTarget, ObjectLiteral, QueryDeepPartialEntity } from "typeorm";
import { ConflictError } from "./errors.js";

/** One allowed step of a lifecycle: `action` takes the row to `to`. */
export type Step<S extends string, A extends string> = { readonly action: A; readonly to: S };

/** Every allowed step from each state (an empty list: a finished state). */
export type TransitionTable<S extends string, A extends string> = Readonly<Record<S, readonly Step<S, A>[]>>;

/** Whether the table holds the step from → to by `action`. */
export function tableHolds<S extends string, A extends string>(table: TransitionTable<S, A>, from: S, to: S, action: A): boolean {
  return table[from].some((step) => step.action === action && step.to === to);
}

/** Whether `action` may be taken from `from` (whatever it leads to). */
export function tableAllows<S extends string, A extends string>(table: TransitionTable<S, A>, from: S, action: A): boolean {
  return table[from].some((step) => step.action === action);
}

/**
 * Updates one row's `state` (and the other columns in `set`) only if it still is in `from` (the
 * state the caller checked): CONFLICT when the row moved meanwhile, and nothing is written. The
 * one guarded write every lifecycle module (routing's assignment, callback's task, proposal, missed
 * call) makes.
 */
export async function updateState<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  input: { id: string; from: string; set: QueryDeepPartialEntity<T> },
): Promise<void> {
  const result = await manager
    .createQueryBuilder()
    .update(entity)
    .set(input.set)
    .where("id = :id AND state = :from", { id: input.id, from: input.from })
    .execute();
  if (result.affected !== 1) {
    throw new ConflictError();
  }
}
