import { ApiKey } from "./auth/api-key.entity.js";
import { Session } from "./auth/session.entity.js";
import { User } from "./auth/user.entity.js";
import { OutboxEvent } from "./events/outbox.entity.js";
import { StoredFile } from "./files/stored-file.entity.js";
import { AuthResolver } from "./graphql/auth.resolver.js";
import { platformMigrations } from "./migrations/index.js";
import type { DomainModule } from "./module.js";
import { seedPlatformDemo } from "./seed.js";

/** Accounts, sessions, API keys, the outbox and stored files. */
export const platformModule: DomainModule = {
  name: "platform",
  entities: [User, Session, ApiKey, OutboxEvent, StoredFile],
  migrations: platformMigrations,
  resolvers: [AuthResolver],
  seedDemo: seedPlatformDemo,
};
