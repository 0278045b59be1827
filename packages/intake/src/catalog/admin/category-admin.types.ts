import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { RequestType } from "../../ticket/ticket.enums.js";
import { CategoryFieldType } from "../category-field.js";
import { CategoryFieldObject, CategoryType } from "../catalog.types.js";
import { CategoryChange } from "./category-version.entity.js";

registerEnumType(CategoryChange, {
  name: "CategoryChange",
  description: "What an admin did to a category at one version.",
  valuesConfig: {
    CREATED: { description: "Added." },
    UPDATED: { description: "Names, extra fields, templates, request types, SLA policy or position changed." },
    MOVED: { description: "Moved under another group." },
    DEACTIVATED: { description: "Deactivated (itself or a group above it): it left the pickers; tickets keep it." },
    REACTIVATED: { description: "Offered again." },
  },
});

@ObjectType("AdminCategory", { description: "A category as admins see it: active or not, its version and SLA policy." })
export class AdminCategoryType extends CategoryType {
  @Field({ description: "Whether it is offered (false: deactivated; tickets filed under it keep it)." })
  active!: boolean;

  @Field(() => Int, { description: "Raised by every change; send it back as expectedVersion." })
  version!: number;

  @Field(() => Int, { description: "Position among its siblings (smaller first)." })
  sortOrder!: number;

  @Field(() => ID, { nullable: true, description: "Routing's SLA policy its tickets run under (see slaPolicies); null: the usual matching." })
  slaPolicyId!: string | null;

  @Field({ description: "When it last changed." })
  updatedAt!: Date;
}

@ObjectType("CategoryVersion", { description: "A category as it was saved at one version." })
export class CategoryVersionType {
  @Field(() => Int)
  version!: number;

  @Field(() => CategoryChange)
  change!: CategoryChange;

  @Field()
  code!: string;

  @Field()
  nameZh!: string;

  @Field()
  nameEn!: string;

  @Field(() => ID, { nullable: true })
  parentId!: string | null;

  @Field()
  selectable!: boolean;

  @Field()
  active!: boolean;

  @Field(() => [CategoryFieldObject])
  fields!: CategoryFieldObject[];

  @Field(() => String, { nullable: true })
  templateZh!: string | null;

  @Field(() => String, { nullable: true })
  templateEn!: string | null;

  @Field(() => [RequestType])
  requestTypes!: RequestType[];

  @Field(() => ID, { nullable: true })
  slaPolicyId!: string | null;

  @Field({ description: "When this version was saved." })
  updatedAt!: Date;

  @Field({ description: "Who saved it." })
  updatedByName!: string;
}

@InputType("CategoryFieldInput", { description: "An extra field the call form and portal ask for under a category." })
export class CategoryFieldInput {
  @Field({ description: "Stable key: lower-case Latin letters, digits and _ (e.g. estate_name)." })
  key!: string;

  @Field({ description: "Label in Chinese." })
  labelZh!: string;

  @Field({ description: "Label in English." })
  labelEn!: string;

  @Field(() => CategoryFieldType)
  type!: CategoryFieldType;

  @Field({ defaultValue: false, description: "Whether a request cannot be logged without it." })
  required!: boolean;

  @Field(() => [String], { nullable: true, description: "The choices of a SELECT field (at least one; OPTIONS_REQUIRED otherwise). Only SELECT fields have options." })
  options?: string[] | null;

  @Field(() => Int, { nullable: true, description: "Longest accepted value of a TEXT field (1–2000)." })
  maxLength?: number | null;
}

@InputType("CategoryInput", { description: "What an admin sets on a category." })
export class CategoryInput {
  @Field({ description: "Chinese name (1–40 characters, unique among its active siblings)." })
  nameZh!: string;

  @Field({ description: "English name (1–40 characters, unique among its active siblings)." })
  nameEn!: string;

  @Field({ defaultValue: true, description: "true: tickets are filed under it; false: a group that only organises the tree." })
  selectable!: boolean;

  @Field(() => [CategoryFieldInput], { defaultValue: [], description: "The whole list of extra fields (replaces the old one)." })
  fields!: CategoryFieldInput[];

  @Field(() => String, { nullable: true, description: "Template sentence for the description, in Chinese (up to 500 characters)." })
  templateZh?: string | null;

  @Field(() => String, { nullable: true, description: "Template sentence for the description, in English (up to 500 characters)." })
  templateEn?: string | null;

  @Field(() => [RequestType], { defaultValue: [], description: "The request types allowed under it; empty: every type." })
  requestTypes!: RequestType[];

  @Field(() => ID, { nullable: true, description: "Routing's SLA policy its tickets run under; null: the usual matching." })
  slaPolicyId?: string | null;

  @Field(() => Int, { nullable: true, description: "Position among its siblings; omitted: last (new) or unchanged." })
  sortOrder?: number | null;
}

@ObjectType("CategoriesChanged", { description: "The category tree changed: reload `categories`." })
export class CategoriesChangedType {
  @Field(() => [ID], { description: "The categories that changed (at most 100)." })
  categoryIds!: string[];

  @Field(() => CategoryChange)
  change!: CategoryChange;
}
