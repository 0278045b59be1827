import { hasAnyRole, Role, STAFF_ROLES, type Actor } from "@civicline/platform";
import type { Article } from "./article.entity.js";
import { ArticleStatus } from "./article.enums.js";

/** May write articles (handlers only for articles their unit owns). */
export const EDITOR_ROLES: readonly Role[] = [Role.ADMIN, Role.SUPERVISOR, Role.HANDLER];
/** May review (never a version they wrote or edited). */
export const REVIEWER_ROLES: readonly Role[] = [Role.ADMIN, Role.SUPERVISOR];
/** May read the knowledge-base figures. */
export const STATS_ROLES: readonly Role[] = [Role.SUPERVISOR, Role.LEADER, Role.ADMIN];
/** May import and export articles. */
export const TRANSFER_ROLES: readonly Role[] = [Role.ADMIN, Role.SUPERVISOR];
/** Every staff role searches and reads. */
export const READER_ROLES: readonly Role[] = STAFF_ROLES;

type ArticleRef = { status: ArticleStatus; owningUnitId: string | null; authorId: string; createdBy?: string };

export function isStaff(actor: Actor | null | undefined): actor is Actor {
  return hasAnyRole(actor, STAFF_ROLES);
}

export function isReviewer(actor: Actor | null | undefined): boolean {
  return hasAnyRole(actor, REVIEWER_ROLES);
}

/** Reviewers and admins may write any article; a handler only those owned by their unit. */
export function mayWrite(actor: Actor | null | undefined, article: Pick<ArticleRef, "owningUnitId">): boolean {
  if (hasAnyRole(actor, [Role.ADMIN, Role.SUPERVISOR])) {
    return true;
  }
  return hasAnyRole(actor, [Role.HANDLER]) && !!actor!.unitId && actor!.unitId === article.owningUnitId;
}

/**
 * Staff read published articles (in force or not) and expired ones; drafts, articles in review and
 * archived ones only when they may write them (or review).
 */
export function mayRead(actor: Actor | null | undefined, article: ArticleRef): boolean {
  if (!isStaff(actor)) {
    return false;
  }
  if (article.status === ArticleStatus.PUBLISHED || article.status === ArticleStatus.EXPIRED) {
    return true;
  }
  return isReviewer(actor) || mayWrite(actor, article) || article.authorId === actor.id;
}

/** Adds a query parameter and returns its placeholder (`$3` for raw SQL, `:p3` for a query builder). */
export type ParamAdder = (value: unknown) => string;

/** A ParamAdder for raw SQL that appends to `params`. */
export function positional(params: unknown[]): ParamAdder {
  return (value) => {
    params.push(value);
    return `$${params.length}`;
  };
}

/**
 * The SQL condition (on alias `a`) for what `mayRead` allows: used by lists and editor searches so
 * that counts and pages agree with `mayRead`.
 */
export function readableCondition(actor: Actor, param: ParamAdder): string {
  if (isReviewer(actor)) {
    return "TRUE";
  }
  const me = param(actor.id);
  if (hasAnyRole(actor, [Role.HANDLER]) && actor.unitId) {
    return `(a.status IN ('PUBLISHED','EXPIRED') OR a.author_id = ${me} OR a.owning_unit_id = ${param(actor.unitId)})`;
  }
  return `(a.status IN ('PUBLISHED','EXPIRED') OR a.author_id = ${me})`;
}

/** Whether the viewer may see a published article's change under way: its editors, reviewers and its editor. */
export function mayReadChange(actor: Actor | null | undefined, article: Pick<Article, "owningUnitId" | "pendingAuthorId">): boolean {
  return isStaff(actor) && (isReviewer(actor) || mayWrite(actor, article) || article.pendingAuthorId === actor.id);
}

/** The SQL condition (alias `a`) for `mayReadChange`. */
export function changeVisibleCondition(actor: Actor, param: ParamAdder): string {
  if (isReviewer(actor)) {
    return "TRUE";
  }
  const me = param(actor.id);
  if (hasAnyRole(actor, [Role.HANDLER]) && actor.unitId) {
    return `(a.pending_author_id = ${me} OR a.owning_unit_id = ${param(actor.unitId)})`;
  }
  return `a.pending_author_id = ${me}`;
}
