import { Field, Select } from "@civicline/ui";
import { useQaManageT } from "./messages.ts";

export type TeamOption = { id: string; name: string };

/** The team shown (leads see their own teams first). */
export function TeamPicker({ teams, value, onChange, allLabel }: { teams: readonly TeamOption[]; value: string; onChange: (teamId: string) => void; allLabel?: string }) {
  const t = useQaManageT();
  return (
    <Field label={t("qm.team")}>
      <Select
        value={value}
        placeholder={null}
        onChange={(event) => onChange(event.target.value)}
        options={[...(allLabel ? [{ value: "", label: allLabel }] : []), ...teams.map((team) => ({ value: team.id, label: team.name }))]}
      />
    </Field>
  );
}

/** Teams the person leads first, then the others, each in the API's order. */
export function orderTeams<T extends TeamOption>(teams: readonly T[], ledTeamIds: readonly string[]): T[] {
  const led = (team: T) => (ledTeamIds.includes(team.id) ? 0 : 1);
  return [...teams].sort((a, b) => led(a) - led(b));
}
