import { existsSync } from "node:fs";
import path from "node:path";

/** Every setting civicline reads from the environment, documented in the README. */
export type PlatformConfig = {
  nodeEnv: string;
  port: number;
  /** External PostgreSQL; when absent an embedded server is started under `dataDir/postgres`. */
  databaseUrl: string | undefined;
  /**
   * A read-only PostgreSQL (a streaming replica of `databaseUrl`) that the ticket search, its CSV
   * export and the measures read from; unset = they read the primary like everything else.
   */
  databaseReadUrl: string | undefined;
  dataDir: string;
  embeddedPostgresPort: number;
  sessionTtlHours: number;
  cityPrefix: string;
  logLevel: string;
  /** Seed demo data on the first start of an empty database. */
  seedDemoOnEmpty: boolean;
  cookieSecure: boolean;
  /** Base URL citizens reach the portal at (tracking links in SMS), e.g. https://12345.zibo.gov.cn */
  publicBaseUrl: string;
  /** Open311 `jurisdiction_id` this endpoint serves (GeoReport v2). */
  jurisdictionId: string;
  /** Where an Open311 request naming no district lands (a division code or Chinese name); unset = the first district by code. */
  open311DefaultDistrict: string | undefined;
  /** Map tile URL template for the portal's optional map pin ({z}/{x}/{y}); none = no map. */
  mapTileUrl: string | undefined;
  /** Which SMS sender to use: `dev` records messages in the database (readable at /dev/sms). */
  smsSender: "dev" | "webhook";
  /** For `smsSender: webhook`: the URL messages are POSTed to as JSON `{ to, text }`. */
  smsWebhookUrl: string | undefined;
  /**
   * `CIVICLINE_ALLOW_DEV_SMS_IN_PRODUCTION=true`: start with `NODE_ENV=production` and the
   * development SMS sender anyway (a demo); without it such a start is refused.
   */
  allowDevSmsInProduction: boolean;
  /**
   * Browser origins (`https://host[:port]`) allowed to open the GraphQL WebSocket besides the
   * gateway's own host and `publicBaseUrl` (and localhost:5173-5175 in development).
   */
  allowedOrigins: string[];
};

/**
 * The embedded PostgreSQL's default port: below Linux's ephemeral range (32768–60999), where a
 * client socket (a reconnect loop) can be handed the very port the server wants to listen on.
 */
export const EMBEDDED_PG_PORT = 25432;

/** Walks up from `start` to the directory holding pnpm-workspace.yaml (the repository root). */
export function findRepoRoot(start = process.cwd()): string {
  let dir = path.resolve(start);
  while (!existsSync(path.join(dir, "pnpm-workspace.yaml"))) {
    const parent = path.dirname(dir);
    if (parent === dir) {
      return path.resolve(start);
    }
    dir = parent;
  }
  return dir;
}

function intSetting(env: NodeJS.ProcessEnv, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name];
  if (raw === undefined || raw === "") {
    return fallback;
  }
  // parseInt alone would read "80O0" (a typo) as 80; only whole digit strings are accepted.
  const value = /^\s*\d+\s*$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(value) || value <= 0 || value > max) {
    throw new Error(`${name} must be a whole number from 1 to ${max}, got "${raw}"`);
  }
  return value;
}

function smsSenderSetting(env: NodeJS.ProcessEnv): "dev" | "webhook" {
  const value = env.CIVICLINE_SMS_SENDER ?? (env.CIVICLINE_SMS_WEBHOOK_URL ? "webhook" : "dev");
  if (value !== "dev" && value !== "webhook") {
    throw new Error(`CIVICLINE_SMS_SENDER must be "dev" or "webhook", got "${value}"`);
  }
  if (value === "webhook" && !env.CIVICLINE_SMS_WEBHOOK_URL) {
    throw new Error("CIVICLINE_SMS_SENDER=webhook needs CIVICLINE_SMS_WEBHOOK_URL");
  }
  return value;
}

function originsSetting(env: NodeJS.ProcessEnv): string[] {
  const entries = (env.CIVICLINE_ALLOWED_ORIGINS ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  return entries.map((entry) => {
    let url: URL | undefined;
    try {
      url = new URL(entry);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== "http:" && url.protocol !== "https:") || url.origin !== entry.replace(/\/+$/, "")) {
      throw new Error(`CIVICLINE_ALLOWED_ORIGINS takes origins like https://ops.example.org, separated by commas; got "${entry}"`);
    }
    return url.origin;
  });
}

function strictBooleanSetting(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = env[name];
  if (raw === undefined || raw === "" || raw === "false") {
    return false;
  }
  if (raw === "true") {
    return true;
  }
  throw new Error(`${name} must be "true" or "false", got "${raw}"`);
}

/** Reads the configuration once at start-up; invalid values fail fast with the setting's name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): PlatformConfig {
  const nodeEnv = env.NODE_ENV ?? "production";
  return {
    nodeEnv,
    port: intSetting(env, "PORT", 4000, 65_535),
    databaseUrl: env.DATABASE_URL || undefined,
    databaseReadUrl: env.DATABASE_READ_URL || undefined,
    dataDir: path.resolve(env.CIVICLINE_DATA_DIR ?? path.join(findRepoRoot(), ".data")),
    embeddedPostgresPort: intSetting(env, "CIVICLINE_EMBEDDED_PG_PORT", EMBEDDED_PG_PORT, 65_535),
    sessionTtlHours: intSetting(env, "CIVICLINE_SESSION_TTL_HOURS", 12),
    cityPrefix: (env.CIVICLINE_CITY_PREFIX ?? "ZB").toUpperCase(),
    logLevel: env.LOG_LEVEL ?? "info",
    seedDemoOnEmpty: (env.CIVICLINE_SEED_DEMO ?? "true") !== "false",
    cookieSecure: env.CIVICLINE_COOKIE_SECURE === "true",
    publicBaseUrl: (env.CIVICLINE_PUBLIC_URL ?? `http://localhost:${env.PORT || 4000}`).replace(/\/+$/, ""),
    jurisdictionId: env.CIVICLINE_JURISDICTION_ID ?? "zibo.12345.gov.cn",
    open311DefaultDistrict: env.CIVICLINE_OPEN311_DEFAULT_DISTRICT || undefined,
    mapTileUrl: env.CIVICLINE_MAP_TILE_URL || undefined,
    smsSender: smsSenderSetting(env),
    smsWebhookUrl: env.CIVICLINE_SMS_WEBHOOK_URL || undefined,
    allowDevSmsInProduction: strictBooleanSetting(env, "CIVICLINE_ALLOW_DEV_SMS_IN_PRODUCTION"),
    allowedOrigins: originsSetting(env),
  };
}
