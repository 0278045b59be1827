import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { ApiKeyState } from "./integrators.js";
import { IntegratorScope } from "./scopes.js";

registerEnumType(ApiKeyState, {
  name: "ApiKeyState",
  description: "Where an API key stands now.",
  valuesConfig: {
    ACTIVE: { description: "Works." },
    EXPIRING: { description: "Rotated: works until its expiry (the overlap period)." },
    EXPIRED: { description: "Rotated and past its overlap period: refused." },
    REVOKED: { description: "Revoked: refused." },
  },
});

@ObjectType("ApiKey", { description: "An integrator's API key as admins see it (never the key itself)." })
export class ApiKeyType {
  @Field(() => ID)
  id!: string;

  @Field({ description: "The key's first characters, to tell keys apart." })
  keyPrefix!: string;

  @Field(() => [IntegratorScope])
  scopes!: IntegratorScope[];

  @Field(() => Int, { description: "Requests per minute; beyond, 429 with Retry-After." })
  rateLimitPerMinute!: number;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: "After rotation: when the key stops working." })
  expiresAt!: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: "Last request made with the key (to about a second)." })
  lastUsedAt!: Date | null;

  @Field(() => ID, { nullable: true, description: "The key this one replaced (rotation)." })
  replacesKeyId!: string | null;

  @Field(() => ApiKeyState)
  state!: ApiKeyState;
}

@ObjectType("Integrator", { description: "A system using the API with its own keys and webhooks." })
export class IntegratorType {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  createdAt!: Date;

  @Field(() => [ApiKeyType], { description: "Newest first." })
  keys!: ApiKeyType[];
}

@ObjectType("IssuedApiKey", { description: "A newly issued key. `key` is shown this once: it is stored only as a hash." })
export class IssuedApiKeyType {
  @Field({ description: "The full key: send it as the X-Api-Key header. Not retrievable later." })
  key!: string;

  @Field(() => ApiKeyType)
  apiKey!: ApiKeyType;

  @Field(() => IntegratorType)
  integrator!: IntegratorType;
}

@InputType({ description: "A new integrator and its first key." })
export class CreateIntegratorInput {
  @Field({ description: "Its name, e.g. 城市APP / City app (unique)." })
  name!: string;

  @Field(() => [IntegratorScope])
  scopes!: IntegratorScope[];

  @Field(() => Int, { nullable: true, description: "Requests per minute (default 600)." })
  rateLimitPerMinute?: number | null;
}

@InputType({ description: "Another key for an integrator." })
export class IssueIntegratorKeyInput {
  @Field(() => ID)
  integratorId!: string;

  @Field(() => [IntegratorScope])
  scopes!: IntegratorScope[];

  @Field(() => Int, { nullable: true, description: "Requests per minute (default 600)." })
  rateLimitPerMinute?: number | null;
}
