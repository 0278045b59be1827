import { registerTicketReadPolicy } from "@civicline/intake";
import type { DomainModule } from "@civicline/platform";
import { handlerMayViewTicket } from "./assignment/assignment-access.js";
import { AssignmentFieldsResolver } from "./assignment/assignment-fields.resolver.js";
import { Assignment } from "./assignment/assignment.entity.js";
import { ticketEndedHandler } from "./assignment/ticket-ended.js";
import { AssignmentUnit } from "./assignment/assignment-unit.entity.js";
import { ProgressNote } from "./assignment/progress-note.entity.js";
import { ReturnRequest } from "./assignment/return-request.entity.js";
import { calendarChangeHandler } from "./calendar/recompute-on-calendar-change.js";
import { CalendarResolver } from "./calendar/calendar.resolver.js";
import { CalendarYearResolver } from "./calendar/calendar-year.resolver.js";
import { autoDispatchHandlers } from "./dispatch/auto-dispatch.handlers.js";
import { DispatchResolver } from "./dispatch/dispatch.resolver.js";
import { FollowUp } from "./follow-up/follow-up.entity.js";
import { FollowUpResolver } from "./follow-up/follow-up.resolver.js";
import { routingMigrations } from "./migrations/index.js";
import { DispatchRuleVersion } from "./rules/dispatch-rule-version.entity.js";
import { DispatchRule } from "./rules/dispatch-rule.entity.js";
import { DispatchRuleResolver, RoutingProposalFieldsResolver } from "./rules/dispatch-rule.resolver.js";
import { seedRoutingDemo } from "./routing.seed.js";
import { SlaPolicy } from "./sla/sla-policy.entity.js";
import { SlaPolicyResolver } from "./sla/sla.resolver.js";
import { deadlineTimerHandlers } from "./timers/deadline-timers.js";
import { armDispatchOverdueHandler, dispatchOverdueTimerHandler } from "./timers/dispatch-overdue.js";
import { routingUnitDirectory } from "./unit/unit-directory.js";
import { Unit } from "./unit/unit.entity.js";
import { UnitResolver } from "./unit/unit.resolver.js";
import { PublicReplyResolver, isPublicReplyFile } from "./workbench/public-reply.resolver.js";
import { routingPushHandlers } from "./workbench/routing-changed.js";
import { WorkbenchResolver } from "./workbench/workbench.resolver.js";

/**
 * Routing: the units directory, the dispatch catalogue, SLA policies and deadlines in working
 * time, durable deadline timers, the dispatcher's queue and the handling unit's workbench.
 */
// A handling unit may read the tickets assigned to it (lead or assisting) through intake's `ticket(id)`.
registerTicketReadPolicy(handlerMayViewTicket);

export const routingModule: DomainModule = {
  name: "routing",
  entities: [Unit, DispatchRule, DispatchRuleVersion, SlaPolicy, Assignment, AssignmentUnit, ProgressNote, ReturnRequest, FollowUp],
  migrations: routingMigrations,
  resolvers: [
    UnitResolver,
    DispatchRuleResolver,
    RoutingProposalFieldsResolver,
    SlaPolicyResolver,
    AssignmentFieldsResolver,
    WorkbenchResolver,
    DispatchResolver,
    CalendarResolver,
    CalendarYearResolver,
    PublicReplyResolver,
    FollowUpResolver,
  ],
  eventHandlers: (services) => [
    ...autoDispatchHandlers(services.dataSource),
    ...routingPushHandlers(services),
    calendarChangeHandler(services.dataSource),
    ticketEndedHandler(services.dataSource),
    armDispatchOverdueHandler(services.dataSource),
  ],
  timerHandlers: () => [...deadlineTimerHandlers(), dispatchOverdueTimerHandler()],
  seedDemo: seedRoutingDemo,
  // The accounts admin (platform) checks a handler's or a leader's unit with it.
  unitDirectory: routingUnitDirectory,
  // Whoever may read an assignment may open the files attached to its reply.
  fileAccess:
    ({ dataSource }) =>
    async ({ fileId, actor }) => {
      const rows: Array<{ ticket_id: string }> = await dataSource.query(
        `SELECT ticket_id FROM routing_assignment WHERE reply_attachments @> jsonb_build_array(jsonb_build_object('id', $1::text)) LIMIT 20`,
        [fileId],
      );
      for (const row of rows) {
        if (await handlerMayViewTicket(dataSource, actor, row.ticket_id)) {
          return true;
        }
      }
      return false;
    },
  // A citizen with the tracking access of a ticket may open the files of its public reply, nothing else.
  citizenFileAccess:
    ({ dataSource }) =>
    ({ fileId, ticketId }) =>
      isPublicReplyFile(dataSource, { fileId, ticketId }),
};
