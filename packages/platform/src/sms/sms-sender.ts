import type { Logger } from "pino";
import type { DataSource } from "typeorm";
import type { PlatformConfig } from "../config.js";
import type { AppServices } from "../module.js";
import { maskPhone } from "../text.js";
import { SmsMessage } from "./sms-message.entity.js";

/** One text message: `purpose` names why it is sent (logs, the development list). */
export type OutgoingSms = { to: string; text: string; purpose: string };

/**
 * Sends text messages to citizens. `send` never throws: a failure is logged and the caller goes
 * on (a citizen is never shown a provider's error, and no answer depends on whether a text left).
 */
export type SmsSender = { send(message: OutgoingSms): Promise<void> };

/** What one delivery attempt came to; `error` says why in words without the phone or the text. */
export type SmsDelivery = { ok: true } | { ok: false; error: string };

/**
 * A sender that also answers whether a message left, for callers that retry (citizen notices):
 * `deliver` never throws and never logs the text; `send` is `deliver` with the answer dropped.
 */
export type DeliveringSmsSender = SmsSender & { deliver(message: OutgoingSms): Promise<SmsDelivery> };

/**
 * The development sender: stores each message in `platform_sms_message` (read at GET /dev/sms).
 * Its log line names the purpose and a masked phone only: a text holds one-time codes.
 */
export function devSmsSender(dataSource: DataSource, log: Logger): DeliveringSmsSender {
  const deliver = async (message: OutgoingSms): Promise<SmsDelivery> => {
    try {
      await dataSource.getRepository(SmsMessage).insert({ to: message.to, text: message.text, purpose: message.purpose });
      log.info({ to: maskPhone(message.to), purpose: message.purpose }, "SMS recorded by the development sender (read it at GET /dev/sms)");
      return { ok: true };
    } catch (error) {
      log.error({ err: error, purpose: message.purpose }, "the development SMS sender could not record a message");
      return { ok: false, error: "the development sender could not record the message" };
    }
  };
  return {
    deliver,
    async send(message) {
      await deliver(message);
    },
  };
}

/** How long the webhook sender waits for the gateway's answer. */
export const SMS_WEBHOOK_TIMEOUT_MS = 5000;

/**
 * Sends each message as `POST <url>` with JSON `{ to, text, purpose }` (an SMS gateway or a small
 * adapter in front of one). Non-2xx answers, network errors and timeouts are logged, without the text.
 */
export function webhookSmsSender(url: string, log: Logger, options: { timeoutMs?: number } = {}): DeliveringSmsSender {
  const timeoutMs = options.timeoutMs ?? SMS_WEBHOOK_TIMEOUT_MS;
  const deliver = async (message: OutgoingSms): Promise<SmsDelivery> => {
    const context = { to: maskPhone(message.to), purpose: message.purpose };
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ to: message.to, text: message.text, purpose: message.purpose }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.body?.cancel();
      if (!response.ok) {
        log.error({ ...context, status: response.status }, "the SMS webhook refused a message");
        return { ok: false, error: `the SMS webhook answered ${response.status}` };
      }
      log.info(context, "SMS sent through the webhook");
      return { ok: true };
    } catch (error) {
      const timedOut = error instanceof Error && error.name === "TimeoutError";
      const reason = timedOut ? `the SMS webhook did not answer within ${timeoutMs} ms` : "the SMS webhook could not be reached";
      log.error({ ...context, err: error }, reason);
      return { ok: false, error: reason };
    }
  };
  return {
    deliver,
    async send(message) {
      await deliver(message);
    },
  };
}

/** The sender the configuration asks for (`CIVICLINE_SMS_SENDER`). */
export function smsSenderFor(services: Pick<AppServices, "dataSource" | "log" | "config">): DeliveringSmsSender {
  const { config } = services;
  if (config.smsSender === "webhook" && config.smsWebhookUrl) {
    return webhookSmsSender(config.smsWebhookUrl, services.log);
  }
  return devSmsSender(services.dataSource, services.log);
}

/** The setting that lets the development SMS sender run with `NODE_ENV=production`. */
export const ALLOW_DEV_SMS_IN_PRODUCTION = "CIVICLINE_ALLOW_DEV_SMS_IN_PRODUCTION";

/**
 * Refuses a production start with the development SMS sender (it sends no text and stores every
 * one-time code for /dev/sms) unless `CIVICLINE_ALLOW_DEV_SMS_IN_PRODUCTION=true` says it is meant.
 */
export function assertSmsSenderAllowed(config: Pick<PlatformConfig, "nodeEnv" | "smsSender" | "allowDevSmsInProduction">): void {
  if (config.nodeEnv === "production" && config.smsSender === "dev" && !config.allowDevSmsInProduction) {
    throw new Error(
      "Refusing to start: NODE_ENV=production with the development SMS sender, which sends no text message and keeps every " +
        "one-time code readable at /dev/sms. Set CIVICLINE_SMS_SENDER=webhook and CIVICLINE_SMS_WEBHOOK_URL=<your SMS gateway>; " +
        `or, for a demo or a test, ${ALLOW_DEV_SMS_IN_PRODUCTION}=true; or NODE_ENV=development.`,
    );
  }
}

/** Messages the development sender recorded, newest first, optionally for one phone number. */
export function listDevSms(dataSource: DataSource, options: { to?: string; limit?: number } = {}): Promise<SmsMessage[]> {
  return dataSource.getRepository(SmsMessage).find({
    where: options.to ? { to: options.to } : {},
    order: { createdAt: "DESC", id: "ASC" },
    take: Math.min(Math.max(options.limit ?? 50, 1), 200),
  });
}
