import { Role, upsertUser } from "@civicline/platform";
import type { TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RoutingEvent } from "../routing.events.js";
import { listUnitDirectory, listUnitStaff, saveUnit, type UnitRequest } from "../unit/save-unit.js";
import { admin, buildWorld, dispatcher, routingTestDatabase, supervisor } from "./factories.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await routingTestDatabase();
});
afterAll(() => db?.destroy());

async function unitEvents(unitId: string): Promise<Array<{ payload: Record<string, unknown>; actor_id: string | null }>> {
  return db.dataSource.query("SELECT payload, actor_id FROM platform_outbox WHERE type = $1 AND payload->>'unitId' = $2 ORDER BY id", [RoutingEvent.UNIT_CHANGED, unitId]);
}

let serial = 0;
function request(overrides: Partial<UnitRequest> = {}): UnitRequest {
  serial += 1;
  return { code: `GOV-NEW-${serial}`, nameZh: `新建街道办事处${serial}`, nameEn: `New street office ${serial}`, kind: "TOWNSHIP_OFFICE", ...overrides };
}

describe("the unit directory", () => {
  it("creates a unit and edits it, recording who changed which field", async () => {
    const world = await buildWorld(db);
    const created = await saveUnit(db.dataSource, {
      actor: admin,
      request: request({ code: " GOV-QC-9 ", areaId: world.township.id, parentId: world.districtGov.id, contactPhone: "0533-6961234" }),
    });
    expect(created).toMatchObject({ code: "GOV-QC-9", kind: "TOWNSHIP_OFFICE", areaId: world.township.id, parentId: world.districtGov.id, contactPhone: "0533-6961234", active: true });

    const edited = await saveUnit(db.dataSource, {
      actor: admin,
      id: created.id,
      request: { ...request({ code: "GOV-QC-9", nameZh: created.nameZh, nameEn: created.nameEn, areaId: world.township.id, parentId: world.districtGov.id }), contactPhone: null, active: false },
    });
    expect(edited).toMatchObject({ id: created.id, contactPhone: null, active: false });
    expect((await listUnitDirectory(db.dataSource, supervisor)).find((unit) => unit.id === created.id)).toMatchObject({ active: false });

    const events = await unitEvents(created.id);
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ actor_id: admin.id, payload: { created: true, code: "GOV-QC-9", changedByName: "管理员" } });
    expect(events[1]).toMatchObject({
      actor_id: admin.id,
      payload: { created: false, changes: { contactPhone: { from: "0533-6961234", to: null }, active: { from: true, to: false } } },
    });
    expect(Object.keys(events[1]!.payload.changes as object).sort()).toEqual(["active", "contactPhone"]);

    // Saving the same values again records nothing.
    await saveUnit(db.dataSource, { actor: admin, id: created.id, request: { ...edited, kind: edited.kind } });
    expect(await unitEvents(created.id)).toHaveLength(2);
  });

  it("refuses everyone but admins", async () => {
    const world = await buildWorld(db);
    for (const actor of [supervisor, dispatcher, world.townshipHandler, null]) {
      await expect(saveUnit(db.dataSource, { actor, request: request() })).rejects.toMatchObject({ code: actor ? "FORBIDDEN" : "UNAUTHENTICATED" });
    }
    await expect(listUnitStaff(db.dataSource, { actor: dispatcher, unitId: world.bureau.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("reports a duplicate code (any case) and the other invalid fields at once", async () => {
    const world = await buildWorld(db);
    await expect(
      saveUnit(db.dataSource, {
        actor: admin,
        request: { code: world.bureau.code.toLowerCase(), nameZh: "  ", nameEn: "x", kind: "PLANET", areaId: world.bureau.id, parentId: world.city.id, contactPhone: "call me" },
      }),
    ).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      details: {
        fields: expect.arrayContaining([
          expect.objectContaining({ field: "code", code: "DUPLICATE" }),
          expect.objectContaining({ field: "nameZh", code: "REQUIRED" }),
          expect.objectContaining({ field: "kind", code: "INVALID_FORMAT" }),
          expect.objectContaining({ field: "areaId", code: "UNKNOWN" }),
          expect.objectContaining({ field: "parentId", code: "UNKNOWN" }),
          expect.objectContaining({ field: "contactPhone", code: "INVALID_FORMAT" }),
        ]),
      },
    });
    // Renaming another unit to an existing code is refused too; keeping one's own code is fine.
    await expect(
      saveUnit(db.dataSource, { actor: admin, id: world.ecoBureau.id, request: { ...world.ecoBureau, code: world.bureau.code } }),
    ).rejects.toMatchObject({ details: { fields: [expect.objectContaining({ field: "code", code: "DUPLICATE" })] } });
    await expect(saveUnit(db.dataSource, { actor: admin, id: world.ecoBureau.id, request: { ...world.ecoBureau, contactPhone: "12345" } })).resolves.toMatchObject({
      code: world.ecoBureau.code,
      contactPhone: "12345",
    });
  });

  it("refuses a parent that would make a cycle", async () => {
    const world = await buildWorld(db);
    // districtGov → townshipOffice → street (new)
    const street = await saveUnit(db.dataSource, { actor: admin, request: request({ parentId: world.townshipOffice.id }) });
    const cycle = { code: "CYCLE", field: "parentId" };
    await expect(saveUnit(db.dataSource, { actor: admin, id: world.districtGov.id, request: { ...world.districtGov, parentId: street.id } })).rejects.toMatchObject({
      details: { fields: [expect.objectContaining(cycle)] },
    });
    await expect(saveUnit(db.dataSource, { actor: admin, id: street.id, request: { ...street, parentId: street.id } })).rejects.toMatchObject({
      details: { fields: [expect.objectContaining(cycle)] },
    });
    // Moving the street under a sibling branch is fine.
    await expect(saveUnit(db.dataSource, { actor: admin, id: street.id, request: { ...street, parentId: world.districtGov.id } })).resolves.toMatchObject({ parentId: world.districtGov.id });
    await expect(saveUnit(db.dataSource, { actor: admin, id: "00000000-0000-4000-8000-000000000000", request: request() })).rejects.toMatchObject({ code: "ROUTING/UNIT_NOT_FOUND" });
  });

  it("lists a unit's handler accounts only", async () => {
    const world = await buildWorld(db);
    const manager = db.dataSource.manager;
    const password = "x".repeat(12);
    await upsertUser(manager, { username: `h2-${world.bureau.code}`, displayName: "王工", password, roles: [Role.HANDLER], unitId: world.bureau.id });
    await upsertUser(manager, { username: `h1-${world.bureau.code}`, displayName: "李工", password, roles: [Role.HANDLER], unitId: world.bureau.id });
    await upsertUser(manager, { username: `s-${world.bureau.code}`, displayName: "非承办", password, roles: [Role.SUPERVISOR], unitId: world.bureau.id });
    await upsertUser(manager, { username: `h-${world.ecoBureau.code}`, displayName: "别的单位", password, roles: [Role.HANDLER], unitId: world.ecoBureau.id });
    const staff = await listUnitStaff(db.dataSource, { actor: supervisor, unitId: world.bureau.id });
    expect(staff.map((user) => [user.displayName, user.username, user.active])).toEqual([
      ["李工", `h1-${world.bureau.code}`.toLowerCase(), true],
      ["王工", `h2-${world.bureau.code}`.toLowerCase(), true],
    ]);
    await expect(listUnitStaff(db.dataSource, { actor: admin, unitId: "nope" })).rejects.toMatchObject({ code: "ROUTING/UNIT_NOT_FOUND" });
  });
});
