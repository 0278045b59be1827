import type { FieldError } from "../errors.js";
import type { Actor } from "../auth/actor.js";
import { recordAudit } from "../audit/audit.js";
import { checkAccountFields, type AccountFields } from "./account-input.js";
import { AccountsErrors } from "./accounts.errors.js";
import { parseCsv } from "./csv.js";
import { createAccount, type AccountsDeps } from "./manage-accounts.js";

/** bcrypt hashes each temporary password (~0.1 s): 500 rows take about a minute. */
export const IMPORT_MAX_ROWS = 500;
export const IMPORT_MAX_BYTES = 1_000_000;

/** Column names a file may use (English or Chinese headers), mapped to the account's fields. */
const COLUMNS: Record<string, keyof AccountFields> = {
  username: "username",
  用户名: "username",
  displayname: "displayName",
  name: "displayName",
  姓名: "displayName",
  roles: "roles",
  role: "roles",
  角色: "roles",
  unit: "unitCode",
  unitcode: "unitCode",
  单位: "unitCode",
  单位编码: "unitCode",
  seat: "seat",
  座席: "seat",
  team: "team",
  班组: "team",
  leaderunit: "leaderUnitCode",
  leaderunitcode: "leaderUnitCode",
  领导单位: "leaderUnitCode",
};

export type ImportRow = { line: number; username: string; errors: FieldError[] };
export type ImportResult = { dryRun: boolean; rows: ImportRow[]; imported: number; created: Array<{ username: string; temporaryPassword: string }> };

function readRows(csv: string): Array<{ line: number; fields: AccountFields }> {
  if (Buffer.byteLength(csv, "utf8") > IMPORT_MAX_BYTES) {
    throw AccountsErrors.badFile("The file is larger than 1 MB; split it.");
  }
  let records: Array<{ line: number; fields: string[] }>;
  try {
    records = parseCsv(csv);
  } catch (error) {
    throw AccountsErrors.badFile((error as Error).message);
  }
  const [header, ...rows] = records;
  if (!header) {
    throw AccountsErrors.badFile("The file is empty; the first line names the columns (username,displayName,roles,unit,seat,team,leaderUnit).");
  }
  const columns = header.fields.map((name) => COLUMNS[name.trim().toLowerCase().replace(/[\s_-]/g, "")] ?? null);
  const unknown = header.fields.filter((_, i) => columns[i] === null);
  if (unknown.length > 0 || !columns.includes("username") || !columns.includes("displayName") || !columns.includes("roles")) {
    throw AccountsErrors.badFile(
      `The first line must name the columns username, displayName and roles (and optionally unit, seat, team, leaderUnit)${unknown.length ? `; unknown: ${unknown.join(", ")}` : ""}.`,
    );
  }
  if (rows.length === 0) {
    throw AccountsErrors.badFile("The file has no accounts below its header line.");
  }
  if (rows.length > IMPORT_MAX_ROWS) {
    throw AccountsErrors.badFile(`A file can hold at most ${IMPORT_MAX_ROWS} accounts.`);
  }
  return rows.map(({ line, fields }) => {
    const account: AccountFields = { username: "", displayName: "", roles: [] };
    columns.forEach((column, i) => {
      const value = (fields[i] ?? "").trim();
      if (column === "roles") {
        account.roles = value.split(/[;|、,，\s]+/u).filter((role) => role !== "");
      } else if (column) {
        (account as Record<string, unknown>)[column] = value || null;
      }
    });
    account.username ??= "";
    account.displayName ??= "";
    return { line, fields: account };
  });
}

/**
 * Imports staff accounts from CSV, all or nothing: every row is checked (and the same username twice
 * in the file is a bad row); a dry run reports every row and stores nothing; a real run with any bad
 * row stores nothing and fails with ACCOUNTS/IMPORT_INVALID listing them; otherwise every account is
 * created in one transaction with a temporary password (returned once), one audit entry each plus
 * one for the import.
 */
export async function importAccounts(deps: AccountsDeps, options: { actor: Actor; csv: string; dryRun: boolean }): Promise<ImportResult> {
  const rows = readRows(options.csv);
  return deps.dataSource.transaction(async (manager) => {
    const seen = new Map<string, number>();
    const report: ImportRow[] = [];
    const seats = new Map<string, number>();
    for (const row of rows) {
      const { values, errors } = await checkAccountFields(manager, deps.units, row.fields);
      const first = seen.get(values.username);
      if (values.username && first !== undefined) {
        errors.push({ field: "username", code: "DUPLICATE_IN_FILE", message: `The username ${values.username} is also on line ${first}.` });
      }
      const seatLine = values.seat ? seats.get(values.seat) : undefined;
      if (values.seat && seatLine !== undefined) {
        errors.push({ field: "seat", code: "DUPLICATE_IN_FILE", message: `Seat ${values.seat} is also on line ${seatLine}.` });
      }
      seen.set(values.username, seen.get(values.username) ?? row.line);
      if (values.seat) {
        seats.set(values.seat, seats.get(values.seat) ?? row.line);
      }
      report.push({ line: row.line, username: values.username, errors });
    }
    const bad = report.filter((row) => row.errors.length > 0);
    if (options.dryRun) {
      return { dryRun: true, rows: report, imported: 0, created: [] };
    }
    if (bad.length > 0) {
      throw AccountsErrors.importInvalid(bad.map(({ line, errors }) => ({ line, errors })));
    }
    const created: ImportResult["created"] = [];
    for (const row of rows) {
      const result = await createAccount(deps, { actor: options.actor, input: row.fields, manager });
      created.push({ username: result.account.username, temporaryPassword: result.temporaryPassword });
    }
    await recordAudit(manager, { actor: options.actor, action: "account.import", entity: { type: "account", label: `${created.length} accounts` }, after: { usernames: created.map((c) => c.username) } });
    return { dryRun: false, rows: report, imported: created.length, created };
  });
}
