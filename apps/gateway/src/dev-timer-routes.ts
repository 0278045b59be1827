import { hasAnyRole, Role, TIMER_CHANNEL, type AppServices } from "@civicline/platform";
import express, { type Express } from "express";
import { credentialsOf, resolveActor } from "./auth.js";

/** The deadline timers of a ticket a developer (or an end-to-end test) may make fall due now. */
const KINDS = ["near_due", "overdue", "sign_for_overdue", "dispatch_overdue"] as const;
type Kind = (typeof KINDS)[number];

/**
 * Development tool, mounted with the other dev routes (only with the development SMS sender):
 * `POST /dev/timers/fire-now` `{ trackingNumber, kind }` makes one of the ticket's pending routing
 * deadline timers (near_due, overdue, sign_for_overdue of its current assignment; dispatch_overdue
 * of the ticket) fall due now, so the running timer service fires it as if its time had come —
 * the chasing board's demo and e2e tests need no waiting. Admins only outside development.
 */
export function mountDevTimerRoutes(app: Express, services: AppServices): void {
  app.post("/dev/timers/fire-now", express.json({ limit: "4kb" }), async (req, res) => {
    if (services.config.nodeEnv !== "development") {
      const actor = await resolveActor(services.dataSource, credentialsOf(req.headers));
      if (!hasAnyRole(actor, [Role.ADMIN])) {
        res.status(actor ? 403 : 401).json({ error: { code: actor ? "FORBIDDEN" : "UNAUTHENTICATED", message: "Only an admin may move the development timers." } });
        return;
      }
    }
    const body = (req.body ?? {}) as { trackingNumber?: unknown; kind?: unknown };
    const kind = KINDS.find((candidate) => candidate === body.kind) as Kind | undefined;
    if (typeof body.trackingNumber !== "string" || !kind) {
      res.status(400).json({ error: { code: "BAD_USER_INPUT", message: `Send { trackingNumber, kind } with kind one of ${KINDS.join(", ")}.` } });
      return;
    }
    const rows = (await services.dataSource.query(
      `WITH target AS (
         SELECT CASE WHEN $2 = 'dispatch_overdue' THEN 'routing:ticket:' || t.id::text || ':dispatch_overdue'
                     ELSE 'routing:assignment:' || a.id::text || ':' || $2 END AS key
           FROM intake_ticket t LEFT JOIN routing_assignment a ON a.ticket_id = t.id AND a.current
          WHERE t.tracking_number = $1
       ), moved AS (
         UPDATE platform_timer p SET due_at = now(), available_at = now(), updated_at = now()
           FROM target WHERE p.key = target.key AND p.fired_at IS NULL RETURNING p.key
       )
       SELECT key, pg_notify($3, key) FROM moved`,
      [body.trackingNumber, kind, TIMER_CHANNEL],
    )) as Array<{ key: string }>;
    if (rows.length === 0) {
      res.status(404).json({ error: { code: "NOT_FOUND", message: "No pending timer of this kind for this ticket." } });
      return;
    }
    res.setHeader("Cache-Control", "no-store");
    res.json({ fired: rows[0]!.key });
  });
}
