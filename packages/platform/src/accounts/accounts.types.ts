import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { Role } from "../auth/roles.js";

@ObjectType({ description: "A staff account as administrators see it (never its password)." })
export class StaffAccount {
  @Field(() => ID, { description: "Account id." })
  id!: string;

  @Field({ description: "Login name (lower case, unique)." })
  username!: string;

  @Field({ description: "Name shown to colleagues." })
  displayName!: string;

  @Field(() => [Role], { description: "Roles held (one or more)." })
  roles!: Role[];

  @Field(() => ID, { nullable: true, description: "A handler's unit (routing unit id); required for handlers." })
  unitId!: string | null;

  @Field(() => String, { nullable: true, description: "A call-taker's seat (A01), for screen-pop." })
  seat!: string | null;

  @Field(() => String, { nullable: true, description: "A call-taker's team (班组)." })
  team!: string | null;

  @Field(() => ID, { nullable: true, description: "The unit a leader heads (routing unit id)." })
  leaderUnitId!: string | null;

  @Field({ description: "False once deactivated: cannot log in, sessions ended." })
  active!: boolean;

  @Field({ description: "True while a temporary password must be changed at the next login." })
  mustChangePassword!: boolean;

  @Field({ description: "When the account was created." })
  createdAt!: Date;

  @Field({ description: "When the account was last changed." })
  updatedAt!: Date;
}

@ObjectType({ description: "A page of staff accounts, by username." })
export class StaffAccountPage {
  @Field(() => [StaffAccount], { description: "The accounts on this page." })
  items!: StaffAccount[];

  @Field(() => Int, { description: "How many accounts match the filter." })
  total!: number;
}

@InputType({ description: "Which accounts to list; every filter optional." })
export class StaffAccountFilter {
  @Field(() => String, { nullable: true, description: "Text in the username or name." })
  query?: string | null;

  @Field(() => Role, { nullable: true, description: "Only accounts holding this role." })
  role?: Role | null;

  @Field(() => ID, { nullable: true, description: "Only accounts of this unit (handlers) or heading it (leaders)." })
  unitId?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Only active (true) or deactivated (false) accounts." })
  active?: boolean | null;
}

@InputType({ description: "What an admin edits of an account (the username cannot change)." })
export class StaffAccountChanges {
  @Field({ description: "Name shown to colleagues (up to 60 characters)." })
  displayName!: string;

  @Field(() => [Role], { description: "One or more roles; INTEGRATOR is not a staff role." })
  roles!: Role[];

  @Field(() => ID, { nullable: true, description: "The unit of a handler (required with HANDLER; ignored otherwise)." })
  unitId?: string | null;

  @Field(() => String, { nullable: true, description: "A call-taker's seat (letters, digits, hyphens; not held by another active account)." })
  seat?: string | null;

  @Field(() => String, { nullable: true, description: "A call-taker's team (up to 40 characters)." })
  team?: string | null;

  @Field(() => ID, { nullable: true, description: "The unit a leader heads (with LEADER; ignored otherwise)." })
  leaderUnitId?: string | null;
}

@InputType({ description: "A new staff account. It gets a temporary password, shown once, to change at the first login." })
export class NewStaffAccount extends StaffAccountChanges {
  @Field({ description: "Login name: 3–32 lower-case letters, digits, dots, hyphens or underscores; unique." })
  username!: string;
}

@ObjectType({ description: "An account with the temporary password just given to it (shown once; the person must change it at the next login)." })
export class StaffAccountWithPassword {
  @Field(() => StaffAccount, { description: "The account." })
  account!: StaffAccount;

  @Field({ description: "The one-time temporary password. It is not stored in clear and cannot be shown again." })
  temporaryPassword!: string;
}

@ObjectType({ description: "A live login session of an account." })
export class StaffSession {
  @Field(() => ID, { description: "Session id (a hash of the token, never the token)." })
  id!: string;

  @Field({ description: "When the person logged in." })
  createdAt!: Date;

  @Field({ description: "When the session ends by itself." })
  expiresAt!: Date;

  @Field(() => String, { nullable: true, description: "The address the session was opened from." })
  clientIp!: string | null;
}

@ObjectType({ description: "A problem with one field of one CSV row." })
export class AccountImportProblem {
  @Field({ description: "The field (username, displayName, roles, unitId, seat, team, leaderUnitId)." })
  field!: string;

  @Field({ description: "Stable code: REQUIRED, TAKEN, DUPLICATE_IN_FILE, UNKNOWN_ROLE, REQUIRED_FOR_HANDLER, UNKNOWN_UNIT, INACTIVE_UNIT, INVALID_FORMAT, TOO_LONG …" })
  code!: string;

  @Field({ description: "What is wrong, in English (clients word it from the code)." })
  message!: string;
}

@ObjectType({ description: "One CSV row as the import checked it." })
export class AccountImportRow {
  @Field(() => Int, { description: "Line of the file the row starts on (the header is line 1)." })
  line!: number;

  @Field({ description: "The row's username (lower-cased)." })
  username!: string;

  @Field(() => [AccountImportProblem], { description: "Every problem of the row; empty when it can be imported." })
  problems!: AccountImportProblem[];
}

@ObjectType({ description: "A created account's username with its temporary password (shown once)." })
export class ImportedAccount {
  @Field({ description: "Login name." })
  username!: string;

  @Field({ description: "The one-time temporary password to hand to the person." })
  temporaryPassword!: string;
}

@ObjectType({ description: "What an import did: a dry run checks every row and stores nothing; a real run stores all rows or none." })
export class AccountImportResult {
  @Field({ description: "True when nothing was stored (dry run)." })
  dryRun!: boolean;

  @Field(() => Int, { description: "How many accounts were created." })
  imported!: number;

  @Field(() => Int, { description: "How many rows have problems." })
  badRows!: number;

  @Field(() => [AccountImportRow], { description: "Every row with its problems." })
  rows!: AccountImportRow[];

  @Field(() => [ImportedAccount], { description: "The created accounts with their temporary passwords (real run only)." })
  created!: ImportedAccount[];
}

@InputType({ description: "Change your own password (also the forced change after a reset)." })
export class ChangeMyPasswordInput {
  @Field({ description: "The current (or temporary) password." })
  currentPassword!: string;

  @Field({ description: "The new password: 12 or more characters or a passphrase of four words; not the username; not a common password." })
  newPassword!: string;
}
