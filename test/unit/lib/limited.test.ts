import { describe, expect, it } from 'vitest';
import { mapLimited } from '../../../shared/lib/limited';

describe('mapLimited', () => {
  it('answers in the order of the items, with never more than the width in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const out = await mapLimited([5, 1, 4, 2, 3, 0, 6], 3, async (n, i) => {
      inFlight++;
      most = Math.max(most, inFlight);
      // later items finish first: the order of the answers must not follow the order of finishing
      await new Promise((r) => setTimeout(r, n));
      inFlight--;
      return `${i}:${n}`;
    });
    expect(out).toEqual(['0:5', '1:1', '2:4', '3:2', '4:3', '5:0', '6:6']);
    expect(most).toBe(3);
  });

  it('does nothing on no items, and stops at the first failure', async () => {
    expect(await mapLimited([], 4, async () => 1)).toEqual([]);
    await expect(mapLimited([1, 2, 3], 2, async (n) => { if (n === 2) throw new Error('two'); return n; })).rejects.toThrow('two');
  });
});
