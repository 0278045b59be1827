import { CoReporter, Privacy, type Ticket } from "@civicline/intake";
import { In, type EntityManager } from "typeorm";
import { NoticeLocale } from "./notice.enums.js";
import { SmsPreference } from "./sms-preference.entity.js";

/** Someone to text about a ticket: its citizen or a co-reporter of a merged duplicate. */
export type NoticeRecipient = {
  phone: string;
  coReporter: boolean;
  /** The stricter of the ticket's privacy and the recipient's own. */
  privacy: Privacy;
  /** null: both languages. */
  locale: NoticeLocale | null;
};

const PRIVACY_RANK: Record<Privacy, number> = { [Privacy.NONE]: 0, [Privacy.ANONYMOUS]: 1, [Privacy.CONFIDENTIAL]: 2 };

const stricter = (a: Privacy, b: Privacy): Privacy => (PRIVACY_RANK[a] >= PRIVACY_RANK[b] ? a : b);

/** A number a text can go to: 7 to 15 digits (landlines cannot receive texts, but the provider says so, not us). */
export function textablePhone(phone: string | null | undefined): string | null {
  const digits = (phone ?? "").replace(/\D/g, "");
  return digits.length >= 7 && digits.length <= 15 ? digits : null;
}

/**
 * Who is texted about a ticket: the citizen and every co-reporter of a ticket merged into it, each
 * number once, without those who opted out on the portal, each with their language preference.
 */
export async function noticeRecipients(manager: EntityManager, ticket: Pick<Ticket, "id" | "citizenPhone" | "privacy">): Promise<NoticeRecipient[]> {
  const coReporters = await manager.find(CoReporter, { where: { ticketId: ticket.id }, order: { addedAt: "ASC" } });
  const candidates: Array<{ phone: string; coReporter: boolean; privacy: Privacy }> = [];
  const own = textablePhone(ticket.citizenPhone);
  if (own) {
    candidates.push({ phone: own, coReporter: false, privacy: ticket.privacy });
  }
  for (const reporter of coReporters) {
    const phone = textablePhone(reporter.phone);
    if (phone && !candidates.some((candidate) => candidate.phone === phone)) {
      candidates.push({ phone, coReporter: true, privacy: stricter(ticket.privacy, reporter.privacy) });
    }
  }
  if (candidates.length === 0) {
    return [];
  }
  const preferences = await manager.find(SmsPreference, { where: { phone: In(candidates.map((candidate) => candidate.phone)) } });
  return candidates.flatMap((candidate) => {
    const preference = preferences.find((row) => row.phone === candidate.phone);
    return preference?.optedOut ? [] : [{ ...candidate, locale: preference?.locale ?? null }];
  });
}
