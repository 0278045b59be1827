import type { ComponentType } from "react";
import { LeaderTicketPanel } from "../../leader/LeaderTicketPanel.tsx";
import { JointCasePanel } from "../../joint/JointCasePanel.tsx";
import { TicketOrdersPanel } from "../../orders/TicketOrdersPanel.tsx";

/** What every extra panel of the ticket page receives: the ticket and who is looking at it. */
export type TicketPanelProps = {
  /** The ticket's id (intake_ticket.id), as the dossier gives it. */
  ticketId: string;
  /** The ticket's tracking number (e.g. "2026120600001"). */
  trackingNumber: string;
  /** The viewer's roles (e.g. ["SUPERVISOR"]); a panel renders nothing for roles it does not serve. */
  roles: readonly string[];
  /** Call after an action that changes the ticket, so the page reloads the dossier (timeline, header). */
  onChanged: () => void;
};

export type TicketPanel = {
  /** Stable key, e.g. "supervision-orders". */
  key: string;
  Component: ComponentType<TicketPanelProps>;
};

/**
 * The extra panels the supervisor's ticket page renders below its own sections, in this order.
 * Each feature adds its panel with a one-line edit, e.g.
 * `{ key: "supervision-orders", Component: SupervisionOrdersPanel },`
 */
export const ticketPagePanels: TicketPanel[] = [{ key: "supervision-orders", Component: TicketOrdersPanel }, { key: "joint-case", Component: JointCasePanel }, { key: "leader", Component: LeaderTicketPanel }];
