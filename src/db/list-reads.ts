/**
 * What the lists and the dashboard keep in memory of the list index between reads, and
 * its forgetting: when the device's copy is wiped (sign-out), nothing of it may be shown
 * to the next account, even for the moment before its first read.
 */
const forgetters = new Set<() => void>();

/** Registers a cache to clear when the device's data is wiped. */
export function onForgetListReads(forget: () => void): void {
  forgetters.add(forget);
}

/** Clears every cache of the list index's reads. */
export function forgetListReads(): void {
  for (const forget of forgetters) forget();
}
