import { CallbackEvent } from "@civicline/callback";
import { Role, ValidationError, requireRole, type Actor, type EventHandler } from "@civicline/platform";
import { Unit } from "@civicline/routing";
import { In, type DataSource } from "typeorm";

/** Who reads re-report counts: supervisors, leaders and admins (the measures). */
export const RE_REPORT_COUNT_READERS: readonly Role[] = [Role.SUPERVISOR, Role.LEADER, Role.ADMIN];
const MAX_PERIOD_MS = 400 * 24 * 3_600_000;

/**
 * Keeps supervision_re_report from callback's decisions: an accepted proposal adds its row (the
 * proposal id is the key, so a redelivered event adds nothing).
 */
export function reReportCountHandlers(dataSource: DataSource): EventHandler[] {
  return [
    {
      name: "supervision.count-re-report",
      eventType: CallbackEvent.RE_REPORT_DECIDED,
      async handle(event) {
        const payload = event.payload as { proposalId?: string; accepted?: boolean };
        if (!payload.accepted || !payload.proposalId) {
          return;
        }
        await dataSource.query(
          `INSERT INTO supervision_re_report (proposal_id, ticket_id, unit_id, at)
           SELECT id, ticket_id, lead_unit_id, decided_at FROM callback_re_report_proposal
            WHERE id = $1 AND state = 'ACCEPTED' AND decided_at IS NOT NULL
           ON CONFLICT (proposal_id) DO NOTHING`,
          [payload.proposalId],
        );
      },
    },
  ];
}

/**
 * Accepted re-reports per unit in [from, to), most first (units without any are left out). One
 * range scan of supervision_re_report_at_unit_idx plus the units. BAD_USER_INPUT when the period
 * ends before it starts or is longer than 400 days.
 */
export async function reReportCounts(
  dataSource: DataSource,
  input: { actor: Actor | null; from: Date; to: Date },
): Promise<Array<{ unit: Unit; count: number }>> {
  requireRole(input.actor, RE_REPORT_COUNT_READERS);
  const from = input.from instanceof Date ? input.from : new Date(input.from);
  const to = input.to instanceof Date ? input.to : new Date(input.to);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) {
    throw new ValidationError([{ field: "from", code: "INVALID_FORMAT", message: "Give the period as two dates and times." }]);
  }
  if (to.getTime() <= from.getTime()) {
    throw new ValidationError([{ field: "to", code: "OUT_OF_RANGE", message: "The period must end after it starts." }]);
  }
  if (to.getTime() - from.getTime() > MAX_PERIOD_MS) {
    throw new ValidationError([{ field: "to", code: "OUT_OF_RANGE", message: "Choose a period of at most 400 days." }]);
  }
  const rows: Array<{ unit_id: string; count: string }> = await dataSource.query(
    `SELECT unit_id, count(*) AS count FROM supervision_re_report WHERE at >= $1 AND at < $2 GROUP BY unit_id`,
    [from, to],
  );
  if (rows.length === 0) {
    return [];
  }
  const units = await dataSource.getRepository(Unit).findBy({ id: In(rows.map((row) => row.unit_id)) });
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  return rows
    .filter((row) => byId.has(row.unit_id))
    .map((row) => ({ unit: byId.get(row.unit_id)!, count: Number(row.count) }))
    .sort((a, b) => b.count - a.count || a.unit.code.localeCompare(b.unit.code));
}
