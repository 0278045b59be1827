import { IntegratorUsage, type Actor, type AppServices } from "@civicline/platform";
import type { NextFunction, Request, Response } from "express";
import type { DataSource } from "typeorm";
import { credentialsOf, resolveActor } from "./auth.js";

/** The usage counter of each running gateway by its DataSource (as the credential cache). */
const usages = new WeakMap<DataSource, IntegratorUsage>();

/** Starts counting integrator requests for this gateway (rate limits and last use, see IntegratorUsage). */
export function startIntegratorUsage(services: Pick<AppServices, "dataSource" | "log">): IntegratorUsage {
  const usage = new IntegratorUsage(services.dataSource, services.log);
  usage.start();
  usages.set(services.dataSource, usage);
  return usage;
}

export async function stopIntegratorUsage(dataSource: DataSource): Promise<void> {
  const usage = usages.get(dataSource);
  usages.delete(dataSource);
  await usage?.stop();
}

/**
 * Counts a request made with an integrator's key against the key's limit. Answers null when it may
 * go on, else the seconds to wait (the caller answers 429 with Retry-After).
 */
export function integratorRequest(dataSource: DataSource, actor: Actor | null): number | null {
  if (!actor || actor.kind !== "integrator" || !actor.apiKeyId) {
    return null;
  }
  const usage = usages.get(dataSource);
  if (!usage) {
    return null;
  }
  const decision = usage.hit(actor.apiKeyId, actor.rateLimitPerMinute ?? 600);
  return decision.allowed ? null : decision.retryAfterSeconds;
}

/**
 * Express middleware before GraphQL: a request with an X-Api-Key header over its key's rate limit is
 * answered 429 with Retry-After (and a GraphQL-shaped error, code RATE_LIMITED) before any work.
 */
export function integratorRateLimit(dataSource: DataSource) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const credentials = credentialsOf(req.headers);
    if (!credentials.apiKey || req.method === "OPTIONS") {
      next();
      return;
    }
    try {
      const wait = integratorRequest(dataSource, await resolveActor(dataSource, credentials));
      if (wait !== null) {
        res.setHeader("Retry-After", String(wait));
        res.status(429).json({
          errors: [{ message: `This API key made more requests than its limit per minute; try again in ${wait} s.`, extensions: { code: "RATE_LIMITED", retryAfterSeconds: wait } }],
        });
        return;
      }
      next();
    } catch (error) {
      next(error);
    }
  };
}
