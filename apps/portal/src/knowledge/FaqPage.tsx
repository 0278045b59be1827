import { useQuery } from "@apollo/client/react";
import { Alert, Button, EmptyState, Field, Highlighted, Loading, TextInput } from "@civicline/ui";
import { useEffect, useState, type FormEvent } from "react";
import { KbPublicArticlesDocument } from "../gql/graphql.ts";
import { Link } from "../router.tsx";
import { usePortalKnowledgeT } from "./messages.ts";
import "./knowledge.css";

export const FAQ_PAGE_SIZE = 20;
/** The largest page `publicArticles` accepts (a larger limit is refused, not clamped). */
export const FAQ_MAX_LIMIT = 50;
const DEBOUNCE_MS = 300;

function keepQueryInAddress(query: string): void {
  const url = new URL(window.location.href);
  if (query) {
    url.searchParams.set("q", query);
  } else {
    url.searchParams.delete("q");
  }
  window.history.replaceState(window.history.state, "", url);
}

/** "Before you call": public, in-force answers, searchable as you type; `initialQuery` comes from ?q=. */
export function FaqPage({ initialQuery = "" }: { initialQuery?: string }) {
  const t = usePortalKnowledgeT();
  const [text, setText] = useState(initialQuery);
  const [term, setTerm] = useState(initialQuery.trim());
  const [limit, setLimit] = useState(FAQ_PAGE_SIZE);

  useEffect(() => {
    const timer = window.setTimeout(() => {
      const next = text.trim();
      if (next !== term) {
        setTerm(next);
        setLimit(FAQ_PAGE_SIZE);
        keepQueryInAddress(next);
      }
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text, term]);

  const { data, previousData, loading, error, refetch } = useQuery(KbPublicArticlesDocument, {
    variables: { query: term || null, limit, offset: 0 },
  });
  const result = (data ?? previousData)?.publicArticles;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTerm(text.trim());
    setLimit(FAQ_PAGE_SIZE);
    keepQueryInAddress(text.trim());
  };

  return (
    <>
      <h1 tabIndex={-1}>{t("kbp.title")}</h1>
      <p className="lead">{t("kbp.intro")}</p>
      <form className="kb-faq__search card" role="search" onSubmit={onSubmit} data-testid="portal-kb-form">
        <Field id="portal-kb-q" label={t("kbp.search.label")} hint={t("kbp.search.hint")}>
          <TextInput
            type="search"
            name="q"
            enterKeyHint="search"
            autoComplete="off"
            value={text}
            onChange={(event) => setText(event.target.value)}
            data-testid="portal-kb-search"
          />
        </Field>
        <Button type="submit" busy={loading && Boolean(data)}>
          {t("kbp.search.submit")}
        </Button>
      </form>

      <div className="outcome">
        {error && !result ? (
          <Alert>
            <p>{t("kbp.failed")}</p>
            <Button variant="secondary" onClick={() => void refetch().catch(() => undefined)}>
              {t("common.retry")}
            </Button>
          </Alert>
        ) : null}
        {loading && !result ? <Loading /> : null}
        {result && result.total === 0 ? (
          term ? (
            <EmptyState testId="portal-kb-none" title={t("kbp.none.title", { query: term })} action={<Link to="submit">{t("kbp.submit")}</Link>}>
              {t("kbp.none.body")}
            </EmptyState>
          ) : (
            <EmptyState testId="portal-kb-none" title={t("kbp.empty.title")} action={<Link to="submit">{t("kbp.submit")}</Link>}>
              {t("kbp.empty.body")}
            </EmptyState>
          )
        ) : null}
        {result && result.total > 0 ? (
          <section aria-labelledby="portal-kb-count" aria-busy={loading || undefined}>
            <h2 id="portal-kb-count" className="kb-faq__count" aria-live="polite">
              {term ? t("kbp.results.countFor", { total: result.total, query: term }) : t("kbp.results.count", { total: result.total })}
            </h2>
            <ul className="kb-faq__list" data-testid="portal-kb-results">
              {result.hits.map((hit) => (
                <li key={hit.article.id} className="kb-faq__item" data-testid="portal-kb-hit">
                  <Link to={`faq/${encodeURIComponent(hit.article.id)}`} className="kb-faq__link">
                    <Highlighted segments={hit.titleHighlight.length > 0 ? hit.titleHighlight : [{ text: hit.article.title, match: false }]} />
                  </Link>
                  {hit.snippet.length > 0 ? (
                    <Highlighted className="kb-faq__snippet" segments={hit.snippet} />
                  ) : (
                    <span className="kb-faq__snippet">{hit.article.summary}</span>
                  )}
                </li>
              ))}
            </ul>
            {result.total > result.hits.length && limit < FAQ_MAX_LIMIT ? (
              <Button variant="secondary" busy={loading} onClick={() => setLimit(Math.min(limit + FAQ_PAGE_SIZE, FAQ_MAX_LIMIT))} data-testid="portal-kb-more">
                {t("kbp.results.more")}
              </Button>
            ) : null}
          </section>
        ) : null}
      </div>
      <p className="kb-faq__fallback">
        {t("kbp.notAnswered")} <Link to="submit">{t("kbp.submit")}</Link> {t("kbp.call")}
      </p>
    </>
  );
}
