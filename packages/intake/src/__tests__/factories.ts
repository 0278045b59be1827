import { platformModule, type Actor, Role } from "@civicline/platform";
import { createTestDatabase, type TestDatabase } from "@civicline/platform/testing";
import { Area } from "../catalog/area.entity.js";
import { Category } from "../catalog/category.entity.js";
import { intakeModule } from "../intake.module.js";
import { submitRequest } from "../ticket/submit-request.js";
import { Channel, RequestType } from "../ticket/ticket.enums.js";

export function intakeTestDatabase(): Promise<TestDatabase> {
  return createTestDatabase({
    entities: [...platformModule.entities, ...intakeModule.entities],
    migrations: [...platformModule.migrations, ...intakeModule.migrations],
  });
}

let counter = 0;

/** A category group with one selectable leaf, a district and one of its townships: fresh rows each call. */
export async function buildCatalog(db: TestDatabase) {
  const n = ++counter;
  const group = await db.dataSource.getRepository(Category).save({ code: `G${n}`, nameZh: `组${n}`, nameEn: `Group ${n}`, parentId: null, selectable: false });
  const leaf = await db.dataSource.getRepository(Category).save({ code: `G${n}.LEAF`, nameZh: `噪音${n}`, nameEn: `Noise ${n}`, parentId: group.id, selectable: true });
  const district = await db.dataSource.getRepository(Area).save({ code: `D${n}`, nameZh: `张店区${n}`, nameEn: null, level: "DISTRICT", parentId: null });
  const township = await db.dataSource.getRepository(Area).save({ code: `T${n}`, nameZh: `科苑街道${n}`, nameEn: null, level: "TOWNSHIP", parentId: district.id });
  return { group, leaf, district, township };
}

export const operator: Actor = { kind: "staff", id: "00000000-0000-4000-8000-0000000000a1", name: "王敏", roles: [Role.OPERATOR], unitId: null };

/** Inserts a ticket through the real intake service. */
export async function buildTicket(db: TestDatabase, overrides: Partial<Parameters<typeof submitRequest>[0]["input"]> = {}) {
  const catalog = await buildCatalog(db);
  return submitRequest({
    db: db.dataSource,
    cityPrefix: "ZB",
    actor: operator,
    channel: Channel.PHONE,
    input: {
      requestType: RequestType.COMPLAINT,
      categoryId: catalog.leaf.id,
      description: "楼下烧烤店油烟噪音扰民",
      districtId: catalog.district.id,
      townshipId: catalog.township.id,
      address: "柳泉路 1 号",
      citizenName: "李女士",
      phone: "13912345678",
      ...overrides,
    },
  });
}
