import { randomUUID } from "node:crypto";
import { callbackModule } from "@civicline/callback";
import { Area, Category, intakeModule } from "@civicline/intake";
import { Role, platformModule, type Actor } from "@civicline/platform";
import { createTestDatabase, type TestDatabase } from "@civicline/platform/testing";
import { Unit, routingModule } from "@civicline/routing";
import { supervisionModule } from "../../supervision.module.js";

/** A database with every module's migrations up to supervision applied. */
export function searchTestDatabase(): Promise<TestDatabase> {
  return createTestDatabase({
    entities: [...platformModule.entities, ...intakeModule.entities, ...routingModule.entities, ...callbackModule.entities, ...supervisionModule.entities],
    migrations: [...platformModule.migrations, ...intakeModule.migrations, ...routingModule.migrations, ...callbackModule.migrations, ...supervisionModule.migrations],
  });
}

export function staff(name: string, roles: Role[], unitId: string | null = null): Actor {
  return { kind: "staff", id: randomUUID(), name, roles, unitId };
}

let counter = 0;

/** Two districts (one with two townships), a category group with two leaves and one outside it, three units. */
export async function buildSearchWorld(db: TestDatabase) {
  const n = ++counter;
  const areas = db.dataSource.getRepository(Area);
  const categories = db.dataSource.getRepository(Category);
  const units = db.dataSource.getRepository(Unit);
  const city = await areas.save({ code: `SC${n}`, nameZh: `淄博市${n}`, nameEn: null, level: "CITY", parentId: null });
  const district = await areas.save({ code: `SD${n}`, nameZh: `张店区${n}`, nameEn: null, level: "DISTRICT", parentId: city.id });
  const township = await areas.save({ code: `ST${n}`, nameZh: `车站街道${n}`, nameEn: null, level: "TOWNSHIP", parentId: district.id });
  const otherTownship = await areas.save({ code: `ST${n}b`, nameZh: `公园街道${n}`, nameEn: null, level: "TOWNSHIP", parentId: district.id });
  const otherDistrict = await areas.save({ code: `SD${n}b`, nameZh: `临淄区${n}`, nameEn: null, level: "DISTRICT", parentId: city.id });
  const group = await categories.save({ code: `SURBAN${n}`, nameZh: `城市管理${n}`, nameEn: `Urban ${n}`, parentId: null, selectable: false });
  const leaf = await categories.save({ code: `SURBAN${n}.LIGHT`, nameZh: `路灯${n}`, nameEn: `Street lights ${n}`, parentId: group.id, selectable: true });
  const otherLeaf = await categories.save({ code: `SURBAN${n}.NOISE`, nameZh: `噪音${n}`, nameEn: `Noise ${n}`, parentId: group.id, selectable: true });
  const outside = await categories.save({ code: `SSOC${n}`, nameZh: `社保${n}`, nameEn: `Social security ${n}`, parentId: null, selectable: true });
  const unitA = await units.save({ code: `SU-A-${n}`, nameZh: `城市管理局${n}`, nameEn: `Urban bureau ${n}`, kind: "BUREAU", areaId: city.id, parentId: null });
  const unitB = await units.save({ code: `SU-B-${n}`, nameZh: `人社局${n}`, nameEn: `HR bureau ${n}`, kind: "BUREAU", areaId: city.id, parentId: null });
  const unitC = await units.save({ code: `SU-C-${n}`, nameZh: `车站街道办${n}`, nameEn: `Station office ${n}`, kind: "TOWNSHIP_OFFICE", areaId: township.id, parentId: null });
  return {
    city,
    district,
    township,
    otherTownship,
    otherDistrict,
    group,
    leaf,
    otherLeaf,
    outside,
    unitA,
    unitB,
    unitC,
    handlerA: staff(`城管局 王工${n}`, [Role.HANDLER], unitA.id),
    handlerB: staff(`人社局 李工${n}`, [Role.HANDLER], unitB.id),
    handlerC: staff(`街道 孙主任${n}`, [Role.HANDLER], unitC.id),
  };
}

export type SearchWorld = Awaited<ReturnType<typeof buildSearchWorld>>;
