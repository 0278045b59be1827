import { appNavItem, type NavItem } from "@civicline/ui";

// The paths, role lists and nav entries alone, without the pages' wording: the app's first chunk
// imports this file, routes.tsx is a chunk of its own (issue 15).

/** The ticket search's path; a ticket's own page is tickets/<tracking number>. */
export const TICKET_SEARCH_PATH = "tickets/search";

/** Who may search tickets here (as the API allows: centre staff; handlers use the operator console). */
const SEARCHERS = ["OPERATOR", "DISPATCHER", "SUPERVISOR", "LEADER", "CALLBACK_AGENT", "QA_INSPECTOR", "ADMIN", "HANDLER"];

export function isTicketSearchPath(path: string): boolean {
  return path === TICKET_SEARCH_PATH;
}

export function mayUseTicketSearch(roles: readonly string[]): boolean {
  return roles.some((role) => SEARCHERS.includes(role));
}

/** Nav entry "工单查询 / Find tickets". */
export function ticketSearchNavItems(path: string, roles: readonly string[], label: string): NavItem[] {
  return mayUseTicketSearch(roles) ? [appNavItem(TICKET_SEARCH_PATH, label, isTicketSearchPath(path))] : [];
}
