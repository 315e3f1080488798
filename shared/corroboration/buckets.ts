import type { ClaimFeatures } from './features';

const MAX_BUCKETS = 24;

/**
 * The match keys a claim is indexed under: its dimension and the powers of two its interval
 * covers ("about 2,100 homes" -> count:house#10-11), years as they are for dates.
 */
export function indexKeys(f: ClaimFeatures): string[] {
  return range(f, 0).map((b) => `${f.dimension}#${b}`);
}

/** The keys to look candidates up under: the claim's own and one power of two on each side. */
export function lookupKeys(f: ClaimFeatures): string[] {
  return range(f, 1).map((b) => `${f.dimension}#${b}`);
}

function range(f: ClaimFeatures, widen: number): string[] {
  if (f.dimension === 'date') {
    const years = [Math.round(f.lo)];
    if (Number.isFinite(f.hi) && f.hi !== f.lo) years.push(Math.round(f.hi));
    return [...new Set(years)].map(String);
  }
  let lo = f.lo;
  let hi = Number.isFinite(f.hi) ? f.hi : f.lo * 2; // "more than x" is indexed near x
  if (!(hi > 0)) return ['zero'];
  if (!(lo > 0)) lo = hi / 4; // "up to x" is indexed near x
  let first = Math.floor(Math.log2(lo)) - widen;
  let last = Math.floor(Math.log2(hi)) + widen;
  if (last - first + 1 > MAX_BUCKETS) {
    const middle = Math.floor((first + last) / 2);
    first = middle - MAX_BUCKETS / 2;
    last = first + MAX_BUCKETS - 1;
  }
  const out: string[] = [];
  for (let b = first; b <= last; b++) out.push(String(b));
  return out;
}
