import { useApolloClient, useQuery, useSubscription } from "@apollo/client/react";
import { Alert, Button, EmptyState, Loading, useErrorMessage, useFormat, useLiveStatus } from "@civicline/ui";
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { ChasingBoardDocument, ChasingChangedDocument, ChasingListDocument, type ChasingChangedSubscription, type ChasingItemFieldsFragment, type ChasingStage } from "../gql/graphql.ts";
import { OrderIssueForm } from "../orders/OrderIssueForm.tsx";
import { AlarmStrip } from "./AlarmStrip.tsx";
import { ChasingTable } from "./ChasingTable.tsx";
import { useChasingT } from "./messages.ts";
import { UnitBars } from "./UnitBars.tsx";
import { useAlarm } from "./useAlarm.ts";
import "./chasing.css";

export const CHASING_STAGES: readonly ChasingStage[] = ["WAITING_DISPATCH", "WAITING_SIGN_FOR", "IN_PROGRESS", "EXTENSION_PENDING"];
const PAGE = 50;
/** Fallback refresh for anything no push reports (a dropped socket). */
const POLL_MS = 120_000;

type Change = ChasingChangedSubscription["chasingChanged"];

/**
 * The chasing board (督办看板), the supervisor's landing page: the alarm for urgent tickets not
 * dispatched in time, a tab per stage with its red and yellow counts, the late tickets per unit and
 * the stage's list, oldest first. Live: each push carries the new figures; the list reloads only
 * when a ticket of the shown stage moved.
 */
