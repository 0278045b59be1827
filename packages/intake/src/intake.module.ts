import type { DomainModule } from "@civicline/platform";
import { Area } from "./catalog/area.entity.js";
import { CatalogResolver } from "./catalog/catalog.resolver.js";
import { Category } from "./catalog/category.entity.js";
import { seedIntakeDemo } from "./intake.seed.js";
import { intakeMigrations } from "./migrations/index.js";
import { TICKET_RECEIVED } from "./ticket/submit-request.js";
import { PublicTicketFieldsResolver, TicketFieldsResolver } from "./ticket/ticket-fields.resolver.js";
import { TicketHistory } from "./ticket/ticket-history.entity.js";
import { Ticket } from "./ticket/ticket.entity.js";
import { TICKET_RECEIVED_TOPIC, TicketResolver } from "./ticket/ticket.resolver.js";
import { TrackingSequence } from "./ticket/tracking-sequence.entity.js";

/** Intake: categories, places, and tickets from the moment they are received. */
export const intakeModule: DomainModule = {
  name: "intake",
  entities: [Category, Area, Ticket, TicketHistory, TrackingSequence],
  migrations: intakeMigrations,
  resolvers: [CatalogResolver, TicketResolver, TicketFieldsResolver, PublicTicketFieldsResolver],
  eventHandlers: ({ pubsub }) => [
    {
      name: "intake.push-received-ticket",
      eventType: TICKET_RECEIVED,
      handle: async (event) => pubsub.publish(TICKET_RECEIVED_TOPIC, { ticketId: event.payload.ticketId }),
    },
  ],
  seedDemo: seedIntakeDemo,
};
