import { randomUUID } from "node:crypto";
import { Area, Category, Channel, RequestType, intakeModule, submitRequest } from "@civicline/intake";
import { Role, platformModule, type Actor } from "@civicline/platform";
import { createTestDatabase, type TestDatabase } from "@civicline/platform/testing";
import { ReturnReason, Unit, decideReturn, dispatchTicket, returnTicket, routingModule } from "@civicline/routing";
import { JointSupervision1796544240736 } from "../../migrations/1796544240736-JointSupervision.js";
import { jointEntities } from "../joint.parts.js";

/** A database with platform, intake, routing and joint supervision's own migration. */
export function jointTestDatabase(): Promise<TestDatabase> {
  return createTestDatabase({
    entities: [...platformModule.entities, ...intakeModule.entities, ...routingModule.entities, ...jointEntities],
    migrations: [...platformModule.migrations, ...intakeModule.migrations, ...routingModule.migrations, JointSupervision1796544240736],
  });
}

export function staff(name: string, roles: Role[], unitId: string | null = null): Actor {
  return { kind: "staff", id: randomUUID(), name, roles, unitId };
}

export const admin = staff("管理员", [Role.ADMIN]);
export const dispatcher = staff("李强", [Role.DISPATCHER]);
export const supervisor = staff("张静", [Role.SUPERVISOR]);

/** The three party units (by their directory codes) and their staff; once per database. */
export async function buildParties(db: TestDatabase) {
  const units = db.dataSource.getRepository(Unit);
  const discipline = await units.save({ code: "ORG-DISCIPLINE", nameZh: "市纪委监委", nameEn: "Discipline commission", kind: "OTHER", areaId: null, parentId: null });
  const staffing = await units.save({ code: "ORG-STAFFING", nameZh: "市委编办", nameEn: "Staffing office", kind: "OTHER", areaId: null, parentId: null });
  const centre = await units.save({ code: "CENTRE-12345", nameZh: "12345热线中心", nameEn: "Hotline centre", kind: "CITY_CENTRE", areaId: null, parentId: null });
  return {
    discipline,
    staffing,
    centre,
    disciplineStaff: staff("纪委 王监察", [Role.HANDLER], discipline.id),
    staffingStaff: staff("编办 刘科长", [Role.HANDLER], staffing.id),
    centreHead: staff("投诉中心 陈主任", [Role.SUPERVISOR]),
  };
}

let counter = 0;

/** A city, a category and three handling units (urban management, transport, housing) with handlers. */
export async function buildWorld(db: TestDatabase) {
  const n = ++counter;
  const city = await db.dataSource.getRepository(Area).save({ code: `JC${n}`, nameZh: `淄博市${n}`, nameEn: null, level: "CITY", parentId: null });
  const district = await db.dataSource.getRepository(Area).save({ code: `JD${n}`, nameZh: `张店区${n}`, nameEn: null, level: "DISTRICT", parentId: city.id });
  const category = await db.dataSource.getRepository(Category).save({ code: `JROAD${n}`, nameZh: `道路设施${n}`, nameEn: `Road furniture ${n}`, parentId: null, selectable: true });
  const units = db.dataSource.getRepository(Unit);
  const urban = await units.save({ code: `J-URBAN-${n}`, nameZh: `城市管理局${n}`, nameEn: "Urban management", kind: "BUREAU", areaId: city.id, parentId: null });
  const transport = await units.save({ code: `J-TRANS-${n}`, nameZh: `交通运输局${n}`, nameEn: "Transport", kind: "BUREAU", areaId: city.id, parentId: null });
  const closedUnit = await units.save({ code: `J-OLD-${n}`, nameZh: `已撤销单位${n}`, nameEn: "Abolished", kind: "BUREAU", areaId: city.id, parentId: null, active: false });
  return {
    city,
    district,
    category,
    urban,
    transport,
    closedUnit,
    urbanHandler: staff(`城管局 赵工${n}`, [Role.HANDLER], urban.id),
    transportHandler: staff(`交通局 钱工${n}`, [Role.HANDLER], transport.id),
  };
}
export type World = Awaited<ReturnType<typeof buildWorld>>;

/** The bollard ticket, submitted on the portal. */
export function buildTicket(db: TestDatabase, world: World) {
  return submitRequest({
    db: db.dataSource,
    cityPrefix: "ZB",
    actor: null,
    channel: Channel.PORTAL,
    input: {
      requestType: RequestType.COMPLAINT,
      categoryId: world.category.id,
      description: "市中心防撞柱上的反光条脱落、看不清，夜间行车容易撞上。",
      districtId: world.district.id,
      address: "张店区人民路与共青团路路口",
      citizenName: "刘先生",
      phone: "13912345678",
    },
  });
}

/** A ticket returned twice (by urban management, then by transport), both returns accepted (or the second still pending): it waits for dispatch. */
export async function returnedTwice(db: TestDatabase, world: World, options: { secondPending?: boolean } = {}) {
  const ticket = await buildTicket(db, world);
  await dispatchTicket(db.dataSource, { actor: dispatcher, request: { ticketId: ticket.id, version: ticket.version, leadUnitId: world.urban.id } });
  await returnTicket(db.dataSource, { actor: world.urbanHandler, ticketId: ticket.id, reason: ReturnReason.NOT_OUR_JURISDICTION, text: "防撞柱属于交通设施，不归城管。" });
  const version = async (): Promise<number> => (await db.dataSource.query("SELECT version FROM intake_ticket WHERE id = $1", [ticket.id]))[0].version;
  await decideReturn(db.dataSource, {
    actor: dispatcher,
    request: { ticketId: ticket.id, accept: true, redispatch: { ticketId: ticket.id, version: await version(), leadUnitId: world.transport.id } },
  });
  await returnTicket(db.dataSource, { actor: world.transportHandler, ticketId: ticket.id, reason: ReturnReason.NOT_OUR_JURISDICTION, text: "人行道上的防撞柱是城市家具，归城管。" });
  if (!options.secondPending) {
    await decideReturn(db.dataSource, { actor: dispatcher, request: { ticketId: ticket.id, accept: true } });
  }
  return ticket;
}

export async function count(db: TestDatabase, table: string): Promise<number> {
  return (await db.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
}
