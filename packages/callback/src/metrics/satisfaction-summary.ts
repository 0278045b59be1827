import { assertNoFieldErrors, requireRole, type Actor, type FieldError } from "@civicline/platform";
import type { DataSource } from "typeorm";
import { PROPOSAL_READERS, isUuid } from "../callback.errors.js";
import { CallbackTaskState, SATISFIED } from "../callback.enums.js";

/** The satisfaction figures of a period (see `satisfactionSummary` for the exact definitions). */
export type SatisfactionSummary = {
  from: Date;
  to: Date;
  answered: number;
  onlineAnswered: number;
  reasonableAnswered: number;
  resultSatisfied: number;
  resultSatisfactionRate: number | null;
  processAnswered: number;
  processSatisfied: number;
  processSatisfactionRate: number | null;
  unreachable: number;
  reReportsProposed: number;
};

const MAX_DAYS = 366;

const SATISFIED_LIST = SATISFIED.map((value) => `'${value}'`).join(", ");

/**
 * The satisfaction definitions as SQL conditions on a `callback_survey` row (unqualified column
 * names): the one place they are written. `satisfactionSummary` counts with them, and the
 * supervision measures (packages/supervision/src/measures/engine) maintain their counters with the
 * same conditions, so the two can never disagree.
 * - answered: an answer to a reply callback (resolution + result + process);
 * - reasonableAnswered: such an answer over a request the agent did not judge unreasonable
 *   (online answers and unjudged ones count as reasonable);
 * - resultSatisfied: of those, very satisfied, satisfied or basically satisfied with the result;
 * - processAnswered: every answer given (reply callbacks and direct-answer surveys);
 * - processSatisfied: of those, satisfied (three levels) with the service.
 */
export const SATISFACTION_SQL = {
  answered: "full_survey",
  reasonableAnswered: "(full_survey AND reasonable IS DISTINCT FROM false)",
  resultSatisfied: `(full_survey AND reasonable IS DISTINCT FROM false AND result_satisfaction IN (${SATISFIED_LIST}))`,
  processAnswered: "true",
  processSatisfied: `(process_satisfaction IN (${SATISFIED_LIST}))`,
} as const;

/**
 * Satisfaction in [from, to), by the time the answer was given (phone and online count alike):
 * - answered: answers to reply callbacks (resolution + result + process);
 * - result satisfaction = (very satisfied + satisfied + basically satisfied) / answered, both over
 *   reasonable requests only (the agent's judgement; online answers and unjudged ones count as reasonable);
 * - process satisfaction = the same share for the service question, over every answer given
 *   (reply callbacks and direct-answer surveys), reasonable or not;
 * - unreachable: callback tasks closed as not reached in the period.
 * With `unitId`, only reply callbacks of tickets that unit replied to as lead unit.
 */
export async function satisfactionSummary(
  dataSource: DataSource,
  input: { actor: Actor | null; from: Date; to: Date; unitId?: string | null },
): Promise<SatisfactionSummary> {
  requireRole(input.actor, PROPOSAL_READERS);
  const errors: FieldError[] = [];
  const from = input.from.getTime();
  const to = input.to.getTime();
  if (Number.isNaN(from)) {
    errors.push({ field: "from", code: "INVALID_FORMAT", message: "Give the start of the period." });
  }
  if (Number.isNaN(to)) {
    errors.push({ field: "to", code: "INVALID_FORMAT", message: "Give the end of the period." });
  } else if (to <= from) {
    errors.push({ field: "to", code: "BEFORE_START", message: "The period must end after it starts." });
  } else if (to - from > MAX_DAYS * 86_400_000) {
    errors.push({ field: "to", code: "OUT_OF_RANGE", message: `Ask for at most ${MAX_DAYS} days at a time.` });
  }
  if (input.unitId && !isUuid(input.unitId)) {
    errors.push({ field: "unitId", code: "INVALID_FORMAT", message: "Choose a unit from the list." });
  }
  assertNoFieldErrors(errors);
  const unitId = input.unitId || null;
  const [survey] = (await dataSource.query(
    `SELECT count(*) FILTER (WHERE ${SATISFACTION_SQL.answered})::int AS answered,
            count(*) FILTER (WHERE full_survey AND channel = 'ONLINE')::int AS online,
            count(*) FILTER (WHERE ${SATISFACTION_SQL.reasonableAnswered})::int AS reasonable,
            count(*) FILTER (WHERE ${SATISFACTION_SQL.resultSatisfied})::int AS result_satisfied,
            count(*) FILTER (WHERE ${SATISFACTION_SQL.processAnswered})::int AS process_answered,
            count(*) FILTER (WHERE ${SATISFACTION_SQL.processSatisfied})::int AS process_satisfied
       FROM callback_survey
      WHERE answered_at >= $1 AND answered_at < $2 AND ($3::uuid IS NULL OR lead_unit_id = $3)`,
    [input.from, input.to, unitId],
  )) as Array<{ answered: number; online: number; reasonable: number; result_satisfied: number; process_answered: number; process_satisfied: number }>;
  const [other] = (await dataSource.query(
    `SELECT (SELECT count(*)::int FROM callback_task t
              WHERE t.state = $3 AND t.closed_at >= $1 AND t.closed_at < $2
                AND ($4::uuid IS NULL OR EXISTS (SELECT 1 FROM routing_assignment a WHERE a.id = t.assignment_id AND a.lead_unit_id = $4))) AS unreachable,
            (SELECT count(*)::int FROM callback_re_report_proposal p
              WHERE p.created_at >= $1 AND p.created_at < $2 AND ($4::uuid IS NULL OR p.lead_unit_id = $4)) AS proposed`,
    [input.from, input.to, CallbackTaskState.UNREACHABLE, unitId],
  )) as Array<{ unreachable: number; proposed: number }>;
  const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);
  const s = survey!;
  return {
    from: input.from,
    to: input.to,
    answered: s.answered,
    onlineAnswered: s.online,
    reasonableAnswered: s.reasonable,
    resultSatisfied: s.result_satisfied,
    resultSatisfactionRate: rate(s.result_satisfied, s.reasonable),
    processAnswered: s.process_answered,
    processSatisfied: s.process_satisfied,
    processSatisfactionRate: rate(s.process_satisfied, s.process_answered),
    unreachable: other!.unreachable,
    reReportsProposed: other!.proposed,
  };
}
