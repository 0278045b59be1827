import { DomainError, hasAnyRole, Role, type AppServices } from "@civicline/platform";
import { expireOrderDeadline } from "@civicline/supervision";
import type { Express } from "express";
import { credentialsOf, resolveActor } from "./auth.js";

/**
 * A development tool for end-to-end tests of the supervision orders' escalation, mounted with the
 * other development tools (only with the development SMS sender, `CIVICLINE_SMS_SENDER=dev`):
 * `POST /dev/supervision-orders/<id>/expire` moves an open order's response deadline to now, so the
 * running timer service escalates it by itself. Outside development only a supervisor or an admin may
 * call it. Never turn the development tools on in production.
 */
export function mountSupervisionOrderDevRoutes(app: Express, services: AppServices): void {
  if (services.config.smsSender !== "dev") {
    return;
  }
  app.post("/dev/supervision-orders/:id/expire", async (req, res) => {
    if (services.config.nodeEnv !== "development") {
      const actor = await resolveActor(services.dataSource, credentialsOf(req.headers));
      if (!hasAnyRole(actor, [Role.SUPERVISOR, Role.ADMIN])) {
        res.status(actor ? 403 : 401).json({ error: { code: actor ? "FORBIDDEN" : "UNAUTHENTICATED", message: "Only a supervisor or an admin may move an order's deadline." } });
        return;
      }
    }
    res.setHeader("Cache-Control", "no-store");
    try {
      const expired = await expireOrderDeadline(services.dataSource, { orderId: String(req.params.id), now: services.now?.() });
      res.json({ expired });
    } catch (error) {
      if (error instanceof DomainError) {
        res.status(404).json({ error: { code: error.code, message: error.message } });
        return;
      }
      services.log.error({ err: error }, "expiring a supervision order's deadline failed");
      res.status(500).json({ error: { code: "INTERNAL_SERVER_ERROR", message: "Something went wrong." } });
    }
  });
}
