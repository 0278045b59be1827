import { ValidationError, type FieldError } from "./errors.js";

/** An inclusive range an integer argument must lie in. */
export type IntRange = { min: number; max: number };

/** A field outside its range, with the range so that a client can word it (extensions.fields[]). */
export type RangeFieldError = FieldError & { code: "OUT_OF_RANGE"; min: number; max: number };

/** The paging rule of one list field: page size bounds and default, the deepest offset. */
export type PageRule = { defaultLimit: number; maxLimit: number; maxOffset?: number };

/** Paging arguments as they come from GraphQL (absent or null means the default). */
export type PageArgs = { limit?: number | null; offset?: number | null };

/** The deepest offset a list accepts unless its rule says otherwise. */
export const DEFAULT_MAX_OFFSET = 100_000;

/** Years the working calendar can be asked about (calendarOverrides and the like). */
export const CALENDAR_YEARS: IntRange = { min: 2000, max: 2100 };

/**
 * Integer arguments outside their range: code BAD_USER_INPUT, one OUT_OF_RANGE entry per field in
 * `extensions.fields` (with min and max), and a message that names every allowed range.
 */
export class OutOfRangeError extends ValidationError {
  constructor(readonly ranges: RangeFieldError[]) {
    super(ranges);
    this.message = `${ranges.map((range) => range.message.replace(/\.$/, "")).join("; ")}.`;
    this.name = "OutOfRangeError";
  }
}

/** The field error for `value` outside `range`, or null when it lies inside. */
export function rangeFieldError(field: string, value: number, range: IntRange): RangeFieldError | null {
  if (Number.isInteger(value) && value >= range.min && value <= range.max) {
    return null;
  }
  return { field, code: "OUT_OF_RANGE", message: `${field} must be between ${range.min} and ${range.max}.`, min: range.min, max: range.max };
}

/**
 * Checks integer arguments against their ranges all at once; throws one OutOfRangeError listing
 * every offending field. Values that are null or undefined are skipped (defaults apply elsewhere).
 */
export function checkRanges(checks: ReadonlyArray<{ field: string; value: number | null | undefined; range: IntRange }>): void {
  const errors: RangeFieldError[] = [];
  for (const check of checks) {
    const error = check.value === null || check.value === undefined ? null : rangeFieldError(check.field, check.value, check.range);
    if (error) {
      errors.push(error);
    }
  }
  if (errors.length > 0) {
    throw new OutOfRangeError(errors);
  }
}

/** One integer argument in its range (the default when absent), or an OutOfRangeError. */
export function intInRange(field: string, value: number | null | undefined, range: IntRange & { defaultValue?: number }): number {
  const resolved = value ?? range.defaultValue;
  if (resolved === undefined) {
    throw new OutOfRangeError([rangeFieldError(field, Number.NaN, range)!]);
  }
  checkRanges([{ field, value: resolved, range }]);
  return resolved;
}

/**
 * The one check of paging arguments: limit 1 … maxLimit (defaultLimit when absent), offset
 * 0 … maxOffset (0 when absent). Out-of-range values are refused, never clamped.
 */
export function pageInput(args: PageArgs, rule: PageRule): { limit: number; offset: number } {
  const limit = args.limit ?? rule.defaultLimit;
  const offset = args.offset ?? 0;
  checkRanges([
    { field: "limit", value: limit, range: { min: 1, max: rule.maxLimit } },
    { field: "offset", value: offset, range: { min: 0, max: rule.maxOffset ?? DEFAULT_MAX_OFFSET } },
  ]);
  return { limit, offset };
}
