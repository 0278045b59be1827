import type { Actor } from "@civicline/platform";
import type { DataSource } from "typeorm";
import type { TicketSearchHit } from "../../search/ticket-search.js";
import type { ReportLanguageValue } from "./report-job.entity.js";

/** What a report is about: a unit's tickets (its own, or with its sub-units) or all units', over Asia/Shanghai days. */
export type ReportQuery = {
  db: DataSource;
  /** Who asked: ticket lists are in their scope and masked as their role requires. */
  actor: Actor;
  language: ReportLanguageValue;
  /** null = all units. */
  unitId: string | null;
  includeSubUnits: boolean;
  /** The units reported on (the unit and, when asked, every unit below it); null = all. */
  unitIds: string[] | null;
  /** First and last day, inclusive (YYYY-MM-DD, Asia/Shanghai). */
  from: string;
  to: string;
  /** [start, end) instants of the period. */
  start: Date;
  end: Date;
  now: Date;
};

/** A figure as printed: every text already in the report's language and number format. */
export type ReportFigure = {
  key: string;
  label: string;
  value: string;
  numerator: string;
  denominator: string;
  previous: string;
  definition: string;
};

export type ReportRankingRow = {
  rank: string;
  unit: string;
  score: string;
  tickets: string;
  onTime: string;
  satisfaction: string;
  returned: string;
  reReported: string;
  extended: string;
  note: string;
};

export type ReportRanking = {
  formula: string;
  tieRule: string;
  weightsVersion: string;
  rows: ReportRankingRow[];
  apart: ReportRankingRow[];
};

/** Where the figures and the ranking come from (the measures engine and the ranking); swappable in tests. */
export type ReportSources = {
  figures(query: ReportQuery): Promise<ReportFigure[] | null>;
  ranking(query: ReportQuery): Promise<ReportRanking | null>;
};

export type TicketListKey = "OVERDUE" | "RETURNED" | "RE_REPORTED";

export type TicketList = {
  key: TicketListKey;
  rule: string;
  total: number;
  /** The total is a lower bound (the search counts up to its cap per unit). */
  capped: boolean;
  hits: TicketSearchHit[];
};

export type ReportOrder = {
  id: string;
  trackingNumber: string;
  ticketTitle: string | null;
  unitNameZh: string;
  unitNameEn: string;
  level: string;
  state: string;
  reason: string;
  issuedAt: Date;
  responseDueAt: Date;
  answeredAt: Date | null;
  escalations: number;
};

/** Everything a report prints. */
export type ReportModel = {
  language: ReportLanguageValue;
  scopeName: string;
  from: string;
  to: string;
  days: number;
  generatedAt: Date;
  generatedBy: string;
  figures: ReportFigure[] | null;
  ranking: ReportRanking | null;
  lists: TicketList[];
  orders: { total: number; rows: ReportOrder[] };
};
