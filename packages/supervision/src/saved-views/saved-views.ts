import { ConflictError, DomainError, ValidationError, type Actor } from "@civicline/platform";
import type { DataSource } from "typeorm";
import { searchScope, checkSearch } from "../search/ticket-search.js";
import type { SearchSort, TicketSearchFilterInput } from "../search/search-filter.js";
import { SavedView } from "./saved-view.entity.js";

export const SavedViewErrorCode = {
  NOT_FOUND: "SUPERVISION/SAVED_VIEW_NOT_FOUND",
  NAME_TAKEN: "SUPERVISION/SAVED_VIEW_NAME_TAKEN",
  TOO_MANY: "SUPERVISION/SAVED_VIEW_LIMIT",
} as const;

/** Saved views a user may keep. */
export const MAX_SAVED_VIEWS = 50;
const MAX_NAME = 60;
const SORTS: readonly SearchSort[] = ["RECEIVED_DESC", "RECEIVED_ASC", "DUE_ASC"];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type SavedViewRequest = { id?: string | null; name: string; filter: TicketSearchFilterInput | null; sort?: SearchSort | null };

/** Criteria holding enum values: stored by their GraphQL names (DISPATCHED), so a client can send them back as they are. */
const ENUM_LISTS = new Set(["statuses", "requestTypes", "channels", "urgencies"]);

/** Keeps only the criteria that are set, dates as ISO strings, enums by GraphQL name: what is stored and given back. */
function storedFilter(filter: TicketSearchFilterInput | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter ?? {})) {
    if (value === null || value === undefined || value === "" || value === false || (Array.isArray(value) && value.length === 0)) {
      continue;
    }
    if (typeof value === "object" && !Array.isArray(value)) {
      const range = value as { from?: Date | string | null; to?: Date | string | null };
      const from = range.from ? new Date(range.from).toISOString() : null;
      const to = range.to ? new Date(range.to).toISOString() : null;
      if (from || to) {
        out[key] = { from, to };
      }
      continue;
    }
    out[key] = ENUM_LISTS.has(key) && Array.isArray(value) ? value.map((item) => String(item).toUpperCase()) : value;
  }
  return out;
}

/** The user's saved views, by name. */
export async function listSavedViews(db: DataSource, actor: Actor | null): Promise<SavedView[]> {
  const scope = searchScope(actor);
  return db.getRepository(SavedView).find({ where: { ownerId: scope.actor.id }, order: { name: "ASC" } });
}

/**
 * Creates (no id) or renames/changes (id of one of the user's views) a saved view. The filter is
 * checked like a search (a bad one is refused with the same coded errors); nothing is stored then.
 */
export async function saveSavedView(db: DataSource, actor: Actor | null, request: SavedViewRequest): Promise<SavedView> {
  const scope = searchScope(actor);
  const name = (request.name ?? "").trim();
  const fields = [];
  if (!name) {
    fields.push({ field: "name", code: "REQUIRED", message: "Give the view a name." });
  } else if ([...name].length > MAX_NAME) {
    fields.push({ field: "name", code: "TOO_LONG", message: `A view's name has at most ${MAX_NAME} characters.` });
  }
  const sort = request.sort ?? "RECEIVED_DESC";
  if (!SORTS.includes(sort)) {
    fields.push({ field: "sort", code: "INVALID_FORMAT", message: "Choose a sort order from the list." });
  }
  if (fields.length > 0) {
    throw new ValidationError(fields);
  }
  checkSearch(scope, request.filter);
  const filter = { ...storedFilter(request.filter), sort };
  return db.transaction(async (manager) => {
    const views = manager.getRepository(SavedView);
    const clash = await views.findOne({ where: { ownerId: scope.actor.id, name } });
    if (request.id) {
      const view = UUID.test(request.id) ? await views.findOne({ where: { id: request.id, ownerId: scope.actor.id } }) : null;
      if (!view) {
        throw new DomainError(SavedViewErrorCode.NOT_FOUND, "This saved view does not exist (or is not yours).");
      }
      if (clash && clash.id !== view.id) {
        throw new DomainError(SavedViewErrorCode.NAME_TAKEN, "You already have a view with this name.");
      }
      view.name = name;
      view.filter = filter;
      return views.save(view);
    }
    if (clash) {
      throw new DomainError(SavedViewErrorCode.NAME_TAKEN, "You already have a view with this name.");
    }
    const count = await views.count({ where: { ownerId: scope.actor.id } });
    if (count >= MAX_SAVED_VIEWS) {
      throw new DomainError(SavedViewErrorCode.TOO_MANY, `You can keep at most ${MAX_SAVED_VIEWS} saved views; delete one first.`);
    }
    try {
      return await views.save(views.create({ ownerId: scope.actor.id, name, filter }));
    } catch (error) {
      if ((error as { code?: string }).code === "23505") {
        throw new ConflictError("You already have a view with this name.");
      }
      throw error;
    }
  });
}

/** Deletes one of the user's views (SUPERVISION/SAVED_VIEW_NOT_FOUND for another user's). */
export async function deleteSavedView(db: DataSource, actor: Actor | null, id: string): Promise<boolean> {
  const scope = searchScope(actor);
  if (!UUID.test(id)) {
    throw new DomainError(SavedViewErrorCode.NOT_FOUND, "This saved view does not exist (or is not yours).");
  }
  const result = await db.getRepository(SavedView).delete({ id, ownerId: scope.actor.id });
  if (!result.affected) {
    throw new DomainError(SavedViewErrorCode.NOT_FOUND, "This saved view does not exist (or is not yours).");
  }
  return true;
}
