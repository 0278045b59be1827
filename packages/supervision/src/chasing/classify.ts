import { ChasingSeverity, ChasingStage } from "./chasing.enums.js";

/**
 * The one definition of "late" on the chasing board, as SQL over the truth that routing's durable
 * timers leave behind: a ticket is late when the timer of its current stage fired and it is still in
 * that stage —
 * - waiting for dispatch (received or awaiting dispatch, no active assignment): the board's own
 *   dispatch warning fired (yellow), routing's dispatch-overdue timer fired (red; an urgent or
 *   emergency ticket then sounds the alarm);
 * - waiting for sign-for (dispatched, unsigned): the board's sign-for warning (yellow), routing's
 *   sign-for timer (red), or the completion timers (near due yellow, overdue red);
 * - extension pending / in progress (signed for, or a return waiting for a dispatcher): the
 *   completion timers' marks on the assignment (`near_due_notified_at` yellow, `overdue_at` red).
 * `%WHERE%` is replaced by the tickets to classify. The timer keys are routing's
 * (`routing:ticket:<id>:dispatch_overdue`, `routing:assignment:<id>:sign_for_overdue`) and the
 * board's (warning-timers.ts).
 */
const CLASSIFY = `
WITH base AS (
  SELECT t.id AS ticket_id, t.urgency, a.id AS assignment_id, a.lead_unit_id, a.state, a.signed_for_at, a.extension_status,
         a.near_due_notified_at, a.overdue_at, a.sign_for_due_at, a.completion_due_at,
         d.fired_at AS dispatch_fired_at, dw.fired_at AS dispatch_warned_at,
         coalesce((d.payload->>'dueAt')::timestamptz, (dw.payload->>'dueAt')::timestamptz, d.due_at) AS dispatch_due_at,
         s.fired_at AS sign_for_fired_at, sw.fired_at AS sign_for_warned_at
    FROM intake_ticket t
    LEFT JOIN routing_assignment a
      ON a.ticket_id = t.id AND a.current AND a.state IN ('DISPATCHED', 'SIGNED_FOR', 'RETURN_REQUESTED')
         AND t.status IN ('dispatched', 'signed_for', 'in_progress')
    LEFT JOIN platform_timer d
      ON a.id IS NULL AND t.status IN ('received', 'awaiting_dispatch')
         AND d.key = 'routing:ticket:' || t.id::text || ':dispatch_overdue' AND d.fired_at IS NOT NULL
    LEFT JOIN platform_timer dw
      ON a.id IS NULL AND t.status IN ('received', 'awaiting_dispatch')
         AND dw.key = 'supervision:chasing:ticket:' || t.id::text || ':dispatch_warning' AND dw.fired_at IS NOT NULL
    LEFT JOIN platform_timer s
      ON a.state = 'DISPATCHED' AND a.signed_for_at IS NULL
         AND s.key = 'routing:assignment:' || a.id::text || ':sign_for_overdue' AND s.fired_at IS NOT NULL
    LEFT JOIN platform_timer sw
      ON a.state = 'DISPATCHED' AND a.signed_for_at IS NULL
         AND sw.key = 'supervision:chasing:assignment:' || a.id::text || ':sign_for_warning' AND sw.fired_at IS NOT NULL
   WHERE %WHERE%
), staged AS (
  SELECT b.*,
         CASE
           WHEN b.assignment_id IS NULL THEN '${ChasingStage.WAITING_DISPATCH}'
           WHEN b.state = 'DISPATCHED' AND b.signed_for_at IS NULL THEN '${ChasingStage.WAITING_SIGN_FOR}'
           WHEN b.extension_status = 'PENDING' THEN '${ChasingStage.EXTENSION_PENDING}'
           ELSE '${ChasingStage.IN_PROGRESS}'
         END AS stage
    FROM base b
   WHERE b.dispatch_fired_at IS NOT NULL OR b.dispatch_warned_at IS NOT NULL
      OR (b.assignment_id IS NOT NULL
          AND (b.sign_for_fired_at IS NOT NULL OR b.sign_for_warned_at IS NOT NULL OR b.overdue_at IS NOT NULL OR b.near_due_notified_at IS NOT NULL))
)
SELECT ticket_id, stage,
       CASE WHEN dispatch_fired_at IS NOT NULL OR sign_for_fired_at IS NOT NULL OR overdue_at IS NOT NULL
            THEN '${ChasingSeverity.OVERDUE}' ELSE '${ChasingSeverity.NEAR_DUE}' END AS severity,
       lead_unit_id AS unit_id, assignment_id, urgency,
       (stage = '${ChasingStage.WAITING_DISPATCH}' AND dispatch_fired_at IS NOT NULL AND urgency IN ('urgent', 'emergency')) AS alarm,
       CASE stage
         WHEN '${ChasingStage.WAITING_DISPATCH}' THEN dispatch_due_at
         WHEN '${ChasingStage.WAITING_SIGN_FOR}' THEN sign_for_due_at
         ELSE completion_due_at
       END AS due_at,
       CASE WHEN stage = '${ChasingStage.WAITING_DISPATCH}' THEN least(dispatch_fired_at, dispatch_warned_at)
            ELSE least(sign_for_fired_at, sign_for_warned_at, overdue_at, near_due_notified_at) END AS late_since
  FROM staged`;

const COLUMNS = "ticket_id, stage, severity, unit_id, assignment_id, urgency, alarm, due_at, late_since";

/** INSERT of the late rows among the tickets `$1` (uuid[]), returning what it inserted. */
export const INSERT_LATE_OF_TICKETS = `INSERT INTO supervision_chasing_item (${COLUMNS})
${CLASSIFY.replace("%WHERE%", "t.id = ANY($1::uuid[])")}
RETURNING ticket_id, stage, severity, unit_id, alarm`;

/** The late rows of every open ticket, straight from the truth (rebuilds, tests, the bench). */
export const SELECT_ALL_LATE = CLASSIFY.replace(
  "%WHERE%",
  "t.status IN ('received', 'awaiting_dispatch', 'dispatched', 'signed_for', 'in_progress')",
);

/** INSERT of every late row (the table must be empty: `rebuildChasing`). */
export const INSERT_ALL_LATE = `INSERT INTO supervision_chasing_item (${COLUMNS}) ${SELECT_ALL_LATE}`;
