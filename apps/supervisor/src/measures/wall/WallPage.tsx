import { useQuery, useSubscription } from "@apollo/client/react";
import { AppLink, errorCode, useLanguage, useLiveStatus, type Language } from "@civicline/ui";
import { useEffect, useState } from "react";
import { WallboardChangedDocument, WallboardDocument, type WallboardFieldsFragment } from "../../gql/graphql.ts";
import { ticketSearchHref } from "../../tickets/search/url.ts";
import { formatCount, formatRate } from "../dashboard/numbers.ts";
import { periodOf, todayInChina } from "../dashboard/period.ts";
import { useWallT } from "./messages.ts";
import "./wall.css";

/** How long after a failed load the wall asks again (only while it has nothing to show). */
const RETRY_MS = 15_000;

/** How long until just after the next midnight in China (when the wall reads the new day's figures). */
export function msToNextChinaMidnight(now: Date): number {
  const today = todayInChina(now);
  const next = new Date(`${today}T00:00:00+08:00`).getTime() + 86_400_000;
  return Math.max(1_000, next - now.getTime() + 1_000);
}

/** The newer of two walls (a push may arrive before or after a refetch). */
function newer(a: WallboardFieldsFragment | undefined, b: WallboardFieldsFragment | undefined): WallboardFieldsFragment | undefined {
  if (!a || !b) {
    return a ?? b;
  }
  return new Date(String(b.computedAt)).getTime() > new Date(String(a.computedAt)).getTime() ? b : a;
}

function clock(language: Language, at: Date, seconds = false): string {
  return new Intl.DateTimeFormat(language, { timeZone: "Asia/Shanghai", hour: "2-digit", minute: "2-digit", ...(seconds ? { second: "2-digit" } : {}), hourCycle: "h23" }).format(at);
}

function Tile({ label, value, hint, tone, href, testId }: { label: string; value: string; hint?: string; tone?: "danger" | "warning" | "good"; href?: string; testId: string }) {
  const body = (
    <>
      <span className="wall-tile__label">{label}</span>
      <span className="wall-tile__value" data-testid={`${testId}-value`}>{value}</span>
      {hint ? <span className="wall-tile__hint">{hint}</span> : null}
    </>
  );
  const className = `wall-tile${tone ? ` wall-tile--${tone}` : ""}`;
  return href ? (
    <AppLink to={href} className={className} data-testid={testId}>
      {body}
    </AppLink>
  ) : (
    <div className={className} data-testid={testId}>
      {body}
    </div>
  );
}

/**
 * The centre's wall display (大屏): today's figures, what is late now, callbacks waiting, this
 * month's satisfaction and the top hot issues, in type legible across a room. Pushed live by
 * `wallboardChanged` (no polling); the app's socket reconnects by itself after a network or server
 * restart and then refetches, so the wall catches up with whatever it missed. At midnight (China
 * time) it reads the new day's figures.
 */
