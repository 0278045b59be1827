import { useQuery } from "@apollo/client/react";
import { AppLink } from "@civicline/ui";
import { CalendarCoverageDocument } from "../../gql/graphql.ts";
import { ROUTING_PATHS } from "../nav.ts";
import { useCalendarYearT } from "./calendarYearMessages.ts";

/**
 * Tells an admin when this year or (from 1 November) next year has neither official holiday data
 * nor overrides, and links to the calendar page with that year chosen. Renders nothing otherwise.
 */
export function CalendarCoverageBanner() {
  const t = useCalendarYearT();
  const { data } = useQuery(CalendarCoverageDocument, { fetchPolicy: "cache-and-network" });
  const missing = data?.calendarCoverage.missingYears ?? [];
  if (missing.length === 0) {
    return null;
  }
  return (
    <div className="calendar-banner" role="status" data-testid="calendar-coverage-banner">
      {missing.map((year) => (
        <p key={year}>
          <strong>{t("cy.banner.title", { year })}</strong> {t("cy.banner.body", { year })}{" "}
          <AppLink to={`${ROUTING_PATHS.calendar}?year=${year}`}>{t("cy.banner.link", { year })}</AppLink>
        </p>
      ))}
    </div>
  );
}
