import { Button, Field, Select, useFormat } from "@civicline/ui";
import { useDispatchT } from "./messages.ts";
import { NO_FILTERS, type QueueFilters, type QueueItem } from "./queue.ts";

const URGENCIES = ["EMERGENCY", "URGENT", "NORMAL"];

/** Filters of the dispatch queue, with choices taken from the tickets waiting (issue 16). */
export function QueueFilterBar({ items, filters, onChange }: { items: readonly QueueItem[]; filters: QueueFilters; onChange: (filters: QueueFilters) => void }) {
  const t = useDispatchT();
  const format = useFormat();
  const unique = <T extends { id: string }>(list: T[]): T[] => [...new Map(list.map((item) => [item.id, item])).values()];
  const categories = unique(items.map((item) => item.ticket.category)).sort((a, b) => format.name(a).localeCompare(format.name(b)));
  const districts = unique(items.map((item) => item.ticket.district)).sort((a, b) => format.name(a).localeCompare(format.name(b)));
  const channels = [...new Set(items.map((item) => item.ticket.channel))];
  const set = (patch: Partial<QueueFilters>) => onChange({ ...filters, ...patch });
  const any = t("dq.filter.any");
  return (
    <form className="dispatch-filters" aria-label={t("dq.filter.label")} data-testid="dispatch-filters" onSubmit={(event) => event.preventDefault()}>
      <Field id="dq-filter-category" label={t("dq.filter.category")}>
        <Select value={filters.categoryId} placeholder={any} onChange={(event) => set({ categoryId: event.target.value })} options={categories.map((c) => ({ value: c.id, label: format.name(c) }))} />
      </Field>
      <Field id="dq-filter-district" label={t("dq.filter.district")}>
        <Select value={filters.districtId} placeholder={any} onChange={(event) => set({ districtId: event.target.value })} options={districts.map((d) => ({ value: d.id, label: format.name(d) }))} />
      </Field>
      <Field id="dq-filter-urgency" label={t("dq.filter.urgency")}>
        <Select value={filters.urgency} placeholder={any} onChange={(event) => set({ urgency: event.target.value })} options={URGENCIES.map((value) => ({ value, label: format.urgency(value) }))} />
      </Field>
      <Field id="dq-filter-channel" label={t("dq.filter.channel")}>
        <Select value={filters.channel} placeholder={any} onChange={(event) => set({ channel: event.target.value })} options={channels.map((value) => ({ value, label: format.channel(value) }))} />
      </Field>
      <label className="check dispatch-filters__returned">
        <input type="checkbox" checked={filters.returnedOnly} onChange={(event) => set({ returnedOnly: event.target.checked })} data-testid="dq-filter-returned" /> {t("dq.filter.returned")}
      </label>
      <Button variant="ghost" onClick={() => onChange(NO_FILTERS)}>
        {t("dq.filter.clear")}
      </Button>
    </form>
  );
}
