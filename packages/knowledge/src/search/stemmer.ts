/**
 * A light English stemmer: Porter's steps 1 and 5 (plurals, -ed/-ing, final -y and -e). Enough to
 * fold "fees"/"fee", "heating"/"heat", "bullied"/"bullying"/"bully", "charges"/"charged" together
 * without a dictionary. Only plain a–z words of four letters or more are changed.
 */
const VOWELS = "aeiou";

function isConsonant(word: string, i: number): boolean {
  const ch = word[i]!;
  if (VOWELS.includes(ch)) {
    return false;
  }
  if (ch === "y") {
    return i === 0 || !isConsonant(word, i - 1);
  }
  return true;
}

/** Porter's m: the number of vowel-consonant sequences in a stem. */
function measure(stem: string): number {
  let m = 0;
  let i = 0;
  const n = stem.length;
  while (i < n && isConsonant(stem, i)) {
    i++;
  }
  while (i < n) {
    while (i < n && !isConsonant(stem, i)) {
      i++;
    }
    if (i >= n) {
      break;
    }
    while (i < n && isConsonant(stem, i)) {
      i++;
    }
    m++;
  }
  return m;
}

function hasVowel(stem: string): boolean {
  for (let i = 0; i < stem.length; i++) {
    if (!isConsonant(stem, i)) {
      return true;
    }
  }
  return false;
}

function endsDoubleConsonant(word: string): boolean {
  const n = word.length;
  return n >= 2 && word[n - 1] === word[n - 2] && isConsonant(word, n - 1);
}

/** consonant-vowel-consonant at the end, the last not w, x or y ("hop", not "hoop"). */
function endsCvc(word: string): boolean {
  const n = word.length;
  return (
    n >= 3 && isConsonant(word, n - 3) && !isConsonant(word, n - 2) && isConsonant(word, n - 1) && !"wxy".includes(word[n - 1]!)
  );
}

function step1a(w: string): string {
  if (w.endsWith("sses")) {
    return w.slice(0, -2);
  }
  if (w.endsWith("ies")) {
    return w.slice(0, -2);
  }
  if (w.endsWith("ss") || w.endsWith("us") || w.endsWith("is")) {
    return w;
  }
  return w.endsWith("s") ? w.slice(0, -1) : w;
}

function step1b(w: string): string {
  if (w.endsWith("eed")) {
    return measure(w.slice(0, -3)) > 0 ? w.slice(0, -1) : w;
  }
  let stem: string | null = null;
  if (w.endsWith("ed") && hasVowel(w.slice(0, -2))) {
    stem = w.slice(0, -2);
  } else if (w.endsWith("ing") && hasVowel(w.slice(0, -3))) {
    stem = w.slice(0, -3);
  }
  if (stem === null) {
    return w;
  }
  if (stem.endsWith("at") || stem.endsWith("bl") || stem.endsWith("iz")) {
    return `${stem}e`;
  }
  if (endsDoubleConsonant(stem) && !"lsz".includes(stem[stem.length - 1]!)) {
    return stem.slice(0, -1);
  }
  if (measure(stem) === 1 && endsCvc(stem)) {
    return `${stem}e`;
  }
  return stem;
}

function step1c(w: string): string {
  return w.endsWith("y") && hasVowel(w.slice(0, -1)) ? `${w.slice(0, -1)}i` : w;
}

function step5(w: string): string {
  let word = w;
  if (word.endsWith("e")) {
    const stem = word.slice(0, -1);
    const m = measure(stem);
    if (m > 1 || (m === 1 && !endsCvc(stem))) {
      word = stem;
    }
  }
  if (measure(word) > 1 && word.endsWith("ll")) {
    word = word.slice(0, -1);
  }
  return word;
}

/** The stem of a lower-case word; other scripts and short words are returned unchanged. */
export function stemWord(word: string): string {
  if (word.length < 4 || !/^[a-z]+$/.test(word)) {
    return word;
  }
  return step5(step1c(step1b(step1a(word))));
}
