import { Ticket, ticketIdForTrackingAccess } from "@civicline/intake";
import { DomainError } from "@civicline/platform";
import type { DataSource } from "typeorm";
import { NoticeLocale } from "./notice.enums.js";
import { textablePhone } from "./notice-recipients.js";
import { SmsPreference } from "./sms-preference.entity.js";

/** What the citizen chose for the texts to the phone their request was filed with. */
export type SmsPreferenceView = { optedOut: boolean; locale: NoticeLocale | null };

const accessInvalid = () => new DomainError("INTAKE/TRACKING_ACCESS_INVALID", "Your access to this request has expired. Ask for a new code to see it again.");

/** The ticket's phone, for a citizen holding its tracking access (the number must match the token's ticket). */
async function phoneOfOpenedRequest(dataSource: DataSource, input: { trackingNumber: string; accessToken: string }): Promise<string | null> {
  const ticketId = await ticketIdForTrackingAccess(dataSource, input.accessToken);
  const ticket = await dataSource.getRepository(Ticket).findOne({ where: { id: ticketId }, select: { id: true, trackingNumber: true, citizenPhone: true } });
  if (!ticket || ticket.trackingNumber !== input.trackingNumber) {
    throw accessInvalid();
  }
  return textablePhone(ticket.citizenPhone);
}

/** The preference of the phone of a request the citizen opened with the texted code. */
export async function readSmsPreference(dataSource: DataSource, input: { trackingNumber: string; accessToken: string }): Promise<SmsPreferenceView> {
  const phone = await phoneOfOpenedRequest(dataSource, input);
  const row = phone ? await dataSource.getRepository(SmsPreference).findOne({ where: { phone } }) : null;
  return { optedOut: row?.optedOut ?? false, locale: row?.locale ?? null };
}

/**
 * The citizen stops (or restarts) progress texts to their phone, and picks their language, on the
 * portal after opening a request with the texted code. Applies to every request filed with that
 * number, from the next step on; the sign-in codes they ask for are always sent.
 */
export async function setSmsPreference(
  dataSource: DataSource,
  input: { trackingNumber: string; accessToken: string; optedOut: boolean; locale: NoticeLocale | null; now?: Date },
): Promise<SmsPreferenceView> {
  const phone = await phoneOfOpenedRequest(dataSource, input);
  if (!phone) {
    throw new DomainError("CALLBACK/NO_TEXTABLE_PHONE", "This request has no mobile number to text.");
  }
  await dataSource
    .getRepository(SmsPreference)
    .upsert({ phone, optedOut: input.optedOut, locale: input.locale, updatedAt: input.now ?? new Date() }, ["phone"]);
  return { optedOut: input.optedOut, locale: input.locale };
}
