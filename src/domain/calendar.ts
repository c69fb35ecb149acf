/** Days and times as records store them, from the device's local clock. */

/** Two digits: `4` → `'04'`. */
export const pad2 = (n: number) => String(n).padStart(2, '0');

/** The local calendar day, `YYYY-MM-DD`. */
export const isoDay = (d: Date) =>
  `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;

/** The local time of day, `HH:MM`. */
export const clockTime = (d: Date) => `${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
