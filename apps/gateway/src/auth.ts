import { actorForApiKey, actorForSessionToken, findSession, type Actor, type SessionInfo } from "@civicline/platform";
import { parse as parseCookie } from "cookie";
import type { IncomingHttpHeaders } from "node:http";
import type { DataSource } from "typeorm";
import { credentialCacheOf } from "./credential-cache.js";

export const SESSION_COOKIE = "civicline_session";

/** The credentials a request carries: an API key header, a bearer token, or the session cookie. */
export function credentialsOf(headers: IncomingHttpHeaders): { sessionToken: string | null; apiKey: string | null } {
  const apiKeyHeader = headers["x-api-key"];
  const apiKey = typeof apiKeyHeader === "string" && apiKeyHeader ? apiKeyHeader : null;
  const authorization = headers.authorization ?? "";
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1] ?? null;
  const cookie = headers.cookie ? (parseCookie(headers.cookie)[SESSION_COOKIE] ?? null) : null;
  return { sessionToken: bearer ?? cookie ?? null, apiKey };
}

/**
 * Resolves who is calling; unknown or expired credentials mean an anonymous (public) caller. One
 * statement at most, none while the running gateway's credential cache holds them (credential-cache.ts).
 */
export async function resolveActor(
  dataSource: DataSource,
  credentials: { sessionToken: string | null; apiKey: string | null },
): Promise<Actor | null> {
  const cache = credentialCacheOf(dataSource);
  const { apiKey, sessionToken } = credentials;
  if (apiKey) {
    return cache ? cache.apiKey(apiKey, () => actorForApiKey(dataSource, apiKey)) : actorForApiKey(dataSource, apiKey);
  }
  if (sessionToken && sessionToken.length <= 200) {
    return cache ? ((await cache.session(sessionToken, () => findSession(dataSource, sessionToken)))?.actor ?? null) : actorForSessionToken(dataSource, sessionToken);
  }
  return null;
}

/**
 * The live session behind a request's credentials; null for API keys, anonymous or unknown tokens.
 * Always read from PostgreSQL (a socket opens once and arms its expiry from what it reads).
 */
export async function resolveSession(
  dataSource: DataSource,
  credentials: { sessionToken: string | null; apiKey: string | null },
): Promise<SessionInfo | null> {
  if (credentials.apiKey || !credentials.sessionToken || credentials.sessionToken.length > 200) {
    return null;
  }
  return findSession(dataSource, credentials.sessionToken);
}
