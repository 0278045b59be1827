import type { AppServices, EventHandler } from "@civicline/platform";
import { LeaderInstruction } from "./leader-instruction.entity.js";
import { LeaderMatterTicket } from "./leader-matter-ticket.entity.js";
import { LeaderMatter } from "./leader-matter.entity.js";
import { leaderPushHandlers } from "./leader-push.js";
import { LeaderResolver } from "./leader.resolver.js";
import { LeaderSessionTicket } from "./leader-session-ticket.entity.js";
import { LeaderSession } from "./leader-session.entity.js";
import { sessionTicketHandler } from "./mark-session-ticket.js";

/** What leader sessions, 领导包案 and instructions add to the supervision module. */
export const leaderEntities = [LeaderSession, LeaderSessionTicket, LeaderMatter, LeaderMatterTicket, LeaderInstruction];
export const leaderResolvers = [LeaderResolver];
export function leaderEventHandlers(services: AppServices): EventHandler[] {
  return [sessionTicketHandler(services.dataSource), ...leaderPushHandlers(services)];
}
