import { Category, Ticket } from "@civicline/intake";
import type { RequestContext } from "@civicline/platform";
import { Assignment, Unit } from "@civicline/routing";
import { In, type DataSource, type ObjectLiteral, type Repository } from "typeorm";
import { ReReportProposal } from "./proposal/re-report-proposal.entity.js";
import { CallbackSurvey } from "./survey/callback-survey.entity.js";
import { CallbackAttempt } from "./task/callback-attempt.entity.js";
import { CallbackTask } from "./task/callback-task.entity.js";
import { MissedCallAttempt } from "./missed-call/missed-call-attempt.entity.js";

/** The part of a DataLoader the field resolvers use. */
export type Loader<K, V> = { load(key: K): Promise<V> };

function byKey<T>(rows: T[], keys: readonly string[], key: (row: T) => string): Array<T | null> {
  const found = new Map(rows.map((row) => [key(row), row]));
  return keys.map((id) => found.get(id) ?? null);
}

function grouped<T>(rows: T[], keys: readonly string[], key: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  }
  return keys.map((id) => groups.get(id) ?? []);
}

export type CallbackLoaders = {
  ticket: Loader<string, Ticket | null>;
  assignment: Loader<string, Assignment | null>;
  unit: Loader<string, Unit | null>;
  category: Loader<string, Category | null>;
  task: Loader<string, CallbackTask | null>;
  attempts: Loader<string, CallbackAttempt[]>;
  surveyByTask: Loader<string, CallbackSurvey | null>;
  survey: Loader<string, CallbackSurvey | null>;
  proposalByTask: Loader<string, ReReportProposal | null>;
  missedCallAttempts: Loader<string, MissedCallAttempt[]>;
};

/** Per-request DataLoaders of callback's GraphQL fields: one query per list of parents, never one per row. */
export function callbackLoaders(dataSource: DataSource, ctx: RequestContext): CallbackLoaders {
  const { loaders } = ctx;
  const one = <T extends ObjectLiteral & { id: string }>(name: string, repository: () => Repository<T>) =>
    loaders.get<string, T | null>(`callback.${name}`, async (ids) => byKey(await repository().findBy({ id: In([...ids]) } as never), ids, (row) => row.id));
  return {
    ticket: one("ticket", () => dataSource.getRepository(Ticket)),
    assignment: one("assignment", () => dataSource.getRepository(Assignment)),
    unit: one("unit", () => dataSource.getRepository(Unit)),
    category: one("category", () => dataSource.getRepository(Category)),
    task: one("task", () => dataSource.getRepository(CallbackTask)),
    survey: one("survey", () => dataSource.getRepository(CallbackSurvey)),
    attempts: loaders.get<string, CallbackAttempt[]>("callback.attempts", async (ids) =>
      grouped(await dataSource.getRepository(CallbackAttempt).find({ where: { taskId: In([...ids]) }, order: { at: "ASC", id: "ASC" } }), ids, (row) => row.taskId),
    ),
    surveyByTask: loaders.get<string, CallbackSurvey | null>("callback.surveyByTask", async (ids) =>
      byKey(await dataSource.getRepository(CallbackSurvey).findBy({ taskId: In([...ids]) }), ids, (row) => row.taskId),
    ),
    proposalByTask: loaders.get<string, ReReportProposal | null>("callback.proposalByTask", async (ids) =>
      byKey(await dataSource.getRepository(ReReportProposal).findBy({ taskId: In([...ids]) }), ids, (row) => row.taskId),
    ),
    missedCallAttempts: loaders.get<string, MissedCallAttempt[]>("callback.missedCallAttempts", async (ids) =>
      grouped(await dataSource.getRepository(MissedCallAttempt).find({ where: { missedCallId: In([...ids]) }, order: { at: "ASC", id: "ASC" } }), ids, (row) => row.missedCallId),
    ),
  };
}
