import { Not, type EntityManager } from "typeorm";
import { Role } from "../auth/roles.js";
import { User } from "../auth/user.entity.js";
import type { FieldError } from "../errors.js";
import { normalizeText, textProblem } from "../text.js";
import type { UnitDirectory } from "./unit-directory.js";

/** What an admin says about an account (create, edit, a CSV row). Roles and units are checked here. */
export type AccountFields = {
  username: string;
  displayName: string;
  roles: readonly string[];
  /** A handler's unit by id (the form) … */
  unitId?: string | null;
  /** … or by code (a CSV row). */
  unitCode?: string | null;
  seat?: string | null;
  team?: string | null;
  leaderUnitId?: string | null;
  leaderUnitCode?: string | null;
};

/** The checked values as stored. */
export type AccountValues = {
  username: string;
  displayName: string;
  roles: Role[];
  unitId: string | null;
  seat: string | null;
  team: string | null;
  leaderUnitId: string | null;
};

export const ACCOUNT_LIMITS = { username: { min: 3, max: 32 }, displayName: 60, seat: 16, team: 40 } as const;

const USERNAME = /^[a-z0-9][a-z0-9._-]*$/;
const SEAT = /^[A-Za-z0-9-]+$/;
/** Roles a staff account may hold (an integrator is an API key, not an account). */
export const ACCOUNT_ROLES: readonly Role[] = Object.values(Role).filter((role) => role !== Role.INTEGRATOR);

/** A role named by its GraphQL name (HANDLER) or stored value (handler), or null when there is no such role. */
export function parseRole(name: string): Role | null {
  const key = name.trim().toUpperCase() as keyof typeof Role;
  const role = Object.prototype.hasOwnProperty.call(Role, key) ? Role[key] : null;
  return role && ACCOUNT_ROLES.includes(role) ? role : null;
}

function optionalLine(errors: FieldError[], field: string, value: string | null | undefined, max: number, label: string): string | null {
  if (value === null || value === undefined) {
    return null;
  }
  const text = normalizeText(value);
  if (!text) {
    return null;
  }
  const problem = textProblem(text, "line");
  if (problem) {
    errors.push({ field, code: "INVALID_CHARACTERS", message: `${label} ${problem}.` });
  } else if ([...text].length > max) {
    errors.push({ field, code: "TOO_LONG", message: `${label} can be at most ${max} characters.` });
  }
  return text;
}

async function resolveUnit(
  manager: EntityManager,
  units: UnitDirectory | undefined,
  errors: FieldError[],
  field: string,
  key: { id?: string | null; code?: string | null },
  keep: readonly (string | null)[] = [],
): Promise<string | null> {
  const id = key.id?.trim() || null;
  const code = key.code?.trim() || null;
  if (!id && !code) {
    return null;
  }
  const found = units ? await units(manager, id ? { ids: [id] } : { codes: [code!] }) : [];
  const unit = found[0];
  if (!unit) {
    errors.push({ field, code: "UNKNOWN_UNIT", message: `There is no unit ${id ?? code}.` });
    return null;
  }
  // A unit deactivated since it was given stays acceptable on the account that has it (an edit of the name must not fail on it).
  if (!unit.active && !keep.includes(unit.id)) {
    errors.push({ field, code: "INACTIVE_UNIT", message: `The unit ${unit.nameZh} is no longer active.` });
    return null;
  }
  return unit.id;
}

/**
 * Checks an account's fields and returns the values to store with every problem found (all at
 * once, for the form or the CSV report): username format and uniqueness (`existingId` is the account
 * being edited), name, known roles, a handler's unit (required, existing, active), a leader's unit,
 * a seat no other active account holds, a team. A unit is kept only with the role that uses it.
 */
