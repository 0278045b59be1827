import type { ReactNode } from "react";
import { useT } from "../i18n/I18nProvider.tsx";

export type EmptyStateProps = {
  title: ReactNode;
  /** What the user can do next, in a sentence. */
  children?: ReactNode;
  action?: ReactNode;
  testId?: string;
};

/** Says that there is nothing here and what to do about it. */
export function EmptyState({ title, children, action, testId }: EmptyStateProps) {
  return (
    <div className="empty-state" data-testid={testId}>
      <p className="empty-state__title">{title}</p>
      {children ? <p className="empty-state__body">{children}</p> : null}
      {action ? <div className="empty-state__action">{action}</div> : null}
    </div>
  );
}

export type AlertProps = { tone?: "error" | "info" | "success"; children: ReactNode; testId?: string };

/** Errors are announced assertively (role=alert); other tones politely (role=status). */
export function Alert({ tone = "error", children, testId }: AlertProps) {
  return (
    <div className={`alert alert--${tone}`} role={tone === "error" ? "alert" : "status"} data-testid={testId}>
      {children}
    </div>
  );
}

export function Loading({ label }: { label?: string }) {
  const t = useT();
  return (
    <p className="loading" role="status">
      {label ?? t("common.loading")}
    </p>
  );
}

// The status and urgency badges and the timeline show enum labels (the whole enum catalogue): they
// live in Badges.tsx so that a first chunk that needs only EmptyState, Alert or Loading goes without
// the catalogue (issue 15).
export { StatusBadge, Timeline, UrgencyBadge, type TimelineItem } from "./Badges.tsx";
