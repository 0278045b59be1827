import { hasAnyRole, listDevSms, Role, type AppServices } from "@civicline/platform";
import type { Express } from "express";
import { credentialsOf, resolveActor } from "./auth.js";
import { mountDevTimerRoutes } from "./dev-timer-routes.js";

/**
 * Development tools, mounted only with the development SMS sender (`CIVICLINE_SMS_SENDER=dev`, the
 * default): `GET /dev/sms` lists the text messages it recorded, newest first (`?to=<phone>` for one
 * number, `?limit=` up to 200), so a developer or an end-to-end test can read a tracking code.
 * Never turn the dev sender on in production: anyone could read the codes here.
 */
export function mountDevRoutes(app: Express, services: AppServices): void {
  if (services.config.smsSender !== "dev") {
    return;
  }
  if (services.config.nodeEnv === "production") {
    services.log.warn(
      "the development SMS sender is on in production (CIVICLINE_ALLOW_DEV_SMS_IN_PRODUCTION=true): citizens receive no text messages; admins read them at GET /dev/sms. Set CIVICLINE_SMS_SENDER=webhook for real use",
    );
  }
  app.get("/dev/sms", async (req, res) => {
    if (services.config.nodeEnv !== "development") {
      const actor = await resolveActor(services.dataSource, credentialsOf(req.headers));
      if (!hasAnyRole(actor, [Role.ADMIN])) {
        res.status(actor ? 403 : 401).json({ error: { code: actor ? "FORBIDDEN" : "UNAUTHENTICATED", message: "Only an admin may read the development SMS sender's messages." } });
        return;
      }
    }
    const to = typeof req.query.to === "string" && req.query.to ? req.query.to.replace(/[\s-]/g, "") : undefined;
    const limit = typeof req.query.limit === "string" ? Number.parseInt(req.query.limit, 10) || undefined : undefined;
    const messages = await listDevSms(services.dataSource, { to, limit });
    res.setHeader("Cache-Control", "no-store");
    res.json({
      messages: messages.map((message) => ({
        id: message.id,
        to: message.to,
        text: message.text,
        purpose: message.purpose,
        createdAt: message.createdAt.toISOString(),
      })),
    });
  });
  mountDevTimerRoutes(app, services);
}
