import type { Express } from "express";

/**
 * Short links texted to citizens: `/track?n=<tracking number>` opens the portal's track page with
 * the number filled in (the SMS link is `${CIVICLINE_PUBLIC_URL}/track?n=…`).
 */
export function mountPortalLinks(app: Express): void {
  app.get("/track", (req, res) => {
    const number = typeof req.query.n === "string" ? req.query.n.slice(0, 40) : "";
    res.redirect(302, number ? `/portal/track?n=${encodeURIComponent(number)}` : "/portal/track");
  });
}
