import { useMutation, useQuery } from "@apollo/client/react";
import { Alert, Button, EmptyState, Field, graphQLErrors, Loading, TextInput, useLanguage } from "@civicline/ui";
import { useState } from "react";
import { CategoryKeywordsDocument, SetCategoryKeywordsDocument, type CategoryKeywordsFieldsFragment } from "../gql/graphql.ts";
import { keywordTree, keywordsText, parseKeywords } from "./keywords.ts";
import { keywordFieldMessage, useCategoryKeywordError, useCategoryKeywordT } from "./messages.ts";
import "./catalog.css";

/** Admin: every category in tree order with its keywords, each editable and saved on its own. */
export function CategoryKeywordsPage() {
  const t = useCategoryKeywordT();
  const errorMessage = useCategoryKeywordError();
  const { data, loading, error, refetch } = useQuery(CategoryKeywordsDocument, { fetchPolicy: "cache-and-network" });
  const [query, setQuery] = useState("");
  const categories = data?.categories ?? [];
  const shown = keywordTree(categories, query);
  return (
    <>
      <h1 tabIndex={-1}>{t("ck.title")}</h1>
      <p className="page-intro">{t("ck.intro")}</p>
      {error && !data ? (
        <Alert>
          <p>{`${t("ck.loadFailed")} ${errorMessage(error) ?? ""}`}</p>
          <Button variant="secondary" onClick={() => void refetch().catch(() => undefined)}>
            {t("ck.retry")}
          </Button>
        </Alert>
      ) : null}
      {loading && !data ? <Loading /> : null}
      {data && categories.length === 0 ? (
        <EmptyState testId="keywords-empty" title={t("ck.empty.title")}>
          {t("ck.empty.body")}
        </EmptyState>
      ) : null}
      {categories.length > 0 ? (
        <>
          <Field label={t("ck.filter")} hint={t("ck.filterHint")} optional>
            <TextInput type="search" value={query} onChange={(event) => setQuery(event.target.value)} data-testid="keywords-filter" />
          </Field>
          {shown.length === 0 ? (
            <EmptyState testId="keywords-no-match" title={t("ck.noMatch.title")}>
              {t("ck.noMatch.body")}
            </EmptyState>
          ) : (
            <p aria-live="polite">{t("ck.count", { count: shown.length })}</p>
          )}
          <ul className="keyword-tree">
            {shown.map(({ category, depth }) => (
              <CategoryKeywordRow key={category.id} category={category} depth={depth} />
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

function CategoryKeywordRow({ category, depth }: { category: CategoryKeywordsFieldsFragment; depth: number }) {
  const t = useCategoryKeywordT();
  const errorMessage = useCategoryKeywordError();
  const { language } = useLanguage();
  const [text, setText] = useState(() => keywordsText(category.keywords, language));
  const [problem, setProblem] = useState<{ field?: string; alert?: string } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [save, { loading }] = useMutation(SetCategoryKeywordsDocument);
  const name = language === "zh-CN" ? category.nameZh : category.nameEn;
  const submit = async () => {
    setSaved(null);
    setProblem(null);
    try {
      const result = await save({ variables: { categoryId: category.id, keywords: parseKeywords(text) } });
      const keywords = result.data?.setCategoryKeywords.keywords ?? [];
      setText(keywordsText(keywords, language));
      setSaved(t("ck.saved", { name, count: keywords.length }));
    } catch (caught) {
      const fields = graphQLErrors(caught)[0]?.extensions?.fields;
      const first = Array.isArray(fields) ? (fields[0] as { field: string; code?: string; message: string } | undefined) : undefined;
      setProblem(first ? { field: keywordFieldMessage(t, first), alert: errorMessage(caught) } : { alert: errorMessage(caught) });
    }
  };
  return (
    <li className="keyword-row" style={{ marginInlineStart: `${depth * 1.5}rem` }} data-testid="keyword-row" data-category-id={category.id}>
      <div className="keyword-row__name">
        <strong lang="zh-CN">{category.nameZh}</strong> <span lang="en">{category.nameEn}</span> <code>{category.code}</code>
        {category.selectable ? null : <span className="keyword-row__group"> · {t("ck.group")}</span>}
      </div>
      <form
        className="keyword-row__form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Field label={t("ck.keywords", { name })} hint={t("ck.keywordsHint")} error={problem?.field} optional>
          <TextInput value={text} onChange={(event) => setText(event.target.value)} data-testid="keywords-input" />
        </Field>
        <Button type="submit" busy={loading} data-testid="keywords-save">
          {t("ck.save")}
        </Button>
      </form>
      <div aria-live="polite">
        {saved ? <Alert tone="success">{saved}</Alert> : null}
        {problem?.alert ? <Alert>{problem.alert}</Alert> : null}
      </div>
    </li>
  );
}
