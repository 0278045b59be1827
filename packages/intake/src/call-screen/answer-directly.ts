import { Role, assertNoFieldErrors, recordEvent, requireRole, type Actor, type FieldError } from "@civicline/platform";
import type { DataSource } from "typeorm";
import { HistoryNote } from "../ticket/history-note.js";
import { transitionTicket } from "../ticket/ticket-lifecycle.js";
import type { Ticket } from "../ticket/ticket.entity.js";
import { TicketStatus } from "../ticket/ticket.enums.js";
import { LIMITS, isUuid, requiredText } from "../ticket/ticket-validation.js";

/** Outbox event: a ticket was closed as a direct answer; payload `{ ticketId, articleIds }` (the knowledge base counts usage). */
export const TICKET_ANSWERED_DIRECTLY = "intake.ticket_answered_directly";
const MAX_ARTICLES = 20;

/**
 * The call-taker answers on the spot (直办): the ticket goes to CLOSED_DIRECT with the answer and
 * the knowledge-base articles used (any number, also none). Article ids must be UUIDs; whether they
 * exist is the knowledge base's business.
 */
export async function answerDirectly(
  dataSource: DataSource,
  input: { actor: Actor | null; ticketId: string; version: number; articleIds: readonly string[]; answer: string },
): Promise<Ticket> {
  const actor = requireRole(input.actor, [Role.OPERATOR]);
  const errors: FieldError[] = [];
  const answer = requiredText(errors, "answer", input.answer, { max: LIMITS.answerMax, label: "Answer" });
  if (input.articleIds.length > MAX_ARTICLES) {
    errors.push({ field: "articleIds", code: "TOO_LONG", message: `Link at most ${MAX_ARTICLES} articles.` });
  } else if (!input.articleIds.every((id) => isUuid(id))) {
    errors.push({ field: "articleIds", code: "INVALID_FORMAT", message: "Article ids are UUIDs from the knowledge base." });
  }
  assertNoFieldErrors(errors);
  const articleIds = [...new Set(input.articleIds.map((id) => id.toLowerCase()))];
  return dataSource.transaction(async (manager) => {
    const ticket = await transitionTicket(manager, {
      ticketId: input.ticketId,
      to: TicketStatus.CLOSED_DIRECT,
      expectedVersion: input.version,
      actor,
      reason: articleIds.length > 0 ? `answered on the spot from ${articleIds.length} knowledge-base article(s)` : "answered on the spot",
      note: { code: HistoryNote.ANSWERED_DIRECTLY, params: { count: articleIds.length } },
      changes: { directAnswer: answer, answeredArticleIds: articleIds },
    });
    await recordEvent(manager, { type: TICKET_ANSWERED_DIRECTLY, payload: { ticketId: ticket.id, articleIds }, actorId: actor.id });
    return ticket;
  });
}
