import { useMutation, useQuery } from "@apollo/client/react";
import { Alert, Button, Field, TextInput, useFormat } from "@civicline/ui";
import { useState, type FormEvent } from "react";
import { SaveSupervisionOrderSettingsDocument, SupervisionOrderSettingsDocument, type SupervisionOrderSettingsQuery } from "../gql/graphql.ts";
import { useOrderErrorMessage, useOrderT } from "./messages.ts";

type Minutes = { reminderMinutes: string; formalMinutes: string; listedMinutes: string };
const LEVEL_OF: Record<keyof Minutes, string> = { reminderMinutes: "REMINDER", formalMinutes: "FORMAL", listedMinutes: "LISTED" };

/** The order settings: the automatic reminder on overdue and each level's answer time; admins change them. */
export function OrderSettingsCard({ canEdit }: { canEdit: boolean }) {
  const settings = useQuery(SupervisionOrderSettingsDocument);
  const loaded = settings.data?.supervisionOrderSettings;
  return loaded ? <SettingsForm key={loaded.updatedAt ?? "defaults"} loaded={loaded} canEdit={canEdit} /> : null;
}

function SettingsForm({ loaded, canEdit }: { loaded: SupervisionOrderSettingsQuery["supervisionOrderSettings"]; canEdit: boolean }) {
  const t = useOrderT();
  const format = useFormat();
  const errorMessage = useOrderErrorMessage();
  const [save, saving] = useMutation(SaveSupervisionOrderSettingsDocument);
  const [auto, setAuto] = useState(loaded.autoReminderOnOverdue);
  const [minutes, setMinutes] = useState<Minutes>({ reminderMinutes: String(loaded.reminderMinutes), formalMinutes: String(loaded.formalMinutes), listedMinutes: String(loaded.listedMinutes) });
  const [saved, setSaved] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const result = await save({
      variables: { input: { autoReminderOnOverdue: auto, reminderMinutes: Number(minutes.reminderMinutes), formalMinutes: Number(minutes.formalMinutes), listedMinutes: Number(minutes.listedMinutes) } },
    }).catch(() => null);
    setSaved(Boolean(result?.data));
  };
  return (
    <form className="order-settings" aria-labelledby="order-settings-title" onSubmit={(event) => void submit(event)} data-testid="order-settings">
      <h2 id="order-settings-title">{t("so.settings.title")}</h2>
      {canEdit ? null : <p>{t("so.settings.readOnly")}</p>}
      <label className="checkbox">
        <input type="checkbox" checked={auto} disabled={!canEdit} onChange={(event) => setAuto(event.target.checked)} data-testid="order-settings-auto" /> {t("so.settings.auto")}
      </label>
      {(Object.keys(LEVEL_OF) as Array<keyof Minutes>).map((key) => (
        <Field key={key} label={t("so.settings.minutes", { level: format.enumValue("SupervisionOrderLevel", LEVEL_OF[key]!) })}>
          <TextInput inputMode="numeric" value={minutes[key]} disabled={!canEdit} onChange={(event) => setMinutes({ ...minutes, [key]: event.target.value })} />
        </Field>
      ))}
      <div aria-live="polite">
        {saving.error ? <Alert>{errorMessage(saving.error)}</Alert> : null}
        {saved ? <Alert tone="success">{t("so.settings.saved")}</Alert> : null}
      </div>
      {canEdit ? (
        <Button type="submit" variant="secondary" busy={saving.loading}>
          {t("so.settings.save")}
        </Button>
      ) : null}
    </form>
  );
}
