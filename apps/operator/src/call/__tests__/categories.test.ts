import { describe, expect, it } from "vitest";
import { categoryOption, indexCategories, loadRecentCategories, rememberCategory, searchCategories } from "../categories.ts";
import { CATEGORIES } from "./callFixtures.ts";

const entries = indexCategories(CATEGORIES);
const ids = (query: string, recent: string[] = []) => searchCategories(entries, query, recent).map((e) => e.category.id);

describe("category search", () => {
  it("offers only selectable leaves, in tree order, with their ancestors", () => {
    expect(ids("")).toEqual(["light", "clean", "property", "bully"]);
    expect(entries.find((e) => e.category.id === "light")?.ancestors.map((a) => a.id)).toEqual(["urban"]);
  });

  it("matches Chinese names, English names, codes and a parent's name", () => {
    expect(ids("路灯")).toEqual(["light"]);
    expect(ids("STREET")).toEqual(["light", "clean"]);
    expect(ids("urban.cl")).toEqual(["clean"]);
    expect(ids("edu.bullying")).toEqual(["bully"]);
    expect(ids("城市管理")).toEqual(["light", "clean"]);
    expect(ids("ｓｔｒｅｅｔ ｌｉｇｈｔ")).toEqual(["light"]);
    expect(ids("没有这个")).toEqual([]);
  });

  it("understands everyday words stored with the category (坑, 坑洼, pothole)", () => {
    expect(ids("坑")).toEqual(["clean"]);
    expect(ids("坑洼")).toEqual(["clean"]);
    expect(ids("Pothole")).toEqual(["clean"]);
    expect(ids("门口有个大坑洼")).toEqual(["clean"]);
  });

  it("ranks exact and prefix matches before matches inside a word", () => {
    // "clean" starts the English name of Street cleaning only through "cleaning": prefix beats the path match.
    expect(ids("street c")).toEqual(["clean"]);
    expect(ids("light")).toEqual(["light"]);
  });

  it("puts recent choices first, most recent first, for an empty query and among matches", () => {
    expect(ids("", ["bully", "clean"])).toEqual(["bully", "clean", "light", "property"]);
    expect(ids("street", ["clean"])).toEqual(["clean", "light"]);
  });

  it("labels an option in the UI language with the path, the other language and the code", () => {
    const light = entries[0]!;
    expect(categoryOption(light, "zh-CN")).toMatchObject({ label: "路灯照明", detail: "城市管理 · Street lights · URBAN.LIGHT" });
    expect(categoryOption(light, "en", "Recent")).toMatchObject({ label: "Street lights", detail: "Urban management · 路灯照明 · URBAN.LIGHT", badge: "Recent" });
  });
});

describe("recent categories", () => {
  it("remembers picks in localStorage, most recent first, without repeats, at most 8", () => {
    expect(loadRecentCategories()).toEqual([]);
    rememberCategory("a");
    rememberCategory("b");
    expect(rememberCategory("a")).toEqual(["a", "b"]);
    for (const id of ["c", "d", "e", "f", "g", "h", "i", "j"]) {
      rememberCategory(id);
    }
    expect(loadRecentCategories()).toEqual(["j", "i", "h", "g", "f", "e", "d", "c"]);
  });

  it("survives garbage in storage", () => {
    window.localStorage.setItem("civicline.operator.recentCategories", "{not json");
    expect(loadRecentCategories()).toEqual([]);
    window.localStorage.setItem("civicline.operator.recentCategories", JSON.stringify(["x", 3, null]));
    expect(loadRecentCategories()).toEqual(["x"]);
  });
});
