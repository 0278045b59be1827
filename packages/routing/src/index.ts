import "reflect-metadata";

export { routingModule } from "./routing.module.js";
export { Unit, type UnitKindValue } from "./unit/unit.entity.js";
export { UnitKind, UnitType } from "./unit/unit.types.js";
export { UnitInput, UnitStaffMemberType } from "./unit/unit.types.js";
export { UNIT_DIRECTORY_READERS, UNIT_EDITORS, listUnitDirectory, listUnitStaff, saveUnit, type UnitRequest } from "./unit/save-unit.js";
export { DEMO_HANDLERS } from "./routing.seed.js";
export * from "./demo-data/index.js";
export { Assignment } from "./assignment/assignment.entity.js";
export { AssignmentState, ACTIVE_STATES, ReplyOutcome, ReturnReason, ExtensionStatus, ReturnStatus, DeadlineState, NoteVisibility } from "./assignment/assignment.enums.js";
export { handlerMayViewTicket, findCurrentAssignment } from "./assignment/assignment-access.js";
export { RoutingEvent, RoutingTopic, type RoutingEventPayload } from "./routing.events.js";
export { RoutingErrorCode } from "./routing.errors.js";
export { DeadlineTimer, deadlineTimerKey } from "./timers/deadline-timers.js";
export { computeDeadlines, deadlineState, type AssignmentDeadlines } from "./deadlines.js";
export { dispatchTicket, dispatchInTransaction, type DispatchRequest } from "./dispatch/dispatch-ticket.js";
export { autoDispatch } from "./dispatch/auto-dispatch.js";
export { AUTO_DISPATCHER } from "./dispatch/dispatch-core.js";
