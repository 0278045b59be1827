import type { DomainModule, EventHandler } from "@civicline/platform";
import { IntegratorTicketsResolver } from "./integrator/integrator-tickets.resolver.js";
import { integratorWebhookHandlers } from "./integrator/webhook-events.js";
import { CallScreenResolver } from "./call-screen/call-screen.resolver.js";
import { CoReporter } from "./call-screen/co-reporter.entity.js";
import { EmergencyHandoff } from "./call-screen/emergency-handoff.entity.js";
import { QUEUE_COUNTS_CHANGED_TOPIC, pruneQueueCounts } from "./call-screen/queues.js";
import { QueueResolver } from "./call-screen/queue.resolver.js";
import { QueueCount } from "./call-screen/queue-count.entity.js";
import { ScreenPopResolver } from "./call-screen/screen-pop.resolver.js";
import { SCREEN_POP_RINGING_MS, screenPopTopic } from "./call-screen/screen-pop.js";
import { TicketAttachment } from "./call-screen/ticket-attachment.entity.js";
import { TicketLink } from "./call-screen/ticket-link.entity.js";
import { Area } from "./catalog/area.entity.js";
import { CatalogResolver } from "./catalog/catalog.resolver.js";
import { Category } from "./catalog/category.entity.js";
import { CategoryVersion } from "./catalog/admin/category-version.entity.js";
import { CategoryAdminResolver } from "./catalog/admin/category-admin.resolver.js";
import { bindIntakeServices } from "./intake-services.js";
import { seedIntakeDemo } from "./intake.seed.js";
import { intakeMigrations } from "./migrations/index.js";
import { TICKET_RECEIVED } from "./ticket/create-ticket.js";
import { TICKET_CHANGED, TICKET_STATUS_CHANGED } from "./ticket/ticket-lifecycle.js";
import { PublicTicketFieldsResolver, TicketFieldsResolver } from "./ticket/ticket-fields.resolver.js";
import { TicketHistory } from "./ticket/ticket-history.entity.js";
import { Ticket } from "./ticket/ticket.entity.js";
import { TICKET_RECEIVED_TOPIC, TicketResolver } from "./ticket/ticket.resolver.js";
import { TrackingSequence } from "./ticket/tracking-sequence.entity.js";
import { PortalUpload } from "./portal/portal-upload.entity.js";
import { deleteUnusedPortalUploads } from "./portal/portal-uploads.js";
import { PortalResolver } from "./portal/portal.resolver.js";
import { TrackingAccess } from "./portal/tracking-access.entity.js";
import { TrackingCode } from "./portal/tracking-code.entity.js";
import { mayReadTicket } from "./ticket/ticket-queries.js";

/** Events after which the queue counts may differ: every console recomputes its own. */
const COUNT_EVENTS = [TICKET_RECEIVED, TICKET_STATUS_CHANGED, TICKET_CHANGED];

/** Intake: categories, places, and tickets from the moment they are received. */
export const intakeModule: DomainModule = {
  name: "intake",
  entities: [Category, CategoryVersion, Area, Ticket, TicketHistory, TrackingSequence, TicketLink, CoReporter, EmergencyHandoff, TicketAttachment, TrackingCode, TrackingAccess, PortalUpload, QueueCount],
  migrations: intakeMigrations,
  resolvers: [CatalogResolver, CategoryAdminResolver, TicketResolver, TicketFieldsResolver, PublicTicketFieldsResolver, CallScreenResolver, ScreenPopResolver, QueueResolver, PortalResolver, IntegratorTicketsResolver],
  eventHandlers: (services) => {
    bindIntakeServices(services);
    const { pubsub } = services;
    // A console that subscribes while a call rings at its seat (a reload, a reconnect) still gets the pop.
    pubsub.retainLatest(screenPopTopic(""), SCREEN_POP_RINGING_MS);
    const countHandlers: EventHandler[] = COUNT_EVENTS.map((eventType) => ({
      name: `intake.push-queue-counts.${eventType}`,
      eventType,
      handle: async () => pubsub.publish(QUEUE_COUNTS_CHANGED_TOPIC, {}),
    }));
    return [
      {
        name: "intake.push-received-ticket",
        eventType: TICKET_RECEIVED,
        handle: async (event) => pubsub.publish(TICKET_RECEIVED_TOPIC, { ticketId: event.payload.ticketId }),
      },
      ...countHandlers,
      ...integratorWebhookHandlers(services.dataSource),
    ];
  },
  seedDemo: seedIntakeDemo,
  // Portal photos nobody attached to a request within a day are deleted.
  schedules: ({ dataSource }) => [
    { name: "intake.unused-portal-uploads", everyMs: 60 * 60_000, run: async () => void (await deleteUnusedPortalUploads(dataSource)) },
    // Mine-today counters of past days are not read again.
    { name: "intake.past-queue-counts", everyMs: 6 * 60 * 60_000, run: async () => void (await pruneQueueCounts(dataSource)) },
  ],
  // Whoever may open a ticket may also open its attachments.
  fileAccess:
    ({ dataSource }) =>
    async ({ fileId, actor }) => {
      const attachments = await dataSource.getRepository(TicketAttachment).findBy({ fileId });
      for (const attachment of attachments) {
        if (await mayReadTicket(dataSource, actor, attachment.ticketId)) {
          return true;
        }
      }
      return false;
    },
};
