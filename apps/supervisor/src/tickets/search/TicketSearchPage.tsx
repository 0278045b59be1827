import { useMutation, useQuery } from "@apollo/client/react";
import {
  Alert,
  AppLink,
  Button,
  EmptyState,
  errorCode,
  Field,
  Loading,
  navigateTo,
  Select,
  TableScroll,
  TextInput,
  UrgencyBadge,
  useErrorMessage,
  useFieldErrors,
  useFormat,
  useHotkeys,
  useLanguage,
  type SelectOption,
  type SelectOptionGroup,
} from "@civicline/ui";
import { useMemo, useState, type FormEvent } from "react";
import {
  DeleteTicketSearchViewDocument,
  SaveTicketSearchViewDocument,
  SearchTicketsDocument,
  TicketSearchOptionsDocument,
  TicketSearchTownshipsDocument,
  TicketSearchViewsDocument,
  type TicketSearchFilter,
  type TicketSearchSort,
} from "../../gql/graphql.ts";
import { EMPTY_FORM, exportHref, FLAGS, fromFilter, invertedRanges, RANGES, toFilter, wholeTrackingNumber, type SearchForm } from "./filter.ts";
import { useTicketSearchT, type TicketSearchMessageKey } from "./messages.ts";
import { formFromQuery, measureFromQuery } from "./url.ts";
import "./search.css";

const PAGE = 20;
const STATUSES = ["RECEIVED", "AWAITING_DISPATCH", "DISPATCHED", "SIGNED_FOR", "IN_PROGRESS", "REPLIED", "CLOSED", "CLOSED_DIRECT", "MERGED"];
const REQUEST_TYPES = ["CONSULTATION", "HELP", "COMPLAINT", "SUGGESTION", "REPORT", "PRAISE", "OTHER"];
const CHANNELS = ["PHONE", "PORTAL", "OPEN311", "API", "SMS_WECHAT", "EMAIL", "WALK_IN"];
const URGENCIES = ["NORMAL", "URGENT", "EMERGENCY"];
const SORTS = ["RECEIVED_DESC", "RECEIVED_ASC", "DUE_ASC"];
/** Roles that see and search callers' phones. */
const PHONE_ROLES = ["OPERATOR", "CALLBACK_AGENT"];

const FLAG_LABELS: Record<(typeof FLAGS)[number], TicketSearchMessageKey> = {
  overdue: "ts.f.overdue",
  nearDue: "ts.f.nearDue",
  returned: "ts.f.returned",
  reReported: "ts.f.reReported",
  underSupervision: "ts.f.underSupervision",
};

/**
 * Ticket search (工单查询): a box for a tracking number or words (a whole tracking number opens the
 * ticket page), a filter panel, the result table paged with cursors, saved views and the CSV export.
 * What the list holds is the server's: centre staff see every ticket, handlers their unit's.
 */
