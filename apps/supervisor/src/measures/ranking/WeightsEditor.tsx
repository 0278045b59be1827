import { useMutation } from "@apollo/client/react";
import { Alert, Button, Field, fieldErrors, TableScroll, TextInput, useErrorMessage, useFormat } from "@civicline/ui";
import { useState, type FormEvent } from "react";
import { SaveRankingWeightsDocument, type RankingWeightsFieldsFragment } from "../../gql/graphql.ts";
import { useRankingT } from "./messages.ts";
import { PART_KEYS, WEIGHT_FIELDS } from "./RankingTable.tsx";

type FormValues = Record<(typeof WEIGHT_FIELDS)[keyof typeof WEIGHT_FIELDS] | "minTickets", string>;

function valuesOf(version: RankingWeightsFieldsFragment | undefined): FormValues {
  return {
    onTime: String(version?.onTime ?? ""),
    satisfaction: String(version?.satisfaction ?? ""),
    notReturned: String(version?.notReturned ?? ""),
    notReReported: String(version?.notReReported ?? ""),
    notExtended: String(version?.notExtended ?? ""),
    minTickets: String(version?.minTickets ?? ""),
  };
}

/**
 * Admins: the weights as a new version (earlier versions never change) and the list of versions.
 * Starts from the newest version's values.
 */
export function WeightsEditor({ versions, onSaved }: { versions: readonly RankingWeightsFieldsFragment[]; onSaved: (version: number) => void }) {
  const t = useRankingT();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const [values, setValues] = useState<FormValues>(() => valuesOf(versions[0]));
  const [note, setNote] = useState("");
  const [saved, setSaved] = useState<number | null>(null);
  const [save, saving] = useMutation(SaveRankingWeightsDocument, { refetchQueries: ["RankingWeightVersions"] });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const number = (value: string) => (/^\d+$/.test(value.trim()) ? Number(value.trim()) : -1);
    const result = await save({
      variables: {
        input: {
          onTime: number(values.onTime),
          satisfaction: number(values.satisfaction),
          notReturned: number(values.notReturned),
          notReReported: number(values.notReReported),
          notExtended: number(values.notExtended),
          minTickets: number(values.minTickets),
          note: note.trim() || null,
        },
      },
    }).catch(() => null);
    const version = result?.data?.saveRankingWeights.version;
    if (version) {
      setSaved(version);
      setNote("");
      onSaved(version);
    }
  };
  const problems = saving.error
    ? fieldErrors(saving.error, (entry) =>
        entry.code === "REQUIRED" ? t("rk.field.oneWeight") : entry.field === "minTickets" ? t("rk.field.minTickets") : entry.field === "note" ? t("rk.field.note") : t("rk.field.weight"),
      )
    : {};
  const fieldError = (field: string) => problems[field];
  return (
    <section className="ranking-weights" aria-labelledby="ranking-weights-title" data-testid="ranking-weights">
      <h2 id="ranking-weights-title">{t("rk.weights.title")}</h2>
      <p className="page-intro">{t("rk.weights.intro")}</p>
      <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="ranking-weights-title">
        <div className="ranking-weights__grid">
          {PART_KEYS.map((key) => (
            <Field key={key} label={`${format.enumValue("RankingPartKey", key)} · ${t("rk.weight")}`} error={fieldError(WEIGHT_FIELDS[key])}>
              <TextInput inputMode="numeric" value={values[WEIGHT_FIELDS[key]]} onChange={(event) => setValues({ ...values, [WEIGHT_FIELDS[key]]: event.target.value })} data-testid={`weight-${WEIGHT_FIELDS[key]}`} />
            </Field>
          ))}
          <Field label={t("rk.weights.min")} error={fieldError("minTickets")}>
            <TextInput inputMode="numeric" value={values.minTickets} onChange={(event) => setValues({ ...values, minTickets: event.target.value })} data-testid="weight-minTickets" />
          </Field>
        </div>
        <Field label={t("rk.weights.note")} optional error={fieldError("note")}>
          <TextInput value={note} onChange={(event) => setNote(event.target.value)} data-testid="weight-note" />
        </Field>
        <div aria-live="polite">
          {saving.error && Object.keys(problems).length === 0 ? <Alert>{errorMessage(saving.error)}</Alert> : null}
          {saved ? <Alert tone="success" testId="weights-saved">{t("rk.weights.saved", { version: saved })}</Alert> : null}
        </div>
        <Button type="submit" busy={saving.loading} data-testid="weights-save">
          {t("rk.weights.save")}
        </Button>
      </form>
      <h3>{t("rk.weights.versions")}</h3>
      <TableScroll label={t("rk.weights.versions")} testId="ranking-versions">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("rk.weights.col.version")}</th>
              {PART_KEYS.map((key) => (
                <th scope="col" key={key}>
                  {format.enumValue("RankingPartKey", key)}
                </th>
              ))}
              <th scope="col">{t("rk.weights.min")}</th>
              <th scope="col">{t("rk.weights.col.savedAt")}</th>
              <th scope="col">{t("rk.weights.col.by")}</th>
              <th scope="col">{t("rk.weights.col.note")}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((version) => (
              <tr key={version.version}>
                <th scope="row">v{version.version}</th>
                {PART_KEYS.map((key) => (
                  <td key={key}>{version[WEIGHT_FIELDS[key]]}</td>
                ))}
                <td>{version.minTickets}</td>
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
