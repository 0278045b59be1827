import { Category, Ticket, TicketStatus } from "@civicline/intake";
import { Role, User, type Actor, type SeedContext } from "@civicline/platform";
import { ReplyOutcome, Unit, dispatchInTransaction, replyToTicket, signFor } from "@civicline/routing";
import type { DataSource, EntityManager } from "typeorm";
import { storeMissedCall } from "./missed-call/missed-calls.js";
import { ensureReplyTask } from "./task/create-tasks.js";

const SEED_ACTOR_ID = "00000000-0000-4000-8000-00000000ca11";

async function demoActor(manager: EntityManager, username: string, role: Role): Promise<Actor> {
  const user = await manager.findOne(User, { where: { username } });
  return user
    ? { kind: "staff", id: user.id, name: user.displayName, roles: user.roles, unitId: null }
    : { kind: "staff", id: SEED_ACTOR_ID, name: "seed", roles: [role], unitId: null };
}

/** Demo cases the handling units have already answered, so the callback queue has work. */
const REPLIED_CASES = [
  {
    categoryCode: "HOUSING.HEATING",
    unitCode: "UTIL-HEATING",
    handlerName: "热力公司客服部 赵工 (Heating Company)",
    outcome: ReplyOutcome.RESOLVED,
    text: "经现场排查，该楼2单元供暖支管阀门存在堵塞，已于当日更换阀门并对管网进行冲洗，复测室内温度已达20℃，已与来电人确认。",
  },
  {
    categoryCode: "HOUSING.PROPERTY_FEE",
    unitCode: "BUR-HOUSING",
    handlerName: "住建局物业科 钱科长 (Housing Bureau)",
    outcome: ReplyOutcome.EXPLAINED,
    text: "经核实，该物业公司调价未履行业主大会表决程序，我局已责令其暂停执行新收费标准，并于30日内公示近两年物业服务收支情况。",
  },
] as const;

/**
 * The routing workbench functions run their own transaction on a DataSource; the demo data is
 * seeded in one transaction, so they get this stand-in that runs their work in it.
 */
function within(manager: EntityManager): DataSource {
  return { transaction: <T>(work: (m: EntityManager) => Promise<T>) => work(manager) } as unknown as DataSource;
}

async function replyDemoCases(manager: EntityManager): Promise<number> {
  const dispatcher = await demoActor(manager, "dispatcher", Role.DISPATCHER);
  let replied = 0;
  for (const demo of REPLIED_CASES) {
    const category = await manager.findOne(Category, { where: { code: demo.categoryCode } });
    const unit = await manager.findOne(Unit, { where: { code: demo.unitCode } });
    const ticket = category ? await manager.findOne(Ticket, { where: { categoryId: category.id }, order: { receivedAt: "ASC" } }) : null;
    if (!ticket || !unit || ![TicketStatus.RECEIVED, TicketStatus.AWAITING_DISPATCH].includes(ticket.status)) {
      continue;
    }
    const handler: Actor = { kind: "staff", id: SEED_ACTOR_ID, name: demo.handlerName, roles: [Role.HANDLER], unitId: unit.id };
    await dispatchInTransaction(manager, { actor: dispatcher, request: { ticketId: ticket.id, version: ticket.version, leadUnitId: unit.id }, now: new Date() });
    await signFor(within(manager), { actor: handler, ticketId: ticket.id });
    const assignment = await replyToTicket(within(manager), { actor: handler, ticketId: ticket.id, reply: { outcome: demo.outcome, text: demo.text } });
    await ensureReplyTask(manager, { assignmentId: assignment.id });
    replied += 1;
  }
  return replied;
}

const HOUR_MS = 3_600_000;

/** A few abandoned calls: one from two days ago (overdue), two from the last hours. */
async function seedMissedCalls(manager: EntityManager): Promise<number> {
  const cti: Actor = { kind: "integrator", id: SEED_ACTOR_ID, name: "CTI (demo)", roles: [Role.INTEGRATOR], unitId: null, scopes: ["telephony", "open311", "tickets:write", "tickets:read", "webhooks"] };
  const now = Date.now();
  const calls = [
    { callId: "demo-missed-0001", callerNumber: "13900000031", abandonedAt: new Date(now - 48 * HOUR_MS), waitedSeconds: 95, line: "12345-1" },
    { callId: "demo-missed-0002", callerNumber: "05332345678", abandonedAt: new Date(now - 2 * HOUR_MS), waitedSeconds: 42, line: "12345-1" },
    { callId: "demo-missed-0003", callerNumber: "13900000033", abandonedAt: new Date(now - 20 * 60_000), waitedSeconds: 130, line: "12345-2" },
  ];
  for (const call of calls) {
    await storeMissedCall(manager, { actor: cti, request: call });
  }
  return calls.length;
}

/** Two replied demo cases with their callback tasks, and three missed calls, for the demo callback agent. */
export async function seedCallbackDemo({ manager, log }: SeedContext): Promise<void> {
  const replied = await replyDemoCases(manager);
  const missedCalls = await seedMissedCalls(manager);
  log.info({ callbackTasks: replied, missedCalls }, "callback demo data seeded");
}
