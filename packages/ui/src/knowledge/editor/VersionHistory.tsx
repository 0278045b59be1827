import { useLazyQuery } from "@apollo/client/react";
import { useId, useState, type FormEvent } from "react";
import { Button } from "../../components/Button.tsx";
import { Alert } from "../../components/Feedback.tsx";
import { Field, Select } from "../../components/Field.tsx";
import { TableScroll } from "../../components/TableScroll.tsx";
import { useFormat } from "../../i18n/I18nProvider.tsx";
import { ArticleDiffView } from "../DiffView.tsx";
import { useKnowledgeErrorMessage } from "../errors.ts";
import { useKnowledgeT } from "../i18n.ts";
import type { ArticleRecord } from "../types.ts";
import type { KnowledgeEditorDocuments } from "./documents.ts";

/** The article's versions, newest first, and a comparison of any two of them. */
export function VersionHistory({ documents, article }: { documents: Pick<KnowledgeEditorDocuments, "diff">; article: ArticleRecord }) {
  const t = useKnowledgeT();
  const format = useFormat();
  const errorMessage = useKnowledgeErrorMessage();
  const headingId = useId();
  const versions = [...article.versions].sort((a, b) => b.number - a.number);
  const newest = versions[0]?.number ?? article.versionNumber;
  const [from, setFrom] = useState(String(versions[1]?.number ?? newest));
  const [to, setTo] = useState(String(newest));
  const [loadDiff, diff] = useLazyQuery(documents.diff);

  const onCompare = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const [a, b] = [Number(from), Number(to)].sort((x, y) => x - y) as [number, number];
    void loadDiff({ variables: { id: article.id, fromVersion: a, toVersion: b } }).catch(() => undefined);
  };
  const options = versions.map((version) => ({ value: String(version.number), label: t("kbe.versions.option", { number: version.number }) }));

  return (
    <section className="kb-versions card" aria-labelledby={headingId} data-testid="kb-versions">
      <h2 id={headingId}>{t("kbe.versions.title")}</h2>
      <TableScroll label={t("kbe.versions.caption")}>
        <table className="kb-table">
          <caption className="visually-hidden">{t("kbe.versions.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("kbe.versions.col.number")}</th>
              <th scope="col">{t("kbe.versions.col.createdAt")}</th>
              <th scope="col">{t("kbe.versions.col.createdBy")}</th>
              <th scope="col">{t("kbe.versions.col.changeNote")}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((version) => (
              <tr key={version.number} data-testid="kb-version-row">
                <td>{t("kbe.versions.option", { number: version.number })}</td>
                <td>
                  <time dateTime={version.createdAt}>{format.dateTime(version.createdAt)}</time>
                </td>
                <td>{version.createdBy.displayName}</td>
                <td>{version.changeNote ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {versions.length < 2 ? (
        <p className="field__hint">{t("kbe.versions.single")}</p>
      ) : (
        <form className="kb-compare" onSubmit={onCompare} data-testid="kb-compare-form">
          <Field id="kb-compare-from" label={t("kbe.versions.from")}>
            <Select placeholder={null} options={options} value={from} onChange={(event) => setFrom(event.target.value)} />
          </Field>
          <Field id="kb-compare-to" label={t("kbe.versions.to")}>
            <Select placeholder={null} options={options} value={to} onChange={(event) => setTo(event.target.value)} />
          </Field>
          <Button type="submit" variant="secondary" busy={diff.loading} data-testid="kb-compare">
            {t("kbe.versions.compare")}
          </Button>
        </form>
      )}
      {diff.error ? <Alert>{`${t("kbe.versions.loadFailed")} ${errorMessage(diff.error) ?? ""}`}</Alert> : null}
      {diff.data && !diff.loading ? <ArticleDiffView diff={diff.data.articleDiff} headingLevel={3} /> : null}
    </section>
  );
}
