import { useQuery } from "@apollo/client/react";
import { enumLabel, Field, Select, TextInput, useLanguage, type Role } from "@civicline/ui";
import { AccountUnitsDocument } from "../../gql/graphql.ts";
import { useAccountT } from "./messages.ts";

/** Roles an account can hold, in the order the form lists them (INTEGRATOR is an API key, not an account). */
export const ACCOUNT_ROLES: readonly Role[] = ["OPERATOR", "DISPATCHER", "HANDLER", "SUPERVISOR", "CALLBACK_AGENT", "QA_INSPECTOR", "LEADER", "ADMIN"];

export type AccountDraft = {
  username: string;
  displayName: string;
  roles: Role[];
  unitId: string;
  seat: string;
  team: string;
  leaderUnitId: string;
};

export const EMPTY_DRAFT: AccountDraft = { username: "", displayName: "", roles: [], unitId: "", seat: "", team: "", leaderUnitId: "" };

/** The values a mutation takes: empty optional fields as null, units only with the role that uses them. */
export function draftInput(draft: AccountDraft) {
  return {
    displayName: draft.displayName,
    roles: draft.roles,
    unitId: draft.roles.includes("HANDLER") ? draft.unitId || null : null,
    seat: draft.seat.trim() || null,
    team: draft.team.trim() || null,
    leaderUnitId: draft.roles.includes("LEADER") ? draft.leaderUnitId || null : null,
  };
}

/** The unit names by id for lists (zh or en). */
export function useUnitNames(): Map<string, string> {
  const { language } = useLanguage();
  const { data } = useQuery(AccountUnitsDocument);
  return new Map((data?.units ?? []).map((unit) => [unit.id, language === "zh-CN" ? unit.nameZh : unit.nameEn]));
}

/**
 * The fields of an account: username (only when creating), name, roles as checkboxes, and what the
 * roles need — a unit for a handler, seat and team for a call-taker, the unit a leader heads.
 */
export function AccountFields({ draft, onChange, errors, creating }: { draft: AccountDraft; onChange: (draft: AccountDraft) => void; errors: Record<string, string>; creating: boolean }) {
  const t = useAccountT();
  const { language } = useLanguage();
  const { data } = useQuery(AccountUnitsDocument);
  const units = [...(data?.units ?? [])].sort((a, b) => a.code.localeCompare(b.code));
  const unitOptions = units.map((unit) => ({ value: unit.id, label: `${language === "zh-CN" ? unit.nameZh : unit.nameEn} (${unit.code})` }));
  const set = (patch: Partial<AccountDraft>) => onChange({ ...draft, ...patch });
  const toggle = (role: Role, on: boolean) => set({ roles: on ? [...draft.roles, role] : draft.roles.filter((r) => r !== role) });
  return (
    <>
      {creating ? (
        <Field label={t("sa.field.username")} hint={t("sa.field.usernameHint")} error={errors.username}>
          <TextInput name="username" autoComplete="off" autoCapitalize="none" spellCheck={false} value={draft.username} onChange={(e) => set({ username: e.target.value })} />
        </Field>
      ) : null}
      <Field label={t("sa.field.displayName")} error={errors.displayName}>
        <TextInput name="displayName" autoComplete="off" value={draft.displayName} onChange={(e) => set({ displayName: e.target.value })} />
      </Field>
      <fieldset className="account-roles" aria-describedby={errors.roles ? "account-roles-error" : undefined}>
        <legend>
          {t("sa.field.roles")} <span className="field__hint">{t("sa.field.rolesHint")}</span>
        </legend>
        {ACCOUNT_ROLES.map((role) => (
          <label key={role} className="account-roles__option">
            <input type="checkbox" name="roles" value={role} checked={draft.roles.includes(role)} onChange={(e) => toggle(role, e.target.checked)} /> {enumLabel(language, "Role", role)}
          </label>
        ))}
        {errors.roles ? (
          <p id="account-roles-error" className="field__error" role="alert">
            {errors.roles}
          </p>
        ) : null}
      </fieldset>
      {draft.roles.includes("HANDLER") ? (
        <Field label={t("sa.field.unit")} hint={t("sa.field.unitHint")} error={errors.unitId}>
          <Select name="unitId" value={draft.unitId} placeholder={t("sa.field.chooseUnit")} options={unitOptions} onChange={(e) => set({ unitId: e.target.value })} />
        </Field>
      ) : null}
      {draft.roles.includes("OPERATOR") || draft.roles.includes("LEADER") ? (
        <div className="account-form__pair">
          <Field label={t("sa.field.seat")} hint={t("sa.field.seatHint")} error={errors.seat} optional>
            <TextInput name="seat" value={draft.seat} onChange={(e) => set({ seat: e.target.value })} />
          </Field>
          <Field label={t("sa.field.team")} error={errors.team} optional>
            <TextInput name="team" value={draft.team} onChange={(e) => set({ team: e.target.value })} />
          </Field>
        </div>
      ) : null}
      {draft.roles.includes("LEADER") ? (
        <Field label={t("sa.field.leaderUnit")} error={errors.leaderUnitId} optional>
          <Select name="leaderUnitId" value={draft.leaderUnitId} placeholder={t("sa.field.chooseUnit")} options={unitOptions} onChange={(e) => set({ leaderUnitId: e.target.value })} />
        </Field>
      ) : null}
    </>
  );
}
