import { Field, ID, InputType, ObjectType } from "type-graphql";

@ObjectType({ description: "One field an audited action changed, as JSON text before and after." })
export class AuditChange {
  @Field({ description: "The field (e.g. roles, unitId, active)." })
  field!: string;

  @Field(() => String, { nullable: true, description: "Its value before, as JSON; null when it had none." })
  before!: string | null;

  @Field(() => String, { nullable: true, description: "Its value after, as JSON; null when it has none." })
  after!: string | null;
}

@ObjectType({ description: "One administrative action: who did what to which record, when, and what changed." })
export class AuditLogEntry {
  @Field(() => ID, { description: "Entry id (also the cursor to continue after it)." })
  id!: string;

  @Field({ description: "When it happened." })
  at!: Date;

  @Field({ description: "staff, integrator or system." })
  actorKind!: string;

  @Field(() => ID, { nullable: true, description: "The account or key that acted; null for the system." })
  actorId!: string | null;

  @Field({ description: "The actor's name at the time." })
  actorName!: string;

  @Field({ description: "What was done, <area>.<verb> (account.create, category.move …)." })
  action!: string;

  @Field({ description: "The kind of record (account, category, api_key, webhook …)." })
  entityType!: string;

  @Field(() => String, { nullable: true, description: "The record's id." })
  entityId!: string | null;

  @Field(() => String, { nullable: true, description: "The record's name (username, category name …)." })
  entityLabel!: string | null;

  @Field(() => [AuditChange], { description: "The fields whose values differ between before and after (secrets redacted)." })
  changes!: AuditChange[];
}

@ObjectType({ description: "A page of audit log entries, newest first." })
export class AuditLogPage {
  @Field(() => [AuditLogEntry], { description: "The entries." })
  entries!: AuditLogEntry[];

  @Field(() => ID, { nullable: true, description: "Pass as `after` for the next page; null on the last page." })
  nextCursor!: string | null;
}

@InputType({ description: "Audit log search; every filter optional, combined with AND." })
export class AuditLogFilter {
  @Field(() => String, { nullable: true, description: "Text in the actor's name, the record's name or id, or the action." })
  query?: string | null;

  @Field(() => String, { nullable: true, description: "An action (account.create) or an area ending in a dot (account.)." })
  action?: string | null;

  @Field(() => String, { nullable: true, description: "The kind of record." })
  entityType?: string | null;

  @Field(() => String, { nullable: true, description: "One record's id: its whole history." })
  entityId?: string | null;

  @Field(() => ID, { nullable: true, description: "Only what this account or key did." })
  actorId?: string | null;

  @Field(() => Date, { nullable: true, description: "From this time (inclusive)." })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: "Until this time (exclusive)." })
  to?: Date | null;
}

