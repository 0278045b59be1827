import "reflect-metadata";

export { intakeModule } from "./intake.module.js";
export { Area, type AreaLevelValue } from "./catalog/area.entity.js";
export { Category } from "./catalog/category.entity.js";
export { AreaLevel, AreaType, CategoryType } from "./catalog/catalog.types.js";
export { listAreas, listCategories, findCity } from "./catalog/catalog.service.js";
export { Ticket } from "./ticket/ticket.entity.js";
export { TicketHistory } from "./ticket/ticket-history.entity.js";
export { Channel, RequestType, TicketStatus, Urgency } from "./ticket/ticket.enums.js";
export { TRANSITIONS, canTransition, transitionTicket } from "./ticket/ticket-lifecycle.js";
export { submitRequest, TICKET_RECEIVED, type SubmitRequestOptions } from "./ticket/submit-request.js";
export { trackTicket, listIntakeQueue, getTicket, phoneFor, QUEUE_ROLES } from "./ticket/ticket-queries.js";
export { TICKET_RECEIVED_TOPIC } from "./ticket/ticket.resolver.js";
export { normalizePhone } from "./ticket/ticket-validation.js";
export * from "./demo-data/index.js";
