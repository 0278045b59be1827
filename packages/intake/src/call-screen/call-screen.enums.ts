import { registerEnumType } from "type-graphql";

/** How two tickets are linked. MERGED_INTO is only written by mergeIntoTicket. */
export enum TicketLinkKind {
  MERGED_INTO = "merged_into",
  RELATED = "related",
  RE_REPORT_OF = "re_report_of",
}

/** The emergency services a call can be handed off to. */
export enum EmergencyService {
  POLICE_110 = "police_110",
  FIRE_119 = "fire_119",
  AMBULANCE_120 = "ambulance_120",
  TRAFFIC_122 = "traffic_122",
}

/** The work queues of the intake console. */
export enum QueueKind {
  RECEIVED = "received",
  WAITING_FOR_DISPATCH = "waiting_for_dispatch",
  MINE_TODAY = "mine_today",
  EMERGENCIES = "emergencies",
}

registerEnumType(TicketLinkKind, {
  name: "TicketLinkKind",
  description: "How a ticket refers to another.",
  valuesConfig: {
    MERGED_INTO: { description: "This ticket was merged into the other one (并单); set by mergeIntoTicket only." },
    RELATED: { description: "About a related matter; shown on both tickets." },
    RE_REPORT_OF: { description: "A re-report (续报) of the other ticket, which the citizen was not satisfied with." },
  },
});
registerEnumType(EmergencyService, {
  name: "EmergencyService",
  description: "Emergency services a life-threatening call is handed off to.",
  valuesConfig: {
    POLICE_110: { description: "110 — police." },
    FIRE_119: { description: "119 — fire and rescue." },
    AMBULANCE_120: { description: "120 — ambulance." },
    TRAFFIC_122: { description: "122 — traffic accidents." },
  },
});
registerEnumType(QueueKind, {
  name: "QueueKind",
  description: "A work queue of the intake console. Every queue lists emergencies first, then urgent, then newest.",
  valuesConfig: {
    RECEIVED: { description: "Tickets waiting at the centre: received or awaiting dispatch." },
    WAITING_FOR_DISPATCH: { description: "Tickets sent to dispatch and not yet dispatched." },
    MINE_TODAY: { description: "Tickets the viewer logged today (Asia/Shanghai), in any status." },
    EMERGENCIES: { description: "Open tickets marked as emergencies." },
  },
});
