/**
 * Cholesky factor of a symmetric positive semi-definite matrix, with a growing diagonal jitter
 * when the matrix is singular or nearly so (a particle population that has collapsed in one
 * direction), and triangular solves. Small dense matrices only (one row per parameter).
 */

/**
 * Lower-triangular L with L Lᵀ = A + δI, where δ is 0 when A is positive definite and otherwise
 * the smallest of 1e-12·s, 1e-11·s, … (s = the largest diagonal entry, at least 1e-300) that makes
 * the factorisation succeed. Returns L and the jitter used.
 */
export function cholesky(a: readonly (readonly number[])[]): { l: number[][]; jitter: number } {
  const d = a.length;
  for (let i = 0; i < d; i++) {
    if (a[i]!.length !== d) throw new RangeError(`cholesky: row ${i} has ${a[i]!.length} entries; expected ${d}`);
    for (let j = 0; j < d; j++) if (!Number.isFinite(a[i]![j]!)) throw new RangeError(`cholesky: entry [${i}][${j}] is ${a[i]![j]}`);
  }
  let scale = 1e-300;
  for (let i = 0; i < d; i++) scale = Math.max(scale, a[i]![i]!);
  let jitter = 0;
  for (let attempt = 0; attempt < 40; attempt++) {
    const l = tryCholesky(a, jitter);
    if (l) return { l, jitter };
    jitter = jitter === 0 ? 1e-12 * scale : jitter * 10;
  }
  throw new RangeError('cholesky: matrix is not positive semi-definite');
}

function tryCholesky(a: readonly (readonly number[])[], jitter: number): number[][] | null {
  const d = a.length;
  const l = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i]![j]! + (i === j ? jitter : 0);
      for (let k = 0; k < j; k++) s -= l[i]![k]! * l[j]![k]!;
      if (i === j) {
        if (!(s > 0)) return null;
        l[i]![i] = Math.sqrt(s);
      } else {
        l[i]![j] = s / l[j]![j]!;
      }
    }
  }
  return l;
}

/** Solves L x = b for lower-triangular L (forward substitution). */
export function solveLower(l: readonly (readonly number[])[], b: ArrayLike<number>): number[] {
  const d = l.length;
  const x = new Array<number>(d);
  for (let i = 0; i < d; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i]![k]! * x[k]!;
    x[i] = s / l[i]![i]!;
  }
  return x;
}

/** L z for lower-triangular L. */
export function multiplyLower(l: readonly (readonly number[])[], z: ArrayLike<number>): number[] {
  const d = l.length;
  const y = new Array<number>(d).fill(0);
  for (let i = 0; i < d; i++) for (let k = 0; k <= i; k++) y[i]! += l[i]![k]! * z[k]!;
  return y;
}
