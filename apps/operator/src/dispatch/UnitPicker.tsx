import { useQuery } from "@apollo/client/react";
import { Button, Combobox, Field, useFormat, type ComboboxItem } from "@civicline/ui";
import { useCallback, useMemo } from "react";
import { RoutingUnitsDocument, type RoutingUnitFieldsFragment } from "../gql/graphql.ts";
import { useDispatchT } from "./messages.ts";

type Unit = RoutingUnitFieldsFragment;

/** Units whose name (Chinese or English) or code contains the query; names that start with it first. */
export function matchUnits(units: readonly Unit[], query: string): Unit[] {
  const q = query.trim().toLowerCase();
  if (!q) {
    return [...units];
  }
  const scored = units.flatMap((unit) => {
    const names = [unit.nameZh, unit.nameEn, unit.code].map((value) => value.toLowerCase());
    if (names.some((name) => name.startsWith(q))) {
      return [{ unit, score: 0 }];
    }
    return names.some((name) => name.includes(q)) ? [{ unit, score: 1 }] : [];
  });
  return scored.sort((a, b) => a.score - b.score).map((entry) => entry.unit);
}

/** The unit directory for the pickers, and a search that turns units into combobox options. */
export function useUnitDirectory() {
  const t = useDispatchT();
  const format = useFormat();
  const { data } = useQuery(RoutingUnitsDocument);
  const units = useMemo(() => data?.units ?? [], [data]);
  const byId = useMemo(() => new Map(units.map((unit) => [unit.id, unit])), [units]);
  const toItem = useCallback(
    (unit: Unit): ComboboxItem => {
      const parent = unit.parentId ? byId.get(unit.parentId) : undefined;
      const kind = t(`rt.UnitKind.${unit.kind}`);
      return { id: unit.id, label: format.name(unit), detail: parent ? `${kind} · ${format.name(parent)}` : kind };
    },
    [byId, format, t],
  );
  const search = useCallback(
    (query: string, exclude: readonly string[] = []) => matchUnits(units, query).filter((unit) => !exclude.includes(unit.id)).map(toItem),
    [units, toItem],
  );
  const name = useCallback((id: string) => {
    const unit = byId.get(id);
    return unit ? format.name(unit) : "";
  }, [byId, format]);
  return { units, search, name };
}

export type UnitDirectory = ReturnType<typeof useUnitDirectory>;

type LeadProps = { directory: UnitDirectory; value: string; onChange: (id: string) => void; exclude?: readonly string[]; error?: string; testId?: string };

/** Searchable choice of the lead unit. */
export function LeadUnitPicker({ directory, value, onChange, exclude = [], error, testId = "dispatch-unit-picker" }: LeadProps) {
  const t = useDispatchT();
  const search = useCallback((query: string) => directory.search(query, exclude), [directory, exclude]);
  return (
    <Field label={t("dq.form.lead")} hint={t("dq.form.leadHint")} error={error}>
      <Combobox
        value={value}
        selectedLabel={directory.name(value)}
        search={search}
        onChange={onChange}
        listLabel={t("dq.units.list")}
        noResults={t("dq.units.none")}
        resultsLabel={(count) => t("dq.units.count", { count })}
        testId={testId}
      />
    </Field>
  );
}

type AssistingProps = { directory: UnitDirectory; values: readonly string[]; onChange: (ids: string[]) => void; exclude?: readonly string[] };

/** Any number of assisting units: pick one to add it, remove it from the list below. */
export function AssistingUnitsPicker({ directory, values, onChange, exclude = [] }: AssistingProps) {
  const t = useDispatchT();
  const search = useCallback((query: string) => directory.search(query, [...exclude, ...values]), [directory, exclude, values]);
  return (
    <Field label={t("dq.form.assisting")} hint={t("dq.form.assistingHint")} optional>
      <Combobox
        value=""
        selectedLabel=""
        search={search}
        onChange={(id) => (id ? onChange([...values, id]) : undefined)}
        listLabel={t("dq.units.list")}
        noResults={t("dq.units.none")}
        resultsLabel={(count) => t("dq.units.count", { count })}
        testId="dispatch-assist-picker"
      />
      {values.length > 0 ? (
        <ul className="chip-list" aria-live="polite">
          {values.map((id) => (
            <li key={id} className="chip" data-testid="dispatch-assist-unit">
              {directory.name(id)}
              <Button variant="ghost" onClick={() => onChange(values.filter((other) => other !== id))} aria-label={t("dq.form.remove", { unit: directory.name(id) })}>
                ✕
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </Field>
  );
}
