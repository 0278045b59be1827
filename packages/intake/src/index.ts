import "reflect-metadata";

export { intakeModule } from "./intake.module.js";
export { Area, type AreaLevelValue } from "./catalog/area.entity.js";
export { Category } from "./catalog/category.entity.js";
export { CategoryFieldType, type CategoryFieldDefinition } from "./catalog/category-field.js";
export { AreaLevel, AreaType, CategoryType } from "./catalog/catalog.types.js";
export { listAreas, listCategories, findCity } from "./catalog/catalog.service.js";
export { createCategory, updateCategory, moveCategory, setCategoryActive, type CategoryRequest } from "./catalog/admin/category-admin.js";
export { CategoryChange, CategoryVersion } from "./catalog/admin/category-version.entity.js";
export { CATEGORIES_CHANGED_TOPIC } from "./catalog/category-topics.js";
export { Ticket, type ExtraFieldValue } from "./ticket/ticket.entity.js";
export { TicketHistory } from "./ticket/ticket-history.entity.js";
export { Channel, Privacy, RequestType, TicketHistoryKind, TicketStatus, Urgency } from "./ticket/ticket.enums.js";
export { AUTO_DISPATCH_ACTOR_ID, HistoryActorKind, HistoryNote } from "./ticket/history-note.js";
export {
  TRANSITIONS,
  FINISHED_STATUSES,
  TICKET_STATUS_CHANGED,
  TICKET_CHANGED,
  canTransition,
  isOpen,
  transitionTicket,
  changeTicket,
  recordTicketEvent,
} from "./ticket/ticket-lifecycle.js";
export { submitRequest, TICKET_RECEIVED, type SubmitRequestOptions } from "./ticket/submit-request.js";
export { trackTicket, getTicket, phoneFor, QUEUE_ROLES, registerTicketReadPolicy, type TicketReadPolicy } from "./ticket/ticket-queries.js";
export { citizenIdentityFor, ANONYMOUS_NAME, CENTRE_ROLES, type CitizenIdentity } from "./ticket/privacy.js";
export { TICKET_RECEIVED_TOPIC } from "./ticket/ticket.resolver.js";
export { normalizePhone } from "./ticket/ticket-validation.js";
export { logCall } from "./call-screen/log-call.js";
export { TICKET_ANSWERED_DIRECTLY } from "./call-screen/answer-directly.js";
export { TICKET_MERGED, mergeIntoTicket } from "./call-screen/merge-ticket.js";
export { EMERGENCY_HANDED_OFF } from "./call-screen/emergency.js";
export { EmergencyService, QueueKind, TicketLinkKind } from "./call-screen/call-screen.enums.js";
export { QUEUE_COUNTS_CHANGED_TOPIC, listQueue, countQueues } from "./call-screen/queues.js";
export { registerSeatRoster, screenPopTopic, type SeatRoster } from "./call-screen/screen-pop.js";
export * from "./demo-data/index.js";
export { PublicTicketType, TicketType } from "./ticket/ticket.types.js";
export { ticketIdForTrackingAccess } from "./portal/tracking-access.js";
export { requestTrackingCode, verifyTrackingCode, OTP } from "./portal/tracking-code.js";
export { acceptPortalUpload, MAX_PORTAL_UPLOAD_BYTES, type PortalUploadResult } from "./portal/portal-uploads.js";
export { claimPortalUploads, type PortalAttachmentRef } from "./portal/portal-uploads.js";
export { PortalAttachmentInput } from "./ticket/ticket.inputs.js";
export { TicketAttachment } from "./call-screen/ticket-attachment.entity.js";
export { CoReporter } from "./call-screen/co-reporter.entity.js";
export { trackingLink } from "./portal/tracking-sms.js";
export * from "./open311/index.js";
