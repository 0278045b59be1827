import type pg from "pg";
// @ts-expect-error -- the bench's generator is a plain ES module (node runs it without a build); typed here for the tests
import { generateTickets as generate } from "../../../bench/generate.mjs";

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

/** bench/generate.mjs's generateTickets: bulk tickets with history and assignments, and their search rows. */
export const generateTickets = generate as (client: pg.Client, options?: GenerateOptions) => Promise<GenerateStats>;
