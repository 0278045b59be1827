import { useMutation, useQuery } from "@apollo/client/react";
import {
  Alert,
  appHref,
  Button,
  EmptyState,
  Field,
  fieldErrors,
  Loading,
  RadioGroup,
  REQUEST_TYPES,
  Select,
  TextArea,
  TextInput,
  useFormat,
  useLanguage,
} from "@civicline/ui";
import { useMemo, useState, type ReactNode } from "react";
import {
  AdminCategoriesDocument,
  AdminCategoryHistoryDocument,
  CreateCategoryDocument,
  MoveCategoryDocument,
  SetCategoryActiveDocument,
  UpdateCategoryDocument,
  type AdminCategoriesQuery,
  type CategoryFieldType,
  type RequestType,
} from "../../gql/graphql.ts";
import { branchIds, draftOf, emptyField, filterTree, inputOf, treeOrder, type AdminCategory, type CategoryDraft, type FieldDraft } from "./categoryForm.ts";
import { fieldProblemText, useAdminCategoryError, useAdminCategoryT, type AdminCategoryT } from "./messages.ts";
import "./admin-categories.css";

type Selection = { mode: "edit"; id: string } | { mode: "new"; parentId: string | null; selectable: boolean } | null;
type Problems = Record<string, string>;
type Notice = { tone: "success" | "error"; text: string } | null;

const FIELD_TYPES: CategoryFieldType[] = ["TEXT", "NUMBER", "DATE", "SELECT"] as CategoryFieldType[];

