import { Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";

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

  @Field(() => String, { nullable: true, description: "The unit's contact telephone for the hotline centre." })
  contactPhone!: string | null;

  @Field({ description: "Whether tickets may be dispatched to the unit; an inactive unit stays in the directory." })
  active!: boolean;
}

@InputType({ description: "A handling unit as an admin saves it in the unit directory." })
export class UnitInput {
  @Field({ description: "Stable code, unique among units: letters, digits, '-', '_' or '.', e.g. BUR-EDU." })
  code!: string;

  @Field({ description: "Chinese name." })
  nameZh!: string;

  @Field({ description: "English name." })
  nameEn!: string;

  @Field(() => UnitKind, { description: "What kind of body the unit is." })
  kind!: UnitKind;

  @Field(() => ID, { nullable: true, description: "Area of jurisdiction (an area id); omit for none." })
  areaId?: string | null;

  @Field(() => ID, { nullable: true, description: "Parent unit; omit for a top-level unit. A unit cannot sit under itself or its own descendants." })
  parentId?: string | null;

  @Field(() => String, { nullable: true, description: "Contact telephone; omit for none." })
  contactPhone?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Whether tickets may be dispatched to the unit; default true." })
  active?: boolean | null;
}

@ObjectType("UnitStaffMember", { description: "A handler account of a handling unit." })
export class UnitStaffMemberType {
  @Field(() => ID, { description: "User id." })
  id!: string;

  @Field({ description: "Login name." })
  username!: string;

  @Field({ description: "Name shown to colleagues." })
  displayName!: string;

  @Field({ description: "Whether the account may log in." })
  active!: boolean;
}
