import { FULL_PHONE_ROLES, Role, hasAnyRole, maskPhone, type Actor } from "@civicline/platform";
import type { Ticket } from "./ticket.entity.js";
import { Privacy } from "./ticket.enums.js";
import { maskEmail, maskIdNumber } from "./ticket-validation.js";

/** What a viewer shown an anonymous or confidential citizen sees instead of the name. */
export const ANONYMOUS_NAME = "匿名 / Anonymous";

/** Roles inside the hotline centre: they may know who called, whatever the ticket's privacy. */
export const CENTRE_ROLES: readonly Role[] = [
  Role.OPERATOR,
  Role.DISPATCHER,
  Role.SUPERVISOR,
  Role.CALLBACK_AGENT,
  Role.QA_INSPECTOR,
  Role.LEADER,
  Role.ADMIN,
];

export type CitizenIdentity = { name: string; phone: string; email: string | null; idNumber: string | null };

/** The identity fields a privacy rule looks at (a ticket, or a co-reporter shaped like one). */
export type IdentitySource = Pick<Ticket, "privacy" | "citizenName" | "citizenPhone"> &
  Partial<Pick<Ticket, "citizenEmail" | "citizenIdNumber">>;

/**
 * The citizen's identity as this actor may see it — the one privacy rule of intake:
 * - an ANONYMOUS or CONFIDENTIAL ticket hides name, phone, e-mail and ID number entirely from a
 *   handling unit (anyone with the HANDLER role) and from anyone outside the centre;
 * - otherwise the phone and e-mail are in full for call-takers and callback agents, masked for the rest;
 * - the ID number is only ever shown masked.
 */
export function citizenIdentityFor(actor: Actor | null, ticket: IdentitySource): CitizenIdentity {
  const hidden =
    ticket.privacy !== Privacy.NONE && (hasAnyRole(actor, [Role.HANDLER]) || !hasAnyRole(actor, CENTRE_ROLES));
  if (hidden) {
    return { name: ANONYMOUS_NAME, phone: "", email: null, idNumber: null };
  }
  const full = hasAnyRole(actor, FULL_PHONE_ROLES);
  const email = ticket.citizenEmail ?? null;
  return {
    name: ticket.citizenName,
    phone: full ? ticket.citizenPhone : maskPhone(ticket.citizenPhone),
    email: email && !full ? maskEmail(email) : email,
    idNumber: ticket.citizenIdNumber ? maskIdNumber(ticket.citizenIdNumber) : null,
  };
}
