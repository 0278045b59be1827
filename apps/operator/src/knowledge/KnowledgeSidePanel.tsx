import { useQuery } from "@apollo/client/react";
import { Alert, Button, EmptyState } from "@civicline/ui";
import { useCallback, useEffect, useId, useState, type KeyboardEvent, type ReactNode } from "react";
import { KbSearchArticlesDocument } from "../gql/graphql.ts";
import { InlineArticle } from "./InlineArticle.tsx";
import { useOperatorKnowledgeT } from "./messages.ts";
import { SearchHits } from "./SearchHits.tsx";
import { useDebouncedValue } from "./useDebouncedValue.ts";
import "./knowledge.css";

export const SEARCH_DEBOUNCE_MS = 200;
export const SEARCH_LIMIT = 10;

/** Props for a search box that drives the panel (ARIA combobox wiring and the keyboard handler). */
export type KnowledgeSearchInputProps = {
  role: "combobox";
  "aria-controls": string;
  "aria-expanded": boolean;
  "aria-autocomplete": "list";
  "aria-activedescendant": string | undefined;
  "data-kb-nav": "";
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  /** Typing a new search closes an answer left open. */
  onInput: () => void;
};

export type KnowledgeSidePanelProps = {
  /** Text to search for; searched ~200 ms after it stops changing. */
  query: string;
  /** Called with the article ids when the call-taker marks an answer as used. */
  onUse: (articleIds: string[]) => void;
  /** The ticket the answer is used for, passed to recordArticleUse. */
  ticketId?: string;
  /**
   * Record the use with `recordArticleUse` at once (default). A screen that links the articles to a
   * ticket it creates later can pass false and record them itself, so a use is not counted twice.
   */
  recordUse?: boolean;
  /** Renders the search box; spread the given props on it for ↑ ↓ Enter Esc and screen readers. */
  renderSearchInput?: (props: KnowledgeSearchInputProps) => ReactNode;
  /** Panel heading (default "Knowledge base"; null for none, when the page has its own) and its level. */
  title?: string | null;
  headingLevel?: 1 | 2 | 3;
};

/**
 * Search-as-you-type over published, in-force articles for call-takers: highlighted titles and
 * snippets, ↑ ↓ to choose, Enter to open the answer in place, Esc to go back, and "Used this answer".
 */
export function KnowledgeSidePanel({
  query,
  onUse,
  ticketId,
  recordUse = true,
  renderSearchInput,
  title,
  headingLevel = 2,
}: KnowledgeSidePanelProps) {
  const t = useOperatorKnowledgeT();
  const uid = useId();
  const listId = `kb-results${uid}`;
  const titleId = `kb-panel-title${uid}`;
  const term = useDebouncedValue(query.trim(), SEARCH_DEBOUNCE_MS);
  const search = useQuery(KbSearchArticlesDocument, {
    variables: { input: { query: term, limit: SEARCH_LIMIT } },
    skip: term === "",
  });
  const result = term === "" ? undefined : (search.data ?? search.previousData)?.searchArticles;
  const hits = result?.hits ?? [];
  const [cursor, setCursor] = useState({ term: "", index: 0 });
  const active = cursor.term === term ? Math.min(cursor.index, Math.max(hits.length - 1, 0)) : 0;
  const [opened, setOpened] = useState<{ id: string; returnTo: HTMLElement | null } | null>(null);
  const openId = opened?.id ?? null;
  const [used, setUsed] = useState<ReadonlySet<string>>(new Set());

  const close = useCallback(() => {
    const target = opened?.returnTo;
    setOpened(null);
    // Back to where the answer was opened from: the search box, else the list.
    requestAnimationFrame(() => (target?.isConnected ? target : document.getElementById(listId))?.focus());
  }, [opened, listId]);

  useEffect(() => {
    document.getElementById(`${listId}-${active}`)?.scrollIntoView?.({ block: "nearest" });
  }, [listId, active]);

  const open = (index: number) => {
    const hit = hits[index];
    if (!hit) {
      return;
    }
    setCursor({ term, index });
    setOpened({ id: hit.article.id, returnTo: document.activeElement instanceof HTMLElement ? document.activeElement : null });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.defaultPrevented) {
      return;
    }
    if (openId) {
      if (event.key === "Escape") {
        event.preventDefault();
        event.stopPropagation();
        close();
      }
      return;
    }
    // Arrows and Enter only steer the list from the search box or the list itself.
    if (!(event.target instanceof HTMLElement) || event.target.dataset.kbNav === undefined || hits.length === 0) {
      return;
    }
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setCursor({ term, index: Math.min(Math.max(active + step, 0), hits.length - 1) });
    } else if (event.key === "Enter") {
      event.preventDefault();
      open(active);
    }
  };

  const markUsed = (articleId: string) => {
    setUsed((prev) => new Set(prev).add(articleId));
    onUse([articleId]);
  };

  const expanded = !openId && hits.length > 0;
  const activeId = expanded ? `${listId}-${active}` : undefined;
  const Heading = `h${headingLevel}` as const;
  const searching = search.loading && term !== "";
  let announcement = "";
  if (result && !searching) {
    announcement = result.total === 0 ? t("kbo.none.title", { query: term }) : t("kbo.results.count", { count: result.total, query: term });
  }

  return (
    <section
      className="kb-panel"
      aria-labelledby={title === null ? undefined : titleId}
      aria-label={title === null ? t("kbo.panel.title") : undefined}
      onKeyDown={onKeyDown}
      data-testid="kb-panel"
    >
      {title === null ? null : (
        <Heading id={titleId} className="kb-panel__title">
          {title ?? t("kbo.panel.title")}
        </Heading>
      )}
      {renderSearchInput?.({
        role: "combobox",
        "aria-controls": listId,
        "aria-expanded": expanded,
        "aria-autocomplete": "list",
        "aria-activedescendant": activeId,
        "data-kb-nav": "",
        onKeyDown,
        onInput: () => setOpened(null),
      })}
      <p className="kb-panel__keys" aria-hidden="true">
        {t("kbo.panel.keys")}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {openId ? (
        <InlineArticle
          id={openId}
          used={used.has(openId)}
          recordUse={recordUse}
          ticketId={ticketId}
          onUsed={markUsed}
          onBack={close}
        />
      ) : term === "" ? (
        <EmptyState testId="kb-panel-empty" title={t("kbo.empty.title")}>
          {t("kbo.empty.body")}
        </EmptyState>
      ) : search.error && !result ? (
        <Alert>
          <p>{t("kbo.failed")}</p>
          <Button variant="secondary" onClick={() => void search.refetch().catch(() => undefined)}>
            {t("common.retry")}
          </Button>
        </Alert>
      ) : result && result.total === 0 && !searching ? (
        <EmptyState testId="kb-no-results" title={t("kbo.none.title", { query: term })}>
          {t("kbo.none.body")}
        </EmptyState>
      ) : (
        <SearchHits
          listId={listId}
          hits={hits}
          total={result?.total ?? 0}
          active={active}
          busy={searching}
          focusable={!renderSearchInput}
          used={used}
          onActivate={(index) => setCursor({ term, index })}
          onOpen={open}
        />
      )}
    </section>
  );
}
