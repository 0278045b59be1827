import { CategoryFieldType, listCategories, type Category, type CategoryFieldDefinition } from "@civicline/intake";
import type { DataSource } from "typeorm";
import { list, Open311Error, type Open311Value } from "./open311-format.js";
import type { Open311Locale } from "./open311-params.js";

/** The selectable categories (one service each) with their groups, for a request. */
export type ServiceCatalog = {
  services: Category[];
  byCode: Map<string, Category>;
  byId: Map<string, Category>;
};

/** Loads the active category tree once per request. */
export async function loadServiceCatalog(dataSource: DataSource): Promise<ServiceCatalog> {
  const categories = await listCategories(dataSource);
  const services = categories.filter((category) => category.selectable);
  return {
    services,
    byCode: new Map(services.map((category) => [category.code.toUpperCase(), category])),
    byId: new Map(categories.map((category) => [category.id, category])),
  };
}

/** The service (selectable category) with this code, any case; 404 in the spec's words otherwise. */
export function serviceFor(catalog: ServiceCatalog, code: string): Category {
  const category = catalog.byCode.get(code.trim().toUpperCase());
  if (!category) {
    throw new Open311Error(404, "service_code provided was not found");
  }
  return category;
}

/** A category's (or group's) name in the locale. */
export function nameOf(category: Pick<Category, "nameZh" | "nameEn">, locale: Open311Locale): string {
  return locale === "en" ? category.nameEn : category.nameZh;
}

function fieldLabel(field: CategoryFieldDefinition, locale: Open311Locale): string {
  return locale === "en" ? field.labelEn : field.labelZh;
}

const DATATYPES: Record<CategoryFieldType, string> = {
  [CategoryFieldType.TEXT]: "string",
  [CategoryFieldType.NUMBER]: "number",
  [CategoryFieldType.DATE]: "datetime",
  [CategoryFieldType.SELECT]: "singlevaluelist",
};

function datatypeDescription(field: CategoryFieldDefinition, locale: Open311Locale): string | null {
  const en = locale === "en";
  switch (field.type) {
    case CategoryFieldType.NUMBER:
      return en ? "A number, e.g. 12 or 12.5." : "数字，如 12 或 12.5。";
    case CategoryFieldType.DATE:
      return en ? "A date, YYYY-MM-DD (a full ISO 8601 datetime is accepted; its date is kept)." : "日期，格式 YYYY-MM-DD（也接受完整的 ISO 8601 时间，取其日期）。";
    case CategoryFieldType.SELECT:
      return null;
    default: {
      const max = field.maxLength ?? 200;
      return en ? `Text of at most ${max} characters.` : `不超过 ${max} 个字。`;
    }
  }
}

/** The GeoReport service list entry for a category. */
export function serviceEntry(category: Category, catalog: ServiceCatalog, locale: Open311Locale): Open311Value {
  const group = category.parentId ? catalog.byId.get(category.parentId) : undefined;
  const name = nameOf(category, locale);
  const groupName = group ? nameOf(group, locale) : null;
  const other = locale === "en" ? "zh" : "en";
  const keywords = [...new Set([nameOf(category, other), ...(group ? [group.nameZh, group.nameEn] : [])])].filter((word) => word !== name);
  return {
    service_code: category.code,
    service_name: name,
    description: groupName ? `${groupName}${locale === "en" ? ": " : "："}${name}` : name,
    metadata: (category.fields ?? []).length > 0,
    type: "realtime",
    keywords: keywords.join(", "),
    group: groupName,
  };
}

/** The GeoReport service definition: one attribute per extra field of the category. */
export function serviceDefinition(category: Category, locale: Open311Locale): Open311Value {
  return {
    service_code: category.code,
    attributes: list(
      "attribute",
      (category.fields ?? []).map((field, index) => ({
        variable: true,
        code: field.key,
        datatype: DATATYPES[field.type] ?? "string",
        required: field.required,
        datatype_description: datatypeDescription(field, locale),
        order: index + 1,
        description: fieldLabel(field, locale),
        ...(field.type === CategoryFieldType.SELECT
          ? { values: list("value", (field.options ?? []).map((option) => ({ key: option, name: option }))) }
          : {}),
      })),
    ),
  };
}
