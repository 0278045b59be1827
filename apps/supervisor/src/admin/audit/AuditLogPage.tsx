import { useQuery } from "@apollo/client/react";
import { Alert, Button, EmptyState, enumLabel, Field, Loading, Select, TextInput, useErrorMessage, useFormat, useLanguage } from "@civicline/ui";
import { useState, type FormEvent } from "react";
import { AuditLogDocument, type AuditLogQuery } from "../../gql/graphql.ts";
import { useUnitNames } from "../accounts/AccountForm.tsx";
import { actionText, AUDIT_AREAS, auditMessages, useAuditT, type AuditMessageKey } from "./messages.ts";
import "../accounts/accounts.css";

const PAGE = 50;
type Entry = AuditLogQuery["auditLog"]["entries"][number];
type Filter = { query: string; area: string; from: string; to: string };

/** A `<input type="date">` value as the start of that day in China (the centre's time zone). */
function dayStart(value: string): string | null {
  return value ? new Date(`${value}T00:00:00+08:00`).toISOString() : null;
}

function nextDayStart(value: string): string | null {
  return value ? new Date(new Date(`${value}T00:00:00+08:00`).getTime() + 86_400_000).toISOString() : null;
}

/** Admin: the audit log, newest first, searched by text, area and dates; older entries page in. */
export function AuditLogPage() {
  const t = useAuditT();
  const errorMessage = useErrorMessage();
  const [draft, setDraft] = useState<Filter>({ query: "", area: "", from: "", to: "" });
  const [applied, setApplied] = useState<Filter>(draft);
  const filter = {
    query: applied.query.trim() || null,
    action: applied.area ? `${applied.area}.` : null,
    from: dayStart(applied.from),
    to: nextDayStart(applied.to),
  };
  const { data, loading, error, refetch, fetchMore } = useQuery(AuditLogDocument, { variables: { filter, limit: PAGE }, fetchPolicy: "cache-and-network", notifyOnNetworkStatusChange: true });
  const [older, setOlder] = useState<Entry[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const entries = [...(data?.auditLog.entries ?? []), ...older];
  const next = cursor === undefined ? data?.auditLog.nextCursor : cursor;

  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setOlder([]);
    setCursor(undefined);
    setApplied(draft);
  };

  const more = async () => {
    if (!next) {
      return;
    }
    const result = await fetchMore({ variables: { filter, after: next, limit: PAGE }, updateQuery: (previous) => previous });
    setOlder((current) => [...current, ...(result.data?.auditLog.entries ?? [])]);
    setCursor(result.data?.auditLog.nextCursor ?? null);
  };

  return (
    <>
      <h1 tabIndex={-1}>{t("al.title")}</h1>
      <p className="page-intro">{t("al.intro")}</p>
      <form className="audit-filters" role="search" onSubmit={search} data-testid="audit-search">
        <Field label={t("al.query")} hint={t("al.queryHint")} optional>
          <TextInput type="search" value={draft.query} onChange={(e) => setDraft({ ...draft, query: e.target.value })} data-testid="audit-query" />
        </Field>
        <Field label={t("al.area")} optional>
          <Select
            value={draft.area}
            placeholder={t("al.anyArea")}
            options={AUDIT_AREAS.map((area) => ({ value: area, label: t(`al.area.${area}` as AuditMessageKey) }))}
            onChange={(e) => setDraft({ ...draft, area: e.target.value })}
            data-testid="audit-area"
          />
        </Field>
        <Field label={t("al.from")} optional>
          <TextInput type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </Field>
        <Field label={t("al.to")} optional>
          <TextInput type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </Field>
        <div className="field">
          <Button type="submit" data-testid="audit-submit">
            {t("al.search")}
          </Button>
        </div>
      </form>
      {error && !data ? (
        <Alert>
          <p>{`${t("al.loadFailed")} ${errorMessage(error) ?? ""}`}</p>
          <Button variant="secondary" onClick={() => void refetch().catch(() => undefined)}>
            {t("common.retry")}
          </Button>
        </Alert>
      ) : null}
      {loading && !data ? <Loading /> : null}
      {data && entries.length === 0 ? (
        <EmptyState testId="audit-empty" title={t("al.empty.title")}>
          {t("al.empty.body")}
        </EmptyState>
      ) : null}
      {entries.length > 0 ? (
        <>
          <div className="table-scroll">
            <table className="data-table audit-table" data-testid="audit-table">
              <thead>
                <tr>
                  <th scope="col">{t("al.col.at")}</th>
                  <th scope="col">{t("al.col.actor")}</th>
                  <th scope="col">{t("al.col.action")}</th>
                  <th scope="col">{t("al.col.record")}</th>
                  <th scope="col">{t("al.col.changes")}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <AuditRow key={entry.id} entry={entry} />
                ))}
              </tbody>
            </table>
          </div>
          {next ? (
            <Button variant="secondary" busy={loading} onClick={() => void more().catch(() => undefined)}>
              {t("al.more")}
            </Button>
          ) : null}
        </>
      ) : null}
    </>
  );
}

const UNIT_FIELDS = new Set(["unitId", "leaderUnitId"]);

/** A changed value in words: units by name, roles by their label, flags as yes/no, else the JSON as stored. */
function useValueText(): (field: string, json: string | null) => string {
  const t = useAuditT();
  const { language } = useLanguage();
  const units = useUnitNames();
  return (field, json) => {
    if (json === null) {
      return t("al.noChanges");
    }
    const value: unknown = JSON.parse(json);
    if (typeof value === "boolean") {
      return value ? t("al.yes") : t("al.no");
    }
    if (typeof value === "string" && UNIT_FIELDS.has(field)) {
      return units.get(value) ?? value;
    }
    if (field === "roles" && Array.isArray(value)) {
      return value.map((role) => enumLabel(language, "Role", String(role).toUpperCase())).join("、");
    }
    if (Array.isArray(value)) {
      return value.map(String).join("、");
    }
    return typeof value === "string" ? value : json;
  };
}

function fieldText(t: ReturnType<typeof useAuditT>, field: string): string {
  const key = `al.field.${field}`;
  return key in auditMessages.en ? t(key as AuditMessageKey) : field;
}

function AuditRow({ entry }: { entry: Entry }) {
  const t = useAuditT();
  const format = useFormat();
  const valueText = useValueText();
  return (
    <tr data-testid="audit-row" data-action={entry.action}>
      <td>{format.dateTime(entry.at)}</td>
      <td>{entry.actorKind === "system" ? t("al.system") : entry.actorName}</td>
      <td>{actionText(t, entry.action)}</td>
      <td>
        {entry.entityLabel ?? entry.entityId ?? "—"}
        {entry.entityLabel && entry.entityId ? (
          <>
            <br />
            <small translate="no">{entry.entityId}</small>
          </>
        ) : null}
      </td>
      <td>
        {entry.changes.length === 0 ? (
          t("al.noChanges")
        ) : (
          <ul className="audit-changes">
            {entry.changes.map((change) => (
              <li key={change.field}>
                {fieldText(t, change.field)}: {valueText(change.field, change.before)} → {valueText(change.field, change.after)}
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}
