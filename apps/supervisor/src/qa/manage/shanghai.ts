/** China keeps UTC+8 all year: Asia/Shanghai wall times without a time-zone database. */
const OFFSET_MS = 8 * 3_600_000;

/** The Asia/Shanghai day (YYYY-MM-DD) of an instant. */
export function shanghaiDay(iso: string | Date): string {
  return new Date(new Date(iso).getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The Asia/Shanghai wall time (HH:MM) of an instant. */
export function shanghaiTime(iso: string | Date): string {
  return new Date(new Date(iso).getTime() + OFFSET_MS).toISOString().slice(11, 16);
}

/** The instant of `day` at wall time `time` (HH:MM) in Asia/Shanghai, as ISO. */
export function shanghaiInstant(day: string, time: string): string {
  return new Date(`${day}T${time}:00+08:00`).toISOString();
}

/** Today in Asia/Shanghai. */
export function shanghaiToday(now: Date = new Date()): string {
  return shanghaiDay(now);
}
