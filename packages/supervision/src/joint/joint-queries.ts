import { Area, Category, Ticket, type TicketStatus } from "@civicline/intake";
import { hasAnyRole, pageInput, type Actor } from "@civicline/platform";
import { ReturnRequest, Unit, type ReturnReason } from "@civicline/routing";
import { In, type DataSource, type EntityManager } from "typeorm";
import { JOINT_READERS, loadVisibleCase, mayRead, partyOf, requireViewer } from "./joint-access.js";
import { JointCase } from "./joint-case.entity.js";
import { JointCaseEvent } from "./joint-event.entity.js";
import { JointCaseParty } from "./joint-party.entity.js";
import { JointRuleProposal } from "./joint-rule-proposal.entity.js";
import { JOINT_PARTIES, JointCaseState, type JointParty } from "./joint.enums.js";
import { isUuid } from "./joint.errors.js";

type Named = { id: string; nameZh: string; nameEn: string };
export type JointTicketView = { id: string; trackingNumber: string; title: string | null; description: string; address: string; status: TicketStatus; receivedAt: Date; category: Named | null };
export type JointPartyView = { party: JointParty; unit: Unit; opinion: string | null; proposedUnit: Unit | null; recordedAt: Date | null; recordedByName: string | null };
export type JointReturnView = { unitName: string; reason: ReturnReason; text: string; requestedAt: Date; status: string };
export type JointProposalView = JointRuleProposal & { category: Named | null; area: Named | null; leadUnit: Unit | null; trackingNumber: string | null };
export type JointCaseView = JointCase & {
  ticket: JointTicketView;
  parties: JointPartyView[];
  decidedUnit: Unit | null;
  ruleProposal: JointProposalView | null;
  timeline: JointCaseEvent[];
  returns: JointReturnView[];
  viewerParty: JointParty | null;
};

const byId = <T extends { id: string }>(rows: T[]): Map<string, T> => new Map(rows.map((row) => [row.id, row]));
const named = (row: { id: string; nameZh: string; nameEn: string | null } | undefined): Named | null => (row ? { id: row.id, nameZh: row.nameZh, nameEn: row.nameEn ?? row.nameZh } : null);

/** Proposals with their category, area, unit and ticket number (four batched queries). */
export async function proposalViews(manager: EntityManager, proposals: JointRuleProposal[]): Promise<JointProposalView[]> {
  if (proposals.length === 0) {
    return [];
  }
  const categories = byId(await manager.find(Category, { where: { id: In(proposals.map((p) => p.categoryId)) } }));
  const areaIds = proposals.map((p) => p.areaId).filter((id): id is string => !!id);
  const areas = byId(areaIds.length ? await manager.find(Area, { where: { id: In(areaIds) } }) : []);
  const units = byId(await manager.find(Unit, { where: { id: In(proposals.map((p) => p.leadUnitId)) } }));
  const cases = byId(await manager.find(JointCase, { where: { id: In(proposals.map((p) => p.caseId)) } }));
  const ticketIds = [...cases.values()].map((c) => c.ticketId);
  const tickets = byId(ticketIds.length ? await manager.find(Ticket, { where: { id: In(ticketIds) }, select: { id: true, trackingNumber: true } }) : []);
  return proposals.map((proposal) => ({
    ...proposal,
    category: named(categories.get(proposal.categoryId)),
    area: proposal.areaId ? named(areas.get(proposal.areaId)) : null,
    leadUnit: units.get(proposal.leadUnitId) ?? null,
    trackingNumber: tickets.get(cases.get(proposal.caseId)?.ticketId ?? "")?.trackingNumber ?? null,
  }));
}

