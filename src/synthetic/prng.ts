// Math.random cannot be seeded, and one shared stream would make person n depend on every person
// before it. Each person gets its own stream, keyed by (seed, n), so any range of people can be
// generated on its own, in any order, and come out the same.

/** Mixes a 32-bit value so that nearby keys (n, n + 1) give unrelated states. */
function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/** sfc32: small, fast, and good enough for test data (not for anything secret). */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  private constructor(a: number, b: number, c: number, d: number) {
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    // The first outputs of sfc32 still echo the seed.
    for (let i = 0; i < 12; i++) this.next();
  }

  /** The stream for these keys, e.g. `Random.for(seed, personNumber)`. */
  static for(...keys: number[]): Random {
    let h = 0x9e3779b9;
    for (const key of keys) h = mix32(h ^ mix32(key + 0x6a09e667));
    return new Random(h, mix32(h + 1), mix32(h + 2), mix32(h + 3));
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (!items.length) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** An index drawn with these relative weights. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const weight of weights) total += weight;
    let point = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      point -= weights[i] as number;
      if (point < 0) return i;
    }
    return weights.length - 1;
  }
}
