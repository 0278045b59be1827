import { Field, ID, ObjectType, registerEnumType } from "type-graphql";

export enum UnitKind {
  CITY_CENTRE = "CITY_CENTRE",
  BUREAU = "BUREAU",
  DISTRICT_GOVERNMENT = "DISTRICT_GOVERNMENT",
  TOWNSHIP_OFFICE = "TOWNSHIP_OFFICE",
  OTHER = "OTHER",
}
registerEnumType(UnitKind, {
  name: "UnitKind",
  description: "What kind of body a handling unit is.",
  valuesConfig: {
    CITY_CENTRE: { description: "The 12345 hotline centre." },
    BUREAU: { description: "A city bureau or service (局、委、支队)." },
    DISTRICT_GOVERNMENT: { description: "A district or county government (区县政府)." },
    TOWNSHIP_OFFICE: { description: "A town or township government, or a street office (镇、乡、街道)." },
    OTHER: { description: "A utility company or another body." },
  },
});

@ObjectType("Unit", { description: "A handling unit (承办单位)." })
export class UnitType {
  @Field(() => ID, { description: "Unit id." })
  id!: string;

  @Field({ description: "Stable code, e.g. BUR-EDU or GOV-370322101." })
  code!: string;

  @Field({ description: "Chinese name." })
  nameZh!: string;

  @Field({ description: "English name." })
  nameEn!: string;

  @Field(() => UnitKind, { description: "Bureau, district/county government, township/street office …" })
  kind!: UnitKind;

  @Field(() => ID, { nullable: true, description: "Area of jurisdiction." })
  areaId!: string | null;

  @Field(() => ID, { nullable: true, description: "Parent unit (a township office's district government)." })
  parentId!: string | null;
}
