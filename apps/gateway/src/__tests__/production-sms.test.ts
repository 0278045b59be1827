import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { startApp } from "../app.js";

const CLI = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));
/** Nothing listens here: had the refusal come after connecting, the start would fail differently. */
const NO_DATABASE = "postgres://nobody:nothing@127.0.0.1:1/none";

describe("NODE_ENV=production with the development SMS sender", () => {
  it("is refused by startApp before anything starts, unless CIVICLINE_ALLOW_DEV_SMS_IN_PRODUCTION=true", async () => {
    const start = startApp({ nodeEnv: "production", smsSender: "dev", allowDevSmsInProduction: false, databaseUrl: NO_DATABASE, port: 1 });
    await expect(start).rejects.toThrow(/^Refusing to start: NODE_ENV=production with the development SMS sender/);
    await expect(start).rejects.toThrow(/CIVICLINE_ALLOW_DEV_SMS_IN_PRODUCTION=true/);
  });

  it("makes `civicline-gateway start` exit with the reason and how to fix it", async () => {
    const child = spawn(process.execPath, [CLI, "start"], {
      env: { PATH: process.env.PATH, NODE_ENV: "production", DATABASE_URL: NO_DATABASE, PORT: "4999", LOG_LEVEL: "warn" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const [code] = (await once(child, "exit")) as [number | null];
    expect(code).toBe(1);
    expect(stderr).toContain("Refusing to start: NODE_ENV=production with the development SMS sender");
    expect(stderr).toContain("CIVICLINE_SMS_SENDER=webhook");
    expect(stderr).toContain("CIVICLINE_ALLOW_DEV_SMS_IN_PRODUCTION=true");
  });
});
