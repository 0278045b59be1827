import { describe, expect, it } from "vitest";
import { redactPersonalData } from "./redact-personal-data.js";

describe("redactPersonalData: numbers written to slip past a simple pattern", () => {
  it.each([
    ["full-width mobile", "请回电１３８１２３４５６７８谢谢", "请回电***谢谢"],
    ["full-width with full-width dashes", "手机１３８－１２３４－５６７８。", "手机***。"],
    ["digit by digit with spaces", "电话 1 3 8 1 2 3 4 5 6 7 8 找王先生", "电话 *** 找王先生"],
    ["digit by digit with dashes", "电话1-3-8-1-2-3-4-5-6-7-8", "电话***"],
    ["digit by digit with dots", "电话1.3.8.1.2.3.4.5.6.7.8。", "电话***。"],
    ["digit by digit with middle dots", "电话1·3·8·1·2·3·4·5·6·7·8", "电话***"],
    ["full-width digit by digit with ideographic spaces", "电话１　３　８　１　２　３　４　５　６　７　８", "电话***"],
    ["groups with dashes", "手机138-1234-5678", "手机***"],
    ["groups with spaces and a dash", "手机 138 - 1234 - 5678", "手机 ***"],
    ["groups with dots", "手机138.1234.5678", "手机***"],
    ["en dash groups", "手机138–1234–5678", "手机***"],
    ["mixed full-width and ASCII", "手机1３8 12３4 5６78", "手机***"],
    ["+86 prefix spaced", "+86 138 1234 5678", "***"],
    ["0086 prefix", "0086-13812345678", "***"],
    ["full-width plus", "＋８６ １３８１２３４５６７８", "***"],
    ["after a date and a space", "2026-11-24 13812345678 来电", "2026-11-24 *** 来电"],
    ["number followed by a house number", "电话 138 1234 5678 2号楼", "电话 *** 2号楼"],
    ["two numbers in one text", "13812345678或139 8765 4321", "***或***"],
    ["landline full-width", "物业０５３３－２７８１２３４", "物业***"],
    ["landline spaced", "座机 0 5 3 3 2 7 8 1 2 3 4", "座机 ***"],
    ["landline Beijing", "010 8765 4321 转人工", "*** 转人工"],
    ["ID number full-width", "身份证３７０３０３１９９００１０１１２３Ｘ", "身份证***"],
    ["ID number in groups", "身份证 370303 19900101 1234", "身份证 ***"],
    ["ID number dashed", "身份证370303-19900101-123X。", "身份证***。"],
    ["full-width e-mail", "邮箱ｌｉ＠ｅｘａｍｐｌｅ．ｃｏｍ，谢谢", "邮箱***，谢谢"],
    ["e-mail glued to Chinese", "邮箱a.b@corp.cn谢谢", "邮箱***谢谢"],
  ])("masks a %s", (_label, text, expected) => {
    expect(redactPersonalData(text)).toBe(expected);
  });

  it("masks the citizen's own phone, also written full-width", () => {
    expect(redactPersonalData("本人电话１３９１２３４５６７８", { citizenPhone: "13912345678" })).toBe("本人电话***");
  });

  it("keeps the rest of the text exactly as written (full-width punctuation, letters, spaces)", () => {
    expect(redactPersonalData("（紧急）ＡＢＣ小区　３号楼：电话１３８１２３４５６７８！")).toBe("（紧急）ＡＢＣ小区　３号楼：电话***！");
  });
});

describe("redactPersonalData: ordinary numbers stay", () => {
  it.each([
    "2026-11-24 起每月多收 120 元",
    "２０２６年１１月２４日下午３点",
    "2026.11.24 13:30 至 2026.11.25 08:00",
    "2026/11/24",
    "共青团西路100号3单元502室",
    "工单 ZB-20261124-00017 已受理",
    "工单ＺＢ－２０２６１１２４－０００１７",
    "金额 1,380.50 元，押金 13800 元",
    "罚款 138 元，滞纳金 12.5 元",
    "面积 138.12 平方米",
    "车牌 鲁C·12345",
    "第 1 2 3 名",
    "1 3 5 7 9 号楼都停水",
    "订单号 2026 1124 0000 17",
    "邮编 255000，区号 0533",
    "营业时间 8:30-17:30，电话请拨 12345",
    "温度 -5 到 13 度，风速 3-4 级",
    "1 号楼 - 3 号楼之间",
    "版本 1.3.8，共 10 项",
    "门牌 11-24-1301",
  ])("keeps %s", (text) => {
    expect(redactPersonalData(text)).toBe(text);
  });
});
