import {
  OutboxProcessor,
  PgPubSub,
  ScheduleRunner,
  TimerService,
  WebhookDispatcher,
  assertSmsSenderAllowed,
  createDataSource,
  createLogger,
  loadConfig,
  resolveDatabase,
  runMigrations,
  warnAboutCalendarGaps,
  type AppServices,
  type DestinationStream,
  type PlatformConfig,
  type ResolvedDatabase,
} from "@civicline/platform";
import type { Logger } from "pino";
import type { DataSource } from "typeorm";
import { allEntities, allMigrations, modules } from "./modules.js";
import { buildGatewaySchema } from "./schema.js";
import { seedDemo } from "./seed.js";
import { startGatewayServer } from "./server.js";

export type RunningApp = {
  url: string;
  services: AppServices;
  outbox: OutboxProcessor;
  schedules: ScheduleRunner;
  timers: TimerService;
  /** Sends webhook deliveries (tests call `drain()`). */
  webhooks: WebhookDispatcher;
  stop(): Promise<void>;
};

/**
 * How a process embeds the app: where its log goes (standard output unless given), and the clock
 * use cases read "now" from (the system clock unless given; tests inject a fixed one).
 */
export type StartOptions = { logDestination?: DestinationStream; now?: () => Date };

/**
 * Starts civicline: database (embedded unless DATABASE_URL), migrations, demo data on an empty
 * database, outbox processing, pub/sub and the HTTP/WebSocket server.
 */
export async function startApp(overrides: Partial<PlatformConfig> = {}, options: StartOptions = {}): Promise<RunningApp> {
  const config = { ...loadConfig(), ...overrides };
  assertSmsSenderAllowed(config);
  const log = createLogger({ level: config.logLevel, destination: options.logDestination });
  const database = await resolveDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    embeddedPort: config.embeddedPostgresPort,
    log,
  });
  try {
    return await startOnDatabase(database, config, log, options);
  } catch (error) {
    // A failed start stops the embedded PostgreSQL it started instead of leaving it running.
    await database.embedded?.stop();
    throw error;
  }
}

async function startOnDatabase(database: ResolvedDatabase, config: PlatformConfig, log: Logger, options: StartOptions): Promise<RunningApp> {
  const dataSource = createDataSource({ url: database.url, entities: allEntities, migrations: allMigrations });
  await dataSource.initialize();
  await runMigrations(dataSource, log);
  await warnAboutCalendarGaps({ db: dataSource, now: options.now?.() ?? new Date(), log });
  if (config.seedDemoOnEmpty && (await seedDemo(dataSource, { log, config, onlyIfEmpty: true }))) {
    log.info("demo data seeded into the empty database");
  }

  const readDataSource = await openReadReplica(config, log);
  const pubsub = new PgPubSub(dataSource, database.url, log);
  await pubsub.start();
  const units = modules.find((module) => module.unitDirectory)?.unitDirectory;
  const services: AppServices = {
    dataSource,
    pubsub,
    log,
    config,
    ...(readDataSource ? { readDataSource } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(units ? { units } : {}),
  };
  const outbox = new OutboxProcessor(dataSource, log, { connectionUrl: database.url });
  for (const module of modules) {
    for (const handler of module.eventHandlers?.(services) ?? []) {
      outbox.register(handler);
    }
  }
  await outbox.start();
  const timers = new TimerService(dataSource, log, { connectionUrl: database.url });
  for (const module of modules) {
    for (const handler of module.timerHandlers?.(services) ?? []) {
      timers.register(handler);
    }
  }
  await timers.start();
  // Webhook deliveries run on the database clock (queued with now()), whatever clock the use cases read.
  const webhooks = new WebhookDispatcher(dataSource, log, { connectionUrl: database.url });
  await webhooks.start();
  const schedules = new ScheduleRunner(dataSource, log);
  schedules.start(modules.flatMap((module) => module.schedules?.(services) ?? []));
  const stoppables = modules.flatMap((module) => module.stoppables?.(services) ?? []);

  const schema = await buildGatewaySchema(services);
  const server = await startGatewayServer({
    services,
    schema,
    port: config.port,
    fileAccess: modules.flatMap((module) => (module.fileAccess ? [module.fileAccess(services)] : [])),
    citizenFileAccess: modules.flatMap((module) => (module.citizenFileAccess ? [module.citizenFileAccess(services)] : [])),
    readiness: async () => {
      // The embedded server this process supervises is reported as such while it restarts.
      if (database.embedded && database.embedded.health().state !== "running") {
        return false;
      }
      await dataSource.query("SELECT 1");
      return true;
    },
    readinessDetail: () => (database.embedded ? { embeddedPostgres: database.embedded.health() } : {}),
  });
  log.info({ url: server.url }, `civicline is up: ${server.url}/portal/ · /operator/ · /supervisor/ · /graphql`);

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await server.close();
      for (const stoppable of stoppables) {
        await stoppable.stop();
      }
      await schedules.stop();
      await webhooks.stop();
      await timers.stop();
      await outbox.stop();
      await pubsub.close();
      await readDataSource?.destroy();
      await dataSource.destroy();
      await database.embedded?.stop();
    })();
    return stopping;
  };
  return { url: server.url, services, outbox, schedules, timers, webhooks, stop };
}

/**
 * The read replica's connection when `DATABASE_READ_URL` is set (search, exports and measures read
 * there); read-only, no migrations (the replica follows the primary's schema).
 */
async function openReadReplica(config: PlatformConfig, log: Logger): Promise<DataSource | undefined> {
  if (!config.databaseReadUrl) {
    return undefined;
  }
  const replica = createDataSource({ url: config.databaseReadUrl, entities: allEntities, migrations: [], readOnly: true, applicationName: "civicline-read" });
  await replica.initialize();
  log.info("heavy reads (ticket search, exports, measures) go to DATABASE_READ_URL");
  return replica;
}
