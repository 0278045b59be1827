import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.CIVICLINE_E2E_PORT ?? 4310);
// A fresh data directory per run: the gateway starts embedded PostgreSQL there and seeds demo data.
const dataDir = process.env.CIVICLINE_E2E_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), "civicline-e2e-"));

export default defineConfig({
  testDir: "./tests",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  outputDir: "test-results",
  reporter: [["list"], ...(process.env.CIVICLINE_E2E_REPORT ? [["json", { outputFile: process.env.CIVICLINE_E2E_REPORT }] as const] : [])],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    screenshot: "only-on-failure",
    trace: "off",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  webServer: {
    command: "node ../../apps/gateway/dist/cli.js start",
    url: `http://127.0.0.1:${PORT}/readyz`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      NODE_ENV: "production",
      CIVICLINE_ALLOW_DEV_SMS_IN_PRODUCTION: "true",
      LOG_LEVEL: "warn",
      CIVICLINE_DATA_DIR: dataDir,
      // Below 32768: outside the ephemeral port range a client socket could be handed.
      CIVICLINE_EMBEDDED_PG_PORT: String(PORT + 20_000 > 32_000 ? 24_330 : PORT + 20_000),
      DATABASE_URL: "",
    },
  },
});
