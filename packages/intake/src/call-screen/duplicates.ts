import { Role, assertNoFieldErrors, requireRole, type Actor, type FieldError } from "@civicline/platform";
import type { DataSource } from "typeorm";
import { FINISHED_STATUSES } from "../ticket/ticket-lifecycle.js";
import { Ticket } from "../ticket/ticket.entity.js";
import { LIMITS, characterProblem, isUuid } from "../ticket/ticket-validation.js";
import { sameAddress, similarity } from "./similarity.js";

export type DuplicateQueryInput = {
  categoryId: string;
  districtId: string;
  townshipId?: string | null;
  address: string;
  description?: string | null;
  excludeTicketId?: string | null;
};
export type DuplicateCandidate = { ticket: Ticket; score: number; reasons: string[] };

const WINDOW_DAYS = 7;
const POOL = 200;
const TOP = 5;
const MIN_SCORE = 0.15;
const ADDRESS_FLOOR = 0.3;
const TEXT_FLOOR = 0.2;

const percent = (value: number) => `${Math.round(value * 100)}%`;

/**
 * Scores one open ticket against the call being logged, 0 … 1; null when nothing connects them.
 * Address: 1 when the same place, else its token similarity if at least 30 %. Township: 1 when the
 * same. Description: token similarity. Weights 0.45 / 0.10 / 0.45, or 0.75 / 0.25 while no
 * description has been typed yet.
 */
export function scoreCandidate(query: DuplicateQueryInput, ticket: Pick<Ticket, "address" | "townshipId" | "description">): Omit<DuplicateCandidate, "ticket"> | null {
  const reasons: string[] = [];
  let address = 0;
  if (sameAddress(query.address, ticket.address)) {
    address = 1;
    reasons.push("same address");
  } else {
    const similar = similarity(query.address, ticket.address);
    if (similar >= ADDRESS_FLOOR) {
      address = similar;
      reasons.push(`similar address ${percent(similar)}`);
    }
  }
  const township = query.townshipId && query.townshipId === ticket.townshipId ? 1 : 0;
  if (township) {
    reasons.push("same township");
  }
  const text = query.description?.trim() ? similarity(query.description, ticket.description) : null;
  if (text !== null && text >= TEXT_FLOOR) {
    reasons.push(`similar description ${percent(text)}`);
  }
  const score = text === null ? 0.75 * address + 0.25 * township : 0.45 * address + 0.1 * township + 0.45 * text;
  if (address < 1 && score < MIN_SCORE) {
    return null;
  }
  return { score: Math.round(score * 100) / 100, reasons };
}

/**
 * Open tickets (not closed, answered or merged) of the same category and district received in the
 * last 7 days, scored by address (same, or similar), township and description similarity; the best
 * five with the reasons they were suggested.
 */
export async function findDuplicateCandidates(
  dataSource: DataSource,
  input: { actor: Actor | null; query: DuplicateQueryInput },
): Promise<DuplicateCandidate[]> {
  requireRole(input.actor, [Role.OPERATOR, Role.DISPATCHER]);
  const { query } = input;
  const errors: FieldError[] = [];
  for (const [field, value, max] of [
    ["address", query.address, LIMITS.addressMax],
    ["description", query.description ?? "", LIMITS.descriptionMax],
  ] as const) {
    const problem = characterProblem(value);
    if (problem) {
      errors.push({ field, code: "INVALID_CHARACTERS", message: `The ${field} ${problem}.` });
    } else if ([...value].length > max) {
      errors.push({ field, code: "TOO_LONG", message: `The ${field} is at most ${max} characters.` });
    }
  }
  assertNoFieldErrors(errors);
  if (!isUuid(query.categoryId) || !isUuid(query.districtId) || !query.address.trim()) {
    return [];
  }
  const builder = dataSource
    .getRepository(Ticket)
    .createQueryBuilder("t")
    .where("t.category_id = :category AND t.district_id = :district", { category: query.categoryId, district: query.districtId })
    .andWhere("t.status NOT IN (:...finished)", { finished: FINISHED_STATUSES })
    .andWhere("t.received_at >= now() - make_interval(days => :days)", { days: WINDOW_DAYS });
  if (isUuid(query.excludeTicketId)) {
    builder.andWhere("t.id <> :exclude", { exclude: query.excludeTicketId });
  }
  const pool = await builder.orderBy("t.received_at", "DESC").take(POOL).getMany();
  return pool
    .map((ticket) => {
      const scored = scoreCandidate(query, ticket);
      return scored ? { ticket, ...scored } : null;
    })
    .filter((candidate): candidate is DuplicateCandidate => candidate !== null)
    .sort((a, b) => b.score - a.score || b.ticket.receivedAt.getTime() - a.ticket.receivedAt.getTime())
    .slice(0, TOP);
}
