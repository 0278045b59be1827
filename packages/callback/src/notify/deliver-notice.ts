import { scheduleTimer, smsSenderFor, type AppServices, type DeliveringSmsSender, type Logger, type TimerHandler } from "@civicline/platform";

import { NoticeState } from "./notice.enums.js";
import { SMS_NOTICE_TIMER, noticeTimerKey } from "./queue-notices.js";
import { SmsNotice } from "./sms-notice.entity.js";

/** Attempts before a notice is given up (FAILED): the first and five retries. */
export const MAX_NOTICE_ATTEMPTS = 6;

/** Delay before the retry after the n-th failed attempt: 1, 2, 4, 8, 16 minutes (about half an hour in all). */
export function noticeRetryDelayMs(failedAttempts: number): number {
  return 60_000 * 2 ** Math.max(0, failedAttempts - 1);
}

/** The purpose a notice's text is sent with (GET /dev/sms shows it): `notice-<step>`. */
export const noticePurpose = (step: string): string => `notice-${step}`;

/**
 * Sends a pending notice when its timer fires. A failure never throws (the timer would retry
 * without counting): it is counted, logged without the phone or the text, and retried with
 * backoff from a new timer; after the last attempt the notice is FAILED and left so.
 */
export function noticeTimerHandler(options: { sender: DeliveringSmsSender; log: Logger; now?: () => Date }): TimerHandler {
  return {
    type: SMS_NOTICE_TIMER,
    name: "callback.sms_notice",
    async handle(timer, manager) {
      const notice = await manager.findOne(SmsNotice, { where: { id: String(timer.payload.noticeId ?? "") }, lock: { mode: "pessimistic_write" } });
      if (!notice || notice.state !== NoticeState.PENDING) {
        return;
      }
      const now = options.now?.() ?? new Date();
      const attempt = notice.attempts + 1;
      const result = await options.sender.deliver({ to: notice.phone, text: notice.text, purpose: noticePurpose(notice.step) });
      const context = { noticeId: notice.id, ticketId: notice.ticketId, step: notice.step, attempt };
      if (result.ok) {
        await manager.update(SmsNotice, { id: notice.id }, { state: NoticeState.SENT, attempts: attempt, sentAt: now, nextAttemptAt: null });
        return;
      }
      if (attempt >= MAX_NOTICE_ATTEMPTS) {
        await manager.update(SmsNotice, { id: notice.id }, { state: NoticeState.FAILED, attempts: attempt, lastError: result.error, nextAttemptAt: null });
        options.log.error({ ...context, error: result.error }, "citizen text given up after the last attempt");
        return;
      }
      const next = new Date(now.getTime() + noticeRetryDelayMs(attempt));
      await manager.update(SmsNotice, { id: notice.id }, { attempts: attempt, lastError: result.error, nextAttemptAt: next });
      await scheduleTimer(manager, { key: noticeTimerKey(notice.id, attempt + 1), type: SMS_NOTICE_TIMER, dueAt: next, payload: { noticeId: notice.id } });
      options.log.warn({ ...context, error: result.error, retryAt: next.toISOString() }, "citizen text failed; will retry");
    },
  };
}

/** The gateway's notice timer: the configured SMS sender. */
export function noticeTimerHandlers(services: AppServices): TimerHandler[] {
  return [noticeTimerHandler({ sender: smsSenderFor(services), log: services.log, now: services.now })];
}
