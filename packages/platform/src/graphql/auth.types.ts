import { Field, ID, InputType, ObjectType } from "type-graphql";
import { Role } from "../auth/roles.js";

@ObjectType({ description: "The logged-in staff member." })
export class Viewer {
  @Field(() => ID, { description: "User id." })
  id!: string;

  @Field({ description: "Login name." })
  username!: string;

  @Field({ description: "Name shown to colleagues." })
  displayName!: string;

  @Field(() => [Role], { description: "Roles held." })
  roles!: Role[];

  @Field(() => ID, { nullable: true, description: "Handling unit, for handlers." })
  unitId!: string | null;

  @Field({ description: "True after an admin reset the password: the temporary password must be changed (`changeMyPassword`) before anything else; until then the session holds no role." })
  mustChangePassword!: boolean;
}

@InputType({ description: "Staff credentials." })
export class LoginInput {
  @Field({ description: "Login name (case-insensitive)." })
  username!: string;

  @Field({ description: "Password." })
  password!: string;
}

@ObjectType({ description: "An opened session. Browser apps use the HTTP-only cookie; API clients send `Authorization: Bearer <token>`." })
export class LoginPayload {
  @Field({ description: "Session token (bearer)." })
  token!: string;

  @Field({ description: "When the session ends." })
  expiresAt!: Date;

  @Field(() => Viewer, { description: "Who logged in." })
  viewer!: Viewer;
}
