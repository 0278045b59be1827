import { useMemo } from "react";
import { Field, Select, TextInput, type SelectOptionGroup } from "../../components/Field.tsx";
import { TextArea } from "../../components/TextArea.tsx";
import { useFormat } from "../../i18n/I18nProvider.tsx";
import { useKnowledgeT } from "../i18n.ts";
import { ARTICLE_AUDIENCES, ARTICLE_LANGUAGES, type CategoryNode, type UnitOption } from "../types.ts";
import { CategoryPicker } from "./CategoryPicker.tsx";
import { BODY_MAX, FIELD_IDS, SUMMARY_MAX, type ArticleFormErrors, type ArticleFormValues } from "./formValues.ts";
import { KeywordsInput } from "./KeywordsInput.tsx";
import { MarkdownField } from "./MarkdownField.tsx";
import type { EditorMessageKey } from "./messages.ts";

const UNIT_KINDS = ["BUREAU", "DISTRICT_GOVERNMENT", "TOWNSHIP_OFFICE", "CITY_CENTRE", "OTHER"] as const;

export type ArticleFormFieldsProps = {
  values: ArticleFormValues;
  onChange: <F extends keyof ArticleFormValues>(field: F, value: ArticleFormValues[F]) => void;
  errors: ArticleFormErrors;
  categories: readonly CategoryNode[];
  units: readonly UnitOption[];
  disabled?: boolean;
};

/** The article's fields, each labelled, with hints and errors wired for screen readers. */
export function ArticleFormFields({ values, onChange, errors, categories, units, disabled }: ArticleFormFieldsProps) {
  const t = useKnowledgeT();
  const format = useFormat();
  const unitGroups = useMemo<SelectOptionGroup[]>(() => {
    // Units of a kind this screen does not know yet are listed under "Other units".
    const kindOf = (unit: UnitOption) => UNIT_KINDS.find((kind) => kind === unit.kind) ?? "OTHER";
    return UNIT_KINDS.map((kind) => ({
      label: t(`kbe.unitKind.${kind}` satisfies EditorMessageKey),
      options: units.filter((unit) => kindOf(unit) === kind).map((unit) => ({ value: unit.id, label: format.name(unit) })),
    })).filter((group) => group.options.length > 0);
  }, [units, t, format]);

  return (
    <>
      <Field id={FIELD_IDS.title} label={t("kbe.field.title")} hint={t("kbe.field.title.hint")} error={errors.title}>
        <TextInput name="title" value={values.title} disabled={disabled} onChange={(event) => onChange("title", event.target.value)} />
      </Field>
      <Field id={FIELD_IDS.summary} label={t("kbe.field.summary")} hint={t("kbe.field.summary.hint")} error={errors.summary}>
        <TextArea name="summary" rows={3} maxChars={SUMMARY_MAX} value={values.summary} disabled={disabled} onChange={(event) => onChange("summary", event.target.value)} />
      </Field>
      <Field id={FIELD_IDS.body} label={t("kbe.field.body")} hint={t("kbe.field.body.hint")} error={errors.body}>
        <MarkdownField value={values.body} maxChars={BODY_MAX} disabled={disabled} onChange={(body) => onChange("body", body)} />
      </Field>
      <CategoryPicker
        id={FIELD_IDS.categoryIds}
        categories={categories}
        value={values.categoryIds}
        error={errors.categoryIds}
        disabled={disabled}
        onChange={(ids) => onChange("categoryIds", ids)}
      />
      <Field id={FIELD_IDS.keywords} label={t("kbe.field.keywords")} hint={t("kbe.field.keywords.hint")} error={errors.keywords} optional>
        <KeywordsInput value={values.keywords} onChange={(keywords) => onChange("keywords", keywords)} />
      </Field>
      <div className="form-row">
        <Field id={FIELD_IDS.audience} label={t("kbe.field.audience")} hint={t("kbe.field.audience.hint")} error={errors.audience}>
          <Select
            name="audience"
            placeholder={null}
            value={values.audience}
            disabled={disabled}
            options={ARTICLE_AUDIENCES.map((audience) => ({ value: audience, label: t(`kb.audience.${audience}`) }))}
            onChange={(event) => onChange("audience", event.target.value === "PUBLIC" ? "PUBLIC" : "INTERNAL")}
          />
        </Field>
        <Field id={FIELD_IDS.language} label={t("kbe.field.language")} error={errors.language}>
          <Select
            name="language"
            placeholder={null}
            value={values.language}
            disabled={disabled}
            options={ARTICLE_LANGUAGES.map((language) => ({ value: language, label: t(`kb.language.${language}`) }))}
            onChange={(event) => onChange("language", event.target.value === "EN" ? "EN" : "ZH_CN")}
          />
        </Field>
      </div>
      <Field id={FIELD_IDS.owningUnitId} label={t("kbe.field.owningUnit")} error={errors.owningUnitId} optional>
        <Select
          name="owningUnitId"
          placeholder={t("kbe.field.owningUnit.none")}
          value={values.owningUnitId}
          disabled={disabled}
          groups={unitGroups}
          onChange={(event) => onChange("owningUnitId", event.target.value)}
        />
      </Field>
      <div className="form-row">
        <Field id={FIELD_IDS.effectiveFrom} label={t("kbe.field.effectiveFrom")} error={errors.effectiveFrom}>
          <TextInput type="date" name="effectiveFrom" value={values.effectiveFrom} disabled={disabled} onChange={(event) => onChange("effectiveFrom", event.target.value)} />
        </Field>
        <Field id={FIELD_IDS.expiresOn} label={t("kbe.field.expiresOn")} hint={t("kbe.field.expiresOn.hint")} error={errors.expiresOn} optional>
          <TextInput type="date" name="expiresOn" value={values.expiresOn} min={values.effectiveFrom || undefined} disabled={disabled} onChange={(event) => onChange("expiresOn", event.target.value)} />
        </Field>
      </div>
      <Field id={FIELD_IDS.source} label={t("kbe.field.source")} hint={t("kbe.field.source.hint")} error={errors.source} optional>
        <TextInput name="source" value={values.source} disabled={disabled} onChange={(event) => onChange("source", event.target.value)} />
      </Field>
    </>
  );
}
