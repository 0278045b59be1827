import { Combobox, Field, useLanguage } from "@civicline/ui";
import { useCallback, useMemo, useState } from "react";
import { useOperatorT } from "../messages.ts";
import { categoryOption, indexCategories, loadRecentCategories, rememberCategory, searchCategories, type CallCategory } from "./categories.ts";

export type CategoryPickerProps = {
  categories: readonly CallCategory[];
  value: string;
  error?: string;
  disabled?: boolean;
  onChange: (id: string) => void;
};

/**
 * The category as search-as-you-type over the tree's selectable leaves (Chinese or English name,
 * code, or a parent's name), the call-taker's recent choices first.
 */
export function CategoryPicker({ categories, value, error, disabled, onChange }: CategoryPickerProps) {
  const t = useOperatorT();
  const { language } = useLanguage();
  const [recent, setRecent] = useState(loadRecentCategories);
  const entries = useMemo(() => indexCategories(categories), [categories]);
  const recentSet = useMemo(() => new Set(recent), [recent]);
  const search = useCallback(
    (query: string) =>
      searchCategories(entries, query, recent).map((entry) =>
        categoryOption(entry, language, recentSet.has(entry.category.id) ? t("call.category.recent") : undefined),
      ),
    [entries, recent, recentSet, language, t],
  );
  const selected = entries.find((entry) => entry.category.id === value);

  return (
    <Field id="call-category" label={t("call.category")} hint={t("call.category.hint")} error={error}>
      <Combobox
        name="categoryId"
        testId="category-combobox"
        value={value}
        selectedLabel={selected ? categoryOption(selected, language).label : ""}
        search={search}
        disabled={disabled}
        onChange={(id) => {
          if (id) {
            setRecent(rememberCategory(id));
          }
          onChange(id);
        }}
        listLabel={t("call.category")}
        noResults={t("combobox.noResults")}
        resultsLabel={(count) => t("combobox.results", { count })}
        placeholder={t("call.category.placeholder")}
      />
    </Field>
  );
}
