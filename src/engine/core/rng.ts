// A seeded pseudo-random generator (sfc32). The state is plain numbers, so a simulation can
// keep it, copy it and replay it: same seed, same sequence, on every machine.

export interface RngState {
  a: number;
  b: number;
  c: number;
  d: number;
}

export class Rng {
  private s: RngState;

  constructor(seed: number | RngState) {
    if (typeof seed === 'number') {
      const x = seed >>> 0;
      this.s = { a: 0x9e3779b9, b: 0x243f6a88, c: 0xb7e15162, d: x };
      for (let i = 0; i < 15; i++) this.nextUint32();
    } else {
      this.s = { ...seed };
    }
  }

  state(): RngState {
    return { ...this.s };
  }

  nextUint32(): number {
    const s = this.s;
    const t = (((s.a + s.b) | 0) + s.d) | 0;
    s.d = (s.d + 1) | 0;
    s.a = s.b ^ (s.b >>> 9);
    s.b = (s.c + (s.c << 3)) | 0;
    s.c = (s.c << 21) | (s.c >>> 11);
    s.c = (s.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** An integer in [0, n). */
  intn(n: number): number {
    if (n <= 0) throw new Error(`intn: n must be positive, got ${n}`);
    return Math.floor(this.next() * n);
  }

  /**
   * A random string of n characters from the alphabet Kubernetes uses for generated names
   * (apimachinery/pkg/util/rand/rand.go: consonants and digits that cannot spell words).
   */
  string(n: number): string {
    let out = '';
    for (let i = 0; i < n; i++) out += NAME_ALPHABET[this.intn(NAME_ALPHABET.length)];
    return out;
  }
}

/** apimachinery/pkg/util/rand/rand.go `alphanums`. */
export const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
