import { AccountsResolver } from "./accounts/accounts.resolver.js";
import { AuditEntry } from "./audit/audit-entry.entity.js";
import { AuditResolver } from "./audit/audit.resolver.js";
import { ApiKey } from "./auth/api-key.entity.js";
import { ApiKeyUsage, Integrator } from "./integrators/integrator.entity.js";
import { IntegratorResolver } from "./integrators/integrators.resolver.js";
import { Webhook, WebhookAttempt, WebhookDelivery } from "./webhooks/webhook.entity.js";
import { WebhookResolver } from "./webhooks/webhooks.resolver.js";
import { LoginThrottle } from "./auth/login-throttle.entity.js";
import { Session } from "./auth/session.entity.js";
import { User } from "./auth/user.entity.js";
import { CalendarOverride } from "./calendar/calendar-override.entity.js";
import { OutboxEvent } from "./events/outbox.entity.js";
import { StoredFile } from "./files/stored-file.entity.js";
import { AuthResolver } from "./graphql/auth.resolver.js";
import { platformMigrations } from "./migrations/index.js";
import { Notification, NotificationUnread } from "./notifications/notification.entity.js";
import { NotificationResolver } from "./notifications/notification.resolver.js";
import type { DomainModule } from "./module.js";
import { ScheduleRun } from "./schedule-run.entity.js";
import { seedPlatformDemo } from "./seed.js";
import { SmsMessage } from "./sms/sms-message.entity.js";
import { DurableTimer } from "./timers/timer.entity.js";

/** Accounts, sessions, API keys, the outbox, stored files, calendar overrides, durable timers, periodic job runs, development SMS messages and in-app notifications. */
export const platformModule: DomainModule = {
  name: "platform",
  entities: [User, Session, ApiKey, OutboxEvent, StoredFile, CalendarOverride, DurableTimer, SmsMessage, ScheduleRun, LoginThrottle, Notification, NotificationUnread, AuditEntry, Integrator, ApiKeyUsage, Webhook, WebhookDelivery, WebhookAttempt],
  migrations: platformMigrations,
  resolvers: [AuthResolver, NotificationResolver, AccountsResolver, AuditResolver, IntegratorResolver, WebhookResolver],
  seedDemo: seedPlatformDemo,
};
