import { Channel, Privacy, TICKET_RECEIVED, TICKET_STATUS_CHANGED, Ticket, TicketStatus, trackingLink } from "@civicline/intake";
import { scheduleTimer, type AppServices, type EventHandler, type StoredEvent } from "@civicline/platform";
import { Assignment, RoutingEvent, Unit } from "@civicline/routing";
import type { DataSource, EntityManager } from "typeorm";
import { NoticeLocale, NoticeState, NoticeStep } from "./notice.enums.js";
import { noticeRecipients, type NoticeRecipient } from "./notice-recipients.js";
import { SmsNotice } from "./sms-notice.entity.js";
import { loadTemplates, renderTemplate, type Placeholder } from "./templates.js";

/** The timer type that sends (and re-sends) one notice. */
export const SMS_NOTICE_TIMER = "callback.sms_notice_send";

/** The timer key of a notice's n-th attempt (a new key per attempt: a retry is scheduled from inside the firing one). */
export const noticeTimerKey = (noticeId: string, attempt: number): string => `callback:sms_notice:${noticeId}:${attempt}`;

/** What a confidential request's texts say instead of the unit: a text can be read by anyone holding the phone. */
export const CONFIDENTIAL_UNIT: Readonly<Record<NoticeLocale, string>> = { [NoticeLocale.ZH_CN]: "相关承办单位", [NoticeLocale.EN]: "the responsible office" };

const TIME_ZONE = "Asia/Shanghai";

/** A deadline in the citizen's language, Asia/Shanghai time (2026年12月8日 17:00 / 8 Dec 2026, 17:00). */
export function formatDue(at: Date, locale: NoticeLocale): string {
  if (locale === NoticeLocale.ZH_CN) {
    const parts = new Intl.DateTimeFormat("zh-CN", { timeZone: TIME_ZONE, year: "numeric", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false }).formatToParts(at);
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
    return `${part("year")}年${part("month")}月${part("day")}日 ${part("hour")}:${part("minute")}`;
  }
  return new Intl.DateTimeFormat("en-GB", { timeZone: TIME_ZONE, day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hour12: false }).format(at);
}

/** What one step's text says about a ticket, before the recipient's language and privacy. */
type StepFacts = { step: NoticeStep; ticket: Ticket; unit?: Pick<Unit, "nameZh" | "nameEn"> | null; dueAt?: Date | null };

/** A step's text for one recipient: in their language (both, zh-CN first, without a preference); a confidential request never names the unit. */
export function noticeText(templates: Record<NoticeStep, Record<NoticeLocale, string>>, facts: StepFacts, recipient: Pick<NoticeRecipient, "locale" | "privacy">, publicBaseUrl: string): string {
  const locales = recipient.locale ? [recipient.locale] : [NoticeLocale.ZH_CN, NoticeLocale.EN];
  return locales
    .map((locale) => {
      const unitName = facts.unit ? (locale === NoticeLocale.EN ? facts.unit.nameEn || facts.unit.nameZh : facts.unit.nameZh) : "";
      const values: Partial<Record<Placeholder, string>> = {
        number: facts.ticket.trackingNumber,
        link: trackingLink(publicBaseUrl, facts.ticket.trackingNumber),
        unit: recipient.privacy === Privacy.CONFIDENTIAL ? CONFIDENTIAL_UNIT[locale] : unitName,
        due: facts.dueAt ? formatDue(facts.dueAt, locale) : "",
      };
      return renderTemplate(templates[facts.step][locale], values);
    })
    .join("\n");
}

/**
 * Stores one notice per recipient for an event and arms the timer that sends each, in one
 * transaction. Idempotent: the outbox may deliver an event twice, the (event, phone) key keeps one row.
 */
export async function queueNotices(
  dataSource: DataSource,
  input: { eventId: string; facts: StepFacts; publicBaseUrl: string; now: Date },
): Promise<number> {
  return dataSource.transaction(async (manager) => {
    const recipients = await noticeRecipients(manager, input.facts.ticket);
    if (recipients.length === 0) {
      return 0;
    }
    const templates = await loadTemplates(manager);
    let queued = 0;
    for (const recipient of recipients) {
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(SmsNotice)
        .values({
          eventId: input.eventId,
          ticketId: input.facts.ticket.id,
          step: input.facts.step,
          phone: recipient.phone,
          coReporter: recipient.coReporter,
          locale: recipient.locale,
          text: noticeText(templates, input.facts, recipient, input.publicBaseUrl),
          state: NoticeState.PENDING,
          attempts: 0,
          nextAttemptAt: input.now,
        })
        .orIgnore()
        .returning(["id"])
        .execute();
      const id = (inserted.raw as Array<{ id: string }>)[0]?.id;
      if (id) {
        queued += 1;
        await scheduleTimer(manager, { key: noticeTimerKey(id, 1), type: SMS_NOTICE_TIMER, dueAt: input.now, payload: { noticeId: id } });
      }
    }
    return queued;
  });
}

/** The facts of an event's step, or null when the event is not one a citizen is texted about. */
async function factsFor(manager: EntityManager, event: StoredEvent): Promise<StepFacts | null> {
  if (event.type === TICKET_STATUS_CHANGED && event.payload.to !== TicketStatus.CLOSED) {
    return null; // most status changes text nobody: no query for them
  }
  const ticketId = String(event.payload.ticketId ?? "");
  const ticket = ticketId ? await manager.findOne(Ticket, { where: { id: ticketId } }) : null;
  if (!ticket) {
    return null;
  }
  switch (event.type) {
    case TICKET_RECEIVED:
      // The portal texts the tracking number at once when the citizen asks for it (submitRequest's sendTrackingSms).
      return ticket.channel === Channel.PORTAL ? null : { step: NoticeStep.RECEIVED, ticket };
    case RoutingEvent.TICKET_DISPATCHED: {
      const assignment = await manager.findOne(Assignment, { where: { id: String(event.payload.assignmentId ?? "") } });
      if (!assignment) {
        return null;
      }
      const unit = await manager.findOne(Unit, { where: { id: assignment.leadUnitId } });
      return { step: NoticeStep.DISPATCHED, ticket, unit, dueAt: assignment.completionDueAt };
    }
    case RoutingEvent.TICKET_REPLIED:
      return { step: NoticeStep.REPLIED, ticket };
    case TICKET_STATUS_CHANGED:
      return { step: NoticeStep.CLOSED, ticket };
    default:
      return null;
  }
}

/** The outbox events that text citizens. */
export const NOTICE_EVENTS: readonly string[] = [TICKET_RECEIVED, RoutingEvent.TICKET_DISPATCHED, RoutingEvent.TICKET_REPLIED, TICKET_STATUS_CHANGED];

/**
 * Outbox handlers that queue the citizens' texts. They never fail the event for a text (a bad
 * number, a provider down): sending happens later from a timer, so the ticket is never held up.
 */
export function noticeEventHandlers(services: Pick<AppServices, "dataSource" | "config" | "log" | "now">): EventHandler[] {
  return NOTICE_EVENTS.map((eventType) => ({
    name: `callback.sms_notices:${eventType}`,
    eventType,
    async handle(event) {
      const facts = await factsFor(services.dataSource.manager, event);
      if (!facts) {
        return;
      }
      const queued = await queueNotices(services.dataSource, { eventId: event.id, facts, publicBaseUrl: services.config.publicBaseUrl, now: services.now?.() ?? new Date() });
      if (queued > 0) {
        services.log.info({ ticketId: facts.ticket.id, step: facts.step, queued }, "citizen texts queued");
      }
    },
  }));
}