/** Builds the views of some cases with a fixed number of queries (detail adds the timeline and returns). */
async function caseViews(manager: EntityManager, actor: Actor, cases: JointCase[], detail: boolean): Promise<JointCaseView[]> {
  if (cases.length === 0) {
    return [];
  }
  const caseIds = cases.map((c) => c.id);
  const ticketIds = cases.map((c) => c.ticketId);
  const tickets = byId(await manager.find(Ticket, { where: { id: In(ticketIds) } }));
  const categories = byId(await manager.find(Category, { where: { id: In([...tickets.values()].map((t) => t.categoryId)) } }));
  const parties = await manager.find(JointCaseParty, { where: { caseId: In(caseIds) } });
  const unitIds = new Set<string>();
  for (const party of parties) {
    unitIds.add(party.unitId);
    if (party.proposedUnitId) {
      unitIds.add(party.proposedUnitId);
    }
  }
  for (const c of cases) {
    if (c.decidedUnitId) {
      unitIds.add(c.decidedUnitId);
    }
  }
  const units = byId(await manager.find(Unit, { where: { id: In([...unitIds]) } }));
  const proposals = await proposalViews(manager, await manager.find(JointRuleProposal, { where: { caseId: In(caseIds) } }));
  const events = detail ? await manager.find(JointCaseEvent, { where: { caseId: In(caseIds) }, order: { at: "ASC", id: "ASC" } }) : [];
  const returns = detail ? await manager.find(ReturnRequest, { where: { ticketId: In(ticketIds) }, order: { requestedAt: "ASC" } }) : [];
  const returnUnits = byId(returns.length ? await manager.find(Unit, { where: { id: In(returns.map((r) => r.unitId)) } }) : []);
  return cases.map((jointCase) => {
    const ticket = tickets.get(jointCase.ticketId)!;
    const own = parties.filter((party) => party.caseId === jointCase.id).sort((a, b) => JOINT_PARTIES.indexOf(a.party) - JOINT_PARTIES.indexOf(b.party));
    return {
      ...jointCase,
      ticket: {
        id: ticket.id,
        trackingNumber: ticket.trackingNumber,
        title: ticket.title,
        description: ticket.description,
        address: ticket.address,
        status: ticket.status,
        receivedAt: ticket.receivedAt,
        category: named(categories.get(ticket.categoryId)),
      },
      parties: own.map((party) => ({
        party: party.party,
        unit: units.get(party.unitId)!,
        opinion: party.opinion,
        proposedUnit: party.proposedUnitId ? units.get(party.proposedUnitId) ?? null : null,
        recordedAt: party.recordedAt,
        recordedByName: party.recordedByName,
      })),
      decidedUnit: jointCase.decidedUnitId ? units.get(jointCase.decidedUnitId) ?? null : null,
      ruleProposal: proposals.find((p) => p.caseId === jointCase.id) ?? null,
      timeline: events.filter((event) => event.caseId === jointCase.id),
      returns: returns
        .filter((r) => r.ticketId === jointCase.ticketId)
        .map((r) => ({ unitName: returnUnits.get(r.unitId)?.nameZh ?? "—", reason: r.reason, text: r.text, requestedAt: r.requestedAt, status: r.status })),
      viewerParty: partyOf(actor, own),
    };
  });
}

/**
 * Cases, open ones by deadline first, decided ones newest first. Supervisors, admins, leaders and
 * dispatchers see all; a party unit's staff see the cases their unit is party to; others none.
 */
export async function listJointCases(input: {
  db: DataSource;
  actor: Actor | null;
  state?: JointCaseState | null;
  limit?: number | null;
  offset?: number | null;
}): Promise<{ total: number; items: JointCaseView[] }> {
  const actor = requireViewer(input.actor);
  const { limit, offset } = pageInput({ limit: input.limit, offset: input.offset }, { defaultLimit: 50, maxLimit: 200 });
  const manager = input.db.manager;
  const query = manager.createQueryBuilder(JointCase, "c");
  if (!hasAnyRole(actor, JOINT_READERS)) {
    if (!actor.unitId) {
      return { total: 0, items: [] };
    }
    query.andWhere("EXISTS (SELECT 1 FROM supervision_joint_party p WHERE p.case_id = c.id AND p.unit_id = :unitId)", { unitId: actor.unitId });
  }
  if (input.state) {
    query.andWhere("c.state = :state", { state: input.state });
  }
  query.orderBy("c.state", "DESC").addOrderBy("CASE WHEN c.state = 'OPEN' THEN c.deadline_at END", "ASC").addOrderBy("c.decided_at", "DESC").addOrderBy("c.id", "ASC");
  const [cases, total] = await query.take(limit).skip(offset).getManyAndCount();
  return { total, items: await caseViews(manager, actor, cases, false) };
}

/** One case with its timeline and the ticket's returns; JOINT/CASE_NOT_FOUND for a non-party. */
export async function getJointCase(input: { db: DataSource; actor: Actor | null; id: string }): Promise<JointCaseView> {
  const actor = requireViewer(input.actor);
  const { jointCase } = await loadVisibleCase(input.db.manager, { actor, caseId: input.id });
  return (await caseViews(input.db.manager, actor, [jointCase], true))[0]!;
}

/** The latest case of a ticket the actor may read (the ticket page's panel), or null. */
export async function jointCaseOfTicket(input: { db: DataSource; actor: Actor | null; ticketId: string }): Promise<JointCaseView | null> {
  const actor = requireViewer(input.actor);
  if (!isUuid(input.ticketId)) {
    return null;
  }
  const manager = input.db.manager;
  const jointCase = await manager.findOne(JointCase, { where: { ticketId: input.ticketId }, order: { openedAt: "DESC" } });
  if (!jointCase) {
    return null;
  }
  const parties = await manager.find(JointCaseParty, { where: { caseId: jointCase.id } });
  if (!mayRead(actor, parties)) {
    return null;
  }
  return (await caseViews(manager, actor, [jointCase], true))[0]!;
}
