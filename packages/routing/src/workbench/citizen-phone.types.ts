import { Field, ObjectType } from "type-graphql";

@ObjectType("RevealedPhone", { description: "The caller's full number, revealed to a handler of the lead unit (先联系后办理)." })
export class RevealedPhoneType {
  @Field({ description: "The number as the caller gave it (13812345678, 0533-1234567)." })
  phone!: string;

  @Field({ description: "A link that dials it (tel:13812345678)." })
  telUri!: string;
}
