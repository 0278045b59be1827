import type { LoaderRegistry } from "@civicline/platform";
import { In, IsNull, type DataSource } from "typeorm";
import { Area } from "./area.entity.js";
import { Category } from "./category.entity.js";

/** Active categories in tree order (parents before children, then by sort order). */
export function listCategories(dataSource: DataSource): Promise<Category[]> {
  return dataSource.getRepository(Category).find({ where: { active: true }, order: { sortOrder: "ASC", code: "ASC" } });
}

/** Districts/counties when `parentId` is null, else the divisions directly under it. */
export function listAreas(dataSource: DataSource, parentId: string | null): Promise<Area[]> {
  const repo = dataSource.getRepository(Area);
  if (parentId === null) {
    return repo.find({ where: { level: "DISTRICT" }, order: { code: "ASC" } });
  }
  return repo.find({ where: { parentId }, order: { code: "ASC" } });
}

/** The city itself (the root of the area tree). */
export function findCity(dataSource: DataSource): Promise<Area | null> {
  return dataSource.getRepository(Area).findOne({ where: { parentId: IsNull(), level: "CITY" } });
}

function byId<T extends { id: string }>(rows: T[], ids: readonly string[]): Array<T | Error> {
  const map = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => map.get(id) ?? new Error(`not found: ${id}`));
}

/** Per-request batched loaders, so a list of tickets loads its categories and areas in one query each. */
export function catalogLoaders(
  dataSource: DataSource,
  loaders: LoaderRegistry,
): { category: { load(id: string): Promise<Category> }; area: { load(id: string): Promise<Area> } } {
  return {
    category: loaders.get<string, Category>("intake.category", async (ids) =>
      byId(await dataSource.getRepository(Category).findBy({ id: In([...ids]) }), ids),
    ),
    area: loaders.get<string, Area>("intake.area", async (ids) =>
      byId(await dataSource.getRepository(Area).findBy({ id: In([...ids]) }), ids),
    ),
  };
}
