import { Category } from "@civicline/intake";
import { User, type LoaderRegistry } from "@civicline/platform";
import { Unit } from "@civicline/routing";
import { In, type DataSource } from "typeorm";
import { contributorsOf } from "./article-review.js";
import { ArticleHistory } from "./article-history.entity.js";
import { ArticleVersion } from "./article-version.entity.js";

type Loader<K, V> = { load(key: K): Promise<V>; loadMany(keys: readonly K[]): Promise<Array<V | Error>> };

function byId<T extends { id: string }>(rows: T[], ids: readonly string[]): Array<T | null> {
  const map = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => map.get(id) ?? null);
}

/**
 * Per-request batched loaders for what an article refers to, so that a page of hits costs one
 * query per kind of reference, never one per row.
 */
export function knowledgeLoaders(dataSource: DataSource, loaders: LoaderRegistry): {
  category: Loader<string, Category | null>;
  unit: Loader<string, Unit | null>;
  user: Loader<string, User | null>;
  versions: Loader<string, ArticleVersion[]>;
  history: Loader<string, ArticleHistory[]>;
  contributors: Loader<string, Set<string>>;
} {
  return {
    category: loaders.get<string, Category | null>("knowledge.category", async (ids) =>
      byId(await dataSource.getRepository(Category).findBy({ id: In([...ids]) }), ids),
    ),
    unit: loaders.get<string, Unit | null>("knowledge.unit", async (ids) => byId(await dataSource.getRepository(Unit).findBy({ id: In([...ids]) }), ids)),
    user: loaders.get<string, User | null>("knowledge.user", async (ids) =>
      byId(await dataSource.getRepository(User).find({ where: { id: In([...ids]) }, select: { id: true, displayName: true } }), ids),
    ),
    versions: loaders.get<string, ArticleVersion[]>("knowledge.versions", async (ids) => {
      const rows = await dataSource.getRepository(ArticleVersion).find({ where: { articleId: In([...ids]) }, order: { number: "DESC" } });
      return ids.map((id) => rows.filter((row) => row.articleId === id));
    }),
    history: loaders.get<string, ArticleHistory[]>("knowledge.history", async (ids) => {
      const rows = await dataSource.getRepository(ArticleHistory).find({ where: { articleId: In([...ids]) }, order: { id: "ASC" } });
      return ids.map((id) => rows.filter((row) => row.articleId === id));
    }),
    contributors: loaders.get<string, Set<string>>("knowledge.contributors", async (ids) => {
      const map = await contributorsOf(dataSource, ids);
      return ids.map((id) => map.get(id) ?? new Set<string>());
    }),
  };
}
