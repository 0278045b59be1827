/** Outbox events of leader sessions, 领导包案 and instructions. */
export const LeaderEvent = {
  SESSION_SCHEDULED: "supervision.leader_session_scheduled",
  TICKET_MARKED: "supervision.leader_ticket_marked",
  MATTER_ASSIGNED: "supervision.leader_matter_assigned",
  INSTRUCTION_ADDED: "supervision.leader_instruction_added",
} as const;

/** The pub/sub topic of one leader's page (`leaderPageChanged`). */
export function leaderPageTopic(leaderId: string): string {
  return `LEADER_PAGE:${leaderId}`;
}

