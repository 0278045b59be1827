import { useMutation } from "@apollo/client/react";
import { Alert, Button, Field, fieldErrors, TableScroll, TextInput, useErrorMessage, useFormat } from "@civicline/ui";
import { useState, type FormEvent } from "react";
import { QmSaveAssessmentWeightsDocument, type QmAssessmentWeightsFieldsFragment } from "../../../gql/graphql.ts";
import { useQaManageT } from "../messages.ts";
import { useQaNumbers } from "../numbers.ts";
import { PART_KEYS, WEIGHT_FIELDS } from "./parts.ts";

const FIELDS = [...PART_KEYS.map((key) => WEIGHT_FIELDS[key]), "targetHandleSeconds", "minCalls"] as const;
type FieldName = (typeof FIELDS)[number];
type Values = Record<FieldName, string>;

function valuesOf(version: QmAssessmentWeightsFieldsFragment | undefined): Values {
  return Object.fromEntries(FIELDS.map((field) => [field, version ? String(version[field]) : ""])) as Values;
}

/**
 * Inspectors and admins: the weights (and the handle-time target and minimum calls) as a new
 * version — earlier versions never change — and the list of versions. Starts from the newest.
 */
export function WeightsEditor({ versions, onSaved }: { versions: readonly QmAssessmentWeightsFieldsFragment[]; onSaved: (version: number) => void }) {
  const t = useQaManageT();
  const format = useFormat();
  const numbers = useQaNumbers();
  const errorMessage = useErrorMessage();
  const [values, setValues] = useState<Values>(() => valuesOf(versions[0]));
  const [note, setNote] = useState("");
  const [saved, setSaved] = useState<number | null>(null);
  const [save, saving] = useMutation(QmSaveAssessmentWeightsDocument, { refetchQueries: ["QmAssessmentWeightVersions"] });
  const labelOf = (field: FieldName) => {
    const part = PART_KEYS.find((key) => WEIGHT_FIELDS[key] === field);
    return part ? `${format.enumValue("QaAssessmentPartKey", part)} · ${t("qm.as.weight")}` : field === "targetHandleSeconds" ? t("qm.as.weights.target") : t("qm.as.weights.minCalls");
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const number = (value: string) => (/^\d+$/.test(value.trim()) ? Number(value.trim()) : -1);
    const input = { ...Object.fromEntries(FIELDS.map((field) => [field, number(values[field])])), note: note.trim() || null } as Record<FieldName, number> & { note: string | null };
    const result = await save({ variables: { input } }).catch(() => null);
    const version = result?.data?.saveQaAssessmentWeights.version;
    if (version) {
      setSaved(version);
      setNote("");
      onSaved(version);
    }
  };
  const problems = saving.error
    ? fieldErrors(saving.error, (entry) =>
        entry.code === "REQUIRED" ? t("qm.as.field.oneWeight") : entry.field === "note" ? t("qm.as.field.note") : entry.field === "targetHandleSeconds" ? t("qm.as.field.target") : entry.field === "minCalls" ? t("qm.as.field.minCalls") : t("qm.as.field.weight"),
      )
    : {};
  return (
    <section className="qm-weights" aria-labelledby="qm-as-weights-title" data-testid="qa-as-weights">
      <h2 id="qm-as-weights-title">{t("qm.as.weights.title")}</h2>
      <p className="page-intro">{t("qm.as.weights.intro")}</p>
      <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="qm-as-weights-title">
        <div className="qm-weights__grid">
          {FIELDS.map((field) => (
            <Field key={field} label={labelOf(field)} error={problems[field]}>
              <TextInput inputMode="numeric" value={values[field]} onChange={(event) => setValues({ ...values, [field]: event.target.value })} data-testid={`qa-weight-${field}`} />
            </Field>
          ))}
        </div>
        <Field label={t("qm.as.weights.note")} optional error={problems.note}>
          <TextInput value={note} onChange={(event) => setNote(event.target.value)} />
        </Field>
        <div aria-live="polite">
          {saving.error && Object.keys(problems).length === 0 ? <Alert>{errorMessage(saving.error)}</Alert> : null}
          {problems[""] ? <Alert>{problems[""]}</Alert> : null}
          {saved ? <Alert tone="success" testId="qa-weights-saved">{t("qm.as.weights.saved", { version: saved })}</Alert> : null}
        </div>
        <Button type="submit" busy={saving.loading} data-testid="qa-weights-save">
          {t("qm.as.weights.save")}
        </Button>
      </form>
      <h3>{t("qm.as.weights.versions")}</h3>
      <TableScroll label={t("qm.as.weights.versions")} testId="qa-as-weight-versions">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("qm.as.weights.col.version")}</th>
              {PART_KEYS.map((key) => (
                <th scope="col" key={key}>
                  {format.enumValue("QaAssessmentPartKey", key)}
                </th>
              ))}
              <th scope="col">{t("qm.as.weights.target")}</th>
              <th scope="col">{t("qm.as.weights.minCalls")}</th>
              <th scope="col">{t("qm.as.weights.col.savedAt")}</th>
              <th scope="col">{t("qm.as.weights.col.by")}</th>
              <th scope="col">{t("qm.as.weights.col.note")}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((version) => (
              <tr key={version.version}>
                <th scope="row">v{version.version}</th>
                {PART_KEYS.map((key) => (
                  <td key={key} className="num">
                    {version[WEIGHT_FIELDS[key]]}
                  </td>
                ))}
                <td>{numbers.duration(version.targetHandleSeconds)}</td>
                <td className="num">{version.minCalls}</td>
                <td>{format.dateTime(version.createdAt as string)}</td>
                <td>{version.createdByName}</td>
                <td>{version.note ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
