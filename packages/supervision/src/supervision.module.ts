import type { DomainModule } from "@civicline/platform";
import { chasingEntities, chasingEventHandlers, chasingResolvers, chasingTimerHandlers } from "./chasing/chasing.parts.js";
import { DossierResolver } from "./dossier/dossier.resolver.js";
import { reReportCountHandlers } from "./dossier/re-report-counts.js";
import { SupervisionReReport } from "./dossier/re-report.entity.js";
import { jointEntities, jointResolvers, jointTimerHandlers } from "./joint/joint.parts.js";
import { leaderEntities, leaderEventHandlers, leaderResolvers } from "./leader/leader.parts.js";
import { supervisionMigrations } from "./migrations/index.js";
import { orderEntities, orderEventHandlers, orderResolvers, orderTimerHandlers } from "./orders/index.js";
import { searchEntities, searchResolvers } from "./search/search.parts.js";
import { seedSupervisionDemo } from "./supervision.seed.js";
import { measureEngineEntities, measureEngineEventHandlers, measureEngineResolvers } from "./measures/engine/engine.parts.js";
import { wallEntities, wallHandlers, wallResolvers } from "./measures/wall/wall.parts.js";
import { hotResolvers } from "./measures/hot/hot.parts.js";
import { rankingEntities, rankingResolvers } from "./measures/ranking/ranking.parts.js";
import { reportEntities, reportResolvers, reportSchedules } from "./measures/report/report.parts.js";

/**
 * Supervision (督办): finding any ticket, chasing what is late, supervision orders that escalate,
 * joint supervision (三方联动督办) and leader sessions (领导坐班接听, 领导包案).
 */
export const supervisionModule: DomainModule = {
  name: "supervision",
  entities: [
    ...orderEntities,
    ...chasingEntities,
    ...leaderEntities,
    ...jointEntities,
    SupervisionReReport,
    ...searchEntities,
    ...measureEngineEntities,
    ...wallEntities,
    ...rankingEntities,
    ...reportEntities,
  ],
  migrations: supervisionMigrations,
  resolvers: [
    ...orderResolvers,
    ...chasingResolvers,
    ...leaderResolvers,
    ...jointResolvers,
    DossierResolver,
    ...searchResolvers,
    ...measureEngineResolvers,
    ...wallResolvers,
    ...rankingResolvers,
    ...hotResolvers,
    ...reportResolvers,
  ],
  eventHandlers: (services) => [
    ...orderEventHandlers(services),
    ...chasingEventHandlers(services),
    ...leaderEventHandlers(services),
    ...reReportCountHandlers(services.dataSource),
    ...measureEngineEventHandlers(services),
    // after the chasing board's: the wall reads its counters once they moved
    ...wallHandlers(services),
  ],
  schedules: (services) => [...reportSchedules(services)],
  timerHandlers: (services) => [...chasingTimerHandlers(), ...jointTimerHandlers(), ...orderTimerHandlers(services)],
  seedDemo: seedSupervisionDemo,
};
