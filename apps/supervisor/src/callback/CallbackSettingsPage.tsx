import { useMutation, useQuery } from "@apollo/client/react";
import { Alert, Button, Field, Loading, TableScroll, TextInput, useFieldErrors, useFormat } from "@civicline/ui";
import { useState, type FormEvent } from "react";
import { CallbackSettingsDocument, SaveCallbackSettingsDocument, type CallbackSettingsFieldsFragment } from "../gql/graphql.ts";
import { useCallbackErrorMessage } from "./callbackErrors.ts";
import { useSupervisorCallbackT } from "./messages.ts";
import { draftOf, GENERAL_FIELDS, ROW_FIELDS, settingsInput, type GeneralField, type RowField, type SettingsDraft } from "./settingsForm.ts";

const GENERAL_LABELS: Record<GeneralField, "sc.settings.missedReturn" | "sc.settings.missedTries" | "sc.settings.missedRetry" | "sc.settings.claim"> = {
  missedCallReturnMinutes: "sc.settings.missedReturn",
  missedCallMaxTries: "sc.settings.missedTries",
  missedCallRetryMinutes: "sc.settings.missedRetry",
  claimMinutes: "sc.settings.claim",
};
const ROW_LABELS: Record<RowField, "sc.settings.col.due" | "sc.settings.col.tries" | "sc.settings.col.retry"> = {
  dueMinutes: "sc.settings.col.due",
  maxTries: "sc.settings.col.tries",
  retryMinutes: "sc.settings.col.retry",
};

/** Callback settings: everyone who works callbacks reads them; admins change them. */
export function CallbackSettingsPage({ canEdit }: { canEdit: boolean }) {
  const t = useSupervisorCallbackT();
  const errorMessage = useCallbackErrorMessage();
  const { data, loading, error, refetch } = useQuery(CallbackSettingsDocument, { fetchPolicy: "cache-and-network" });
  return (
    <section aria-labelledby="cb-settings-title" data-testid="callback-settings">
      <h1 id="cb-settings-title" tabIndex={-1}>
        {t("sc.settings.title")}
      </h1>
      <p className="page-intro">{t("sc.settings.intro")}</p>
      {error && !data ? (
        <Alert>
          <p>{`${t("sc.settings.loadFailed")} ${errorMessage(error) ?? ""}`}</p>
          <Button variant="secondary" onClick={() => void refetch().catch(() => undefined)}>
            {t("common.retry")}
          </Button>
        </Alert>
      ) : null}
      {loading && !data ? <Loading /> : null}
      {data ? <SettingsForm settings={data.callbackSettings} canEdit={canEdit} /> : null}
    </section>
  );
}

function SettingsForm({ settings, canEdit }: { settings: CallbackSettingsFieldsFragment; canEdit: boolean }) {
  const t = useSupervisorCallbackT();
  const format = useFormat();
  const errorMessage = useCallbackErrorMessage();
  const toFieldErrors = useFieldErrors();
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(settings));
  const [invalid, setInvalid] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [save, { loading }] = useMutation(SaveCallbackSettingsDocument, { refetchQueries: ["CallbackSettings"] });
  const fields = toFieldErrors(error);
  const problem = (field: string, rate = false): string | undefined =>
    invalid.includes(field) ? t(rate ? "sc.settings.invalidRate" : "sc.settings.invalid") : (fields[field] ?? fields[`input.${field}`]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { input, invalid: found } = settingsInput(draft);
    setInvalid(found);
    setSaved(false);
    if (!input) {
      document.getElementById(`cb-setting-${found[0]}`)?.focus();
      return;
    }
    setError(null);
    try {
      await save({ variables: { input } });
      setSaved(true);
    } catch (caught) {
      setError(caught);
    }
  };
  const setRow = (index: number, field: RowField, value: string) =>
    setDraft((current) => ({ ...current, rows: current.rows.map((row, at) => (at === index ? { ...row, [field]: value } : row)) }));

  return (
    <form className="cb-settings" onSubmit={(event) => void submit(event)} noValidate>
      <p className="stat__hint" data-testid="settings-updated">
        {settings.updatedAt ? t("sc.settings.lastSaved", { at: format.dateTime(settings.updatedAt), by: settings.updatedBy ?? "—" }) : t("sc.settings.defaults")}
      </p>
      {!canEdit ? <Alert tone="info">{t("sc.settings.readOnly")}</Alert> : null}
      <fieldset className="cb-settings__group" disabled={!canEdit}>
        <legend>{t("sc.settings.requestTypes")}</legend>
        <TableScroll label={t("sc.settings.requestTypes")}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("sc.settings.col.requestType")}</th>
                {ROW_FIELDS.map((field) => (
                  <th key={field} scope="col">
                    {t(ROW_LABELS[field])}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {draft.rows.map((row, index) => (
                <tr key={row.requestType}>
                  <th scope="row">{format.requestType(row.requestType)}</th>
                  {ROW_FIELDS.map((field) => {
                    const name = `requestTypes.${index}.${field}`;
                    const message = problem(name);
                    return (
                      <td key={field}>
                        <input
                          id={`cb-setting-${name}`}
                          className="input input--short"
                          inputMode="numeric"
                          value={row[field]}
                          aria-label={`${format.requestType(row.requestType)} · ${t(ROW_LABELS[field])}`}
                          aria-invalid={message ? true : undefined}
                          aria-describedby={message ? `cb-setting-${name}-error` : undefined}
                          onChange={(event) => setRow(index, field, event.target.value)}
                        />
                        {message ? (
                          <p className="field__error" id={`cb-setting-${name}-error`}>
                            {message}
                          </p>
                        ) : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </fieldset>
      <fieldset className="cb-settings__group" disabled={!canEdit}>
        <legend>{t("sc.settings.general")}</legend>
        <Field id="cb-setting-surveySampleRate" label={t("sc.settings.survey")} error={problem("surveySampleRate", true)}>
          <TextInput className="input--short" inputMode="decimal" value={draft.surveyPercent} onChange={(event) => setDraft({ ...draft, surveyPercent: event.target.value })} />
        </Field>
        {GENERAL_FIELDS.map((field) => (
          <Field key={field} id={`cb-setting-${field}`} label={t(GENERAL_LABELS[field])} error={problem(field)}>
            <TextInput className="input--short" inputMode="numeric" value={draft[field]} onChange={(event) => setDraft({ ...draft, [field]: event.target.value })} />
          </Field>
        ))}
      </fieldset>
      {error && Object.keys(fields).length === 0 ? <Alert>{errorMessage(error)}</Alert> : null}
      <div aria-live="polite">{saved ? <Alert tone="success" testId="settings-saved">{t("sc.settings.saved")}</Alert> : null}</div>
      {canEdit ? (
        <div className="button-row">
          <Button type="submit" busy={loading} data-testid="settings-save">
            {t("sc.settings.save")}
          </Button>
        </div>
      ) : null}
    </form>
  );
}
