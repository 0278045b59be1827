import { useQuery } from "@apollo/client/react";
import { Alert, Button, EmptyState, Field, Loading, Select, useFormat, useLanguage } from "@civicline/ui";
import { useState } from "react";
import { OrderUnitsDocument, SupervisionOrdersDocument, type SupervisionOrderLevel, type SupervisionOrderState } from "../gql/graphql.ts";
import { useOrderErrorMessage, useOrderT } from "./messages.ts";
import { OrderSettingsCard } from "./OrderSettingsCard.tsx";
import { OrderTable } from "./OrderTable.tsx";
import { useOrdersLive } from "./useOrdersLive.ts";

const POLL_MS = 60_000;
const STATES = ["active", "OPEN", "ANSWERED", "CLOSED"] as const;
const LEVELS: readonly SupervisionOrderLevel[] = ["REMINDER", "FORMAL", "LISTED"];

/** The centre's supervision orders: filters by state, level, unit and overdue answers; kept live. */
export function OrdersPage({ canEditSettings }: { canEditSettings: boolean }) {
  const t = useOrderT();
  const format = useFormat();
  const { language } = useLanguage();
  const errorMessage = useOrderErrorMessage();
  const [state, setState] = useState<(typeof STATES)[number]>("active");
  const [level, setLevel] = useState("");
  const [unitId, setUnitId] = useState("");
  const [overdueOnly, setOverdueOnly] = useState(false);
  const filter = {
    states: state === "active" ? null : [state as SupervisionOrderState],
    level: (level || null) as SupervisionOrderLevel | null,
    unitId: unitId || null,
    overdueOnly,
  };
  const orders = useQuery(SupervisionOrdersDocument, { variables: { filter, limit: 200 }, fetchPolicy: "cache-and-network", pollInterval: POLL_MS });
  const units = useQuery(OrderUnitsDocument);
  const { liveInterrupted } = useOrdersLive();
  const items = orders.data?.supervisionOrders ?? [];
  const unitOptions = (units.data?.units ?? []).map((unit) => ({ value: unit.id, label: language === "en" ? unit.nameEn : unit.nameZh }));

  return (
    <section aria-labelledby="orders-title" data-testid="orders-page">
      <h1 id="orders-title" tabIndex={-1}>
        {t("so.title")}
      </h1>
      <p className="page-intro">{t("so.intro")}</p>
      <fieldset className="order-filters">
        <legend className="visually-hidden">{t("so.filter.legend")}</legend>
        <Field label={t("so.filter.state")}>
          <Select value={state} placeholder={null} options={STATES.map((value) => ({ value, label: t(`so.filter.state.${value}`) }))} onChange={(event) => setState(event.target.value as (typeof STATES)[number])} data-testid="order-filter-state" />
        </Field>
        <Field label={t("so.filter.level")}>
          <Select value={level} placeholder={t("so.filter.level.all")} options={LEVELS.map((value) => ({ value, label: format.enumValue("SupervisionOrderLevel", value) }))} onChange={(event) => setLevel(event.target.value)} data-testid="order-filter-level" />
        </Field>
        <Field label={t("so.filter.unit")}>
          <Select value={unitId} placeholder={t("so.filter.unit.all")} options={unitOptions} onChange={(event) => setUnitId(event.target.value)} data-testid="order-filter-unit" />
        </Field>
        <label className="checkbox">
          <input type="checkbox" checked={overdueOnly} onChange={(event) => setOverdueOnly(event.target.checked)} data-testid="order-filter-overdue" /> {t("so.filter.overdue")}
        </label>
      </fieldset>
      {liveInterrupted ? <Alert tone="info">{t("so.liveLost")}</Alert> : null}
      {orders.error && !orders.data ? (
        <Alert>
          <p>{`${t("so.loadFailed")} ${errorMessage(orders.error) ?? ""}`}</p>
          <Button variant="secondary" onClick={() => void orders.refetch().catch(() => undefined)}>
            {t("common.retry")}
          </Button>
        </Alert>
      ) : null}
      {orders.loading && !orders.data ? <Loading /> : null}
      {orders.data && items.length === 0 ? (
        <EmptyState testId="orders-empty" title={t("so.empty.title")}>
          {t("so.empty.body")}
        </EmptyState>
      ) : null}
      {items.length > 0 ? <OrderTable items={items} /> : null}
      <OrderSettingsCard canEdit={canEditSettings} />
    </section>
  );
}
