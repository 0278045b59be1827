import { Area } from "@civicline/intake";
import { Role, User, ValidationError, assertNoFieldErrors, recordEvent, requireRole, type Actor, type FieldError } from "@civicline/platform";
import { ArrayContains, type DataSource, type EntityManager } from "typeorm";
import { isUuid, optionalText, requiredText, unitNotFound } from "../routing.errors.js";
import { RoutingEvent } from "../routing.events.js";
import { Unit, type UnitKindValue } from "./unit.entity.js";

/** Who edits the unit directory. */
export const UNIT_EDITORS: readonly Role[] = [Role.ADMIN];
/** Who reads the whole directory, inactive units and staff included. */
export const UNIT_DIRECTORY_READERS: readonly Role[] = [Role.ADMIN, Role.SUPERVISOR];

const UNIT_KINDS: readonly UnitKindValue[] = ["CITY_CENTRE", "BUREAU", "DISTRICT_GOVERNMENT", "TOWNSHIP_OFFICE", "OTHER"];
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const PHONE = /^\+?[0-9][0-9 ()-]*[0-9]$/;
const LIMITS = { code: 40, name: 100, phone: 30 } as const;
/** Serialises parent changes so that two concurrent saves cannot build a cycle together. */
const TREE_LOCK = "SELECT pg_advisory_xact_lock(hashtext('routing_unit_tree'))";

/** A unit as the admin sends it (GraphQL UnitInput). */
export type UnitRequest = {
  code: string;
  nameZh: string;
  nameEn: string;
  kind: UnitKindValue | string;
  areaId?: string | null;
  parentId?: string | null;
  contactPhone?: string | null;
  active?: boolean | null;
};

type CleanUnit = Pick<Unit, "code" | "nameZh" | "nameEn" | "kind" | "areaId" | "parentId" | "contactPhone" | "active">;
const FIELDS: ReadonlyArray<keyof CleanUnit> = ["code", "nameZh", "nameEn", "kind", "areaId", "parentId", "contactPhone", "active"];

/** Whether `ancestorId` is `unitId` itself or one of the ancestors of `unitId`. */
async function isSelfOrAncestor(manager: EntityManager, unitId: string, ancestorId: string): Promise<boolean> {
  const rows: Array<{ id: string }> = await manager.query(
    `WITH RECURSIVE chain(id, parent_id, depth) AS (
       SELECT id, parent_id, 0 FROM routing_unit WHERE id = $1
       UNION ALL
       SELECT u.id, u.parent_id, c.depth + 1 FROM routing_unit u JOIN chain c ON u.id = c.parent_id WHERE c.depth < 64
     )
     SELECT id FROM chain WHERE id = $2 LIMIT 1`,
    [unitId, ancestorId],
  );
  return rows.length > 0;
}

