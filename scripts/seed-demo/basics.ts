/** What every demo generator shares: fixed ids, a deterministic random source, places. */
import { sha256Hex } from '../../src/domain/hash.ts';
import { pad2 } from '../../src/domain/local-date.ts';
import type { Territory } from '../../src/domain/territory.ts';

/** A fixed UUID (version 8) from a demo key, as the reference seeds make theirs. */
export async function demoId(key: string): Promise<string> {
  const hex = await sha256Hex(`sedp-field:demo:${key}`);
  const variant = ((Number.parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A small deterministic random source, so every run makes the same demo. */
export function randomFrom(seed: number) {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  return {
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T,
    chance: (p: number) => next() < p,
  };
}

export interface Place {
  id: string;
  districtId: string;
  names: Territory['names'];
  /** The territory's code (`kochkor-ata`, `demo-massy`); absent: none known. */
  code?: string;
  municipalityType?: Territory['municipalityType'];
}

export function iso(year: number, month: number, day: number) {
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** A demo record before its id is assigned: the key its id is made from. */
export type DemoBody = { key: string; type: string; body: Record<string, unknown> };
