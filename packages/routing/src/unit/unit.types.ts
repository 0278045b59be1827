import { Field, ID, ObjectType, registerEnumType } from "type-graphql";

export enum UnitKind {
  CITY_CENTRE = "CITY_CENTRE",
  BUREAU = "BUREAU",
  DISTRICT_GOVERNMENT = "DISTRICT_GOVERNMENT",
  TOWNSHIP_OFFICE = "TOWNSHIP_OFFICE",
  OTHER = "OTHER",
}
registerEnumType(UnitKind, { name: "UnitKind", description: "What kind of body a handling unit is." });

@ObjectType("Unit", { description: "A handling unit (承办单位)." })
export class UnitType {
  @Field(() => ID)
  id!: string;

  @Field({ description: "Stable code, e.g. BUR-EDU or GOV-370322101." })
  code!: string;

  @Field({ description: "Chinese name." })
  nameZh!: string;

  @Field({ description: "English name." })
  nameEn!: string;

  @Field(() => UnitKind)
  kind!: UnitKind;

  @Field(() => ID, { nullable: true, description: "Area of jurisdiction." })
  areaId!: string | null;

  @Field(() => ID, { nullable: true, description: "Parent unit (a township office's district government)." })
  parentId!: string | null;
}
