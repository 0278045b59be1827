import { CALENDAR_OVERRIDE_CHANGED, type AppServices, type EventHandler } from "@civicline/platform";
import { MEASURE_ROLLUP_ENTITIES } from "./measure-rollups.entity.js";
import { measureEntities } from "./measure-tables.entity.js";
import { MeasuresResolver } from "./measures.resolver.js";
import { refreshMeasureCalendar } from "./rebuild.js";

/** The measures engine's part of the supervision module. */
export const measureEngineEntities = [...measureEntities, ...MEASURE_ROLLUP_ENTITIES];
export const measureEngineResolvers = [MeasuresResolver];

/** A calendar change moves working times: the calendar table follows and the tickets spanning the changed days are recomputed. */
export function measureEngineEventHandlers(services: AppServices): EventHandler[] {
  return [
    {
      name: "supervision.measures.calendar",
      eventType: CALENDAR_OVERRIDE_CHANGED,
      handle: async () => {
        await services.dataSource.transaction((manager) => refreshMeasureCalendar(manager));
      },
    },
  ];
}
