import { Area, Category, Ticket } from "@civicline/intake";
import { loadWorkingCalendar, type RequestContext, type WorkingCalendar } from "@civicline/platform";
import { In, type DataSource } from "typeorm";
import { UnitRole } from "./assignment/assignment.enums.js";
import { AssignmentUnit } from "./assignment/assignment-unit.entity.js";
import { ProgressNote } from "./assignment/progress-note.entity.js";
import { ReturnRequest } from "./assignment/return-request.entity.js";
import { DispatchRule } from "./rules/dispatch-rule.entity.js";
import { Unit } from "./unit/unit.entity.js";

function byId<T extends { id: string }>(rows: T[], ids: readonly string[]): Array<T | Error> {
  const found = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => found.get(id) ?? new Error(`not found: ${id}`));
}

function grouped<T>(rows: T[], ids: readonly string[], key: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row)) ?? [];
    list.push(row);
    groups.set(key(row), list);
  }
  return ids.map((id) => groups.get(id) ?? []);
}

/** The part of a DataLoader routing uses. */
export type Loader<K, V> = { load(key: K): Promise<V>; loadMany(keys: readonly K[]): Promise<Array<V | Error>> };

export type RoutingLoaders = {
  unit: Loader<string, Unit>;
  ticket: Loader<string, Ticket>;
  rule: Loader<string, DispatchRule>;
  category: Loader<string, Category>;
  area: Loader<string, Area>;
  notes: Loader<string, ProgressNote[]>;
  returns: Loader<string, ReturnRequest[]>;
  assists: Loader<string, AssignmentUnit[]>;
  calendar: Loader<string, WorkingCalendar>;
};

/**
 * Per-request DataLoaders of routing's GraphQL fields: one query per list of parents, never one
 * per row. The working calendar is loaded once per request too.
 */
export function routingLoaders(dataSource: DataSource, ctx: RequestContext): RoutingLoaders {
  const { loaders } = ctx;
  return {
    unit: loaders.get<string, Unit>("routing.unit", async (ids) => byId(await dataSource.getRepository(Unit).findBy({ id: In([...ids]) }), ids)),
    ticket: loaders.get<string, Ticket>("routing.ticket", async (ids) => byId(await dataSource.getRepository(Ticket).findBy({ id: In([...ids]) }), ids)),
    rule: loaders.get<string, DispatchRule>("routing.rule", async (ids) => byId(await dataSource.getRepository(DispatchRule).findBy({ id: In([...ids]) }), ids)),
    category: loaders.get<string, Category>("routing.category", async (ids) => byId(await dataSource.getRepository(Category).findBy({ id: In([...ids]) }), ids)),
    area: loaders.get<string, Area>("routing.area", async (ids) => byId(await dataSource.getRepository(Area).findBy({ id: In([...ids]) }), ids)),
    notes: loaders.get<string, ProgressNote[]>("routing.notes", async (ids) =>
      grouped(await dataSource.getRepository(ProgressNote).find({ where: { assignmentId: In([...ids]) }, order: { at: "ASC" } }), ids, (row) => row.assignmentId),
    ),
    returns: loaders.get<string, ReturnRequest[]>("routing.returns", async (ids) =>
      grouped(await dataSource.getRepository(ReturnRequest).find({ where: { ticketId: In([...ids]) }, order: { requestedAt: "ASC" } }), ids, (row) => row.ticketId),
    ),
    assists: loaders.get<string, AssignmentUnit[]>("routing.assists", async (ids) =>
      grouped(await dataSource.getRepository(AssignmentUnit).find({ where: { assignmentId: In([...ids]), role: UnitRole.ASSISTING } }), ids, (row) => row.assignmentId),
    ),
    calendar: loaders.get<string, WorkingCalendar>("routing.calendar", async (keys) => {
      const calendar = await loadWorkingCalendar(dataSource);
      return keys.map(() => calendar);
    }),
  };
}

/** Loads units that exist, skipping any that vanished (a list field never fails for one). */
export async function loadUnitList(loaders: RoutingLoaders, ids: readonly string[]): Promise<Unit[]> {
  const units = await loaders.unit.loadMany([...ids]);
  return units.filter((unit): unit is Unit => unit instanceof Unit || (!!unit && !(unit instanceof Error)));
}
