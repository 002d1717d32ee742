/**
 * Seeded randomness. Every dataset draws from `randomSource(seed)` so the same seed gives
 * bit-identical data on any machine (seedrandom's ARC4 generator; no Math.random anywhere).
 */
import seedrandom from "seedrandom";

export interface RandomSource {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Uniform in [lo, hi). */
  between(lo: number, hi: number): number;
  /** Standard normal draw (Box-Muller). */
  normal(): number;
  /** Integer in [0, n). */
  int(n: number): number;
}

export function randomSource(seed: number | string): RandomSource {
  const next = seedrandom(String(seed));
  const uniform = () => next();
  return {
    uniform,
    between: (lo, hi) => lo + (hi - lo) * uniform(),
    normal: () => {
      // Box-Muller; 1 - u keeps the log argument in (0, 1].
      const u1 = 1 - uniform();
      const u2 = uniform();
      return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    },
    int: (n) => Math.floor(uniform() * n),
  };
}

/** Fisher-Yates shuffle of 0..n-1 driven by `rng` (a new array). */
export function shuffledIndices(n: number, rng: RandomSource): number[] {
  const idx = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const tmp = idx[i];
    idx[i] = idx[j];
    idx[j] = tmp;
  }
  return idx;
}
