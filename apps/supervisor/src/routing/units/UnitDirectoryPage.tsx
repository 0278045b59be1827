import { useQuery } from "@apollo/client/react";
import { Alert, Button, Field, Loading, TextInput, useFormat, useRoutingErrorMessage } from "@civicline/ui";
import { useState } from "react";
import { UnitDirectoryDocument, type UnitDirectoryFieldsFragment } from "../../gql/graphql.ts";
import { useSupervisorRoutingT } from "../messages.ts";
import { UnitForm } from "./UnitForm.tsx";
import { UnitStaffList } from "./UnitStaffList.tsx";
import { UNIT_KINDS, filterUnits } from "./unitForm.ts";

type Editing = { unit: UnitDirectoryFieldsFragment | null } | null;

/** Admin: the unit directory grouped by kind, searchable, with an editor and each unit's staff. */
export function UnitDirectoryPage() {
  const t = useSupervisorRoutingT();
  const format = useFormat();
  const errorMessage = useRoutingErrorMessage();
  const { data, loading, error, refetch } = useQuery(UnitDirectoryDocument, { fetchPolicy: "cache-and-network" });
  const [query, setQuery] = useState("");
  const [editing, setEditing] = useState<Editing>(null);
  const [staffOf, setStaffOf] = useState<UnitDirectoryFieldsFragment | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const units = data?.unitDirectory ?? [];
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const shown = filterUnits(units, query);
  const groups = UNIT_KINDS.map((kind) => ({ kind, units: shown.filter((unit) => unit.kind === kind) })).filter((group) => group.units.length > 0);

  const open = (unit: UnitDirectoryFieldsFragment | null) => {
    setSaved(null);
    setStaffOf(null);
    setEditing({ unit });
  };
  return (
    <>
      <div className="section-header">
        <h1 tabIndex={-1}>{t("sr.ud.title")}</h1>
        <Button onClick={() => open(null)} data-testid="unit-new">
          {t("sr.ud.new")}
        </Button>
      </div>
      <p className="page-intro">{t("sr.ud.intro")}</p>
      <div aria-live="polite">{saved ? <Alert tone="success">{saved}</Alert> : null}</div>
      {editing ? (
        <UnitForm
          key={editing.unit?.id ?? "new"}
          unit={editing.unit}
          units={units}
          onCancel={() => setEditing(null)}
          onSaved={(unit) => {
            setEditing(null);
            setSaved(t("sr.ud.saved", { unit: format.name(unit) }));
          }}
        />
      ) : null}
      {staffOf ? <UnitStaffList key={staffOf.id} unitId={staffOf.id} unitName={format.name(staffOf)} onClose={() => setStaffOf(null)} /> : null}
      {error && !data ? (
        <Alert>
          <p>{`${t("sr.ud.loadFailed")} ${errorMessage(error) ?? ""}`}</p>
          <Button variant="secondary" onClick={() => void refetch().catch(() => undefined)}>
            {t("common.retry")}
          </Button>
        </Alert>
      ) : null}
      {loading && !data ? <Loading /> : null}
      {data ? (
        <>
          <Field label={t("sr.ud.search")} hint={t("sr.ud.searchHint")} optional>
            <TextInput type="search" value={query} onChange={(event) => setQuery(event.target.value)} data-testid="unit-search" />
          </Field>
          <p aria-live="polite">{shown.length > 0 ? t("sr.ud.count", { count: shown.length }) : t("sr.ud.none")}</p>
        </>
      ) : null}
      {groups.map((group) => (
        <section key={group.kind} className="unit-group" aria-labelledby={`unit-group-${group.kind}`} data-testid="unit-group">
          <h2 id={`unit-group-${group.kind}`}>{t(`rt.UnitKind.${group.kind}`)}</h2>
          <ul className="unit-list">
            {group.units.map((unit) => {
              const parent = unit.parentId ? byId.get(unit.parentId) : undefined;
              return (
                <li key={unit.id} className="unit-row" data-testid="unit-row" data-unit-id={unit.id}>
                  <div>
                    <strong>{format.name(unit)}</strong> <span className="unit-code">{unit.code}</span>
                    {unit.active ? null : <span className="badge badge--done">{t("sr.ud.inactive")}</span>}
                    <div className="unit-meta">
                      {parent ? <span>{t("sr.ud.under", { parent: format.name(parent) })}</span> : null}
                      {unit.contactPhone ? <span>{t("sr.ud.phone", { phone: unit.contactPhone })}</span> : null}
                    </div>
                  </div>
                  <div className="button-row">
                    <Button variant="secondary" onClick={() => open(unit)} aria-label={t("sr.ud.editLabel", { unit: format.name(unit) })} data-testid="unit-edit">
                      {t("sr.ud.edit")}
                    </Button>
                    <Button
                      variant="ghost"
                      onClick={() => {
                        setEditing(null);
                        setStaffOf(unit);
                      }}
                      aria-label={t("sr.ud.staffLabel", { unit: format.name(unit) })}
                      data-testid="unit-staff-open"
                    >
                      {t("sr.ud.staff")}
                    </Button>
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </>
  );
}
