import { Privacy, TicketHistoryKind, recordTicketEvent } from "@civicline/intake";
import { DomainError, type Actor } from "@civicline/platform";
import type { DataSource } from "typeorm";
import { lockForUnit, requireUnitActor } from "../assignment/assignment-access.js";
import { AssignmentState } from "../assignment/assignment.enums.js";
import { RoutingErrorCode, invalidState } from "../routing.errors.js";

/** The caller's number as shown to the lead unit, with the link that dials it. */
type RevealedPhone = { phone: string; telUri: string };

/**
 * 先联系后办理: a handler of the lead unit reveals the caller's full number to call them before
 * handling. Only when the citizen chose no restriction (Privacy NONE); ANONYMOUS and CONFIDENTIAL
 * stay hidden (ROUTING/PHONE_PROTECTED), other units and roles get ROUTING/NOT_YOUR_UNIT / FORBIDDEN.
 * Every reveal writes an internal history row (CITIZEN_PHONE_REVEALED) in the same transaction.
 */
export async function revealCitizenPhone(dataSource: DataSource, input: { actor: Actor | null; ticketId: string }): Promise<RevealedPhone> {
  const actor = requireUnitActor(input.actor);
  return dataSource.transaction(async (manager) => {
    const { ticket, assignment } = await lockForUnit(manager, { actor, ticketId: input.ticketId, lead: true });
    if (ticket.privacy !== Privacy.NONE) {
      throw new DomainError(RoutingErrorCode.PHONE_PROTECTED, "The citizen asked to stay anonymous or confidential: their number is not shown to the handling unit. Contact them through the hotline centre.", {
        privacy: ticket.privacy,
      });
    }
    if (assignment.state === AssignmentState.RETURNED) {
      throw invalidState("The ticket was returned; it is no longer your unit's to handle.", { state: assignment.state });
    }
    await recordTicketEvent(manager, {
      ticketId: ticket.id,
      actor,
      kind: TicketHistoryKind.CITIZEN_PHONE_REVEALED,
      reason: "先联系后办理 / contact before handling",
    });
    const phone = ticket.citizenPhone;
    return { phone, telUri: `tel:${phone.replace(/[^\d+]/g, "")}` };
  });
}
