import { Area, Category, RequestType } from "@civicline/intake";
import { Role, assertNoFieldErrors, recordEvent, requireRole, type Actor, type FieldError } from "@civicline/platform";
import type { DataSource, EntityManager } from "typeorm";
import { MAX_ASSISTING_UNITS, loadUnits } from "../dispatch/dispatch-core.js";
import { TEXT_LIMITS, isUuid, ruleNotFound } from "../routing.errors.js";
import { RoutingEvent } from "../routing.events.js";
import { DispatchRuleVersion } from "./dispatch-rule-version.entity.js";
import { DispatchRule } from "./dispatch-rule.entity.js";
import { foldText } from "./rule-matching.js";

/** Who edits the dispatch catalogue. */
export const RULE_EDITORS: readonly Role[] = [Role.ADMIN, Role.SUPERVISOR];
/** Who reads it. */
export const RULE_READERS: readonly Role[] = [Role.ADMIN, Role.SUPERVISOR, Role.DISPATCHER];

/** A rule as the editor sends it (GraphQL DispatchRuleInput). */
export type DispatchRuleRequest = {
  categoryId?: string | null;
  areaId?: string | null;
  requestType?: RequestType | null;
  keywords?: readonly string[] | null;
  leadUnitId: string;
  assistingUnitIds?: readonly string[] | null;
  autoDispatch?: boolean | null;
};

type CleanRule = Pick<DispatchRule, "categoryId" | "areaId" | "requestType" | "keywords" | "leadUnitId" | "assistingUnitIds" | "autoDispatch">;

async function validateRule(manager: EntityManager, request: DispatchRuleRequest): Promise<CleanRule> {
  const errors: FieldError[] = [];
  const categoryId = request.categoryId || null;
  const areaId = request.areaId || null;
  if (!categoryId && !areaId) {
    errors.push({ field: "categoryId", code: "REQUIRED", message: "Give a category or an area (or both): a rule for everything is not allowed." });
  }
  if (categoryId && !(isUuid(categoryId) && (await manager.exists(Category, { where: { id: categoryId, active: true } })))) {
    errors.push({ field: "categoryId", code: "UNKNOWN", message: "Choose a category from the list." });
  }
  if (areaId && !(isUuid(areaId) && (await manager.exists(Area, { where: { id: areaId } })))) {
    errors.push({ field: "areaId", code: "UNKNOWN", message: "Choose an area from the list." });
  }
  if (request.requestType && !Object.values(RequestType).includes(request.requestType)) {
    errors.push({ field: "requestType", code: "INVALID_FORMAT", message: "Choose a request type from the list." });
  }
  const keywords = [...new Set((request.keywords ?? []).map(foldText).filter((keyword) => keyword.length > 0))];
  if (keywords.length > TEXT_LIMITS.keywords) {
    errors.push({ field: "keywords", code: "TOO_LONG", message: `Give at most ${TEXT_LIMITS.keywords} keywords.` });
  } else if (keywords.some((keyword) => [...keyword].length > TEXT_LIMITS.keyword)) {
    errors.push({ field: "keywords", code: "TOO_LONG", message: `Keep each keyword under ${TEXT_LIMITS.keyword} characters.` });
  }
  const assistingUnitIds = [...new Set(request.assistingUnitIds ?? [])];
  if (!isUuid(request.leadUnitId)) {
    errors.push({ field: "leadUnitId", code: "REQUIRED", message: "Choose the lead unit." });
  }
  if (assistingUnitIds.length > MAX_ASSISTING_UNITS || assistingUnitIds.some((id) => !isUuid(id))) {
    errors.push({ field: "assistingUnitIds", code: "INVALID_FORMAT", message: `Choose at most ${MAX_ASSISTING_UNITS} assisting units from the list.` });
  } else if (assistingUnitIds.includes(request.leadUnitId)) {
    errors.push({ field: "assistingUnitIds", code: "SAME_UNIT", message: "The lead unit cannot also assist." });
  }
  assertNoFieldErrors(errors);
  await loadUnits(manager, { leadUnitId: request.leadUnitId, assistingUnitIds });
  return { categoryId, areaId, requestType: request.requestType ?? null, keywords, leadUnitId: request.leadUnitId, assistingUnitIds, autoDispatch: !!request.autoDispatch };
}

/**
 * Creates a rule (`id` null) or changes one, as a new version: the rule row holds the latest, and
 * every version is kept in routing_dispatch_rule_version with who saved it and when. `db` may be
 * a manager already in a transaction (the seed): the change then joins it.
 */
export async function saveDispatchRule(
  db: DataSource | EntityManager,
  input: { actor: Actor | null; id?: string | null; request: DispatchRuleRequest; now?: Date },
): Promise<DispatchRule> {
  const actor = requireRole(input.actor, RULE_EDITORS);
  const work = async (manager: EntityManager): Promise<DispatchRule> => {
    const clean = await validateRule(manager, input.request);
    let rule: DispatchRule;
    if (input.id) {
      const existing = isUuid(input.id) ? await manager.findOne(DispatchRule, { where: { id: input.id }, lock: { mode: "pessimistic_write" } }) : null;
      if (!existing) {
        throw ruleNotFound();
      }
      rule = Object.assign(existing, clean, { version: existing.version + 1 });
    } else {
      rule = manager.create(DispatchRule, { ...clean, version: 1 });
    }
    Object.assign(rule, { updatedAt: input.now ?? new Date(), updatedById: actor.id, updatedByName: actor.name });
    rule = await manager.save(rule);
    const { id: ruleId, ...snapshot } = rule;
    await manager.insert(DispatchRuleVersion, { ...snapshot, ruleId });
    await recordEvent(manager, { type: RoutingEvent.RULE_SAVED, payload: { ruleId, version: rule.version }, actorId: actor.id });
    return rule;
  };
  return db.transaction(work);
}

/** The catalogue, most recently changed first. */
export async function listDispatchRules(dataSource: DataSource, actor: Actor | null): Promise<DispatchRule[]> {
  requireRole(actor, RULE_READERS);
  return dataSource.getRepository(DispatchRule).find({ order: { updatedAt: "DESC", id: "ASC" } });
}

/** Every version of a rule, newest first. */
export async function dispatchRuleHistory(dataSource: DataSource, input: { actor: Actor | null; id: string }): Promise<DispatchRuleVersion[]> {
  requireRole(input.actor, RULE_READERS);
  const versions = isUuid(input.id)
    ? await dataSource.getRepository(DispatchRuleVersion).find({ where: { ruleId: input.id }, order: { version: "DESC" } })
    : [];
  if (versions.length === 0) {
    throw ruleNotFound();
  }
  return versions;
}
