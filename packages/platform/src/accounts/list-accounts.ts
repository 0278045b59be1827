import type { EntityManager } from "typeorm";
import { User } from "../auth/user.entity.js";
import { parseRole } from "./account-input.js";

export type AccountFilter = { query?: string | null; role?: string | null; unitId?: string | null; active?: boolean | null };

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Accounts for the admin list, by username, with the total. Role filter uses the GIN index on
 * roles, unit filter `platform_user_unit_idx`; the text filter matches username and name.
 */
export async function listAccounts(manager: EntityManager, filter: AccountFilter, page: { limit: number; offset: number }): Promise<{ items: User[]; total: number }> {
  const qb = manager.getRepository(User).createQueryBuilder("u");
  const text = filter.query?.trim().toLowerCase();
  if (text) {
    qb.andWhere("(u.username LIKE :pattern OR u.display_name ILIKE :pattern)", { pattern: `%${escapeLike(text)}%` });
  }
  if (filter.role) {
    const role = parseRole(filter.role);
    qb.andWhere("u.roles @> ARRAY[:role]::text[]", { role: role ?? "-" });
  }
  if (filter.unitId) {
    qb.andWhere("(u.unit_id = :unitId OR u.leader_unit_id = :unitId)", { unitId: filter.unitId });
  }
  if (filter.active !== null && filter.active !== undefined) {
    qb.andWhere("u.active = :active", { active: filter.active });
  }
  const [items, total] = await qb.orderBy("u.username", "ASC").limit(page.limit).offset(page.offset).getManyAndCount();
  return { items, total };
}
