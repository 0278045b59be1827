import type { DataSource, EntityManager } from "typeorm";
import type { Logger } from "pino";
import type { UnitDirectory } from "./accounts/unit-directory.js";
import type { Actor } from "./auth/actor.js";
import type { PlatformConfig } from "./config.js";
import type { EventHandler } from "./events/outbox-processor.js";
import type { PgPubSub } from "./events/pubsub.js";
import type { TimerHandler } from "./timers/timer-service.js";

/** Services every module's resolvers and handlers receive. */
export type AppServices = {
  dataSource: DataSource;
  /**
   * Where heavy reads that may lag a moment behind the last write go (ticket search, exports,
   * measures): a replica's connection when `DATABASE_READ_URL` is set. Read it through `readerOf`.
   */
  readDataSource?: DataSource;
  pubsub: PgPubSub;
  log: Logger;
  config: PlatformConfig;
  /** The clock use cases read "now" from; tests inject a fixed one. Absent: the system clock. */
  now?: () => Date;
  /** Handling units by id or code (from the module that owns them), for the accounts admin. */
  units?: UnitDirectory;
};

/** What a seed step receives: one transaction for the whole demo data set. */
export type SeedContext = { manager: EntityManager; log: Logger; config: PlatformConfig };

/** Decides whether `actor` may read stored file `fileId` through this module's records. */
export type FileAccessPolicy = (input: { fileId: string; actor: Actor }) => Promise<boolean>;

/** Decides whether a citizen holding the portal's tracking access to ticket `ticketId` may read stored file `fileId`. */
export type CitizenFileAccessPolicy = (input: { fileId: string; ticketId: string }) => Promise<boolean>;

/** A periodic job; the gateway runs it once per `everyMs` period (aligned to the epoch) across all instances, runs never overlapping. Must be idempotent. */
export type ScheduledJob = { name: string; everyMs: number; run(): Promise<void> };

/** Work a module keeps in the process (e.g. a write buffer) that must be finished on shutdown, before the database closes. */
export type Stoppable = { name: string; stop(): Promise<void> };

/**
 * What a domain package exports for the gateway to compose: its entities, checked-in migrations,
 * resolvers, event handlers and demo data.
 */
export type DomainModule = {
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: Function[];
  eventHandlers?: (services: AppServices) => EventHandler[];
  seedDemo?: (context: SeedContext) => Promise<void>;
  schedules?: (services: AppServices) => ScheduledJob[];
  /**
   * Whether an actor who is not a file's owner may read it because of this module's data (e.g. an
   * attachment of a ticket the actor may see). Any module saying yes grants access.
   */
  fileAccess?: (services: AppServices) => FileAccessPolicy;
  /** The files a citizen may read with a ticket's tracking access (e.g. the public reply's photos); none unless a module says so. */
  citizenFileAccess?: (services: AppServices) => CitizenFileAccessPolicy;
  /** Handlers for durable timers (deadline warnings, overdue events) this module schedules. */
  timerHandlers?: (services: AppServices) => TimerHandler[];
  /** In-process work the gateway stops (flushes) on shutdown, after the server stops taking requests. */
  stoppables?: (services: AppServices) => Stoppable[];
  /** Looks handling units up by id or code (the module that owns units provides it; the accounts admin checks a handler's unit with it). */
  unitDirectory?: UnitDirectory;
};

/** The connection for heavy reads: the read replica when one is configured, else the primary. */
export function readerOf(services: Pick<AppServices, "dataSource" | "readDataSource">): DataSource {
  return services.readDataSource ?? services.dataSource;
}
