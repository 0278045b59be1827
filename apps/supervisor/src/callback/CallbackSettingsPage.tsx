import { useMutation, useQuery } from "@apollo/client/react";
import { Alert, Button, Field, Loading, TableScroll, TextInput, useFieldErrors, useFormat } from "@civicline/ui";
import { useState, type FormEvent } from "react";
import { CallbackSettingsDocument, SaveCallbackSettingsDocument, type CallbackSettingsFieldsFragment } from "../gql/graphql.ts";
import { useCallbackErrorMessage } from "./callbackErrors.ts";
import { useSupervisorCallbackT } from "./messages.ts";
import { draftOf, GENERAL_FIELDS, ROW_FIELDS, settingsInput, type DurationUnit, type FieldDraft, type GeneralField, type RowField, type SettingsDraft } from "./settingsForm.ts";

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

/**
 * A number as typed, or — for a limit — an amount with its unit (working hours or working days),
 * the unit a select beside it; `label` names the amount and, with "Unit of", the select.
 */
function LimitInput({ id, value, label, invalid, describedBy, onChange }: { id: string; value: FieldDraft; label: string; invalid: boolean; describedBy?: string; onChange: (value: FieldDraft) => void }) {
  const t = useSupervisorCallbackT();
  const common = { className: "input input--short", "aria-invalid": invalid ? true : undefined, "aria-describedby": describedBy } as const;
  if (typeof value === "string") {
    return <input id={id} {...common} inputMode="numeric" value={value} aria-label={label} onChange={(event) => onChange(event.target.value)} />;
  }
  return (
    <span className="limit-input">
      <input id={id} {...common} inputMode="decimal" value={value.amount} aria-label={label} onChange={(event) => onChange({ ...value, amount: event.target.value })} />
      <select
        className="select limit-input__unit"
        value={value.unit}
        aria-label={t("sc.settings.unitOf", { field: label })}
        onChange={(event) => onChange({ ...value, unit: event.target.value as DurationUnit })}
        data-testid={`${id}-unit`}
      >
        <option value="hours">{t("sc.settings.unit.hours")}</option>
        <option value="days">{t("sc.settings.unit.days")}</option>
      </select>
    </span>
  );
}

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
  const problem = (field: string, message: string): string | undefined => (invalid.includes(field) ? message : (fields[field] ?? fields[`input.${field}`]));

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
  const invalidMessage = (value: FieldDraft) => t(typeof value === "string" ? "sc.settings.invalid" : "sc.settings.invalidAmount");
  const setRow = (index: number, field: RowField, value: FieldDraft) =>
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
                    const message = problem(name, invalidMessage(row[field]));
                    return (
                      <td key={field}>
                        <LimitInput
                          id={`cb-setting-${name}`}
                          value={row[field]}
                          label={`${format.requestType(row.requestType)} · ${t(ROW_LABELS[field])}`}
                          invalid={Boolean(message)}
                          describedBy={message ? `cb-setting-${name}-error` : undefined}
                          onChange={(value) => setRow(index, field, value)}
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
        <Field id="cb-setting-surveySampleRate" label={t("sc.settings.survey")} error={problem("surveySampleRate", t("sc.settings.invalidRate"))}>
          <TextInput className="input--short" inputMode="decimal" value={draft.surveyPercent} onChange={(event) => setDraft({ ...draft, surveyPercent: event.target.value })} />
        </Field>
        {GENERAL_FIELDS.map((field) => {
          const value = draft[field];
          const message = problem(field, invalidMessage(value));
          return typeof value === "string" ? (
            <Field key={field} id={`cb-setting-${field}`} label={t(GENERAL_LABELS[field])} error={message}>
              <TextInput className="input--short" inputMode="numeric" value={value} onChange={(event) => setDraft({ ...draft, [field]: event.target.value })} />
            </Field>
          ) : (
            <div key={field} className={message ? "field field--invalid" : "field"}>
              <span className="field__label" id={`cb-setting-${field}-label`}>
                {t(GENERAL_LABELS[field])}
              </span>
              <LimitInput
                id={`cb-setting-${field}`}
                value={value}
                label={t(GENERAL_LABELS[field])}
                invalid={Boolean(message)}
                describedBy={message ? `cb-setting-${field}-error` : undefined}
                onChange={(next) => setDraft({ ...draft, [field]: next })}
              />
              {message ? (
                <p className="field__error" id={`cb-setting-${field}-error`}>
                  {message}
                </p>
              ) : null}
            </div>
          );
        })}
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
