import { useId, useMemo, useState } from "react";
import { useLanguage } from "../../i18n/I18nProvider.tsx";
import { useKnowledgeT } from "../i18n.ts";
import type { CategoryNode } from "../types.ts";
import { categoryGroups, filterCategoryGroups } from "./categories.ts";

export type CategoryPickerProps = {
  /** Also the fieldset's id, so an error summary can link to it. */
  id: string;
  categories: readonly CategoryNode[];
  value: readonly string[];
  onChange: (ids: string[]) => void;
  error?: string;
  disabled?: boolean;
};

/**
 * Several categories from the tree: a filter box, checkboxes grouped by top-level category
 * (selectable ones only), and the chosen ones as removable chips.
 */
export function CategoryPicker({ id, categories, value, onChange, error, disabled }: CategoryPickerProps) {
  const t = useKnowledgeT();
  const { language } = useLanguage();
  const uid = useId();
  const [filter, setFilter] = useState("");
  const groups = useMemo(() => categoryGroups(categories, language), [categories, language]);
  const shown = useMemo(() => filterCategoryGroups(groups, filter), [groups, filter]);
  const pathById = useMemo(() => new Map(groups.flatMap((group) => group.choices.map((choice) => [choice.id, choice.path]))), [groups]);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const selected = new Set(value);

  const toggle = (categoryId: string, checked: boolean) => {
    onChange(checked ? [...value, categoryId] : value.filter((existing) => existing !== categoryId));
  };

  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={error ? "field kb-categories field--invalid" : "field kb-categories"}
      aria-describedby={[hintId, error ? errorId : ""].filter(Boolean).join(" ")}
      disabled={disabled}
    >
      <legend className="field__label">{t("kbe.field.categories")}</legend>
      <p className="field__hint" id={hintId}>
        {t("kbe.field.categories.hint")}
      </p>
      <div className="kb-categories__selected" aria-live="polite">
        <span className="visually-hidden">{t("kbe.field.categories.selected")}: </span>
        {value.length === 0 ? (
          <span className="kb-categories__none">{t("kbe.field.categories.none")}</span>
        ) : (
          <ul className="kb-chips">
            {value.map((categoryId) => {
              const name = pathById.get(categoryId) ?? categoryId;
              return (
                <li key={categoryId} className="kb-chip">
                  {name}
                  <button type="button" className="kb-chip__remove" aria-label={t("kbe.field.categories.remove", { name })} onClick={() => toggle(categoryId, false)}>
                    ×
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </div>
      <label className="visually-hidden" htmlFor={`${uid}-filter`}>
        {t("kbe.field.categories.filter")}
      </label>
      <input
        id={`${uid}-filter`}
        type="search"
        className="input kb-categories__filter"
        placeholder={t("kbe.field.categories.filter")}
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
          }
        }}
      />
      <div className="kb-categories__options" data-testid="kb-category-options">
        {shown.length === 0 ? <p className="field__hint">{t("kbe.field.categories.noMatch", { text: filter.trim() })}</p> : null}
        {shown.map((group) => (
          <fieldset key={group.id} className="kb-categories__group">
            <legend>{group.label}</legend>
            {group.choices.map((choice) => (
              <label key={choice.id} className="kb-check">
                <input
                  type="checkbox"
                  value={choice.id}
                  checked={selected.has(choice.id)}
                  aria-invalid={error ? true : undefined}
                  onChange={(event) => toggle(choice.id, event.target.checked)}
                />
                <span>{choice.label}</span>
              </label>
            ))}
          </fieldset>
        ))}
      </div>
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
