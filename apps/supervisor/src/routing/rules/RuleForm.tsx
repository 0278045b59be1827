import { useMutation } from "@apollo/client/react";
import { Alert, Button, Combobox, Field, REQUEST_TYPES, Select, TextInput, useFieldErrors, useFormat, useRoutingErrorMessage, type RequestType } from "@civicline/ui";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { SaveDispatchRuleDocument, type DispatchRuleFieldsFragment } from "../../gql/graphql.ts";
import { useSupervisorRoutingT } from "../messages.ts";
import { useRuleOptions } from "./options.ts";
import { emptyRuleForm, formFromRule, toRuleInput, type RuleFormValues } from "./ruleForm.ts";

type Props = { rule: DispatchRuleFieldsFragment | null; onSaved: (rule: DispatchRuleFieldsFragment) => void; onCancel: () => void };

function isRequestType(value: string): value is RequestType {
  return (REQUEST_TYPES as readonly string[]).includes(value);
}

/** Creates a rule or saves an edited one as a new version. */
export function RuleForm({ rule, onSaved, onCancel }: Props) {
  const t = useSupervisorRoutingT();
  const format = useFormat();
  const errorMessage = useRoutingErrorMessage();
  const toFieldErrors = useFieldErrors();
  const [values, setValues] = useState<RuleFormValues>(() => (rule ? formFromRule(rule) : emptyRuleForm));
  const [leadMissing, setLeadMissing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const options = useRuleOptions(values.districtId);
  const [save, { loading }] = useMutation(SaveDispatchRuleDocument, { refetchQueries: ["DispatchRules", "DispatchRuleHistory"] });
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const set = <K extends keyof RuleFormValues>(key: K, value: RuleFormValues[K]) => setValues((prev) => ({ ...prev, [key]: value }));
  const fields = toFieldErrors(error);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!values.leadUnitId) {
      setLeadMissing(true);
      return;
    }
    setError(null);
    try {
      const { data } = await save({ variables: { id: rule?.id ?? null, input: toRuleInput(values) } });
      if (data) {
        onSaved(data.saveDispatchRule);
      }
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <form className="card rule-form" onSubmit={(event) => void submit(event)} aria-labelledby="rule-form-title" data-testid="rule-form" noValidate>
      <h2 id="rule-form-title" ref={headingRef} tabIndex={-1}>
        {rule ? t("sr.form.editTitle") : t("sr.form.newTitle")}
      </h2>
      <Field label={t("sr.form.category")} error={fields.categoryId}>
        <Select value={values.categoryId} placeholder={t("sr.form.anyCategory")} options={options.categories} onChange={(event) => set("categoryId", event.target.value)} data-testid="rule-category" />
      </Field>
      <div className="form-row">
        <Field label={t("sr.form.district")} error={fields.areaId}>
          <Select
            value={values.districtId}
            placeholder={t("sr.form.wholeCity")}
            options={options.districts}
            onChange={(event) => setValues((prev) => ({ ...prev, districtId: event.target.value, townshipId: "" }))}
            data-testid="rule-district"
          />
        </Field>
        <Field label={t("sr.form.township")} hint={t("sr.form.townshipHint")} optional>
          <Select value={values.townshipId} placeholder={t("sr.form.wholeDistrict")} options={options.townships} disabled={!values.districtId} onChange={(event) => set("townshipId", event.target.value)} data-testid="rule-township" />
        </Field>
      </div>
      <Field label={t("sr.form.requestType")} optional>
        <Select
          value={values.requestType}
          placeholder={t("sr.form.anyType")}
          options={REQUEST_TYPES.map((value) => ({ value, label: format.requestType(value) }))}
          onChange={(event) => set("requestType", isRequestType(event.target.value) ? event.target.value : "")}
          data-testid="rule-request-type"
        />
      </Field>
      <Field label={t("sr.form.keywords")} hint={t("sr.form.keywordsHint")} optional error={fields.keywords}>
        <TextInput value={values.keywords} onChange={(event) => set("keywords", event.target.value)} data-testid="rule-keywords" />
      </Field>
      <Field label={t("sr.form.lead")} error={leadMissing ? t("sr.form.leadRequired") : fields.leadUnitId}>
        <Combobox
          value={values.leadUnitId}
          selectedLabel={options.unitName(values.leadUnitId)}
          search={(query) => options.searchUnits(query)}
          onChange={(id) => {
            setLeadMissing(false);
            set("leadUnitId", id);
          }}
          listLabel={t("sr.units.list")}
          noResults={t("sr.units.none")}
          resultsLabel={(count) => t("sr.units.count", { count })}
          testId="rule-lead-unit"
        />
      </Field>
      <Field label={t("sr.form.assisting")} optional error={fields.assistingUnitIds}>
        <Combobox
          value=""
          selectedLabel=""
          search={(query) => options.searchUnits(query, [values.leadUnitId, ...values.assistingUnitIds])}
          onChange={(id) => (id ? set("assistingUnitIds", [...values.assistingUnitIds, id]) : undefined)}
          listLabel={t("sr.units.list")}
          noResults={t("sr.units.none")}
          testId="rule-assisting-unit"
        />
        {values.assistingUnitIds.length > 0 ? (
          <ul className="chip-list">
            {values.assistingUnitIds.map((id) => (
              <li key={id} className="chip">
                {options.unitName(id)}
                <Button variant="ghost" onClick={() => set("assistingUnitIds", values.assistingUnitIds.filter((other) => other !== id))} aria-label={t("sr.form.remove", { unit: options.unitName(id) })}>
                  ✕
                </Button>
              </li>
            ))}
          </ul>
        ) : null}
      </Field>
      <label className="checkbox">
        <input type="checkbox" checked={values.autoDispatch} onChange={(event) => set("autoDispatch", event.target.checked)} data-testid="rule-auto" /> {t("sr.form.auto")}
      </label>
      {error && Object.keys(fields).length === 0 ? <Alert>{errorMessage(error)}</Alert> : null}
      <div className="button-row">
        <Button type="submit" busy={loading} data-testid="rule-save">
          {t("sr.form.save")}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t("sr.form.cancel")}
        </Button>
      </div>
    </form>
  );
}
