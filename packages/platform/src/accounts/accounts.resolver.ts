import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { requireRole } from "../auth/actor.js";
import { hashToken } from "../auth/auth.service.js";
import { Role, STAFF_ROLES } from "../auth/roles.js";
import { User } from "../auth/user.entity.js";
import type { RequestContext } from "../context.js";
import { UnauthenticatedError } from "../errors.js";
import { Viewer } from "../graphql/auth.types.js";
import { toViewer } from "../graphql/auth.resolver.js";
import type { AppServices } from "../module.js";
import { pageInput } from "../paging.js";
import { listAccountSessions, endAccountSessions } from "./account-sessions.js";
import {
  AccountImportResult,
  ChangeMyPasswordInput,
  NewStaffAccount,
  StaffAccount,
  StaffAccountChanges,
  StaffAccountFilter,
  StaffAccountPage,
  StaffAccountWithPassword,
  StaffSession,
} from "./accounts.types.js";
import { changeOwnPassword } from "./change-own-password.js";
import { importAccounts } from "./import-accounts.js";
import { listAccounts } from "./list-accounts.js";
import { createAccount, resetPassword, setAccountActive, updateAccount } from "./manage-accounts.js";

const ADMIN = [Role.ADMIN];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toAccount(user: User): StaffAccount {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    unitId: user.unitId,
    seat: user.seat,
    team: user.team,
    leaderUnitId: user.leaderUnitId,
    active: user.active,
    mustChangePassword: user.mustChangePassword,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
}

/** Staff accounts administered by admins (every operation ADMIN only, audited), and a person's own password change. */
@Resolver()
export class AccountsResolver {
  constructor(private readonly services: AppServices) {}

  private get deps() {
    return { dataSource: this.services.dataSource, ...(this.services.units ? { units: this.services.units } : {}) };
  }

