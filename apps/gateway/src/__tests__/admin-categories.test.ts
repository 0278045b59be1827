import { Category, Ticket } from "@civicline/intake";
import { AuditEntry } from "@civicline/platform";
import { limitsFor, loadCatalogue } from "@civicline/routing";
import { createClient } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import WebSocket from "ws";
import { startApp, type RunningApp } from "../app.js";
import { startTestGateway, type TestGateway } from "./harness.js";
import { open311Get, open311Post, DEMO_API_KEY } from "./open311-client.js";
import { subscribedOn } from "./subscriptions.js";

let gateway: TestGateway;
let second: RunningApp;
let admin: string;

beforeAll(async () => {
  gateway = await startTestGateway();
  // Another instance on the same database: the category list must follow there too.
  second = await startApp({ databaseUrl: gateway.db.url, port: 0, seedDemoOnEmpty: false, logLevel: "warn", nodeEnv: "production", allowDevSmsInProduction: true });
  admin = await gateway.login("admin");
}, 120_000);

afterAll(async () => {
  await second?.stop();
  await gateway?.stop();
});

type PublicCategory = { id: string; code: string; nameZh: string; nameEn: string; parentId: string | null; requestTypes: string[] };
type Service = { service_code: string; service_name: string; group: string | null };

const CATEGORIES = "{ categories { id code nameZh nameEn parentId requestTypes } }";
const FIELDS = "id code nameZh nameEn parentId active version selectable requestTypes slaPolicyId fields { key type required options }";
const CREATE = `mutation($code: String!, $parentId: ID, $input: CategoryInput!) { createCategory(code: $code, parentId: $parentId, input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $v: Int, $input: CategoryInput!) { updateCategory(id: $id, expectedVersion: $v, input: $input) { ${FIELDS} } }`;
const MOVE = `mutation($id: ID!, $parentId: ID) { moveCategory(id: $id, parentId: $parentId) { ${FIELDS} } }`;
const ACTIVE = `mutation($id: ID!, $active: Boolean!) { setCategoryActive(id: $id, active: $active) { ${FIELDS} } }`;

async function publicList(url = gateway.url): Promise<PublicCategory[]> {
  const response = await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: CATEGORIES }) });
  return ((await response.json()) as { data: { categories: PublicCategory[] } }).data.categories;
}

async function services(locale: "zh-CN" | "en"): Promise<Service[]> {
  return (await open311Get<Service[]>(gateway, `services.json?locale=${locale}`)).json;
}

async function stored(): Promise<[number, number]> {
  const ds = gateway.app.services.dataSource;
  return [await ds.getRepository(Category).count(), await ds.getRepository(AuditEntry).count()];
}

