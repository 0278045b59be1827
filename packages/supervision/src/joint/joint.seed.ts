import { Category, Ticket } from "@civicline/intake";
import { Role, User, type Actor, type SeedContext } from "@civicline/platform";
import { ReturnReason, Unit, decideReturn, dispatchTicket, returnTicket } from "@civicline/routing";
import { Like, type DataSource, type EntityManager } from "typeorm";
import { JointTrigger } from "./joint.enums.js";
import { openJointCase } from "./open-joint-case.js";

const HOUR_MS = 3_600_000;

/** The use cases open their own transaction; in the seed they join the seed's. */
function within(manager: EntityManager): DataSource {
  return { transaction: <T>(work: (m: EntityManager) => Promise<T>) => work(manager) } as unknown as DataSource;
}

async function demoActor(manager: EntityManager, username: string, fallback: Actor): Promise<Actor> {
  const user = await manager.findOne(User, { where: { username } });
  return user ? { kind: "staff", id: user.id, name: user.displayName, roles: user.roles, unitId: user.unitId } : fallback;
}

function unitStaff(name: string, unit: Unit): Actor {
  return { kind: "staff", id: "00000000-0000-4000-8000-0000000051a5", name: `${unit.nameZh} ${name}`, roles: [Role.HANDLER], unitId: unit.id };
}

/**
 * The brief's reflective-strip bollard case (防撞柱反光条): dispatched to the urban management bureau,
 * returned as not its job, re-dispatched to the transport bureau, returned again; the dispatcher
 * accepted the second return and a supervisor opened a joint case that waits for the three parties.
 */
export async function seedJointSupervisionDemo({ manager, log }: SeedContext): Promise<void> {
  const category = await manager.findOne(Category, { where: { code: "URBAN.ROAD_FACILITIES" } });
  const ticket = category ? await manager.findOne(Ticket, { where: { categoryId: category.id, description: Like("%防撞挡车桩%") } }) : null;
  const urban = await manager.findOne(Unit, { where: { code: "BUR-URBAN" } });
  const transport = await manager.findOne(Unit, { where: { code: "BUR-TRANSPORT" } });
  if (!ticket || !urban || !transport) {
    log.warn("joint supervision demo skipped: the bollard ticket or its units are missing");
    return;
  }
  const db = within(manager);
  const dispatcher = await demoActor(manager, "dispatcher", { kind: "staff", id: "00000000-0000-4000-8000-0000000051a6", name: "李强 (Dispatcher)", roles: [Role.DISPATCHER], unitId: null });
  const supervisor = await demoActor(manager, "supervisor", { kind: "staff", id: "00000000-0000-4000-8000-0000000051a7", name: "张静 (Supervisor)", roles: [Role.SUPERVISOR], unitId: null });
  const at = (hoursAfterReceipt: number): Date => new Date(ticket.receivedAt.getTime() + hoursAfterReceipt * HOUR_MS);
  const version = async (): Promise<number> => (await manager.findOneByOrFail(Ticket, { id: ticket.id })).version;

  await dispatchTicket(db, { actor: dispatcher, request: { ticketId: ticket.id, version: ticket.version, leadUnitId: urban.id }, now: at(1) });
  await returnTicket(db, {
    actor: unitStaff("道路设施科", urban),
    ticketId: ticket.id,
    reason: ReturnReason.NOT_OUR_JURISDICTION,
    text: "防撞挡车桩由交通部门设置，属交通安全设施，请改派交通运输局。",
    now: at(5),
  });
  await decideReturn(db, {
    actor: dispatcher,
    request: { ticketId: ticket.id, accept: true, note: "改派交通运输局。", redispatch: { ticketId: ticket.id, version: await version(), leadUnitId: transport.id } },
    now: at(26),
  });
  await returnTicket(db, {
    actor: unitStaff("公路科", transport),
    ticketId: ticket.id,
    reason: ReturnReason.NOT_OUR_JURISDICTION,
    text: "人行道上的挡车桩属城市道路附属设施，不在公路管养范围，请退回城管。",
    now: at(50),
  });
  await decideReturn(db, { actor: dispatcher, request: { ticketId: ticket.id, accept: true, note: "两单位相互推诿，申请三方联动督办。" }, now: at(52) });
  const jointCase = await openJointCase({
    db,
    actor: supervisor,
    request: {
      ticketId: ticket.id,
      trigger: JointTrigger.RETURNED_REPEATEDLY,
      reason: "城管局、交通运输局各退单一次，均称非本单位职责；防撞柱反光条缺失存在安全隐患，提请三方联动督办明确责任单位。",
      deadlineDays: 3,
    },
  });
  log.info({ caseId: jointCase.id, ticket: ticket.trackingNumber }, "joint supervision demo case opened");
}
