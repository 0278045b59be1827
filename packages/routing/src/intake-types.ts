import { getMetadataStorage } from "type-graphql";

/**
 * Intake's GraphQL object types that intake's index does not export (Ticket, Attachment), found by
 * their schema name in type-graphql's metadata. Used only in lazy `@Field(() => …)` thunks, which
 * run when the schema is built, after intake's types are registered.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function intakeObjectType(name: "Ticket" | "Attachment"): Function {
  const found = getMetadataStorage().objectTypes.find((type) => type.name === name);
  if (!found) {
    throw new Error(`intake's GraphQL type ${name} is not registered (is @civicline/intake loaded?)`);
  }
  return found.target;
}
