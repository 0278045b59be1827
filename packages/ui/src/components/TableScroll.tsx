import type { ReactNode } from "react";

export type TableScrollProps = {
  /** What the table is, already translated (usually its caption or the section heading); read out when the region is focused. */
  label: string;
  children: ReactNode;
  testId?: string;
};

/**
 * A horizontally scrolling wrapper for a wide table that keyboard users can reach: it is a named, focusable
 * region, so the arrow keys scroll it (WCAG 2.1.1; axe `scrollable-region-focusable`).
 */
export function TableScroll({ label, children, testId }: TableScrollProps) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label} data-testid={testId}>
      {children}
    </div>
  );
}
