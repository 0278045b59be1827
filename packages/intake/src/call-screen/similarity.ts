/**
 * Text similarity for duplicate detection, computed in code so it behaves the same on every
 * PostgreSQL (pg_trgm ignores CJK characters under a C locale). Chinese runs are split into
 * overlapping two-character tokens (bigrams), other letters and digits into words.
 */

const RUN = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;

/** NFKC (full-width → half-width), lower case. */
function fold(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

/** The token set of a text: CJK bigrams (a lone character counts as itself) and whole words. */
export function tokens(text: string): Set<string> {
  const result = new Set<string>();
  for (const run of fold(text).match(RUN) ?? []) {
    const chars = [...run];
    if (!/\p{Script=Han}/u.test(chars[0]!)) {
      result.add(run);
    } else if (chars.length === 1) {
      result.add(run);
    } else {
      for (let i = 0; i < chars.length - 1; i++) {
        result.add(chars[i]! + chars[i + 1]!);
      }
    }
  }
  return result;
}

/** Jaccard similarity of two texts' token sets, 0 … 1 (0 when either is empty). */
export function similarity(a: string, b: string): number {
  const left = tokens(a);
  const right = tokens(b);
  if (left.size === 0 || right.size === 0) {
    return 0;
  }
  let shared = 0;
  for (const token of left) {
    if (right.has(token)) {
      shared++;
    }
  }
  return shared / (left.size + right.size - shared);
}

/** An address with only letters and digits kept, folded: "张店区 柳泉路１号" → "张店区柳泉路1号". */
export function addressKey(address: string): string {
  return fold(address).replace(/[^\p{L}\p{N}]/gu, "");
}

/** Whether two addresses name the same place: equal once folded, or one is the other with a prefix (a district name). */
export function sameAddress(a: string, b: string): boolean {
  const left = addressKey(a);
  const right = addressKey(b);
  if (left.length < 4 || right.length < 4) {
    return left === right && left.length > 0;
  }
  return left === right || left.endsWith(right) || right.endsWith(left);
}
