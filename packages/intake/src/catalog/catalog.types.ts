import { Field, ID, ObjectType, registerEnumType } from "type-graphql";

export enum AreaLevel {
  CITY = "CITY",
  DISTRICT = "DISTRICT",
  TOWNSHIP = "TOWNSHIP",
}
registerEnumType(AreaLevel, { name: "AreaLevel", description: "Level of an administrative division." });

@ObjectType("Category", { description: "A node of the request category tree (flat list; use parentId)." })
export class CategoryType {
  @Field(() => ID)
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
}

@ObjectType("Area", { description: "An administrative division: city, district/county or township/street." })
export class AreaType {
  @Field(() => ID)
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
