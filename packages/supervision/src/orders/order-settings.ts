import { assertNoFieldErrors, recordEvent, requireRole, type Actor, type FieldError } from "@civicline/platform";
import { DataSource, type EntityManager } from "typeorm";
import { ORDER_SETTINGS_EDITORS } from "./order.errors.js";
import { OrderLevel } from "./order.enums.js";
import { SupervisionOrderSettings } from "./order-settings.entity.js";
import { OrderEvent } from "./order.events.js";

/** The settings as the rules use them. */
export type OrderSettingsValues = {
  autoReminderOnOverdue: boolean;
  reminderMinutes: number;
  formalMinutes: number;
  listedMinutes: number;
  updatedAt: Date | null;
  updatedByName: string | null;
};

/** One working day of the default calendar (08:30–12:00, 13:30–17:30). */
const WORKING_DAY = 450;

/** What applies until an admin saves the settings: a reminder on overdue, 1 / 2 / 3 working days to answer. */
export const DEFAULT_ORDER_SETTINGS: OrderSettingsValues = {
  autoReminderOnOverdue: true,
  reminderMinutes: WORKING_DAY,
  formalMinutes: 2 * WORKING_DAY,
  listedMinutes: 3 * WORKING_DAY,
  updatedAt: null,
  updatedByName: null,
};

/** Accepted answer times, in working minutes (30 minutes … 20 working days). */
export const RESPONSE_MINUTES_LIMITS = { min: 30, max: 20 * WORKING_DAY } as const;

const SETTINGS_ID = 1;

function merged(row: SupervisionOrderSettings | null): OrderSettingsValues {
  if (!row) {
    return { ...DEFAULT_ORDER_SETTINGS };
  }
  return {
    autoReminderOnOverdue: row.autoReminderOnOverdue,
    reminderMinutes: row.reminderMinutes,
    formalMinutes: row.formalMinutes,
    listedMinutes: row.listedMinutes,
    updatedAt: row.updatedAt,
    updatedByName: row.updatedByName,
  };
}

/** The settings in force: the saved row, or the defaults. */
export async function loadOrderSettings(db: DataSource | EntityManager): Promise<OrderSettingsValues> {
  const manager = db instanceof DataSource ? db.manager : db;
  return merged(await manager.findOne(SupervisionOrderSettings, { where: { id: SETTINGS_ID } }));
}

/** The working minutes a unit has to answer an order of `level`. */
export function responseMinutesFor(settings: OrderSettingsValues, level: OrderLevel): number {
  return level === OrderLevel.REMINDER ? settings.reminderMinutes : level === OrderLevel.FORMAL ? settings.formalMinutes : settings.listedMinutes;
}

/** What an admin sends. */
export type OrderSettingsRequest = { autoReminderOnOverdue: boolean; reminderMinutes: number; formalMinutes: number; listedMinutes: number };

/** Every rule a settings change must meet, as field errors (all at once). */
export function validateOrderSettings(request: OrderSettingsRequest): FieldError[] {
  const errors: FieldError[] = [];
  if (typeof request.autoReminderOnOverdue !== "boolean") {
    errors.push({ field: "autoReminderOnOverdue", code: "REQUIRED", message: "Say whether a reminder is issued automatically." });
  }
  for (const field of ["reminderMinutes", "formalMinutes", "listedMinutes"] as const) {
    const value = request[field];
    if (!Number.isInteger(value) || value < RESPONSE_MINUTES_LIMITS.min || value > RESPONSE_MINUTES_LIMITS.max) {
      errors.push({ field, code: "OUT_OF_RANGE", message: `Give a whole number of working minutes from ${RESPONSE_MINUTES_LIMITS.min} to ${RESPONSE_MINUTES_LIMITS.max}.` });
    }
  }
  return errors;
}

/** Saves the settings (admins); every field is checked first. Applies to orders issued or escalated afterwards. */
export async function saveOrderSettings(dataSource: DataSource, input: { actor: Actor | null; request: OrderSettingsRequest; now?: Date }): Promise<OrderSettingsValues> {
  const actor = requireRole(input.actor, ORDER_SETTINGS_EDITORS);
  assertNoFieldErrors(validateOrderSettings(input.request));
  const { request } = input;
  return dataSource.transaction(async (manager) => {
    const row: SupervisionOrderSettings = Object.assign(new SupervisionOrderSettings(), {
      id: SETTINGS_ID,
      autoReminderOnOverdue: request.autoReminderOnOverdue,
      reminderMinutes: request.reminderMinutes,
      formalMinutes: request.formalMinutes,
      listedMinutes: request.listedMinutes,
      updatedAt: input.now ?? new Date(),
      updatedByName: actor.name,
    });
    await manager.save(SupervisionOrderSettings, row);
    await recordEvent(manager, { type: OrderEvent.SETTINGS_CHANGED, payload: { changedBy: actor.name }, actorId: actor.kind === "staff" ? actor.id : null });
    return merged(row);
  });
}
