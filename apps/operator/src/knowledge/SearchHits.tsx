import { Highlighted, useFormat } from "@civicline/ui";
import type { KbSearchArticlesQuery } from "../gql/graphql.ts";
import { useOperatorKnowledgeT } from "./messages.ts";

type Hit = KbSearchArticlesQuery["searchArticles"]["hits"][number];

export type SearchHitsProps = {
  listId: string;
  hits: readonly Hit[];
  total: number;
  active: number;
  busy: boolean;
  /** Whether the list takes focus itself (no search box drives it). */
  focusable: boolean;
  used: ReadonlySet<string>;
  onActivate: (index: number) => void;
  onOpen: (index: number) => void;
};

/** The hits as an ARIA listbox: highlighted title and snippet, the active one followed by the keyboard. */
export function SearchHits({ listId, hits, total, active, busy, focusable, used, onActivate, onOpen }: SearchHitsProps) {
  const t = useOperatorKnowledgeT();
  const format = useFormat();
  return (
    <>
      {busy && hits.length === 0 ? <p className="loading">{t("kbo.results.searching")}</p> : null}
      <ul
        id={listId}
        role="listbox"
        className="kb-hits"
        aria-label={t("kbo.results.label")}
        aria-busy={busy || undefined}
        aria-activedescendant={focusable && hits.length > 0 ? `${listId}-${active}` : undefined}
        tabIndex={focusable ? 0 : -1}
        data-kb-nav=""
        data-testid="kb-results"
      >
        {hits.map((hit, index) => (
          <li
            key={hit.article.id}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            className={index === active ? "kb-hit kb-hit--active" : "kb-hit"}
            data-testid="kb-hit"
            data-article-id={hit.article.id}
            onClick={() => onOpen(index)}
            onMouseMove={() => {
              if (index !== active) {
                onActivate(index);
              }
            }}
          >
            <Highlighted className="kb-hit__title" segments={hit.titleHighlight} />
            {hit.snippet.length > 0 ? <Highlighted className="kb-hit__snippet" segments={hit.snippet} /> : null}
            <span className="kb-hit__meta">
              {hit.article.owningUnit ? <span>{format.name(hit.article.owningUnit)}</span> : null}
              <span>{t("kbo.hit.uses", { count: hit.article.usageCount })}</span>
              {used.has(hit.article.id) ? <span className="kb-hit__used">✓ {t("kbo.hit.used")}</span> : null}
            </span>
          </li>
        ))}
      </ul>
      {total > hits.length ? <p className="kb-panel__more">{t("kbo.results.more", { shown: hits.length, total })}</p> : null}
    </>
  );
}
