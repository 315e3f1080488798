/**
 * `work` on each item with at most `width` of them in flight, answers in the order of the items.
 * For fanning requests out without queueing thousands at once behind the HTTP client's sockets.
 */
export async function mapLimited<T, R>(items: readonly T[], width: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    for (let k = next++; k < items.length; k = next++) out[k] = await work(items[k]!, k);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(width, items.length)) }, lane));
  return out;
}