export async function checkAccountFields(
  manager: EntityManager,
  units: UnitDirectory | undefined,
  input: AccountFields,
  options: { existingId?: string; keepUnitIds?: readonly (string | null)[] } = {},
): Promise<{ values: AccountValues; errors: FieldError[] }> {
  const errors: FieldError[] = [];
  const username = normalizeText(input.username ?? "").toLowerCase();
  if (!username) {
    errors.push({ field: "username", code: "REQUIRED", message: "Enter a username." });
  } else if (username.length < ACCOUNT_LIMITS.username.min || username.length > ACCOUNT_LIMITS.username.max) {
    errors.push({ field: "username", code: username.length < ACCOUNT_LIMITS.username.min ? "TOO_SHORT" : "TOO_LONG", message: "A username has 3 to 32 characters." });
  } else if (!USERNAME.test(username)) {
    errors.push({ field: "username", code: "INVALID_FORMAT", message: "A username uses lower-case letters, digits, dots, hyphens and underscores, and starts with a letter or digit." });
  } else {
    const taken = await manager.getRepository(User).exists({ where: { username, ...(options.existingId ? { id: Not(options.existingId) } : {}) } });
    if (taken) {
      errors.push({ field: "username", code: "TAKEN", message: `The username ${username} is already taken.` });
    }
  }

  const displayName = normalizeText(input.displayName ?? "");
  if (!displayName) {
    errors.push({ field: "displayName", code: "REQUIRED", message: "Enter the person's name." });
  } else {
    optionalLine(errors, "displayName", displayName, ACCOUNT_LIMITS.displayName, "The name");
  }

  const roles: Role[] = [];
  for (const name of input.roles ?? []) {
    const role = parseRole(name);
    if (!role) {
      errors.push({ field: "roles", code: "UNKNOWN_ROLE", message: `There is no role "${name}".` });
    } else if (!roles.includes(role)) {
      roles.push(role);
    }
  }
  if ((input.roles ?? []).length === 0) {
    errors.push({ field: "roles", code: "REQUIRED", message: "Give the account at least one role." });
  }

  let unitId: string | null = null;
  if (roles.includes(Role.HANDLER)) {
    if (!input.unitId?.trim() && !input.unitCode?.trim()) {
      errors.push({ field: "unitId", code: "REQUIRED_FOR_HANDLER", message: "A handler must belong to a unit; choose the unit." });
    } else {
      unitId = await resolveUnit(manager, units, errors, "unitId", { id: input.unitId, code: input.unitCode }, options.keepUnitIds);
    }
  }
  const leaderUnitId = roles.includes(Role.LEADER)
    ? await resolveUnit(manager, units, errors, "leaderUnitId", { id: input.leaderUnitId, code: input.leaderUnitCode }, options.keepUnitIds)
    : null;

  const seat = optionalLine(errors, "seat", input.seat, ACCOUNT_LIMITS.seat, "The seat");
  if (seat && !errors.some((e) => e.field === "seat")) {
    if (!SEAT.test(seat)) {
      errors.push({ field: "seat", code: "INVALID_FORMAT", message: "A seat is letters, digits and hyphens (A01)." });
    } else {
      const holder = await manager
        .getRepository(User)
        .findOne({ where: { seat, active: true, ...(options.existingId ? { id: Not(options.existingId) } : {}) }, select: { id: true, username: true } });
      if (holder) {
        errors.push({ field: "seat", code: "TAKEN", message: `Seat ${seat} is already given to ${holder.username}.` });
      }
    }
  }
  const team = optionalLine(errors, "team", input.team, ACCOUNT_LIMITS.team, "The team");

  return { values: { username, displayName, roles, unitId, seat, team, leaderUnitId }, errors };
}

/** What the audit log keeps of an account (never its password hash). */
export function accountSnapshot(user: User): Record<string, unknown> {
  return {
    username: user.username,
    displayName: user.displayName,
    roles: [...user.roles],
    unitId: user.unitId,
    seat: user.seat,
    team: user.team,
    leaderUnitId: user.leaderUnitId,
    active: user.active,
    mustChangePassword: user.mustChangePassword,
  };
}
