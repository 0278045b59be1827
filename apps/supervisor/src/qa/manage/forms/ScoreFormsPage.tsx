import { useQuery } from "@apollo/client/react";
import { Alert, Button, EmptyState, Field, Loading, Select, TableScroll, useErrorMessage, useFormat, useLanguage } from "@civicline/ui";
import { useState } from "react";
import { QmScoreFormsDocument } from "../../../gql/graphql.ts";
import { useQaManageT } from "../messages.ts";
import { FormEditor } from "./FormEditor.tsx";
import { FormVersionView } from "./FormVersionView.tsx";
import "../qa-manage.css";

/**
 * 评分表: the score forms with their versions. The version in force is shown; any earlier one can be
 * opened; "edit as a new version" starts from the version in force, and saving never changes a
 * version an inspection was scored with.
 */
export function ScoreFormsPage() {
  const t = useQaManageT();
  const format = useFormat();
  const { language } = useLanguage();
  const errorMessage = useErrorMessage();
  const forms = useQuery(QmScoreFormsDocument, { fetchPolicy: "cache-and-network" });
  const [formChoice, setFormChoice] = useState("");
  const [shownVersion, setShownVersion] = useState<number | null>(null);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<number | null>(null);
  const list = forms.data?.qaScoreForms ?? [];
  const form = list.find((candidate) => candidate.id === formChoice) ?? list[0];
  const shown = form?.versions.find((version) => version.version === shownVersion) ?? form?.current;
  const formName = (item: { name: string; nameEn: string }) => (language === "en" && item.nameEn ? item.nameEn : item.name);
  return (
    <section aria-labelledby="qm-forms-title" className="qm-page" data-testid="qa-forms">
      <h1 id="qm-forms-title" tabIndex={-1}>
        {t("qm.forms.title")}
      </h1>
      <p className="page-intro">{t("qm.forms.intro")}</p>
      <div aria-live="polite">
        {forms.error ? <Alert>{errorMessage(forms.error) ?? t("qm.loadFailed")}</Alert> : null}
        {saved ? <Alert tone="success" testId="qa-form-saved">{t("qm.forms.saved", { version: saved })}</Alert> : null}
      </div>
      {forms.loading && !forms.data ? <Loading /> : null}
      {forms.data && !form ? (
        <>
          <EmptyState title={t("qm.forms.empty.title")} testId="qa-forms-empty">
            <p>{t("qm.forms.empty.body")}</p>
          </EmptyState>
          <FormEditor form={{ id: null, name: "质检评分表", nameEn: "QA score form" }} from={null} onSaved={(version) => setSaved(version)} onCancel={null} />
        </>
      ) : null}
      {form && shown ? (
        <>
          {list.length > 1 ? (
            <Field label={t("qm.forms.form")}>
              <Select
                value={form.id}
                placeholder={null}
                onChange={(event) => {
                  setFormChoice(event.target.value);
                  setShownVersion(null);
                  setEditing(false);
                }}
                options={list.map((candidate) => ({ value: candidate.id, label: formName(candidate) }))}
              />
            </Field>
          ) : null}
          <p data-testid="qa-form-current">{t("qm.forms.current", { version: form.current.version, at: format.dateTime(form.current.createdAt as string), by: form.current.createdByName })}</p>
          {editing ? (
            <FormEditor
              form={{ id: form.id, name: form.name, nameEn: form.nameEn }}
              from={form.current}
              onSaved={(version) => {
                setSaved(version);
                setEditing(false);
                setShownVersion(null);
                void forms.refetch().catch(() => undefined);
              }}
              onCancel={() => setEditing(false)}
            />
          ) : (
            <>
              <h2>
                {formName(form)} · v{shown.version}
              </h2>
              <FormVersionView version={shown} testId="qa-form-version" />
              <Button
                onClick={() => {
                  setSaved(null);
                  setEditing(true);
                }}
                data-testid="qa-form-edit"
              >
                {t("qm.forms.edit")}
              </Button>
            </>
          )}
          <h2>{t("qm.forms.versions")}</h2>
          <TableScroll label={t("qm.forms.versions")} testId="qa-form-versions">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("qm.forms.version")}</th>
                  <th scope="col">{t("qm.forms.col.maxPoints")}</th>
                  <th scope="col">{t("qm.forms.col.savedAt")}</th>
                  <th scope="col">{t("qm.forms.col.by")}</th>
                  <th scope="col">{t("qm.forms.col.note")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("qm.forms.view", { version: "" })}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {form.versions.map((version) => (
                  <tr key={version.id}>
                    <th scope="row">
                      v{version.version}
                      {version.current ? ` (${t("qm.forms.inForce")})` : ""}
                    </th>
                    <td className="num">{version.totalWeight}</td>
                    <td>{format.dateTime(version.createdAt as string)}</td>
                    <td>{version.createdByName}</td>
                    <td>{version.note ?? ""}</td>
                    <td>
                      <Button variant="ghost" aria-pressed={!editing && shown.version === version.version} onClick={() => {
                        setEditing(false);
                        setShownVersion(version.version);
                      }}>
                        {t("qm.forms.view", { version: version.version })}
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      ) : null}
    </section>
  );
}
