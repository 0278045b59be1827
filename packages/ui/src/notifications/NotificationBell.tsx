import { useMutation, useQuery, useSubscription } from "@apollo/client/react";
import { useCallback, useId, useRef, useState, type KeyboardEvent } from "react";
import { Button } from "../components/Button.tsx";
import { interpolate, lookup, type MessageVars } from "../i18n/catalog.ts";
import { useFormat, useLanguage } from "../i18n/I18nProvider.tsx";
import { uiMessages } from "../i18n/messages.ts";
import { navigateTo } from "../knowledge/navigation.tsx";
import type { NotificationDocuments, NotificationItem } from "./documents.ts";
import { notificationMessages } from "./messages.ts";

/** How many of the newest notifications the bell lists. */
export const BELL_LIST_LIMIT = 20;

const CATALOGS = [notificationMessages, uiMessages];

function useNotifyT() {
  const { language } = useLanguage();
  return useCallback((key: string, vars?: MessageVars) => interpolate(lookup(CATALOGS, language, key), vars), [language]);
}

/** A notification's title and body in the viewer's language (its message keys with its params). */
export function renderNotification(t: (key: string, vars?: MessageVars) => string, item: NotificationItem): { title: string; body: string | null } {
  const vars = Object.fromEntries(item.params.map((p) => [p.name, p.value]));
  const title = t(item.titleKey, vars);
  return { title: title === item.titleKey ? t("notify.unknown") : title, body: item.bodyKey ? t(item.bodyKey, vars) : null };
}

/**
 * The header's bell: the unread count, pushed live (`notificationCountChanged`), and a list of the
 * newest notifications, read or unread per person; opening one marks it read and goes to its page.
 */
export function NotificationBell({ documents }: { documents: NotificationDocuments }) {
  const t = useNotifyT();
  const format = useFormat();
  const panelId = useId();
  const headingId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [pushed, setPushed] = useState<number | null>(null);
  const list = useQuery(documents.list, { variables: { limit: BELL_LIST_LIMIT }, fetchPolicy: "cache-and-network" });
  const [markRead] = useMutation(documents.markRead);
  useSubscription(documents.countChanged, {
    onData: ({ data }) => {
      // Read defensively: a test kit may hand one result to every subscription on the page.
      const unread = data.data?.notificationCountChanged?.unread;
      if (unread !== undefined) {
        setPushed(unread);
        void list.refetch().catch(() => undefined);
      }
    },
  });
  const unread = pushed ?? list.data?.myNotifications.unread ?? 0;
  const items = list.data?.myNotifications.items ?? [];

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "Escape" && open) {
      event.stopPropagation();
      close();
    }
  };
  const read = async (ids: string[] | null) => {
    try {
      const { data } = await markRead({ variables: { ids } });
      if (data) {
        setPushed(data.markNotificationsRead.unread);
      }
      await list.refetch();
    } catch {
      // The count stays as it was; the next push or reload corrects it.
    }
  };
  const openItem = (item: NotificationItem) => {
    if (!item.readAt) {
      void read([item.id]);
    }
    if (item.link) {
      setOpen(false);
      navigateTo(item.link);
    }
  };

  return (
    <div className="notify" onKeyDown={onKeyDown}>
      <button
        ref={buttonRef}
        type="button"
        className="notify__bell"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={unread > 0 ? t("notify.bell.unread", { count: unread }) : t("notify.bell")}
        onClick={() => setOpen((value) => !value)}
        data-testid="notify-bell"
      >
        {/* A drawn bell, not the emoji: desks without an emoji font showed an empty box. */}
        <svg className="notify__icon" aria-hidden="true" viewBox="0 0 24 24" width="18" height="18" focusable="false">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
          />
        </svg>
        {unread > 0 ? (
          <span className="notify__count" aria-hidden="true" data-testid="notify-count">
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <section id={panelId} className="notify__panel" aria-labelledby={headingId} data-testid="notify-panel">
          <div className="notify__head">
            <h2 id={headingId}>{t("notify.title")}</h2>
            {unread > 0 ? (
              <Button variant="ghost" onClick={() => void read(null)} data-testid="notify-read-all">
                {t("notify.markAllRead")}
              </Button>
            ) : null}
          </div>
          {list.error && !list.data ? <p role="alert">{t("notify.loadFailed")}</p> : null}
          {list.data && items.length === 0 ? <p className="field__hint">{t("notify.empty")}</p> : null}
          {items.length > 0 ? (
            <ul className="notify__list">
              {items.map((item) => {
                const { title, body } = renderNotification(t, item);
                return (
                  <li key={item.id} className={item.readAt ? "notify__item" : "notify__item notify__item--unread"} data-testid="notify-item" data-kind={item.kind} data-read={item.readAt ? "true" : "false"}>
                    <button type="button" className="notify__open" onClick={() => openItem(item)}>
                      {item.readAt ? null : <span className="visually-hidden">{t("notify.unreadLabel")}: </span>}
                      <span className="notify__title">{title}</span>
                      {body ? <span className="notify__body">{body}</span> : null}
                      <time className="notify__time" dateTime={item.createdAt}>
                        {format.dateTime(item.createdAt)}
                      </time>
                    </button>
                  </li>
                );
              })}
            </ul>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
