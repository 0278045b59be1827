import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type GraphQLResponse, type TestGateway } from "./harness.js";

type UnitView = { id: string; code: string; nameZh: string; nameEn: string; kind: string; areaId: string | null; parentId: string | null; contactPhone: string | null; active: boolean };

const UNIT = "id code nameZh nameEn kind areaId parentId contactPhone active";
const SAVE = `mutation($id: ID, $input: UnitInput!) { saveUnit(id: $id, input: $input) { ${UNIT} } }`;

let gateway: TestGateway;
const cookies: Record<string, string> = {};

async function ok<T>(response: Promise<GraphQLResponse<T>>): Promise<T> {
  const result = await response;
  expect(result.errors).toBeUndefined();
  return result.data!;
}

beforeAll(async () => {
  gateway = await startTestGateway();
  for (const user of ["admin", "supervisor", "dispatcher", "handler"]) {
    cookies[user] = await gateway.login(user);
  }
});
afterAll(() => gateway?.stop());

describe("the unit directory over GraphQL", () => {
  it("lets an admin create and edit a unit, lists its staff, and refuses the others", async () => {
    const directory = await ok(gateway.gql<{ unitDirectory: UnitView[] }>(`{ unitDirectory { ${UNIT} } }`, undefined, cookies.supervisor));
    const edu = directory.unitDirectory.find((unit) => unit.code === "BUR-EDU")!;
    const qingcheng = directory.unitDirectory.find((unit) => unit.code === "GOV-370322101")!;
    expect(edu).toMatchObject({ kind: "BUREAU", active: true });

    const staff = await ok(gateway.gql<{ unitStaff: Array<{ username: string; displayName: string; active: boolean }> }>(
      "query($u: ID!) { unitStaff(unitId: $u) { id username displayName active } }",
      { u: edu.id },
      cookies.admin,
    ));
    expect(staff.unitStaff.map((user) => user.username)).toEqual(["handler"]);

    const input = { code: "GOV-QC-TEST", nameZh: "青城镇测试社区", nameEn: "Qingcheng test community", kind: "TOWNSHIP_OFFICE", parentId: qingcheng.id, areaId: qingcheng.areaId, contactPhone: "0533-6961234" };
    const created = (await ok(gateway.gql<{ saveUnit: UnitView }>(SAVE, { input }, cookies.admin))).saveUnit;
    expect(created).toMatchObject({ ...input, active: true });
    const edited = (await ok(gateway.gql<{ saveUnit: UnitView }>(SAVE, { id: created.id, input: { ...input, active: false } }, cookies.admin))).saveUnit;
    expect(edited).toMatchObject({ id: created.id, active: false });
    // Inactive: gone from the dispatchers' `units`, still in the directory.
    const active = await ok(gateway.gql<{ units: Array<{ id: string }> }>("{ units { id } }", undefined, cookies.dispatcher));
    expect(active.units.some((unit) => unit.id === created.id)).toBe(false);

    const duplicate = await gateway.gql(SAVE, { input: { ...input, code: "bur-edu" } }, cookies.admin);
    expect(duplicate.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [expect.objectContaining({ field: "code", code: "DUPLICATE" })] });
    const cycle = await gateway.gql(SAVE, { id: qingcheng.id, input: { ...input, code: qingcheng.code, parentId: created.id } }, cookies.admin);
    expect(cycle.errors?.[0]?.extensions).toMatchObject({ fields: [expect.objectContaining({ field: "parentId", code: "CYCLE" })] });

    for (const user of ["supervisor", "dispatcher", "handler"]) {
      const refused = await gateway.gql(SAVE, { id: edu.id, input: { ...input, code: "BUR-EDU" } }, cookies[user]);
      expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    for (const user of ["dispatcher", "handler"]) {
      const refused = await gateway.gql("query($u: ID!) { unitStaff(unitId: $u) { id } }", { u: edu.id }, cookies[user]);
      expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    const anonymous = await gateway.gql(SAVE, { input });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");

    const [event] = await gateway.db.dataSource.query("SELECT payload FROM platform_outbox WHERE type = 'routing.unit_changed' AND payload->>'unitId' = $1 ORDER BY id DESC LIMIT 1", [created.id]);
    expect(event.payload).toMatchObject({ changedByName: expect.any(String), changes: { active: { from: true, to: false } } });
  });
});
