import { useQuery } from "@apollo/client/react";
import { Alert, Combobox, Field, useErrorMessage, useLanguage } from "@civicline/ui";
import { useCallback, useMemo } from "react";
import { CategoriesDocument } from "../gql/graphql.ts";
import { usePortalT } from "../messages.ts";
import { categoryChoices, filterCategories } from "./categories.ts";

export type CategoryFieldProps = { value: string; error?: string; onChange: (categoryId: string) => void };

/**
 * The category picker: a combobox searchable in Chinese and English (type to filter, ↓/↑ and Enter
 * to choose), labelled by the category's path.
 */
export function CategoryField({ value, error, onChange }: CategoryFieldProps) {
  const t = usePortalT();
  const { language } = useLanguage();
  // Each visit asks again: a category an admin just added (or deactivated) shows at once.
  const categories = useQuery(CategoriesDocument, { fetchPolicy: "cache-and-network" });
  const choices = useMemo(() => categoryChoices(categories.data?.categories ?? [], language), [categories.data, language]);
  const search = useCallback((query: string) => filterCategories(choices, query), [choices]);
  const selected = choices.find((choice) => choice.id === value);
  const errorMessage = useErrorMessage();
  return (
    <>
    {categories.error ? <Alert>{`${t("submit.loadFailed")} ${errorMessage(categories.error) ?? ""}`}</Alert> : null}
    <Field id="submit-categoryId" label={t("submit.category")} hint={t("submit.category.hint")} error={error}>
      <Combobox
        name="categoryId"
        value={value}
        selectedLabel={selected?.label ?? ""}
        search={search}
        onChange={onChange}
        listLabel={t("submit.category.list")}
        noResults={t("submit.category.none")}
        resultsLabel={(count) => t("submit.category.count", { count })}
        placeholder={t("submit.category.placeholder")}
        disabled={categories.loading}
        testId="category-picker"
        maxResults={100}
      />
    </Field>
    </>
  );
}
