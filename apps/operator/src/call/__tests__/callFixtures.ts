import type { CallCategory, CategoryField } from "../categories.ts";

/** As the server sends it: Apollo's cache wants the type name. */
type Typed<T> = T & { __typename?: string };
type FieldOverrides = Partial<CategoryField> & { key: string };

export function field(overrides: FieldOverrides): Typed<CategoryField> {
  return {
    __typename: "CategoryField",
    labelZh: `字段${overrides.key}`,
    labelEn: `Field ${overrides.key}`,
    type: "TEXT",
    required: false,
    options: null,
    maxLength: null,
    ...overrides,
  };
}

export function category(overrides: Partial<CallCategory> & { id: string }): Typed<CallCategory> {
  return {
    __typename: "Category",
    code: overrides.id.toUpperCase(),
    nameZh: overrides.id,
    nameEn: overrides.id,
    parentId: null,
    selectable: true,
    templateZh: null,
    templateEn: null,
    keywords: [],
    requestTypes: [],
    fields: [],
    ...overrides,
  };
}

/** A small tree: 城市管理 › 路灯照明 / 市容环卫, 住房 › 物业服务 (with extra fields), 教育 › 校园欺凌. */
export const CATEGORIES: CallCategory[] = [
  category({ id: "urban", code: "URBAN", nameZh: "城市管理", nameEn: "Urban management", selectable: false }),
  category({ id: "light", code: "URBAN.LIGHT", nameZh: "路灯照明", nameEn: "Street lights", parentId: "urban", templateZh: "市民反映某处路灯不亮。", templateEn: "The caller reports a street light that is out." }),
  category({ id: "clean", code: "URBAN.CLEAN", nameZh: "市容环卫", nameEn: "Street cleaning", parentId: "urban", keywords: ["坑", "坑洼", "垃圾", "pothole"] }),
  category({ id: "housing", code: "HOUSING", nameZh: "住房保障", nameEn: "Housing", selectable: false }),
  category({
    id: "property",
    code: "HOUSING.PROPERTY",
    nameZh: "物业服务",
    nameEn: "Property management",
    parentId: "housing",
    fields: [
      field({ key: "estate", labelZh: "小区名称", labelEn: "Housing estate", required: true, maxLength: 50 }),
      field({ key: "households", labelZh: "涉及户数", labelEn: "Households affected", type: "NUMBER" }),
      field({ key: "since", labelZh: "开始日期", labelEn: "Since", type: "DATE" }),
      field({ key: "fee", labelZh: "收费类型", labelEn: "Fee", type: "SELECT", required: true, options: ["物业费", "有线电视费"] }),
    ],
  }),
  category({ id: "edu", code: "EDU", nameZh: "教育", nameEn: "Education", selectable: false }),
  category({ id: "bully", code: "EDU.BULLYING", nameZh: "校园欺凌", nameEn: "School bullying", parentId: "edu" }),
];