export function ChasingPage({ stages = CHASING_STAGES, canIssueOrders = false }: { stages?: readonly ChasingStage[]; canIssueOrders?: boolean }) {
  const t = useChasingT();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const client = useApolloClient();
  const [stage, setStage] = useState<ChasingStage>(stages[0]!);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [flash, setFlash] = useState<ReadonlySet<string>>(new Set());
  const [now, setNow] = useState(() => Date.now());
  const [ordering, setOrdering] = useState<ChasingItemFieldsFragment | null>(null);
  const orderHeading = useRef<HTMLHeadingElement>(null);
  const board = useQuery(ChasingBoardDocument, { fetchPolicy: "cache-and-network", pollInterval: POLL_MS });
  const list = useQuery(ChasingListDocument, { variables: { stage, unitId, first: PAGE }, fetchPolicy: "cache-and-network", notifyOnNetworkStatusChange: true });
  const liveStatus = useLiveStatus();

  const live = useSubscription(ChasingChangedDocument, {
    onData: ({ data }) => {
      const change = data.data?.chasingChanged;
      if (change) {
        applyChange(change);
      }
    },
  });

  function applyChange(change: Change) {
    client.cache.updateQuery({ query: ChasingBoardDocument }, (current) => {
      if (!current) {
        return current;
      }
      const moved = new Set(change.units.map((unit) => `${unit.stage}|${unit.unitId ?? ""}`));
      const units = [...current.chasingBoard.units.filter((unit) => !moved.has(`${unit.stage}|${unit.unitId ?? ""}`)), ...change.units.filter((unit) => unit.overdue + unit.nearDue > 0)].sort(
        (a, b) => b.overdue - a.overdue || b.nearDue - a.nearDue,
      );
      return { chasingBoard: { ...current.chasingBoard, stages: change.stages, units, alarms: change.alarms, alarmCount: change.alarmCount } };
    });
    if (change.moves.some((move) => move.fromStage === stage || move.toStage === stage)) {
      void list.refetch().catch(() => undefined);
    }
    setNow(Date.now());
    setFlash(new Set(change.moves.map((move) => move.ticketId)));
    const first = change.moves.find((move) => move.toStage && move.toSeverity);
    if (first?.toStage && first.toSeverity) {
      const key = first.toSeverity === "OVERDUE" ? "ch.announce.red" : "ch.announce.yellow";
      setAnnouncement(t(key, { number: first.trackingNumber, stage: format.enumValue("ChasingStage", first.toStage) }));
    }
  }

  useEffect(() => {
    if (ordering) {
      orderHeading.current?.focus();
    }
  }, [ordering]);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 60_000);
    return () => window.clearInterval(timer);
  }, []);

  const data = board.data?.chasingBoard;
  const alarm = useAlarm(data ? data.alarmCount : null, t("ch.title"));
  const stageUnits = useMemo(() => (data?.units ?? []).filter((unit) => unit.stage === stage), [data, stage]);
  const counts = (name: ChasingStage) => data?.stages.find((entry) => entry.stage === name) ?? { overdue: 0, nearDue: 0 };
  const items = list.data?.chasingList.items ?? [];
  const total = list.data?.chasingList.total ?? 0;
  const selectedUnit = unitId ? stageUnits.find((unit) => unit.unitId === unitId) : null;
  const stageName = format.enumValue("ChasingStage", stage);

  const choose = (next: ChasingStage) => {
    setStage(next);
    setUnitId(null);
  };
  const moveTab = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = stages.indexOf(stage);
    const target = { ArrowRight: (index + 1) % stages.length, ArrowLeft: (index - 1 + stages.length) % stages.length, Home: 0, End: stages.length - 1 }[event.key];
    if (target !== undefined) {
      event.preventDefault();
      choose(stages[target]!);
      document.getElementById(`chasing-tab-${stages[target]}`)?.focus();
    }
  };
  const more = () =>
    void list.fetchMore({
      variables: { after: list.data?.chasingList.nextCursor },
      updateQuery: (previous, { fetchMoreResult }) => ({
        chasingList: { ...fetchMoreResult.chasingList, items: [...previous.chasingList.items, ...fetchMoreResult.chasingList.items] },
      }),
    });

  return (
    <section aria-labelledby="chasing-title" data-testid="chasing-page" className="chasing-page">
      <h1 id="chasing-title">{t("ch.title")}</h1>
      <p className="page-intro">{t("ch.intro")}</p>
      <div aria-live="polite" className="visually-hidden" data-testid="chasing-announce">
        {announcement}
      </div>
      {liveStatus === "reconnecting" || live.error ? <Alert tone="info">{t("ch.liveLost")}</Alert> : null}
      {board.error && !data ? (
        <Alert>
          <p>{`${t("ch.loadFailed")} ${errorMessage(board.error) ?? ""}`}</p>
          <Button variant="secondary" onClick={() => void board.refetch().catch(() => undefined)}>
            {t("ch.retry")}
          </Button>
        </Alert>
      ) : null}
      {board.loading && !data ? <Loading /> : null}
      {data && stages.includes("WAITING_DISPATCH") ? <AlarmStrip alarms={data.alarms} alarmCount={data.alarmCount} now={now} soundOn={alarm.soundOn} onSound={alarm.setSoundOn} /> : null}
      <div className="chasing-tabs" role="tablist" aria-label={t("ch.stages")}>
        {stages.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`chasing-tab-${name}`}
            data-testid={`chasing-tab-${name}`}
            aria-selected={stage === name}
            aria-controls="chasing-panel"
            tabIndex={stage === name ? 0 : -1}
            className="chasing-tab"
            onClick={() => choose(name)}
            onKeyDown={moveTab}
          >
            <span>{format.enumValue("ChasingStage", name)}</span>
            <span className="chasing-chip chasing-chip--red" data-testid={`chasing-count-${name}-red`} aria-label={`${format.enumValue("ChasingSeverity", "OVERDUE")} ${counts(name).overdue}`}>
              {counts(name).overdue}
            </span>
            <span className="chasing-chip chasing-chip--yellow" data-testid={`chasing-count-${name}-yellow`} aria-label={`${format.enumValue("ChasingSeverity", "NEAR_DUE")} ${counts(name).nearDue}`}>
              {counts(name).nearDue}
            </span>
          </button>
        ))}
      </div>
      <div id="chasing-panel" role="tabpanel" aria-labelledby={`chasing-tab-${stage}`} className="chasing-panel">
        {stageUnits.length > 0 ? <UnitBars units={stageUnits} selected={unitId} onSelect={setUnitId} /> : null}
        <div className="chasing-list">
          {selectedUnit ? (
            <p className="chasing-filter">
              {t("ch.units.filtered", { unit: format.name({ nameZh: selectedUnit.unitNameZh ?? "", nameEn: selectedUnit.unitNameEn }) })}{" "}
              <Button variant="secondary" onClick={() => setUnitId(null)}>
                {t("ch.units.clear")}
              </Button>
            </p>
          ) : null}
          {list.error && !list.data ? <Alert>{`${t("ch.loadFailed")} ${errorMessage(list.error) ?? ""}`}</Alert> : null}
          {list.loading && !list.data ? <Loading /> : null}
          {list.data && items.length === 0 ? (
            <EmptyState testId="chasing-empty" title={t("ch.empty.title")}>
              {unitId ? t("ch.empty.unit") : t("ch.empty.body")}
            </EmptyState>
          ) : null}
          {items.length > 0 ? (
            <ChasingTable
              items={items}
              caption={t("ch.list.caption", { stage: stageName })}
              now={now}
              flash={flash}
              renderActions={
                canIssueOrders && stage !== "WAITING_DISPATCH"
                  ? (item) => (
                      <Button variant="secondary" aria-label={t("ch.issueOrder.label", { number: item.trackingNumber })} data-testid={`chasing-order-${item.trackingNumber}`} onClick={() => setOrdering(item)}>
                        {t("ch.issueOrder")}
                      </Button>
                    )
                  : undefined
              }
            />
          ) : null}
          {ordering ? (
            <section className="chasing-order" aria-labelledby="chasing-order-title" data-testid="chasing-order-form">
              <h2 id="chasing-order-title" tabIndex={-1} ref={orderHeading}>
                {t("ch.issueOrder.label", { number: ordering.trackingNumber })}
              </h2>
              <OrderIssueForm key={ordering.ticketId} ticketId={ordering.ticketId} onIssued={() => undefined} />
              <Button
                variant="secondary"
                onClick={() => {
                  const number = ordering.trackingNumber;
                  setOrdering(null);
                  requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-testid="chasing-order-${number}"]`)?.focus());
                }}
              >
                {t("ch.issueOrder.close")}
              </Button>
            </section>
          ) : null}
          {items.length > 0 && total > items.length ? (
            <p className="stat__hint">
              {t("ch.list.showing", { shown: items.length, total })}{" "}
              {list.data?.chasingList.nextCursor ? (
                <Button variant="secondary" onClick={more}>
                  {t("ch.list.more")}
                </Button>
              ) : null}
            </p>
          ) : null}
        </div>
      </div>
    </section>
  );
}
