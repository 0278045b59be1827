import { useQuery } from "@apollo/client/react";
import { Field, Select, useFormat, useLanguage, type SelectOptionGroup } from "@civicline/ui";
import { useMemo } from "react";
import { TicketSearchOptionsDocument } from "../../gql/graphql.ts";
import type { DashboardFilter } from "./drill.ts";
import { useDashboardT } from "./messages.ts";

const REQUEST_TYPES = ["CONSULTATION", "HELP", "COMPLAINT", "SUGGESTION", "REPORT", "PRAISE", "OTHER"];
const CHANNELS = ["PHONE", "PORTAL", "OPEN311", "API", "SMS_WECHAT", "EMAIL", "WALK_IN"];

type Named = { id: string; nameZh: string; nameEn?: string | null };

/** The dashboard's filters: unit (with or without its sub-units), district, category subtree, channel, request type. */
export function DashboardFilters({
  filter,
  includeSubUnits,
  onChange,
}: {
  filter: DashboardFilter;
  includeSubUnits: boolean;
  onChange: (filter: DashboardFilter, includeSubUnits: boolean) => void;
}) {
  const t = useDashboardT();
  const format = useFormat();
  const { language } = useLanguage();
  const options = useQuery(TicketSearchOptionsDocument);
  const name = (item: { nameZh: string; nameEn?: string | null }) => (language === "en" && item.nameEn) || item.nameZh;
  const named = (items: readonly Named[] | undefined) => (items ?? []).map((item) => ({ value: item.id, label: name(item) }));
  const categoryGroups = useMemo((): SelectOptionGroup[] => {
    const all = options.data?.categories ?? [];
    return all
      .filter((c) => !c.parentId)
      .map((group) => ({ label: name(group), options: [{ value: group.id, label: name(group) }, ...all.filter((c) => c.parentId === group.id).map((c) => ({ value: c.id, label: name(c) }))] }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [options.data, language]);
  const set = (key: keyof DashboardFilter, value: string) => onChange({ ...filter, [key]: value }, includeSubUnits);
  const any = Object.values(filter).some(Boolean);
  return (
    <details className="dash-filters" open={any}>
      <summary>{t("dash.filters")}</summary>
      <div className="dash-filters__grid">
        <Field label={t("dash.filter.unit")} optional>
          <Select value={filter.unitId} onChange={(event) => set("unitId", event.target.value)} options={named(options.data?.units)} placeholder={t("dash.filter.all")} data-testid="dash-filter-unit" />
        </Field>
        <label className="dash-filters__check">
          <input type="checkbox" checked={includeSubUnits} disabled={!filter.unitId} onChange={(event) => onChange(filter, event.target.checked)} />
          {t("dash.filter.subUnits")}
        </label>
        <Field label={t("dash.filter.district")} optional>
          <Select value={filter.districtId} onChange={(event) => set("districtId", event.target.value)} options={named(options.data?.areas)} placeholder={t("dash.filter.all")} data-testid="dash-filter-district" />
        </Field>
        <Field label={t("dash.filter.category")} optional>
          <Select value={filter.categoryId} onChange={(event) => set("categoryId", event.target.value)} groups={categoryGroups} placeholder={t("dash.filter.all")} data-testid="dash-filter-category" />
        </Field>
        <Field label={t("dash.filter.channel")} optional>
          <Select value={filter.channel} onChange={(event) => set("channel", event.target.value)} options={CHANNELS.map((value) => ({ value, label: format.channel(value) }))} placeholder={t("dash.filter.all")} />
        </Field>
        <Field label={t("dash.filter.requestType")} optional>
          <Select value={filter.requestType} onChange={(event) => set("requestType", event.target.value)} options={REQUEST_TYPES.map((value) => ({ value, label: format.requestType(value) }))} placeholder={t("dash.filter.all")} />
        </Field>
      </div>
    </details>
  );
}
