import { pino, type DestinationStream, type Logger } from "pino";
import { logSerializers, REDACT_PATHS } from "./logging/log-serializers.js";
import { REDACTED, scrubLogFields, scrubText } from "./logging/redaction.js";

export type { DestinationStream, Logger };

const SERIALIZED_FIELDS: ReadonlySet<string> = new Set(Object.keys(logSerializers));

/**
 * The process-wide structured logger; request loggers are children carrying `requestId`. Applies
 * the redaction list (logging/redaction.ts) to every line: fields, requests, responses, errors and
 * phone/ID numbers inside messages. `destination` defaults to standard output.
 */
export function createLogger(options: { level?: string; name?: string; destination?: DestinationStream } = {}): Logger {
  const settings = {
    name: options.name ?? "civicline",
    level: options.level ?? process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
    serializers: logSerializers,
    redact: { paths: [...REDACT_PATHS], censor: REDACTED },
    formatters: { log: (fields: Record<string, unknown>) => scrubLogFields(fields, SERIALIZED_FIELDS) },
    hooks: {
      logMethod(this: Logger, args: unknown[], method: (...args: unknown[]) => void) {
        method.apply(
          this,
          args.map((arg) => (typeof arg === "string" ? scrubText(arg) : arg)),
        );
      },
    },
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}