/** Admin: the category tree (all categories, deactivated ones marked) and an editor for the chosen one. */
export function AdminCategoriesPage() {
  const t = useAdminCategoryT();
  const errorMessage = useAdminCategoryError();
  const { language } = useLanguage();
  const { data, loading, error, refetch } = useQuery(AdminCategoriesDocument, { fetchPolicy: "cache-and-network" });
  const [query, setQuery] = useState("");
  const [selection, setSelection] = useState<Selection>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const categories = useMemo(() => data?.adminCategories ?? [], [data]);
  const entries = useMemo(() => treeOrder(categories), [categories]);
  const shown = filterTree(entries, query);
  const nameOf = (category: { nameZh: string; nameEn: string }) => (language === "zh-CN" ? category.nameZh : category.nameEn);
  const selected = selection?.mode === "edit" ? categories.find((category) => category.id === selection.id) ?? null : null;

  const choose = (next: Selection) => {
    setNotice(null);
    setSelection(next);
  };

  return (
    <>
      <h1 tabIndex={-1}>{t("ac.title")}</h1>
      <p className="page-intro">{t("ac.intro")}</p>
      <p>
        <a href={appHref("catalog/keywords")}>{t("ac.keywordsLink")}</a>
      </p>
      {error && !data ? (
        <Alert>
          <p>{`${t("ac.loadFailed")} ${errorMessage(error) ?? ""}`}</p>
          <Button variant="secondary" onClick={() => void refetch().catch(() => undefined)}>
            {t("ac.retry")}
          </Button>
        </Alert>
      ) : null}
      {loading && !data ? <Loading /> : null}
      <div aria-live="polite" data-testid="category-notice">
        {notice ? <Alert tone={notice.tone === "success" ? "success" : undefined}>{notice.text}</Alert> : null}
      </div>
      {data ? (
        <div className="admin-categories">
          <nav className="admin-categories__tree" aria-label={t("ac.tree")}>
            <Button variant="secondary" onClick={() => choose({ mode: "new", parentId: null, selectable: false })} data-testid="category-add-top">
              {t("ac.addTop")}
            </Button>
            {categories.length === 0 ? (
              <EmptyState testId="categories-empty" title={t("ac.empty.title")}>
                {t("ac.empty.body")}
              </EmptyState>
            ) : (
              <>
                <Field label={t("ac.filter")} hint={t("ac.filterHint")} optional>
                  <TextInput type="search" value={query} onChange={(event) => setQuery(event.target.value)} data-testid="categories-filter" />
                </Field>
                {shown.length === 0 ? <p>{t("ac.noMatch")}</p> : null}
                <ul className="admin-categories__list">
                  {shown.map(({ category, depth }) => (
                    <li key={category.id} style={{ paddingInlineStart: `${depth * 1.25}rem` }} data-testid="category-row" data-code={category.code}>
                      <button
                        type="button"
                        className="admin-categories__item"
                        aria-current={selection?.mode === "edit" && selection.id === category.id ? "true" : undefined}
                        onClick={() => choose({ mode: "edit", id: category.id })}
                      >
                        <span lang={language}>{nameOf(category)}</span> <code>{category.code}</code>
                        {category.selectable ? null : <span className="admin-categories__tag"> · {t("ac.group")}</span>}
                        {category.active ? null : <span className="admin-categories__tag admin-categories__tag--off"> · {t("ac.inactive")}</span>}
                      </button>
                      {!category.selectable && category.active ? (
                        <Button
                          variant="secondary"
                          className="admin-categories__add"
                          onClick={() => choose({ mode: "new", parentId: category.id, selectable: true })}
                          data-testid="category-add-under"
                        >
                          {t("ac.addUnder", { name: nameOf(category) })}
                        </Button>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </nav>
          <section className="admin-categories__editor" aria-labelledby="category-editor-title">
            {selection === null ? (
              <EmptyState testId="category-pick" title={t("ac.pick.title")}>
                {t("ac.pick.body")}
              </EmptyState>
            ) : selection.mode === "new" ? (
              <CategoryEditor
                key={`new-${selection.parentId ?? "top"}-${String(selection.selectable)}`}
                category={null}
                parent={categories.find((category) => category.id === selection.parentId) ?? null}
                initialSelectable={selection.selectable}
                policies={data.slaPolicies}
                categories={categories}
                onDone={(category, text) => {
                  setSelection({ mode: "edit", id: category.id });
                  setNotice({ tone: "success", text });
                }}
                onCancel={() => choose(null)}
              />
            ) : selected ? (
              <CategoryEditor
                key={`${selected.id}-${selected.version}`}
                category={selected}
                parent={categories.find((category) => category.id === selected.parentId) ?? null}
                initialSelectable={selected.selectable}
                policies={data.slaPolicies}
                categories={categories}
                onDone={(_category, text) => setNotice({ tone: "success", text })}
                onCancel={() => choose(null)}
              />
            ) : null}
          </section>
        </div>
      ) : null}
    </>
  );
}

type EditorProps = {
  category: AdminCategory | null;
  parent: AdminCategory | null;
  initialSelectable: boolean;
  policies: AdminCategoriesQuery["slaPolicies"];
  categories: readonly AdminCategory[];
  onDone: (category: AdminCategory, message: string) => void;
  onCancel: () => void;
};

function problemsOf(t: AdminCategoryT, caught: unknown): Problems {
  return fieldErrors(caught, (entry) => fieldProblemText(t, entry));
}

function CategoryEditor({ category, parent, initialSelectable, policies, categories, onDone, onCancel }: EditorProps) {
  const t = useAdminCategoryT();
  const errorMessage = useAdminCategoryError();
  const format = useFormat();
  const { language } = useLanguage();
  const [draft, setDraft] = useState<CategoryDraft>(() => draftOf(category, initialSelectable));
  const [problems, setProblems] = useState<Problems>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [create, creating] = useMutation(CreateCategoryDocument, { refetchQueries: [AdminCategoriesDocument], awaitRefetchQueries: true });
  const [update, updating] = useMutation(UpdateCategoryDocument);
  const nameOf = (item: { nameZh: string; nameEn: string }) => (language === "zh-CN" ? item.nameZh : item.nameEn);
  const set = <K extends keyof CategoryDraft>(key: K, value: CategoryDraft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const setField = (index: number, patch: Partial<FieldDraft>) =>
    setDraft((current) => ({ ...current, fields: current.fields.map((field, i) => (i === index ? { ...field, ...patch } : field)) }));

  const submit = async () => {
    setProblems({});
    setAlert(null);
    try {
      if (category) {
        const result = await update({ variables: { id: category.id, expectedVersion: category.version, input: inputOf(draft) } });
        const saved = result.data!.updateCategory;
        onDone(saved, t("ac.saved", { name: nameOf(saved), version: saved.version }));
      } else {
        const result = await create({ variables: { code: draft.code, parentId: parent?.id ?? null, input: inputOf(draft) } });
        const saved = result.data!.createCategory;
        onDone(saved, t("ac.created", { name: nameOf(saved) }));
      }
    } catch (caught) {
      const found = problemsOf(t, caught);
      setProblems(found);
      setAlert(Object.keys(found).length > 0 ? t("ac.invalid") : errorMessage(caught) ?? null);
    }
  };

  const policyLabel = (policy: AdminCategoriesQuery["slaPolicies"][number]) => {
    const scope = [policy.category ? nameOf(policy.category) : t("ac.sla.all"), policy.requestType ? format.requestType(policy.requestType) : null, policy.urgency ? format.urgency(policy.urgency) : null]
      .filter(Boolean)
      .join(" · ");
    const days = Math.round((policy.completionMinutes / (policy.aroundTheClock ? 1440 : 450)) * 10) / 10;
    return t(policy.aroundTheClock ? "ac.sla.clock" : "ac.sla.label", { scope, days });
  };

  const title = category ? t("ac.edit.title", { name: nameOf(category) }) : t("ac.new.title");
  return (
    <>
      <h2 id="category-editor-title">{title}</h2>
      {category ? (
        <p className="admin-categories__meta">
          <code>{category.code}</code> · {t("ac.version", { version: category.version, when: format.dateTime(String(category.updatedAt)) })}
          {category.active ? null : <strong> · {t("ac.inactive")}</strong>}
        </p>
      ) : (
        <p className="admin-categories__meta">{parent ? t("ac.new.under", { name: nameOf(parent) }) : t("ac.new.top")}</p>
      )}
      <div aria-live="polite">{alert ? <Alert>{alert}</Alert> : null}</div>
      <form
        className="admin-categories__form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {category ? null : (
          <Field label={t("ac.code")} hint={t("ac.codeHint")} error={problems.code}>
            <TextInput value={draft.code} onChange={(event) => set("code", event.target.value)} data-testid="category-code" autoComplete="off" />
          </Field>
        )}
        <div className="admin-categories__pair">
          <Field label={t("ac.nameZh")} error={problems.nameZh}>
            <TextInput lang="zh-CN" value={draft.nameZh} onChange={(event) => set("nameZh", event.target.value)} data-testid="category-name-zh" />
          </Field>
          <Field label={t("ac.nameEn")} error={problems.nameEn}>
            <TextInput lang="en" value={draft.nameEn} onChange={(event) => set("nameEn", event.target.value)} data-testid="category-name-en" />
          </Field>
        </div>
        <RadioGroup
          name="category-kind"
          legend={t("ac.kind")}
          value={draft.selectable ? "leaf" : "group"}
          options={[
            { value: "leaf", label: t("ac.kind.leaf") },
            { value: "group", label: t("ac.kind.group") },
          ]}
          onChange={(value) => set("selectable", value === "leaf")}
          error={problems.selectable}
          testId="category-kind"
        />
        {draft.selectable ? (
          <>
            <fieldset className="admin-categories__fieldset">
              <legend>{t("ac.fields")}</legend>
              <p className="field__hint">{t("ac.fieldsHint")}</p>
              {problems.fields ? <p className="field__error">{problems.fields}</p> : null}
              {draft.fields.length === 0 ? <p data-testid="category-fields-none">{t("ac.fields.none")}</p> : null}
              {draft.fields.map((field, index) => (
                <ExtraFieldEditor key={index} index={index} field={field} problems={problems} onChange={(patch) => setField(index, patch)} onRemove={() => set("fields", draft.fields.filter((_, i) => i !== index))} />
              ))}
              <Button variant="secondary" onClick={() => set("fields", [...draft.fields, emptyField()])} data-testid="category-field-add">
                {t("ac.field.add")}
              </Button>
            </fieldset>
            <div className="admin-categories__pair">
              <Field label={t("ac.templateZh")} hint={t("ac.templateHint")} error={problems.templateZh} optional>
                <TextArea lang="zh-CN" rows={2} maxChars={500} value={draft.templateZh} onChange={(event) => set("templateZh", event.target.value)} />
              </Field>
              <Field label={t("ac.templateEn")} hint={t("ac.templateHint")} error={problems.templateEn} optional>
                <TextArea lang="en" rows={2} maxChars={500} value={draft.templateEn} onChange={(event) => set("templateEn", event.target.value)} />
              </Field>
            </div>
            <fieldset className="admin-categories__fieldset" data-testid="category-request-types">
              <legend>{t("ac.requestTypes")}</legend>
              <p className="field__hint">{t("ac.requestTypesHint")}</p>
              {problems.requestTypes ? <p className="field__error">{problems.requestTypes}</p> : null}
              <div className="admin-categories__checks">
                {REQUEST_TYPES.map((type) => (
                  <label key={type}>
                    <input
                      type="checkbox"
                      checked={draft.requestTypes.includes(type as RequestType)}
                      onChange={(event) =>
                        set("requestTypes", event.target.checked ? [...draft.requestTypes, type as RequestType] : draft.requestTypes.filter((value) => value !== type))
                      }
                    />{" "}
                    {format.requestType(type)}
                  </label>
                ))}
              </div>
            </fieldset>
            <Field label={t("ac.sla")} hint={t("ac.slaHint")} error={problems.slaPolicyId} optional>
              <Select
                value={draft.slaPolicyId}
                placeholder={t("ac.sla.none")}
                options={policies.map((policy) => ({ value: policy.id, label: policyLabel(policy) }))}
                onChange={(event) => set("slaPolicyId", event.target.value)}
                data-testid="category-sla"
              />
            </Field>
          </>
        ) : null}
        <div className="admin-categories__actions">
          <Button type="submit" busy={creating.loading || updating.loading} data-testid="category-save">
            {category ? t("ac.save") : t("ac.create")}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t("ac.cancel")}
          </Button>
        </div>
      </form>
      {category ? <MoveAndActivate category={category} categories={categories} onDone={onDone} /> : null}
      {category ? <CategoryHistory id={category.id} /> : null}
    </>
  );
}

function ExtraFieldEditor({ index, field, problems, onChange, onRemove }: { index: number; field: FieldDraft; problems: Problems; onChange: (patch: Partial<FieldDraft>) => void; onRemove: () => void }) {
  const t = useAdminCategoryT();
  const format = useFormat();
  const at = `fields[${index}]`;
  const optionProblem = problems[`${at}.options`] ?? Object.entries(problems).find(([key]) => key.startsWith(`${at}.options[`))?.[1];
  return (
    <fieldset className="admin-categories__extra" data-testid="category-field">
      <legend>{t("ac.field.legend", { n: index + 1 })}</legend>
      <div className="admin-categories__grid">
        <Field label={t("ac.field.key")} hint={t("ac.field.keyHint")} error={problems[`${at}.key`]}>
          <TextInput value={field.key} onChange={(event) => onChange({ key: event.target.value })} data-testid="category-field-key" autoComplete="off" />
        </Field>
        <Field label={t("ac.field.labelZh")} error={problems[`${at}.labelZh`]}>
          <TextInput lang="zh-CN" value={field.labelZh} onChange={(event) => onChange({ labelZh: event.target.value })} data-testid="category-field-label-zh" />
        </Field>
        <Field label={t("ac.field.labelEn")} error={problems[`${at}.labelEn`]}>
          <TextInput lang="en" value={field.labelEn} onChange={(event) => onChange({ labelEn: event.target.value })} data-testid="category-field-label-en" />
        </Field>
        <Field label={t("ac.field.type")} error={problems[`${at}.type`]}>
          <Select
            value={field.type}
            placeholder={null}
            options={FIELD_TYPES.map((type) => ({ value: type, label: format.enumValue("CategoryFieldType", type) }))}
            onChange={(event) => onChange({ type: event.target.value as CategoryFieldType })}
            data-testid="category-field-type"
          />
        </Field>
      </div>
      <label className="admin-categories__check">
        <input type="checkbox" checked={field.required} onChange={(event) => onChange({ required: event.target.checked })} /> {t("ac.field.required")}
      </label>
      {field.type === "SELECT" ? (
        <Field label={t("ac.field.options")} hint={t("ac.field.optionsHint")} error={optionProblem}>
          <TextArea rows={3} maxChars={2000} value={field.options} onChange={(event) => onChange({ options: event.target.value })} data-testid="category-field-options" />
        </Field>
      ) : null}
      {field.type === "TEXT" ? (
        <Field label={t("ac.field.maxLength")} error={problems[`${at}.maxLength`]} optional>
          <TextInput inputMode="numeric" value={field.maxLength} onChange={(event) => onChange({ maxLength: event.target.value })} />
        </Field>
      ) : null}
      <Button variant="secondary" onClick={onRemove}>
        {t("ac.field.remove", { n: index + 1 })}
      </Button>
    </fieldset>
  );
}

function MoveAndActivate({ category, categories, onDone }: { category: AdminCategory; categories: readonly AdminCategory[]; onDone: (category: AdminCategory, message: string) => void }) {
  const t = useAdminCategoryT();
  const errorMessage = useAdminCategoryError();
  const { language } = useLanguage();
  const nameOf = (item: { nameZh: string; nameEn: string }) => (language === "zh-CN" ? item.nameZh : item.nameEn);
  const [parentId, setParentId] = useState(category.parentId ?? "");
  const [problem, setProblem] = useState<string | null>(null);
  const [move, moving] = useMutation(MoveCategoryDocument);
  const [activate, activating] = useMutation(SetCategoryActiveDocument, { refetchQueries: [AdminCategoriesDocument], awaitRefetchQueries: true });
  const branch = branchIds(categories, category.id);
  // Groups outside its own branch (the server refuses the others with INTAKE/CATEGORY_CYCLE anyway).
  const groups = treeOrder(categories).filter(({ category: group }) => !group.selectable && group.active && !branch.has(group.id));
  const run = async (work: () => Promise<AdminCategory | undefined>, message: (saved: AdminCategory) => string) => {
    setProblem(null);
    try {
      const saved = await work();
      if (saved) {
        onDone(saved, message(saved));
      }
    } catch (caught) {
      const [first] = Object.values(fieldErrors(caught, (entry) => fieldProblemText(t, entry)));
      setProblem(first ?? errorMessage(caught) ?? null);
    }
  };
  return (
    <section className="admin-categories__side" aria-label={t("ac.move.legend")}>
      <form
        className="admin-categories__move"
        onSubmit={(event) => {
          event.preventDefault();
          void run(async () => (await move({ variables: { id: category.id, parentId: parentId || null, expectedVersion: category.version } })).data?.moveCategory, (saved) => t("ac.moved", { name: nameOf(saved) }));
        }}
      >
        <Field label={t("ac.move.parent")} optional>
          <Select
            value={parentId}
            placeholder={t("ac.move.top")}
            options={groups.map(({ category: group, depth }) => ({ value: group.id, label: `${"— ".repeat(depth)}${nameOf(group)} (${group.code})` }))}
            onChange={(event) => setParentId(event.target.value)}
            data-testid="category-move-parent"
          />
        </Field>
        <Button type="submit" variant="secondary" busy={moving.loading} disabled={(category.parentId ?? "") === parentId} data-testid="category-move">
          {t("ac.move.submit")}
        </Button>
      </form>
      {category.active ? (
        <div>
          <p className="field__hint">{t("ac.deactivateHint")}</p>
          <Button
            variant="secondary"
            busy={activating.loading}
            data-testid="category-deactivate"
            onClick={() => {
              if (window.confirm(t("ac.confirmDeactivate", { name: nameOf(category) }))) {
                void run(async () => (await activate({ variables: { id: category.id, active: false, expectedVersion: category.version } })).data?.setCategoryActive, (saved) => t("ac.deactivated", { name: nameOf(saved) }));
              }
            }}
          >
            {t("ac.deactivate")}
          </Button>
        </div>
      ) : (
        <Button
          variant="secondary"
          busy={activating.loading}
          data-testid="category-reactivate"
          onClick={() => void run(async () => (await activate({ variables: { id: category.id, active: true, expectedVersion: category.version } })).data?.setCategoryActive, (saved) => t("ac.reactivated", { name: nameOf(saved) }))}
        >
          {t("ac.reactivate")}
        </Button>
      )}
      <div aria-live="polite">{problem ? <Alert>{problem}</Alert> : null}</div>
    </section>
  );
}

/** The category's versions, newest first (remounted with each new version by the editor's key). */
function CategoryHistory({ id }: { id: string }): ReactNode {
  const t = useAdminCategoryT();
  const format = useFormat();
  const { language } = useLanguage();
  const { data } = useQuery(AdminCategoryHistoryDocument, { variables: { id }, fetchPolicy: "network-only" });
  const versions = data?.categoryHistory ?? [];
  return (
    <section aria-labelledby="category-history-title">
      <h3 id="category-history-title">{t("ac.history")}</h3>
      {data && versions.length === 0 ? <p>{t("ac.history.empty")}</p> : null}
      <ol className="admin-categories__history" data-testid="category-history">
        {versions.map((entry) => (
          <li key={entry.version}>
            {t("ac.history.entry", {
              version: entry.version,
              change: format.enumValue("CategoryChange", entry.change),
              name: language === "zh-CN" ? entry.nameZh : entry.nameEn,
              who: entry.updatedByName,
              when: format.dateTime(String(entry.updatedAt)),
            })}
          </li>
        ))}
      </ol>
    </section>
  );
}
