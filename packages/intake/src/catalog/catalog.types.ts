import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { RequestType } from "../ticket/ticket.enums.js";
import { CategoryFieldType } from "./category-field.js";

export enum AreaLevel {
  CITY = "CITY",
  DISTRICT = "DISTRICT",
  TOWNSHIP = "TOWNSHIP",
}
registerEnumType(AreaLevel, {
  name: "AreaLevel",
  description: "Level of an administrative division.",
  valuesConfig: {
    CITY: { description: "The city (市)." },
    DISTRICT: { description: "A district or county (区/县)." },
    TOWNSHIP: { description: "A township, town or street (镇/乡/街道)." },
  },
});

registerEnumType(CategoryFieldType, {
  name: "CategoryFieldType",
  description: "The kind of value an extra field holds.",
  valuesConfig: {
    TEXT: { description: "Free text (up to maxLength, default 200 characters)." },
    NUMBER: { description: "A decimal number, e.g. 3 or 12.5." },
    DATE: { description: "A calendar date, YYYY-MM-DD." },
    SELECT: { description: "One of `options`." },
  },
});

@ObjectType("CategoryField", { description: "An extra field the call form asks for under a category (e.g. the estate's name)." })
export class CategoryFieldObject {
  @Field({ description: "Stable key; send it back in ExtraFieldInput.key." })
  key!: string;

  @Field({ description: "Label in Chinese." })
  labelZh!: string;

  @Field({ description: "Label in English." })
  labelEn!: string;

  @Field(() => CategoryFieldType, { description: "What kind of value it takes." })
  type!: CategoryFieldType;

  @Field({ description: "Whether a call cannot be logged without it (INTAKE/MISSING_EXTRA_FIELD)." })
  required!: boolean;

  @Field(() => [String], { nullable: true, description: "The allowed values of a SELECT field." })
  options?: string[] | null;

  @Field(() => Int, { nullable: true, description: "Longest accepted value of a TEXT field, in characters." })
  maxLength?: number | null;
}

@ObjectType("Category", { description: "A node of the request category tree (flat list; use parentId)." })
export class CategoryType {
  @Field(() => ID, { description: "Category id." })
  id!: string;

  @Field({ description: "Stable code, e.g. EDU.BULLYING." })
  code!: string;

  @Field({ description: "Chinese name." })
  nameZh!: string;

  @Field({ description: "English name." })
  nameEn!: string;

  @Field(() => ID, { nullable: true, description: "Parent group; null for a top-level group." })
  parentId!: string | null;

  @Field({ description: "Whether a ticket may be filed under this node (leaves) or it only groups others." })
  selectable!: boolean;

  @Field(() => [CategoryFieldObject], { description: "Extra fields the form asks for under this category (e.g. the estate's name)." })
  fields!: CategoryFieldObject[];

  @Field(() => String, { nullable: true, description: "Template sentence for the description, in Chinese." })
  templateZh!: string | null;

  @Field(() => String, { nullable: true, description: "Template sentence for the description, in English." })
  templateEn!: string | null;

  @Field(() => [String], { description: "Everyday words and synonyms for it, in Chinese and English (坑, 坑洼, pothole); category searches match them." })
  keywords!: string[];

  @Field(() => [RequestType], { description: "The request types a ticket under it may have; empty: every type (INTAKE/REQUEST_TYPE_NOT_ALLOWED otherwise)." })
  requestTypes!: RequestType[];
}

@ObjectType("Area", { description: "An administrative division: city, district/county or township/street." })
export class AreaType {
  @Field(() => ID, { description: "Area id." })
  id!: string;

  @Field({ description: "National administrative division code." })
  code!: string;

  @Field({ description: "Chinese name." })
  nameZh!: string;

  @Field(() => String, { nullable: true, description: "English name where one is maintained." })
  nameEn!: string | null;

  @Field(() => AreaLevel, { description: "City, district/county or township/street." })
  level!: AreaLevel;

  @Field(() => ID, { nullable: true, description: "The division this one belongs to." })
  parentId!: string | null;
}
