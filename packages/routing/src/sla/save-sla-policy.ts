import { Category, RequestType, Urgency } from "@civicline/intake";
import { DomainError, Role, STAFF_ROLES, assertNoFieldErrors, requireRole, type Actor, type FieldError } from "@civicline/platform";
import { IsNull, type DataSource, type EntityManager } from "typeorm";
import { isUuid } from "../routing.errors.js";
import { SlaPolicy } from "./sla-policy.entity.js";

/** Who changes time limits. */
export const SLA_EDITORS: readonly Role[] = [Role.ADMIN];
/** The longest limit accepted: 60 working days of 450 minutes. */
export const MAX_LIMIT_MINUTES = 60 * 450;

export type SlaPolicyRequest = {
  requestType?: RequestType | null;
  categoryId?: string | null;
  urgency?: Urgency | null;
  dispatchMinutes: number;
  signForMinutes: number;
  completionMinutes: number;
  nearDuePercent?: number | null;
  aroundTheClock?: boolean | null;
};

function minutes(errors: FieldError[], field: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min || value > MAX_LIMIT_MINUTES) {
    errors.push({ field, code: "OUT_OF_RANGE", message: `Give ${min} to ${MAX_LIMIT_MINUTES} minutes.` });
  }
}

/**
 * Creates (`id` null) or changes an SLA policy (admins). One policy per request type × category ×
 * urgency combination. Changes apply to tickets dispatched afterwards: an assignment keeps the
 * limits it was dispatched with.
 */
export async function saveSlaPolicy(
  db: DataSource | EntityManager,
  input: { actor: Actor | null; id?: string | null; request: SlaPolicyRequest },
): Promise<SlaPolicy> {
  const actor = requireRole(input.actor, SLA_EDITORS);
  const { request } = input;
  const errors: FieldError[] = [];
  minutes(errors, "dispatchMinutes", request.dispatchMinutes, 0);
  minutes(errors, "signForMinutes", request.signForMinutes, 0);
  minutes(errors, "completionMinutes", request.completionMinutes, 1);
  const nearDuePercent = request.nearDuePercent ?? 80;
  if (!Number.isInteger(nearDuePercent) || nearDuePercent < 1 || nearDuePercent > 99) {
    errors.push({ field: "nearDuePercent", code: "OUT_OF_RANGE", message: "Give a share between 1 and 99 %." });
  }
  if (request.requestType && !Object.values(RequestType).includes(request.requestType)) {
    errors.push({ field: "requestType", code: "INVALID_FORMAT", message: "Choose a request type from the list." });
  }
  if (request.urgency && !Object.values(Urgency).includes(request.urgency)) {
    errors.push({ field: "urgency", code: "INVALID_FORMAT", message: "Choose an urgency from the list." });
  }
  assertNoFieldErrors(errors);
  return db.transaction(async (manager) => {
    const categoryId = request.categoryId || null;
    if (categoryId && !(isUuid(categoryId) && (await manager.exists(Category, { where: { id: categoryId } })))) {
      assertNoFieldErrors([{ field: "categoryId", code: "UNKNOWN", message: "Choose a category from the list." }]);
    }
    const requestType = request.requestType ?? null;
    const urgency = request.urgency ?? null;
    const twin = await manager.findOne(SlaPolicy, {
      where: { requestType: requestType ?? IsNull(), categoryId: categoryId ?? IsNull(), urgency: urgency ?? IsNull() },
    });
    if (twin && twin.id !== input.id) {
      assertNoFieldErrors([{ field: "requestType", code: "DUPLICATE", message: "A policy for this request type, category and urgency exists; change that one." }]);
    }
    let policy = manager.create(SlaPolicy, {});
    if (input.id) {
      const existing = isUuid(input.id) ? await manager.findOne(SlaPolicy, { where: { id: input.id } }) : null;
      if (!existing) {
        throw new DomainError("ROUTING/SLA_POLICY_NOT_FOUND", "This time-limit policy does not exist.");
      }
      policy = existing;
    }
    Object.assign(policy, {
      requestType,
      categoryId,
      urgency,
      dispatchMinutes: request.dispatchMinutes,
      signForMinutes: request.signForMinutes,
      completionMinutes: request.completionMinutes,
      nearDuePercent,
      aroundTheClock: !!request.aroundTheClock,
      updatedAt: new Date(),
      updatedByName: actor.name,
    });
    return manager.save(policy);
  });
}

/** Every SLA policy (staff may read them: the workbench shows where limits come from). */
export async function listSlaPolicies(dataSource: DataSource, actor: Actor | null): Promise<SlaPolicy[]> {
  requireRole(actor, STAFF_ROLES);
  return dataSource.getRepository(SlaPolicy).find({ order: { urgency: "ASC", requestType: "ASC", categoryId: "ASC" } });
}
