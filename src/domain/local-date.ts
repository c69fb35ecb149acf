/** Calendar days and times of day in local time, written the way records keep them. */

/** Two digits: 7 → "07" (months, days, hours, minutes). */
export const pad2 = (n: number): string => String(n).padStart(2, '0');

/** A moment's calendar day in local time: `2026-03-07`. */
export const isoDay = (date: Date): string =>
  `${date.getFullYear()}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}`;

/** A moment's time of day in local time: `09:05`. */
export const clockTime = (date: Date): string =>
  `${pad2(date.getHours())}:${pad2(date.getMinutes())}`;