describe("category administration over HTTP", () => {
  it("an admin adds a group and a leaf: the public list (on both instances) and Open311 services offer it at once; rename, move and deactivate follow at once; open call screens hear of each change", async () => {
    const received: Array<{ change: string; categoryIds: string[] }> = [];
    // A call-taker's screen connected to the OTHER instance subscribes.
    const operator = await gateway.login("operator");
    const client = createClient({
      url: `${second.url.replace("http", "ws")}/graphql`,
      retryAttempts: 0,
      lazy: false,
      webSocketImpl: class extends WebSocket {
        constructor(address: string, protocols?: string | string[]) {
          super(address, protocols, { headers: { cookie: operator } });
        }
      },
    });
    await subscribedOn(second, () =>
      client.subscribe<{ categoriesChanged: { change: string; categoryIds: string[] } }>(
        { query: "subscription { categoriesChanged { change categoryIds } }" },
        { next: (message) => void (message.data && received.push(message.data.categoriesChanged)), error: () => undefined, complete: () => undefined },
      ),
    );

    const group = await gateway.gql<{ createCategory: { id: string } }>(CREATE, { code: "PETS", input: { nameZh: "宠物管理", nameEn: "Pets", selectable: false } }, admin);
    expect(group.errors).toBeUndefined();
    const groupId = group.data!.createCategory.id;
    const leaf = await gateway.gql<{ createCategory: PublicCategory & { version: number } }>(
      CREATE,
      {
        code: "PETS.BARKING",
        parentId: groupId,
        input: {
          nameZh: "犬只扰民",
          nameEn: "Barking dogs",
          fields: [{ key: "breed", labelZh: "犬种", labelEn: "Breed", type: "SELECT", required: true, options: ["大型犬", "小型犬"] }],
          templateZh: "____小区有犬只夜间吠叫",
          requestTypes: ["COMPLAINT", "REPORT"],
        },
      },
      admin,
    );
    expect(leaf.errors).toBeUndefined();
    const leafId = leaf.data!.createCategory.id;
    expect(leaf.data!.createCategory).toMatchObject({ version: 1, requestTypes: ["COMPLAINT", "REPORT"] });

    for (const url of [gateway.url, second.url]) {
      expect((await publicList(url)).find((c) => c.id === leafId)).toMatchObject({ code: "PETS.BARKING", nameZh: "犬只扰民", parentId: groupId, requestTypes: ["COMPLAINT", "REPORT"] });
    }
    expect((await services("zh-CN")).find((s) => s.service_code === "PETS.BARKING")).toMatchObject({ service_name: "犬只扰民", group: "宠物管理" });
    expect((await services("en")).find((s) => s.service_code === "PETS.BARKING")).toMatchObject({ service_name: "Barking dogs", group: "Pets" });
    const definition = await open311Get<{ attributes: Array<{ code: string; required: boolean; values: Array<{ key: string }> }> }>(gateway, "services/PETS.BARKING.json");
    expect(definition.json.attributes[0]).toMatchObject({ code: "breed", required: true, values: [{ key: "大型犬" }, { key: "小型犬" }] });

    // Rename in both languages.
    const renamed = await gateway.gql(UPDATE, { id: leafId, v: 1, input: { nameZh: "犬吠扰民", nameEn: "Dogs barking", fields: [], requestTypes: [] } }, admin);
    expect(renamed.errors).toBeUndefined();
    expect((await publicList(second.url)).find((c) => c.id === leafId)).toMatchObject({ nameZh: "犬吠扰民", nameEn: "Dogs barking", requestTypes: [] });
    expect((await services("en")).find((s) => s.service_code === "PETS.BARKING")?.service_name).toBe("Dogs barking");

    // Move under another (demo) group.
    const urban = (await publicList()).find((c) => c.code === "URBAN")!;
    expect((await gateway.gql(MOVE, { id: leafId, parentId: urban.id }, admin)).errors).toBeUndefined();
    expect((await publicList()).find((c) => c.id === leafId)?.parentId).toBe(urban.id);
    expect((await services("zh-CN")).find((s) => s.service_code === "PETS.BARKING")?.group).toBe(urban.nameZh);

    // A ticket filed under it through Open311, then the category deactivated: gone from the lists, the ticket keeps it.
    const filed = await open311Post<Array<{ service_request_id: string }>>(gateway, "requests.json", {
      api_key: DEMO_API_KEY,
      service_code: "PETS.BARKING",
      description: "小区里的狗每天夜里叫到凌晨两点",
      address_string: "张店区柳泉路 1 号",
      first_name: "王",
      phone: "13912345678",
      lat: "36.8",
      long: "118.05",
    });
    expect(filed.status, filed.text).toBe(200);
    const trackingNumber = filed.json[0]!.service_request_id;
    expect((await gateway.gql(ACTIVE, { id: leafId, active: false }, admin)).errors).toBeUndefined();
    expect((await publicList()).some((c) => c.id === leafId)).toBe(false);
    expect((await publicList(second.url)).some((c) => c.id === leafId)).toBe(false);
    expect((await services("zh-CN")).some((s) => s.service_code === "PETS.BARKING")).toBe(false);
    expect((await open311Get(gateway, "services/PETS.BARKING.json")).status).toBe(404);
    const ticket = await gateway.app.services.dataSource.getRepository(Ticket).findOneByOrFail({ trackingNumber });
    expect(ticket.categoryId).toBe(leafId);
    const status = await open311Get<Array<{ service_code: string; service_name: string }>>(gateway, `requests/${trackingNumber}.json`);
    expect(status.json[0]).toMatchObject({ service_code: "PETS.BARKING", service_name: "犬吠扰民" });

    await vi.waitFor(() => expect(received.map((m) => m.change)).toEqual(["CREATED", "CREATED", "UPDATED", "MOVED", "DEACTIVATED"]), { timeout: 5000 });
    expect(received[1]!.categoryIds).toEqual([leafId]);
    await client.dispose();

    const audit = await gateway.app.services.dataSource.getRepository(AuditEntry).find({ where: { entityType: "category", entityId: leafId }, order: { at: "ASC" } });
    expect(audit.map((entry) => entry.action)).toEqual(["category.create", "category.update", "category.move", "category.deactivate"]);
  });

  it("refuses bad input with coded errors and stores nothing", async () => {
    const urban = (await publicList()).find((c) => c.code === "URBAN")!;
    const noise = (await publicList()).find((c) => c.code === "URBAN.NOISE")!;
    const before = await stored();
    const noOptions = await gateway.gql(
      CREATE,
      { code: "URBAN.X", parentId: urban.id, input: { nameZh: "新类", nameEn: "New", fields: [{ key: "k", labelZh: "选", labelEn: "Pick", type: "SELECT", options: [] }] } },
      admin,
    );
    expect(noOptions.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [expect.objectContaining({ field: "fields[0].options", code: "OPTIONS_REQUIRED" })] });
    const cycle = await gateway.gql(MOVE, { id: urban.id, parentId: urban.id }, admin);
    expect(cycle.errors?.[0]?.extensions?.code).toBe("INTAKE/CATEGORY_CYCLE");
    const underLeaf = await gateway.gql(MOVE, { id: noise.id, parentId: (await publicList()).find((c) => c.code === "URBAN.SANITATION")!.id }, admin);
    expect(underLeaf.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [expect.objectContaining({ field: "parentId", code: "NOT_A_GROUP" })] });
    const duplicate = await gateway.gql(CREATE, { code: "urban.noise", parentId: urban.id, input: { nameZh: "新类", nameEn: "New" } }, admin);
    expect(duplicate.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [expect.objectContaining({ field: "code", code: "DUPLICATE" })] });
    const stale = await gateway.gql(UPDATE, { id: noise.id, v: 99, input: { nameZh: "噪声", nameEn: "Noise" } }, admin);
    expect(stale.errors?.[0]?.extensions?.code).toBe("INTAKE/CATEGORY_VERSION_CONFLICT");
    const unknownPolicy = await gateway.gql(UPDATE, { id: noise.id, input: { nameZh: noise.nameZh, nameEn: noise.nameEn, slaPolicyId: "00000000-0000-4000-8000-000000000000" } }, admin);
    expect(unknownPolicy.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [expect.objectContaining({ field: "slaPolicyId", code: "UNKNOWN" })] });
    for (const response of [noOptions, cycle, underLeaf, duplicate, stale, unknownPolicy]) {
      expect(JSON.stringify(response.errors)).not.toMatch(/SELECT|INSERT|at .*\.js/);
    }
    expect(await stored()).toEqual(before);
    expect((await publicList()).find((c) => c.id === noise.id)).toEqual(noise);
    // The demo data's categories start at version 1 in the history; the refused changes added none.
    const history = await gateway.gql<{ categoryHistory: Array<{ version: number; change: string; updatedByName: string }> }>(
      "query($id: ID!) { categoryHistory(id: $id) { version change updatedByName } }",
      { id: noise.id },
      admin,
    );
    expect(history.data!.categoryHistory).toEqual([{ version: 1, change: "CREATED", updatedByName: "演示数据 (demo data)" }]);
  });

  it("denies every category mutation and admin query to every non-admin role and to anonymous callers", async () => {
    const noise = (await publicList()).find((c) => c.code === "URBAN.NOISE")!;
    const before = await stored();
    const operations: Array<[string, Record<string, unknown>]> = [
      [CREATE, { code: "URBAN.DENIED", parentId: noise.parentId, input: { nameZh: "拒绝", nameEn: "Denied" } }],
      [UPDATE, { id: noise.id, input: { nameZh: "改名", nameEn: "Renamed" } }],
      [MOVE, { id: noise.id, parentId: null }],
      [ACTIVE, { id: noise.id, active: false }],
      ["{ adminCategories { id } }", {}],
      [`query($id: ID!) { categoryHistory(id: $id) { version } }`, { id: noise.id }],
    ];
    for (const username of ["operator", "dispatcher", "supervisor", "callback", "qa", "leader", "handler", null]) {
      const cookie = username ? await gateway.login(username) : undefined;
      for (const [query, variables] of operations) {
        const answer = await gateway.gql(query, variables, cookie);
        expect(answer.errors?.[0]?.extensions?.code, `${username} ${query.slice(0, 30)}`).toBe(cookie ? "FORBIDDEN" : "UNAUTHENTICATED");
      }
    }
    expect(await stored()).toEqual(before);
    expect((await publicList()).find((c) => c.id === noise.id)).toEqual(noise);
  });

  it("a category's SLA policy sets its tickets' limits; allowed request types are enforced on the call screen", async () => {
    const noise = (await publicList()).find((c) => c.code === "URBAN.NOISE")!;
    const policies = await gateway.gql<{ slaPolicies: Array<{ id: string; completionMinutes: number; category: { id: string } | null; requestType: string | null; urgency: string | null }> }>(
      "{ slaPolicies { id completionMinutes category { id } requestType urgency } }",
      {},
      admin,
    );
    expect(policies.errors).toBeUndefined();
    const usual = limitsFor(await loadCatalogue(gateway.app.services.dataSource.manager), { categoryId: noise.id, requestType: "complaint", urgency: "normal" } as Ticket).policyId;
    // A policy that does not decide a complaint about noise today (for another category or every category).
    const policy = policies.data!.slaPolicies.find((p) => p.id !== usual && p.urgency === null && (p.requestType === null || p.requestType === "COMPLAINT"))!;
    expect(policy).toBeDefined();
    const saved = await gateway.gql<{ updateCategory: { slaPolicyId: string } }>(
      UPDATE,
      { id: noise.id, input: { nameZh: noise.nameZh, nameEn: noise.nameEn, slaPolicyId: policy.id, requestTypes: ["COMPLAINT"] } },
      admin,
    );
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.updateCategory.slaPolicyId).toBe(policy.id);
    const catalogue = await loadCatalogue(gateway.app.services.dataSource.manager);
    const limits = limitsFor(catalogue, { categoryId: noise.id, requestType: "complaint", urgency: "normal" } as Ticket);
    expect(limits).toMatchObject({ policyId: policy.id, limits: { completionMinutes: policy.completionMinutes } });

    const tickets = await gateway.app.services.dataSource.getRepository(Ticket).count();
    const refused = await open311Post(gateway, "requests.json", {
      api_key: DEMO_API_KEY,
      service_code: "URBAN.NOISE",
      description: "楼下烧烤店油烟噪音扰民",
      address_string: "张店区柳泉路 1 号",
      first_name: "王",
      phone: "13912345678",
      lat: "36.8",
      long: "118.05",
    });
    // Open311 files requests for help unless told otherwise; this category now takes complaints only.
    expect(refused.status).toBe(400);
    expect(await gateway.app.services.dataSource.getRepository(Ticket).count()).toBe(tickets);
    await gateway.gql(UPDATE, { id: noise.id, input: { nameZh: noise.nameZh, nameEn: noise.nameEn, slaPolicyId: null, requestTypes: [] } }, admin);
  });
});
