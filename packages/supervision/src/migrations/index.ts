import { TicketSearch1796544050251 } from "./1796544050251-TicketSearch.js";
import { ReReportCounts1796544131170 } from "./1796544131170-ReReportCounts.js";
import { Chasing1796544152400 } from "./1796544152400-Chasing.js";
import { LeaderSessions1796544161795 } from "./1796544161795-LeaderSessions.js";
import { SupervisionOrders1796544236558 } from "./1796544236558-SupervisionOrders.js";
import { JointSupervision1796544240736 } from "./1796544240736-JointSupervision.js";
import { Wallboard1796555356801 } from "./1796555356801-Wallboard.js";
import { RankingWeights1796555360485 } from "./1796555360485-RankingWeights.js";
import { OversightReport1796555495352 } from "./1796555495352-OversightReport.js";
import { Measures1796555539973 } from "./1796555539973-Measures.js";
import { MeasuresProposals1796556510250 } from "./1796556510250-MeasuresProposals.js";
import { MeasureTriggers1796557890183 } from "./1796557890183-MeasureTriggers.js";
import { MeasureRollups1796559057622 } from "./1796559057622-MeasureRollups.js";
import { MeasureStripes1796570978989 } from "./1796570978989-MeasureStripes.js";

/** The supervision module's migrations, oldest first (generated list). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const supervisionMigrations: Function[] = [
  TicketSearch1796544050251,
  ReReportCounts1796544131170,
  Chasing1796544152400,
  LeaderSessions1796544161795,
  SupervisionOrders1796544236558,
  JointSupervision1796544240736,
  Wallboard1796555356801,
  RankingWeights1796555360485,
  OversightReport1796555495352,
  Measures1796555539973,
  MeasuresProposals1796556510250,
  MeasureTriggers1796557890183,
  MeasureRollups1796559057622,
  MeasureStripes1796570978989,
];
