import type { TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { intakeTestDatabase } from "../__tests__/factories.js";
import { Area } from "../catalog/area.entity.js";
import { Channel, Privacy, RequestType } from "../ticket/ticket.enums.js";
import { placeOpen311Location } from "./place-location.js";
import { isWithheldFromPublic, redactPersonalData } from "./public-view.js";

describe("redactPersonalData: what the public may read of a ticket's text", () => {
  it("masks the citizen's own identity wherever it occurs", () => {
    const text = "李女士（13912345678，li@example.com，370303199001011234）反映：李女士家楼下噪音大。";
    expect(
      redactPersonalData(text, { citizenName: "李女士", citizenPhone: "13912345678", citizenEmail: "li@example.com", citizenIdNumber: "370303199001011234" }),
    ).toBe("***（***，***，***）反映：***家楼下噪音大。");
  });

  it("masks anything shaped like a phone number, an e-mail address or an ID number", () => {
    expect(redactPersonalData("物业电话0533-2781234，经理手机 +86 139 1234 5678，邮箱 a.b@corp.cn，身份证37030319900101123X。")).toBe(
      "物业电话***，经理手机 ***，邮箱 ***，身份证***。",
    );
  });

  it("keeps ordinary numbers: dates, amounts, house numbers, tracking numbers", () => {
    const text = "2026-11-24 起每月多收 120 元，共青团西路100号，工单 ZB-20261124-00017。";
    expect(redactPersonalData(text, { citizenName: "王" })).toBe(text);
  });

  it("withholds confidential tickets, whistle-blowing reports and everything not filed through Open311", () => {
    expect(isWithheldFromPublic({ privacy: Privacy.CONFIDENTIAL, requestType: RequestType.COMPLAINT, channel: Channel.OPEN311 })).toBe(true);
    expect(isWithheldFromPublic({ privacy: Privacy.NONE, requestType: RequestType.REPORT, channel: Channel.OPEN311 })).toBe(true);
    expect(isWithheldFromPublic({ privacy: Privacy.ANONYMOUS, requestType: RequestType.HELP, channel: Channel.OPEN311 })).toBe(false);
    expect(isWithheldFromPublic({ privacy: Privacy.NONE, requestType: RequestType.HELP, channel: Channel.PHONE })).toBe(true);
    expect(isWithheldFromPublic({ privacy: Privacy.NONE, requestType: RequestType.HELP, channel: Channel.PORTAL })).toBe(true);
  });
});

describe("placeOpen311Location: every request lands in a district", () => {
  let db: TestDatabase;
  const ids: Record<string, Area> = {};

  beforeAll(async () => {
    db = await intakeTestDatabase();
    const areas = db.dataSource.getRepository(Area);
    const city = await areas.save({ code: "3703", nameZh: "淄博市", nameEn: "Zibo", level: "CITY", parentId: null });
    ids.zichuan = await areas.save({ code: "370302", nameZh: "淄川区", nameEn: "Zichuan District", level: "DISTRICT", parentId: city.id });
    ids.zhangdian = await areas.save({ code: "370303", nameZh: "张店区", nameEn: "Zhangdian District", level: "DISTRICT", parentId: city.id });
    ids.boshan = await areas.save({ code: "370304", nameZh: "博山区", nameEn: "Boshan District", level: "DISTRICT", parentId: city.id });
    ids.kexuan = await areas.save({ code: "370303005", nameZh: "科苑街道", nameEn: null, level: "TOWNSHIP", parentId: ids.zhangdian.id });
    ids.chengguanA = await areas.save({ code: "370303006", nameZh: "城关街道", nameEn: null, level: "TOWNSHIP", parentId: ids.zhangdian.id });
    ids.chengguanB = await areas.save({ code: "370302006", nameZh: "城关街道", nameEn: null, level: "TOWNSHIP", parentId: ids.zichuan.id });
  });
  afterAll(() => db?.destroy());

  const place = (input: Parameters<typeof placeOpen311Location>[1]) => placeOpen311Location(db.dataSource, input);
  const codes = (placed: Awaited<ReturnType<typeof place>>) => [placed.district.code, placed.township?.code ?? null, placed.placedBy];

  it("takes address_id as a district or township division code, and refuses others", async () => {
    expect(codes(await place({ addressId: "370303005" }))).toEqual(["370303", "370303005", "address_id"]);
    expect(codes(await place({ addressId: "370302", addressString: "张店区" }))).toEqual(["370302", null, "address_id"]);
    await expect(place({ addressId: "3703" })).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
    await expect(place({ addressId: "110101" })).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
  });

  it("finds full district and township names in the address, the first district named winning", async () => {
    expect(codes(await place({ addressString: "淄博市张店区科苑街道柳泉路12号" }))).toEqual(["370303", "370303005", "address_string"]);
    expect(codes(await place({ addressString: "12 Liuquan Rd, ZHANGDIAN DISTRICT, Zibo" }))).toEqual(["370303", null, "address_string"]);
    expect(codes(await place({ addressString: "张店区淄川区交界处" }))).toEqual(["370303", null, "address_string"]);
    expect(codes(await place({ addressString: "科苑街道柳泉路" }))).toEqual(["370303", "370303005", "address_string"]);
  });

  it("falls back to the default district, township unknown, when nothing in the request names a place", async () => {
    // 城关街道 exists in both districts: it does not say which
    expect(codes(await place({ addressString: "城关街道人民路", defaultDistrict: "370304" }))).toEqual(["370304", null, "default"]);
    // a road named after a district is not that district
    expect(codes(await place({ addressString: "淄川路88号", defaultDistrict: "370304" }))).toEqual(["370304", null, "default"]);
    expect(codes(await place({ addressString: "淄川路88号" }))).toEqual(["370302", null, "default"]);
    expect(codes(await place({ defaultDistrict: "370303" }))).toEqual(["370303", null, "default"]);
    expect(codes(await place({ defaultDistrict: "张店区" }))).toEqual(["370303", null, "default"]);
  });
});
