import { pino, type Logger } from "pino";

export type { Logger };

/** The process-wide structured logger; request loggers are children carrying `requestId`. */
export function createLogger(options: { level?: string; name?: string } = {}): Logger {
  return pino({
    name: options.name ?? "civicline",
    level: options.level ?? process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
    redact: {
      paths: ["req.headers.cookie", "req.headers.authorization", "password", "*.password", "token", "*.token"],
      censor: "[redacted]",
    },
  });
}