  @Query(() => StaffAccountPage, { description: "Staff accounts by username, filtered. Admin." })
  async staffAccounts(
    @Arg("filter", () => StaffAccountFilter, { nullable: true, description: "Which accounts." }) filter: StaffAccountFilter | null,
    @Arg("limit", () => Int, { nullable: true, defaultValue: 50, description: "Page size, 1 … 200." }) limit: number | null,
    @Arg("offset", () => Int, { nullable: true, defaultValue: 0, description: "Accounts to skip, 0 … 100,000." }) offset: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<StaffAccountPage> {
    requireRole(ctx.actor, ADMIN);
    const page = pageInput({ limit, offset }, { defaultLimit: 50, maxLimit: 200 });
    if (filter?.unitId && !UUID.test(filter.unitId)) {
      return { items: [], total: 0 };
    }
    const result = await listAccounts(this.services.dataSource.manager, filter ?? {}, page);
    return { items: result.items.map(toAccount), total: result.total };
  }

  @Query(() => StaffAccount, { nullable: true, description: "One staff account, or null when there is none with this id. Admin." })
  async staffAccount(@Arg("id", () => ID, { description: "Account id." }) id: string, @Ctx() ctx: RequestContext): Promise<StaffAccount | null> {
    requireRole(ctx.actor, ADMIN);
    const user = UUID.test(id) ? await this.services.dataSource.getRepository(User).findOne({ where: { id } }) : null;
    return user ? toAccount(user) : null;
  }

  @Query(() => [StaffSession], { description: "An account's live sessions, newest first. Admin." })
  async staffSessions(@Arg("accountId", () => ID, { description: "Account id." }) accountId: string, @Ctx() ctx: RequestContext): Promise<StaffSession[]> {
    requireRole(ctx.actor, ADMIN);
    return listAccountSessions(this.services.dataSource, accountId);
  }

  @Mutation(() => StaffAccountWithPassword, {
    description: "Creates a staff account with a temporary password, returned once, that the person must change at the first login. Bad input (duplicate username, unknown role, a handler without a unit …): BAD_USER_INPUT listing every field, nothing stored. Admin; audited.",
  })
  async createStaffAccount(@Arg("input", () => NewStaffAccount, { description: "The account." }) input: NewStaffAccount, @Ctx() ctx: RequestContext): Promise<StaffAccountWithPassword> {
    const actor = requireRole(ctx.actor, ADMIN);
    const result = await createAccount(this.deps, { actor, input });
    ctx.log.info({ accountId: result.account.id }, "staff account created");
    return { account: toAccount(result.account), temporaryPassword: result.temporaryPassword };
  }

  @Mutation(() => StaffAccount, { description: "Changes an account's name, roles, units, seat and team. A change of roles or of the handler's unit ends the person's sessions (they log in again with the new rights; open WebSockets close). Admin; audited." })
  async updateStaffAccount(
    @Arg("id", () => ID, { description: "Account id." }) id: string,
    @Arg("input", () => StaffAccountChanges, { description: "The new values." }) input: StaffAccountChanges,
    @Ctx() ctx: RequestContext,
  ): Promise<StaffAccount> {
    const actor = requireRole(ctx.actor, ADMIN);
    return toAccount(await updateAccount(this.deps, { actor, id, input }));
  }

  @Mutation(() => StaffAccount, { description: "Deactivates an account: it can no longer log in, its sessions end and its open WebSockets close at once. Not your own; not the last admin. Admin; audited." })
  async deactivateStaffAccount(@Arg("id", () => ID, { description: "Account id." }) id: string, @Ctx() ctx: RequestContext): Promise<StaffAccount> {
    const actor = requireRole(ctx.actor, ADMIN);
    return toAccount(await setAccountActive(this.deps, { actor, id, active: false }));
  }

  @Mutation(() => StaffAccount, { description: "Lets a deactivated account log in again (with its password as it was). Admin; audited." })
  async reactivateStaffAccount(@Arg("id", () => ID, { description: "Account id." }) id: string, @Ctx() ctx: RequestContext): Promise<StaffAccount> {
    const actor = requireRole(ctx.actor, ADMIN);
    return toAccount(await setAccountActive(this.deps, { actor, id, active: true }));
  }

  @Mutation(() => StaffAccountWithPassword, { description: "Replaces the password with a one-time temporary password (returned once) to change at the next login; ends the account's sessions. Admin; audited." })
  async resetStaffPassword(@Arg("id", () => ID, { description: "Account id." }) id: string, @Ctx() ctx: RequestContext): Promise<StaffAccountWithPassword> {
    const actor = requireRole(ctx.actor, ADMIN);
    const result = await resetPassword(this.deps, { actor, id });
    return { account: toAccount(result.account), temporaryPassword: result.temporaryPassword };
  }

  @Mutation(() => Int, { description: "Ends one session of an account (sessionId) or all of them: their requests are refused and WebSockets closed at once. Returns how many ended. Admin; audited." })
  async endStaffSessions(
    @Arg("accountId", () => ID, { description: "Account id." }) accountId: string,
    @Arg("sessionId", () => ID, { nullable: true, description: "One session; omit to end all." }) sessionId: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<number> {
    const actor = requireRole(ctx.actor, ADMIN);
    return endAccountSessions(this.services.dataSource, { actor, userId: accountId, sessionId });
  }

  @Mutation(() => AccountImportResult, {
    description:
      "Imports accounts from CSV (header: username,displayName,roles,unit,seat,team,leaderUnit; roles separated by ';'; units by code). All or nothing: dryRun checks every row and stores nothing; a real run with any bad row fails with ACCOUNTS/IMPORT_INVALID (extensions.rows) and stores nothing. At most 500 rows. Admin; audited.",
  })
  async importStaffAccounts(
    @Arg("csv", { description: "The CSV text (UTF-8)." }) csv: string,
    @Arg("dryRun", { description: "Only check (true) or import (false)." }) dryRun: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<AccountImportResult> {
    const actor = requireRole(ctx.actor, ADMIN);
    const result = await importAccounts(this.deps, { actor, csv, dryRun });
    ctx.log.info({ dryRun, rows: result.rows.length, imported: result.imported }, "staff accounts import");
    return {
      dryRun: result.dryRun,
      imported: result.imported,
      badRows: result.rows.filter((row) => row.errors.length > 0).length,
      rows: result.rows.map((row) => ({ line: row.line, username: row.username, problems: row.errors.map((e) => ({ field: e.field, code: e.code ?? "INVALID", message: e.message })) })),
      created: result.created,
    };
  }

  @Mutation(() => Viewer, { description: "Changes the signed-in person's own password (required after a reset before anything else). Other sessions of the person end. Staff." })
  async changeMyPassword(@Arg("input", () => ChangeMyPasswordInput, { description: "Current and new password." }) input: ChangeMyPasswordInput, @Ctx() ctx: RequestContext): Promise<Viewer> {
    if (!ctx.actor || ctx.actor.kind !== "staff") {
      throw new UnauthenticatedError();
    }
    if (ctx.actor.roles.length > 0) {
      requireRole(ctx.actor, STAFF_ROLES);
    }
    const token = ctx.session.currentToken();
    const user = await changeOwnPassword(this.services.dataSource, { actor: ctx.actor, sessionId: token ? hashToken(token) : null, ...input });
    return toViewer(user);
  }
}
