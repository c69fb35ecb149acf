import { DEFAULT_FAIR_USE, type FairUseLimits } from '../../server/fair-use/fair-use.ts';

/** Benches measure speed: one account pushes far more per minute than fair use allows. */
export const BENCH_FAIR_USE: FairUseLimits = {
  ...DEFAULT_FAIR_USE,
  pushesPerMinute: Number.MAX_SAFE_INTEGER,
  uploadsPerMinute: Number.MAX_SAFE_INTEGER,
  uploadBytesPerDay: Number.MAX_SAFE_INTEGER,
  unreferencedUploadsPerDay: Number.MAX_SAFE_INTEGER,
};
