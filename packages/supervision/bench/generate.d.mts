import type pg from "pg";

export type GenerateOptions = { tickets?: number; chunk?: number; days?: number; now?: Date; log?: (message: string) => void };
export type GenerateStats = {
  tickets: number;
  assignments: number;
  history: number;
  notes: number;
  search_rows: number;
  generated: number;
  baseMs: number;
  ms: number;
  rowsPerSecond: number;
  ticketsPerSecond: number;
};

/** SQL expression of generated ticket i's id. */
export function benchTicketId(i: number | string): string;
export function generateTickets(client: pg.Client | pg.PoolClient, options?: GenerateOptions): Promise<GenerateStats>;
