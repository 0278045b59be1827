import { ForbiddenError, assertNoFieldErrors, hasAnyRole, type Actor } from "@civicline/platform";
import type { DataSource, EntityManager } from "typeorm";
import { QA_AGGREGATE_READERS, qaScope, scopeCovers, scopeLeadsOrInspects } from "../access.js";
import { teamNotFound, isUuid } from "../scoring/scoring.errors.js";
import type { QaAssessmentWeights } from "./assessment-weights.entity.js";
import { weightsForMonth } from "./assessment-weights.js";
import { assessCallTakers, type AssessedCallTaker } from "./assessment-formula.js";
import { isMonth, monthBounds, monthlyFigures } from "./monthly-figures.js";

/** Team or centre figures: sums of the members' counts, rates over the sums (not means of rates). */
export type GroupFigures = {
  teamId: string | null;
  name: string;
  nameEn: string;
  callTakers: number;
  inspections: number;
  qaScore: number | null;
  callsHandled: number;
  averageHandleSeconds: number | null;
  directRate: number | null;
  processSatisfaction: number | null;
  appealsUpheld: number;
  averageScore: number | null;
};

export type MonthlyAssessment = {
  month: string;
  from: Date;
  to: Date;
  weights: QaAssessmentWeights;
  /** Every call-taker, ranked ones first (best first), then the ones apart. */
  rows: AssessedCallTaker[];
};

/**
 * The monthly assessment of every call-taker (no access check: for the bench, exports and the
 * resolver, which filters). Month = YYYY-MM (Asia/Shanghai); weights = `weightsVersion` or the
 * version in force at the month's end.
 */
export async function monthlyAssessment(db: DataSource | EntityManager, month: string, options: { weightsVersion?: number | null } = {}): Promise<MonthlyAssessment> {
  if (!isMonth(month)) {
    assertNoFieldErrors([{ field: "month", code: "INVALID_FORMAT", message: "Give the month as YYYY-MM." }]);
  }
  const range = monthBounds(month);
  const weights = await weightsForMonth(db, { version: options.weightsVersion, end: range.to });
  const figures = await monthlyFigures(db, range);
  return { month, ...range, weights, rows: assessCallTakers(figures, weights) };
}

const round = (value: number) => Math.round((value + Number.EPSILON) * 100) / 100;

/** Sums a group's counts and derives its rates. */
export function groupFigures(rows: readonly AssessedCallTaker[], group: { teamId: string | null; name: string; nameEn: string }): GroupFigures {
  const sum = (pick: (row: AssessedCallTaker) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const inspections = sum((row) => row.figures.inspections);
  const calls = sum((row) => row.figures.callsHandled);
  const logged = sum((row) => row.figures.ticketsLogged);
  const answered = sum((row) => row.figures.processAnswered);
  const scored = rows.filter((row) => row.rank !== null && row.score !== null);
  return {
    ...group,
    callTakers: rows.length,
    inspections,
    qaScore: inspections > 0 ? round(sum((row) => row.figures.scoreSum) / inspections) : null,
    callsHandled: calls,
    averageHandleSeconds: calls > 0 ? round(sum((row) => row.figures.talkSeconds) / calls) : null,
    directRate: logged > 0 ? sum((row) => row.figures.directAnswered) / logged : null,
    processSatisfaction: answered > 0 ? sum((row) => row.figures.processSatisfied) / answered : null,
    appealsUpheld: sum((row) => row.figures.appealsUpheld),
    averageScore: scored.length > 0 ? round(scored.reduce((total, row) => total + row.score!, 0) / scored.length) : null,
  };
}

/** What a reader sees: individual rows only within their scope; team and centre figures for all readers. */
export type MonthlyAssessmentView = MonthlyAssessment & { visibleRows: AssessedCallTaker[]; teams: GroupFigures[]; centre: GroupFigures; individual: boolean };

/**
 * The assessment as `actor` may see it: QA inspectors every row; a team lead their team's rows; a
 * call-taker their own row (ranks are the centre's); supervisors, leaders and admins the team and
 * centre figures only. `teamId` narrows the rows to a team the reader inspects or leads.
 */
export async function monthlyAssessmentFor(
  db: DataSource | EntityManager,
  input: { actor: Actor | null; month: string; teamId?: string | null; weightsVersion?: number | null },
): Promise<MonthlyAssessmentView> {
  const scope = await qaScope(db, input.actor);
  if (scope.kind === "none" && !hasAnyRole(input.actor, QA_AGGREGATE_READERS)) {
    throw new ForbiddenError("Only QA inspectors, team leads, call-takers, supervisors, leaders and admins see the monthly assessment.");
  }
  if (input.teamId && (!isUuid(input.teamId) || !(scopeLeadsOrInspects(scope, input.teamId) || hasAnyRole(input.actor, QA_AGGREGATE_READERS)))) {
    throw teamNotFound();
  }
  const assessment = await monthlyAssessment(db, input.month, { weightsVersion: input.weightsVersion });
  const teamIds = [...new Set(assessment.rows.map((row) => row.figures.teamId).filter((id): id is string => id !== null))];
  const teams = teamIds
    .map((teamId) => {
      const members = assessment.rows.filter((row) => row.figures.teamId === teamId);
      const name = members[0]!.figures.teamName ?? "";
      return groupFigures(members, { teamId, name, nameEn: name });
    })
    .sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
  const centre = groupFigures(assessment.rows, { teamId: null, name: "全中心", nameEn: "Whole centre" });
  if (input.teamId && !teams.some((team) => team.teamId === input.teamId)) {
    const known: unknown[] = await db.query(`SELECT 1 FROM qa_team WHERE id = $1`, [input.teamId]);
    if (known.length === 0) {
      throw teamNotFound();
    }
  }
  const visibleRows = assessment.rows.filter((row) => scopeCovers(scope, row.figures.callTakerId) && (!input.teamId || row.figures.teamId === input.teamId));
  return { ...assessment, visibleRows, teams, centre, individual: scope.kind !== "none" };
}