async function validateUnit(manager: EntityManager, id: string | null, request: UnitRequest): Promise<CleanUnit> {
  const errors: FieldError[] = [];
  const code = requiredText(errors, "code", request.code, { max: LIMITS.code, label: "Code", kind: "line" });
  if (code && [...code].length <= LIMITS.code && !CODE.test(code)) {
    errors.push({ field: "code", code: "INVALID_FORMAT", message: "Use letters, digits, '-', '_' or '.' in the code, e.g. BUR-EDU." });
  }
  const nameZh = requiredText(errors, "nameZh", request.nameZh, { max: LIMITS.name, label: "Chinese name", kind: "line" });
  const nameEn = requiredText(errors, "nameEn", request.nameEn, { max: LIMITS.name, label: "English name", kind: "line" });
  const kind = request.kind as UnitKindValue;
  if (!UNIT_KINDS.includes(kind)) {
    errors.push({ field: "kind", code: "INVALID_FORMAT", message: "Choose a kind of unit from the list." });
  }
  const areaId = request.areaId || null;
  if (areaId && !(isUuid(areaId) && (await manager.exists(Area, { where: { id: areaId } })))) {
    errors.push({ field: "areaId", code: "UNKNOWN", message: "Choose an area from the list." });
  }
  const parentId = request.parentId || null;
  if (parentId && !(isUuid(parentId) && (await manager.exists(Unit, { where: { id: parentId } })))) {
    errors.push({ field: "parentId", code: "UNKNOWN", message: "Choose a parent unit from the list." });
  } else if (parentId && id && (await isSelfOrAncestor(manager, parentId, id))) {
    errors.push({ field: "parentId", code: "CYCLE", message: "A unit cannot sit under itself or one of its own sub-units." });
  }
  const contactPhone = optionalText(errors, "contactPhone", request.contactPhone, { max: LIMITS.phone, label: "Contact phone" });
  if (contactPhone && [...contactPhone].length <= LIMITS.phone && !PHONE.test(contactPhone)) {
    errors.push({ field: "contactPhone", code: "INVALID_FORMAT", message: "Enter a telephone number, e.g. 0533-12345 or 13912345678." });
  }
  if (code && (await manager.createQueryBuilder(Unit, "unit").where("lower(unit.code) = lower(:code)", { code }).andWhere(id ? "unit.id <> :id" : "true", { id }).getExists())) {
    errors.push({ field: "code", code: "DUPLICATE", message: "Another unit already has this code." });
  }
  assertNoFieldErrors(errors);
  return { code, nameZh, nameEn, kind, areaId, parentId, contactPhone, active: request.active ?? true };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "23505";
}

/**
 * Creates a unit (`id` null) or changes one. Admins only. Every save records a
 * `routing.unit_changed` event with who saved it and each changed field's old and new value.
 */
export async function saveUnit(db: DataSource | EntityManager, input: { actor: Actor | null; id?: string | null; request: UnitRequest }): Promise<Unit> {
  const actor = requireRole(input.actor, UNIT_EDITORS);
  const id = input.id ?? null;
  const work = async (manager: EntityManager): Promise<Unit> => {
    await manager.query(TREE_LOCK);
    const existing = id ? (isUuid(id) ? await manager.findOne(Unit, { where: { id }, lock: { mode: "pessimistic_write" } }) : null) : null;
    if (id && !existing) {
      throw unitNotFound("id");
    }
    const clean = await validateUnit(manager, id, input.request);
    const before: Partial<CleanUnit> = existing ? { ...existing } : {};
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const field of FIELDS) {
      if ((before[field] ?? null) !== clean[field]) {
        changes[field] = { from: before[field] ?? null, to: clean[field] };
      }
    }
    let unit: Unit;
    try {
      unit = await manager.save(existing ? Object.assign(existing, clean) : manager.create(Unit, clean));
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ValidationError([{ field: "code", code: "DUPLICATE", message: "Another unit already has this code." }]);
      }
      throw error;
    }
    if (!existing || Object.keys(changes).length > 0) {
      await recordEvent(manager, {
        type: RoutingEvent.UNIT_CHANGED,
        payload: { unitId: unit.id, code: unit.code, created: !existing, changes, changedById: actor.id, changedByName: actor.name },
        actorId: actor.id,
      });
    }
    return unit;
  };
  return db.transaction(work);
}

/** Every unit, inactive ones included, in code order. Admins and supervisors. */
export async function listUnitDirectory(dataSource: DataSource, actor: Actor | null): Promise<Unit[]> {
  requireRole(actor, UNIT_DIRECTORY_READERS);
  return dataSource.getRepository(Unit).find({ order: { kind: "ASC", code: "ASC" } });
}

/** The handler accounts of a unit, by name. Admins and supervisors. */
export async function listUnitStaff(dataSource: DataSource, input: { actor: Actor | null; unitId: string }): Promise<User[]> {
  requireRole(input.actor, UNIT_DIRECTORY_READERS);
  if (!isUuid(input.unitId) || !(await dataSource.getRepository(Unit).exists({ where: { id: input.unitId } }))) {
    throw unitNotFound("unitId");
  }
  return dataSource.getRepository(User).find({
    where: { unitId: input.unitId, roles: ArrayContains([Role.HANDLER]) },
    order: { displayName: "ASC", username: "ASC" },
  });
}
