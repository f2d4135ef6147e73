import type { Random } from './prng';

export interface Skew {
  /** Zipf exponent: 0 is uniform, 1 is classic Zipf (the first item k times as likely as the k-th). */
  exponent: number;
  /** Mandelbrot's offset: flattens the head so that the first few items are not overwhelming. */
  offset?: number;
}

/**
 * A list whose first items are drawn far more often than its last, as real words, companies and
 * skills are: weight(rank) = (rank + offset)^-exponent, sampled by binary search over the CDF.
 */
export class SkewedList<T> {
  private readonly cumulative: Float64Array;

  constructor(
    readonly items: readonly T[],
    skew: Skew,
  ) {
    if (!items.length) throw new Error('a skewed list needs items');
    this.cumulative = new Float64Array(items.length);
    let total = 0;
    for (let rank = 1; rank <= items.length; rank++) {
      total += (rank + (skew.offset ?? 0)) ** -skew.exponent;
      this.cumulative[rank - 1] = total;
    }
    for (let i = 0; i < items.length; i++) this.cumulative[i] = (this.cumulative[i] as number) / total;
  }

  /** The index of a drawn item. */
  drawIndex(random: Random): number {
    const point = random.next();
    let low = 0;
    let high = this.items.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.cumulative[middle] as number) > point) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  draw(random: Random): T {
    return this.items[this.drawIndex(random)] as T;
  }

  /** `count` different items (fewer if the list is shorter), in the order drawn. */
  drawDistinct(random: Random, count: number): T[] {
    const wanted = Math.min(count, this.items.length);
    const seen = new Set<number>();
    // A steep list may keep returning its head: after enough misses, take the next unused rank.
    for (let attempts = 0; seen.size < wanted && attempts < wanted * 20; attempts++) seen.add(this.drawIndex(random));
    for (let i = 0; seen.size < wanted; i++) seen.add(i);
    return [...seen].map((i) => this.items[i] as T);
  }
}
