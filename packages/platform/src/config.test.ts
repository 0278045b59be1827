import path from "node:path";
import { describe, expect, it } from "vitest";
import { findRepoRoot, loadConfig } from "./config.js";

describe("loadConfig", () => {
  it("uses the documented defaults when nothing is set", () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.embeddedPostgresPort).toBe(25432);
    expect(config.embeddedPostgresPort).toBeLessThan(32768);
    expect(config.sessionTtlHours).toBe(12);
    expect(config.cityPrefix).toBe("ZB");
    expect(config.nodeEnv).toBe("production");
    expect(config.seedDemoOnEmpty).toBe(true);
    expect(config.cookieSecure).toBe(false);
    expect(config.dataDir).toBe(path.join(findRepoRoot(), ".data"));
  });

  it("reads the settings it is given", () => {
    const config = loadConfig({
      PORT: "8080",
      CIVICLINE_SESSION_TTL_HOURS: "2",
      CIVICLINE_CITY_PREFIX: "bj",
      CIVICLINE_SEED_DEMO: "false",
      CIVICLINE_COOKIE_SECURE: "true",
      CIVICLINE_DATA_DIR: "/var/lib/civicline",
    });
    expect(config.port).toBe(8080);
    expect(config.sessionTtlHours).toBe(2);
    expect(config.cityPrefix).toBe("BJ");
    expect(config.seedDemoOnEmpty).toBe(false);
    expect(config.cookieSecure).toBe(true);
    expect(config.dataDir).toBe("/var/lib/civicline");
  });

  it("passes DATABASE_URL through unchanged and treats an empty one as unset", () => {
    const url = "postgres://civicline:s3cret@db.internal:5432/civicline?sslmode=require";
    expect(loadConfig({ DATABASE_URL: url }).databaseUrl).toBe(url);
    expect(loadConfig({ DATABASE_URL: "" }).databaseUrl).toBeUndefined();
  });

  it.each(["abc", "0", "-1", "80O0", "4000abc", "12.5", "70000"])("rejects PORT=%j naming the setting", (raw) => {
    expect(() => loadConfig({ PORT: raw })).toThrow(/^PORT must be a whole number from 1 to 65535/);
  });

  it("names the offending setting, not just PORT", () => {
    expect(() => loadConfig({ CIVICLINE_SESSION_TTL_HOURS: "twelve" })).toThrow(/CIVICLINE_SESSION_TTL_HOURS/);
    expect(() => loadConfig({ CIVICLINE_EMBEDDED_PG_PORT: "x" })).toThrow(/CIVICLINE_EMBEDDED_PG_PORT/);
  });
});

describe("CIVICLINE_ALLOW_DEV_SMS_IN_PRODUCTION", () => {
  it("is off unless set to true, and refuses anything but true or false", () => {
    expect(loadConfig({}).allowDevSmsInProduction).toBe(false);
    expect(loadConfig({ CIVICLINE_ALLOW_DEV_SMS_IN_PRODUCTION: "false" }).allowDevSmsInProduction).toBe(false);
    expect(loadConfig({ CIVICLINE_ALLOW_DEV_SMS_IN_PRODUCTION: "true" }).allowDevSmsInProduction).toBe(true);
    expect(() => loadConfig({ CIVICLINE_ALLOW_DEV_SMS_IN_PRODUCTION: "yes" })).toThrow(/^CIVICLINE_ALLOW_DEV_SMS_IN_PRODUCTION must be "true" or "false", got "yes"/);
  });
});
