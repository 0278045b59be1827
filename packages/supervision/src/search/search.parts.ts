import { SavedView } from "../saved-views/saved-view.entity.js";
import { SavedViewsResolver } from "../saved-views/saved-views.resolver.js";
import { TicketSearchRow } from "./ticket-search-row.entity.js";
import { TicketSearchResolver } from "./ticket-search.resolver.js";

/** The ticket search's part of the supervision module. */
export const searchEntities = [TicketSearchRow, SavedView];
export const searchResolvers = [TicketSearchResolver, SavedViewsResolver];