export function WallPage() {
  const t = useWallT();
  const { language } = useLanguage();
  const live = useLiveStatus();
  const query = useQuery(WallboardDocument, { fetchPolicy: "network-only", notifyOnNetworkStatusChange: false });
  const pushed = useSubscription(WallboardChangedDocument);
  const [now, setNow] = useState(() => new Date());
  const [fullscreen, setFullscreen] = useState(false);
  // The newest wall seen (a push and a refetch after a reconnect may arrive in either order).
  const [latest, setLatest] = useState<WallboardFieldsFragment | undefined>(undefined);
  const fetched = query.data?.wallboard;
  const heard = pushed.data?.wallboardChanged;
  const wall = newer(newer(latest, fetched), heard);
  if (wall !== latest) {
    // Kept while rendering (React's derived-state pattern): the next render starts from it.
    setLatest(wall);
  }
  const { refetch } = query;

  // The clock on the wall (display only; the figures are pushed).
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 15_000);
    return () => clearInterval(timer);
  }, []);
  // A new day: read its figures (nothing is pushed at midnight).
  useEffect(() => {
    const timer = setTimeout(() => void refetch().catch(() => undefined), msToNextChinaMidnight(new Date()));
    return () => clearTimeout(timer);
  }, [refetch, wall?.day]);
  // Nothing to show yet because the first load failed (server down at start): ask again.
  const failed = Boolean(query.error) && !wall;
  useEffect(() => {
    if (!failed) {
      return undefined;
    }
    const timer = setInterval(() => void refetch().catch(() => undefined), RETRY_MS);
    return () => clearInterval(timer);
  }, [failed, refetch]);
  useEffect(() => {
    const update = () => setFullscreen(Boolean(document.fullscreenElement));
    document.addEventListener("fullscreenchange", update);
    return () => document.removeEventListener("fullscreenchange", update);
  }, []);

  if (errorCode(query.error) === "FORBIDDEN") {
    return (
      <main id="main" className="wall">
        <h1 tabIndex={-1}>{t("wall.forbidden")}</h1>
      </main>
    );
  }

  const day = wall?.day ?? todayInChina(now);
  const today = (counter: string) => ticketSearchHref({}, { counter, from: day, to: day });
  const month = wall?.month ?? day.slice(0, 7);
  const monthLast = periodOf("month", `${month}-01`).to;
  const thisMonth = (counter: string) => ticketSearchHref({}, { counter, from: `${month}-01`, to: monthLast });
  const monthLabel = wall ? new Intl.DateTimeFormat(language, { timeZone: "Asia/Shanghai", year: "numeric", month: "long" }).format(new Date(`${wall.month}-15T12:00:00+08:00`)) : "";
  const count = (value: number | undefined) => (value === undefined ? "–" : formatCount(value, language));
  const toggleFullscreen = () => {
    if (document.fullscreenElement) {
      void document.exitFullscreen().catch(() => undefined);
    } else {
      void document.documentElement.requestFullscreen?.().catch(() => undefined);
    }
  };

  return (
    <main id="main" className="wall" data-testid="wall">
      <header className="wall__head">
        <h1 tabIndex={-1}>{t("wall.title")}</h1>
        <p className="wall__clock" data-testid="wall-clock">
          {new Intl.DateTimeFormat(language, { timeZone: "Asia/Shanghai", year: "numeric", month: "long", day: "numeric", weekday: "short" }).format(now)} {clock(language, now)}
        </p>
        <p className={`wall__status wall__status--${live === "reconnecting" ? "lost" : "live"}`} role="status" data-testid="wall-status" data-live={live}>
          {live === "reconnecting" ? t("wall.reconnecting") : t("wall.live")}
          {wall ? ` · ${t("wall.updated", { time: clock(language, new Date(String(wall.computedAt)), true) })}` : ""}
        </p>
        <div className="wall__tools">
          <button type="button" className="wall__button" onClick={toggleFullscreen}>
            {fullscreen ? t("wall.exitFullscreen") : t("wall.fullscreen")}
          </button>
          <AppLink to="measures" className="wall__button">
            {t("wall.back")}
          </AppLink>
        </div>
      </header>
      {failed ? (
        <p className="wall__error" role="alert">
          {t("wall.loadFailed")}
        </p>
      ) : null}
      <p className="visually-hidden" aria-live="polite">
        {wall ? t("wall.announce", { count: wall.received }) : ""}
      </p>
      <div className="wall__grid">
        <Tile testId="wall-received" label={t("wall.received")} value={count(wall?.received)} href={today("RECEIVED")} />
        <Tile testId="wall-answered" label={t("wall.answeredOnSpot")} value={count(wall?.answeredOnSpot)} tone="good" href={today("DIRECT")} />
        <Tile testId="wall-dispatched" label={t("wall.dispatched")} value={count(wall?.dispatched)} href={today("DISPATCHED")} />
        <Tile testId="wall-overdue" label={t("wall.overdue")} value={count(wall?.overdueNow)} tone="danger" href={ticketSearchHref({ overdue: true })} />
        <Tile testId="wall-near-due" label={t("wall.nearDue")} value={count(wall?.nearDueNow)} tone="warning" href={ticketSearchHref({ nearDue: true })} />
        <Tile testId="wall-callbacks" label={t("wall.callbacks")} value={count(wall?.callbacksWaiting)} />
        <Tile
          testId="wall-result"
          label={t("wall.resultSatisfaction", { month: monthLabel })}
          value={formatRate(wall?.resultSatisfaction.rate, language)}
          tone="good"
          href={thisMonth("RESULT_SATISFIED")}
          hint={wall ? t("wall.ratio", { numerator: count(wall.resultSatisfaction.numerator), denominator: count(wall.resultSatisfaction.denominator) }) : undefined}
        />
        <Tile
          testId="wall-process"
          label={t("wall.processSatisfaction", { month: monthLabel })}
          value={formatRate(wall?.processSatisfaction.rate, language)}
          tone="good"
          href={thisMonth("PROCESS_SATISFIED")}
          hint={wall ? t("wall.ratio", { numerator: count(wall.processSatisfaction.numerator), denominator: count(wall.processSatisfaction.denominator) }) : undefined}
        />
      </div>
      <section className="wall__hot" aria-labelledby="wall-hot-title">
        <h2 id="wall-hot-title">{t("wall.hot")}</h2>
        {wall && wall.hotIssues.length === 0 ? <p className="wall-tile__hint">{t("wall.hot.none")}</p> : null}
        <ol data-testid="wall-hot">
          {(wall?.hotIssues ?? []).map((issue) => (
            <li key={issue.key}>
              <AppLink
                to={ticketSearchHref({
                  categoryId: issue.categoryId ?? "",
                  districtId: issue.districtId ?? "",
                  townshipId: issue.townshipId ?? "",
                  receivedFrom: issue.fromDay ?? "",
                  receivedTo: issue.toDay ?? "",
                })}
              >
                <span>{language === "en" ? issue.titleEn : issue.titleZh}</span>
                <span className="wall__hot-count">{t("wall.hot.count", { count: count(issue.count) })}</span>
              </AppLink>
            </li>
          ))}
        </ol>
      </section>
    </main>
  );
}