export function TicketSearchPage({ roles }: { roles: readonly string[] }) {
  const t = useTicketSearchT();
  const format = useFormat();
  const { language } = useLanguage();
  const errorMessage = useErrorMessage();
  const fieldErrorsOf = useFieldErrors();
  // A drill-down link (tickets/search?categoryId=…) opens the search with its filters applied.
  const [linked] = useState(() => formFromQuery(window.location.search));
  // …and a measure's figure (tickets/search?measure=DIRECT&measureFrom=…) narrows it to the tickets behind it, until removed.
  const [measure, setMeasure] = useState(() => measureFromQuery(window.location.search));
  const [form, setForm] = useState<SearchForm>(linked ?? EMPTY_FORM);
  const [applied, setApplied] = useState<{ filter: TicketSearchFilter; sort: TicketSearchSort }>(() => ({
    filter: { ...(linked ? toFilter(linked) : {}), ...(measure ? { measure: measure as TicketSearchFilter["measure"] } : {}) },
    sort: EMPTY_FORM.sort,
  }));
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [viewId, setViewId] = useState("");
  const [viewName, setViewName] = useState("");
  const [notice, setNotice] = useState("");
  const [filtersOpen, setFiltersOpen] = useState(linked !== null);
  const mayUsePhone = roles.some((role) => PHONE_ROLES.includes(role));
  useHotkeys([{ combo: "/", handler: (event) => {
        event.preventDefault();
        document.getElementById("ticket-search-box")?.focus();
      } }]);

  const options = useQuery(TicketSearchOptionsDocument);
  const townships = useQuery(TicketSearchTownshipsDocument, { variables: { districtId: form.districtId }, skip: !form.districtId });
  const views = useQuery(TicketSearchViewsDocument, { fetchPolicy: "cache-and-network" });
  const after = cursors.at(-1) ?? null;
  const result = useQuery(SearchTicketsDocument, {
    variables: { filter: applied.filter, sort: applied.sort, first: PAGE, after },
    fetchPolicy: "cache-and-network",
    notifyOnNetworkStatusChange: true,
  });
  const [saveView, saving] = useMutation(SaveTicketSearchViewDocument, { refetchQueries: [TicketSearchViewsDocument] });
  const [deleteView] = useMutation(DeleteTicketSearchViewDocument, { refetchQueries: [TicketSearchViewsDocument] });

  const serverFields = fieldErrorsOf(result.error);
  const fieldError = (key: string) => localErrors[key] ?? (serverFields[`filter.${key}`] ? t(key === "text" ? "ts.error.text" : "ts.error.range") : undefined);
  const code = errorCode(result.error);
  const pageError = result.error && !Object.keys(serverFields).length
    ? code === "SUPERVISION/PHONE_SEARCH_NOT_ALLOWED"
      ? t("ts.error.PHONE")
      : code === "SUPERVISION/NO_UNIT"
        ? t("ts.error.NO_UNIT")
        : errorMessage(result.error)
    : undefined;

  const set = <K extends keyof SearchForm>(key: K, value: SearchForm[K]) => setForm((current) => ({ ...current, [key]: value, ...(key === "districtId" ? { townshipId: "" } : {}) }));

  function apply(next: SearchForm) {
    const inverted = invertedRanges(next);
    setLocalErrors(Object.fromEntries(inverted.map((name) => [name, t("ts.error.range")])));
    if (inverted.length > 0) {
      return;
    }
    setApplied({ filter: { ...toFilter(next), ...(measure ? { measure: measure as TicketSearchFilter["measure"] } : {}) }, sort: next.sort });
    setCursors([null]);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const number = wholeTrackingNumber(form.box);
    if (number) {
      navigateTo(`tickets/${encodeURIComponent(number)}`);
      return;
    }
    apply(form);
  }

  function openView(id: string) {
    setViewId(id);
    const view = views.data?.ticketSearchViews.find((candidate) => candidate.id === id);
    if (view) {
      const next = fromFilter(view.filterJson, view.sort);
      setForm(next);
      setViewName(view.name);
      apply(next);
    }
  }

  async function onSaveView(event: FormEvent) {
    event.preventDefault();
    setNotice("");
    const name = viewName.trim();
    if (!name) {
      return;
    }
    const existing = views.data?.ticketSearchViews.find((view) => view.name === name);
    try {
      const saved = await saveView({ variables: { name, filter: toFilter(form), sort: form.sort, id: existing?.id ?? null } });
      setViewId(saved.data?.saveTicketSearchView.id ?? "");
      setNotice(t("ts.views.saved", { name }));
    } catch (error) {
      setNotice(errorCode(error) === "SUPERVISION/SAVED_VIEW_NAME_TAKEN" ? t("ts.error.NAME_TAKEN") : (errorMessage(error) ?? ""));
    }
  }

  async function onDeleteView() {
    if (!viewId) {
      return;
    }
    await deleteView({ variables: { id: viewId } });
    setViewId("");
    setViewName("");
    setNotice(t("ts.views.deleted"));
  }

  const categoryGroups = useMemo((): SelectOptionGroup[] => {
    const all = options.data?.categories ?? [];
    const name = (c: { nameZh: string; nameEn: string }) => (language === "en" ? c.nameEn : c.nameZh);
    return all
      .filter((c) => !c.parentId)
      .map((group) => ({
        label: name(group),
        options: [{ value: group.id, label: `${name(group)} (${t("ts.any")})` }, ...all.filter((c) => c.parentId === group.id).map((c) => ({ value: c.id, label: name(c) }))],
      }));
  }, [options.data, language, t]);
  const named = (items: ReadonlyArray<{ id: string; nameZh: string; nameEn?: string | null }> | undefined): SelectOption[] =>
    (items ?? []).map((item) => ({ value: item.id, label: (language === "en" ? item.nameEn : null) || item.nameZh }));
  const enumOptions = (name: string, values: string[]): SelectOption[] => values.map((value) => ({ value, label: format.enumValue(name, value) }));

  const page = result.data?.searchTickets;
  const pageNumber = cursors.length;
  const hits = page?.hits ?? [];
  const total = page?.total;

  return (
    <section className="ticket-search" aria-labelledby="ticket-search-title">
      <h1 id="ticket-search-title" tabIndex={-1}>
        {t("ts.title")}
      </h1>
      <p className="ticket-search__intro">{t("ts.intro")}</p>
      {measure ? (
        <p role="status" className="ticket-search__notice" data-testid="ticket-search-measure">
          {t("ts.measure", { figure: format.enumValue("MeasureCounter", measure.counter), from: measure.from, to: measure.to })}{" "}
          <Button
            variant="ghost"
            onClick={() => {
              setMeasure(null);
              setApplied((current) => ({ ...current, filter: { ...current.filter, measure: undefined } }));
              setCursors([null]);
            }}
          >
            {t("ts.measure.remove")}
          </Button>
        </p>
      ) : null}

      <form className="ticket-search__form" onSubmit={onSubmit} role="search" aria-label={t("ts.title")}>
        <div className="ticket-search__box">
          <Field label={t("ts.box.label")} hint={t("ts.box.hint")} error={fieldError("text")} optional id="ticket-search-box">
            <TextInput value={form.box} onChange={(event) => set("box", event.target.value)} maxLength={400} autoComplete="off" data-testid="ticket-search-box" />
          </Field>
          <Button type="submit" data-testid="ticket-search-submit">
            {t("ts.box.submit")}
          </Button>
        </div>

        <details className="ticket-search__filters" open={filtersOpen} onToggle={(event) => setFiltersOpen(event.currentTarget.open)}>
          <summary data-testid="ticket-search-filters">{t("ts.filters")}</summary>
          <div className="ticket-search__grid">
            <Field label={t("ts.f.trackingNumber")} optional>
              <TextInput value={form.trackingNumber} onChange={(event) => set("trackingNumber", event.target.value)} maxLength={40} data-testid="ticket-search-tracking" />
            </Field>
            {mayUsePhone ? (
              <Field label={t("ts.f.phone")} hint={t("ts.f.phone.hint")} optional>
                <TextInput value={form.phone} onChange={(event) => set("phone", event.target.value)} inputMode="tel" maxLength={20} data-testid="ticket-search-phone" />
              </Field>
            ) : null}
            <Field label={t("ts.f.status")} optional>
              <Select value={form.status} onChange={(event) => set("status", event.target.value)} options={enumOptions("TicketStatus", STATUSES)} placeholder={t("ts.any")} data-testid="ticket-search-status" />
            </Field>
            <Field label={t("ts.f.requestType")} optional>
              <Select value={form.requestType} onChange={(event) => set("requestType", event.target.value)} options={enumOptions("RequestType", REQUEST_TYPES)} placeholder={t("ts.any")} />
            </Field>
            <Field label={t("ts.f.channel")} optional>
              <Select value={form.channel} onChange={(event) => set("channel", event.target.value)} options={enumOptions("Channel", CHANNELS)} placeholder={t("ts.any")} />
            </Field>
            <Field label={t("ts.f.urgency")} optional>
              <Select value={form.urgency} onChange={(event) => set("urgency", event.target.value)} options={enumOptions("Urgency", URGENCIES)} placeholder={t("ts.any")} />
            </Field>
            <Field label={t("ts.f.category")} optional>
              <Select value={form.categoryId} onChange={(event) => set("categoryId", event.target.value)} groups={categoryGroups} placeholder={t("ts.any")} data-testid="ticket-search-category" />
            </Field>
            <Field label={t("ts.f.district")} optional>
              <Select value={form.districtId} onChange={(event) => set("districtId", event.target.value)} options={named(options.data?.areas)} placeholder={t("ts.any")} data-testid="ticket-search-district" />
            </Field>
            <Field label={t("ts.f.township")} optional>
              <Select value={form.townshipId} onChange={(event) => set("townshipId", event.target.value)} options={named(townships.data?.areas)} placeholder={t("ts.any")} disabled={!form.districtId} />
            </Field>
            <Field label={t("ts.f.leadUnit")} optional>
              <Select value={form.leadUnitId} onChange={(event) => set("leadUnitId", event.target.value)} options={named(options.data?.units)} placeholder={t("ts.any")} />
            </Field>
            {RANGES.map((name) => (
              <fieldset key={name} className="ticket-search__range" aria-describedby={fieldError(name) ? `ticket-search-${name}-error` : undefined}>
                <legend>{t(`ts.f.${name}` as TicketSearchMessageKey)}</legend>
                <label>
                  <span>{t("ts.f.from")}</span>
                  <input type="date" className="input" value={form[`${name}From`]} onChange={(event) => set(`${name}From`, event.target.value)} data-testid={`ticket-search-${name}-from`} />
                </label>
                <label>
                  <span>{t("ts.f.to")}</span>
                  <input type="date" className="input" value={form[`${name}To`]} onChange={(event) => set(`${name}To`, event.target.value)} data-testid={`ticket-search-${name}-to`} />
                </label>
                {fieldError(name) ? (
                  <p className="field__error" id={`ticket-search-${name}-error`} role="alert">
                    {fieldError(name)}
                  </p>
                ) : null}
              </fieldset>
            ))}
            <fieldset className="ticket-search__flags">
              <legend>{t("ts.f.flags")}</legend>
              {FLAGS.map((flag) => (
                <label key={flag} className="ticket-search__flag">
                  <input type="checkbox" checked={form[flag]} onChange={(event) => set(flag, event.target.checked)} data-testid={`ticket-search-${flag}`} />
                  <span>{t(FLAG_LABELS[flag])}</span>
                </label>
              ))}
            </fieldset>
            <Field label={t("ts.f.sort")}>
              <Select value={form.sort} onChange={(event) => set("sort", event.target.value as TicketSearchSort)} options={enumOptions("TicketSearchSort", SORTS)} placeholder={null} data-testid="ticket-search-sort" />
            </Field>
          </div>
          <div className="ticket-search__actions">
            <Button type="submit" data-testid="ticket-search-apply">
              {t("ts.apply")}
            </Button>
            <Button
              variant="ghost"
              onClick={() => {
                setForm(EMPTY_FORM);
                setViewId("");
                apply(EMPTY_FORM);
              }}
            >
              {t("ts.filters.clear")}
            </Button>
          </div>
        </details>
      </form>

      <div className="ticket-search__tools">
        <div className="ticket-search__views">
          <h2>{t("ts.views")}</h2>
          {views.data && views.data.ticketSearchViews.length === 0 ? <p className="ticket-search__muted">{t("ts.views.none")}</p> : null}
          {views.data && views.data.ticketSearchViews.length > 0 ? (
            <Field label={t("ts.views.choose")} optional>
              <Select
                value={viewId}
                onChange={(event) => openView(event.target.value)}
                options={views.data.ticketSearchViews.map((view) => ({ value: view.id, label: view.name }))}
                placeholder={t("ts.any")}
                data-testid="ticket-search-views"
              />
            </Field>
          ) : null}
          <form className="ticket-search__save" onSubmit={(event) => void onSaveView(event)}>
            <Field label={t("ts.views.name")} optional>
              <TextInput value={viewName} onChange={(event) => setViewName(event.target.value)} maxLength={60} data-testid="ticket-search-view-name" />
            </Field>
            <Button type="submit" variant="secondary" busy={saving.loading} data-testid="ticket-search-view-save">
              {t("ts.views.save")}
            </Button>
            {viewId ? (
              <Button variant="ghost" onClick={() => void onDeleteView()} data-testid="ticket-search-view-delete">
                {t("ts.views.delete")}
              </Button>
            ) : null}
          </form>
          {notice ? (
            <p role="status" className="ticket-search__notice">
              {notice}
            </p>
          ) : null}
        </div>
        <div className="ticket-search__export">
          <a className="button button--secondary" href={exportHref(applied.filter, applied.sort, language)} download data-testid="ticket-search-export">
            {t("ts.export")}
          </a>
          <p className="ticket-search__muted">{t("ts.export.hint")}</p>
        </div>
      </div>

      <section aria-labelledby="ticket-search-results" className="ticket-search__results">
        <h2 id="ticket-search-results">
          {t("ts.results")}
          {total !== undefined && total !== null ? (
            <span className="ticket-search__count" data-testid="ticket-search-count">
              {" "}
              {page?.totalCapped ? t("ts.count.capped", { count: 1000 }) : t("ts.count", { count: total })}
            </span>
          ) : null}
        </h2>
        {pageError ? <Alert tone="error">{pageError}</Alert> : null}
        {result.loading && !page ? <Loading /> : null}
        {page && hits.length === 0 ? (
          <EmptyState title={t("ts.empty.title")} testId="ticket-search-empty">
            {t("ts.empty.body")}
          </EmptyState>
        ) : null}
        {hits.length > 0 ? (
          <TableScroll label={t("ts.results")} testId="ticket-search-table">
            <table className="data-table ticket-search__table" aria-busy={result.loading || undefined}>
              <caption className="visually-hidden">{t("ts.caption", { sort: format.enumValue("TicketSearchSort", applied.sort) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("ts.col.trackingNumber")}</th>
                  <th scope="col">{t("ts.col.title")}</th>
                  <th scope="col">{t("ts.col.status")}</th>
                  <th scope="col">{t("ts.col.requestType")}</th>
                  <th scope="col">{t("ts.col.channel")}</th>
                  <th scope="col">{t("ts.col.urgency")}</th>
                  <th scope="col">{t("ts.col.category")}</th>
                  <th scope="col">{t("ts.col.area")}</th>
                  <th scope="col">{t("ts.col.leadUnit")}</th>
                  <th scope="col">{t("ts.col.received")}</th>
                  <th scope="col">{t("ts.col.due")}</th>
                  <th scope="col">{t("ts.col.deadline")}</th>
                  <th scope="col">{t("ts.col.caller")}</th>
                  <th scope="col">{t("ts.col.phone")}</th>
                </tr>
              </thead>
              <tbody>
                {hits.map((hit) => (
                  <tr key={hit.id} data-testid={`ticket-search-row-${hit.trackingNumber}`}>
                    <th scope="row">
                      <AppLink to={`tickets/${encodeURIComponent(hit.trackingNumber)}`}>{hit.trackingNumber}</AppLink>
                    </th>
                    <td className="ticket-search__title">
                      {hit.title}
                      {hit.returnedCount > 0 ? <span className="ticket-search__badge">{t("ts.badge.returned", { count: hit.returnedCount })}</span> : null}
                      {hit.reReportCount > 0 ? <span className="ticket-search__badge">{t("ts.badge.reReported", { count: hit.reReportCount })}</span> : null}
                      {hit.underSupervision ? <span className="ticket-search__badge ticket-search__badge--warn">{t("ts.badge.supervised")}</span> : null}
                    </td>
                    <td>{format.enumValue("TicketStatus", hit.status)}</td>
                    <td>{format.enumValue("RequestType", hit.requestType)}</td>
                    <td>{format.enumValue("Channel", hit.channel)}</td>
                    <td>
                      <UrgencyBadge urgency={hit.urgency} />
                    </td>
                    <td>{(language === "en" ? hit.categoryNameEn : hit.categoryNameZh) ?? ""}</td>
                    <td>{[hit.districtName, hit.townshipName].filter(Boolean).join(" ")}</td>
                    <td>{(language === "en" ? (hit.leadUnitNameEn ?? hit.leadUnitNameZh) : hit.leadUnitNameZh) ?? ""}</td>
                    <td>
                      <time dateTime={hit.receivedAt}>{format.dateTime(hit.receivedAt)}</time>
                    </td>
                    <td>{hit.completionDueAt ? <time dateTime={hit.completionDueAt}>{format.dateTime(hit.completionDueAt)}</time> : null}</td>
                    <td>
                      {hit.deadlineState ? (
                        <span className={`ticket-search__deadline ticket-search__deadline--${hit.deadlineState.toLowerCase()}`}>{format.enumValue("DeadlineState", hit.deadlineState)}</span>
                      ) : null}
                    </td>
                    <td>{hit.citizenName}</td>
                    <td className="ticket-search__phone">{hit.citizenPhone}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : null}
        {page && (pageNumber > 1 || page.hasNextPage) ? (
          <nav className="ticket-search__pager" aria-label={t("ts.page", { page: pageNumber })}>
            <Button variant="secondary" disabled={pageNumber <= 1} onClick={() => setCursors((list) => list.slice(0, -1))} data-testid="ticket-search-prev">
              {t("ts.prev")}
            </Button>
            <span>{t("ts.page", { page: pageNumber })}</span>
            <Button
              variant="secondary"
              disabled={!page.hasNextPage || !page.endCursor}
              onClick={() => setCursors((list) => [...list, page.endCursor])}
              data-testid="ticket-search-next"
            >
              {t("ts.next")}
            </Button>
          </nav>
        ) : null}
      </section>
    </section>
  );
}
