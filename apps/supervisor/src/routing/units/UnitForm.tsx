import { useMutation, useQuery } from "@apollo/client/react";
import { Alert, Button, Combobox, Field, Select, TextInput, fieldErrors, useFieldErrors, useFormat, useRoutingErrorMessage, type ComboboxItem } from "@civicline/ui";
import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { RuleAreasDocument, SaveUnitDocument, type UnitDirectoryFieldsFragment, type UnitKind } from "../../gql/graphql.ts";
import { useSupervisorRoutingT } from "../messages.ts";
import { UNIT_KINDS, emptyUnitForm, filterUnits, formFromUnit, selfAndDescendants, toUnitInput, type UnitFormValues } from "./unitForm.ts";

type Props = {
  unit: UnitDirectoryFieldsFragment | null;
  units: readonly UnitDirectoryFieldsFragment[];
  onSaved: (unit: UnitDirectoryFieldsFragment) => void;
  onCancel: () => void;
};

const OWN_FIELD_CODES = ["DUPLICATE", "CYCLE"] as const;

function isUnitKind(value: string): value is UnitKind {
  return (UNIT_KINDS as readonly string[]).includes(value);
}

/** Creates a unit or saves an edited one (admins). */
export function UnitForm({ unit, units, onSaved, onCancel }: Props) {
  const t = useSupervisorRoutingT();
  const format = useFormat();
  const errorMessage = useRoutingErrorMessage();
  const toFieldErrors = useFieldErrors();
  const districts = useQuery(RuleAreasDocument, { variables: { parentId: null } });
  const districtIds = useMemo(() => (districts.data?.areas ?? []).map((area) => area.id), [districts.data]);
  const initial = useMemo(
    () => (unit ? formFromUnit(unit, districtIds, units.find((candidate) => candidate.id === unit.parentId) ?? null) : emptyUnitForm),
    [unit, units, districtIds],
  );
  const [edits, setEdits] = useState<Partial<UnitFormValues>>({});
  const values: UnitFormValues = { ...initial, ...edits };
  const townships = useQuery(RuleAreasDocument, { variables: { parentId: values.districtId }, skip: !values.districtId });
  const [error, setError] = useState<unknown>(null);
  const [save, { loading }] = useMutation(SaveUnitDocument, { refetchQueries: ["UnitDirectory"] });
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const set = <K extends keyof UnitFormValues>(key: K, value: UnitFormValues[K]) => setEdits((prev) => ({ ...prev, [key]: value }));
  const fields = {
    ...toFieldErrors(error),
    ...fieldErrors(error, (entry) => ((OWN_FIELD_CODES as readonly string[]).includes(entry.code ?? "") ? t(`sr.ud.err.${entry.code as (typeof OWN_FIELD_CODES)[number]}`) : undefined)),
  };
  const forbiddenParents = unit ? selfAndDescendants(units, unit.id) : new Set<string>();
  const unitName = (id: string) => {
    const found = units.find((candidate) => candidate.id === id);
    return found ? format.name(found) : "";
  };
  const searchParents = (query: string): ComboboxItem[] =>
    filterUnits(units, query)
      .filter((candidate) => !forbiddenParents.has(candidate.id))
      .map((candidate) => ({ id: candidate.id, label: format.name(candidate), detail: `${candidate.code} · ${t(`rt.UnitKind.${candidate.kind}`)}` }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const { data } = await save({ variables: { id: unit?.id ?? null, input: toUnitInput(values) } });
      if (data) {
        onSaved(data.saveUnit);
      }
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <form className="card rule-form" onSubmit={(event) => void submit(event)} aria-labelledby="unit-form-title" data-testid="unit-form" noValidate>
      <h2 id="unit-form-title" ref={headingRef} tabIndex={-1}>
        {unit ? t("sr.ud.form.editTitle") : t("sr.ud.form.newTitle")}
      </h2>
      <div className="form-row">
        <Field label={t("sr.ud.form.code")} hint={t("sr.ud.form.codeHint")} error={fields.code}>
          <TextInput value={values.code} onChange={(event) => set("code", event.target.value)} data-testid="unit-code" />
        </Field>
        <Field label={t("sr.ud.form.kind")} error={fields.kind}>
          <Select
            value={values.kind}
            options={UNIT_KINDS.map((kind) => ({ value: kind, label: t(`rt.UnitKind.${kind}`) }))}
            onChange={(event) => (isUnitKind(event.target.value) ? set("kind", event.target.value) : undefined)}
            data-testid="unit-kind"
          />
        </Field>
      </div>
      <div className="form-row">
        <Field label={t("sr.ud.form.nameZh")} error={fields.nameZh}>
          <TextInput value={values.nameZh} lang="zh-CN" onChange={(event) => set("nameZh", event.target.value)} data-testid="unit-name-zh" />
        </Field>
        <Field label={t("sr.ud.form.nameEn")} error={fields.nameEn}>
          <TextInput value={values.nameEn} lang="en" onChange={(event) => set("nameEn", event.target.value)} data-testid="unit-name-en" />
        </Field>
      </div>
      <div className="form-row">
        <Field label={t("sr.ud.form.district")} error={fields.areaId} optional>
          <Select
            value={values.districtId}
            placeholder={t("sr.ud.form.keepArea")}
            options={(districts.data?.areas ?? []).map((area) => ({ value: area.id, label: format.name(area) }))}
            onChange={(event) => setEdits((prev) => ({ ...prev, districtId: event.target.value, townshipId: "" }))}
            data-testid="unit-district"
          />
        </Field>
        <Field label={t("sr.ud.form.township")} optional>
          <Select
            value={values.townshipId}
            placeholder={t("sr.ud.form.wholeDistrict")}
            options={values.districtId ? (townships.data?.areas ?? []).map((area) => ({ value: area.id, label: format.name(area) })) : []}
            disabled={!values.districtId}
            onChange={(event) => set("townshipId", event.target.value)}
            data-testid="unit-township"
          />
        </Field>
      </div>
      <Field label={t("sr.ud.form.parent")} optional error={fields.parentId}>
        <Combobox
          value={values.parentId}
          selectedLabel={unitName(values.parentId)}
          placeholder={t("sr.ud.form.noParent")}
          search={searchParents}
          onChange={(id) => set("parentId", id)}
          listLabel={t("sr.units.list")}
          noResults={t("sr.units.none")}
          resultsLabel={(count) => t("sr.units.count", { count })}
          testId="unit-parent"
        />
        {values.parentId ? (
          <Button variant="ghost" onClick={() => set("parentId", "")} data-testid="unit-parent-clear">
            {t("sr.ud.form.noParent")}
          </Button>
        ) : null}
      </Field>
      <Field label={t("sr.ud.form.phone")} optional error={fields.contactPhone}>
        <TextInput type="tel" value={values.contactPhone} onChange={(event) => set("contactPhone", event.target.value)} data-testid="unit-phone" />
      </Field>
      <label className="checkbox">
        <input type="checkbox" checked={values.active} onChange={(event) => set("active", event.target.checked)} data-testid="unit-active" /> {t("sr.ud.form.active")}
      </label>
      {error && Object.keys(fields).length === 0 ? <Alert>{errorMessage(error)}</Alert> : null}
      <div className="button-row">
        <Button type="submit" busy={loading} data-testid="unit-save">
          {t("sr.ud.form.save")}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t("sr.ud.form.cancel")}
        </Button>
      </div>
    </form>
  );
}
