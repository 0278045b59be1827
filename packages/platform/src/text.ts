/** Normalises user text: Unicode NFC, trimmed, Windows line ends folded. Stored text is always NFC. */
export function normalizeText(value: string): string {
  return value.normalize("NFC").replace(/\r\n?/g, "\n").trim();
}

/**
 * Where a text goes, for the character policy: a `line` is a short field shown inline beside other
 * text (a name, an address, a title, a keyword); `text` is free text shown as a block of its own
 * (a description, a reply, an article body, a note).
 */
export type TextKind = "line" | "text";

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// C0 controls and DEL, except tab, line feed and carriage return.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** Bidirectional embeddings, overrides and isolates (LRE RLE PDF LRO RLO, LRI RLI FSI PDI). */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/**
 * Why a text is refused, or null when it may be stored: the one character policy of civicline.
 * Always refused: NUL (PostgreSQL text cannot hold it), lone UTF-16 surrogates (no UTF-8 form: they
 * would be stored as U+FFFD) and control characters other than tab and line ends. In a `line`
 * also bidirectional overrides, embeddings and isolates (U+202A–U+202E, U+2066–U+2069): inside a
 * name or address they can make a list or an SMS read differently from what was stored (a "Trojan
 * Source" trick). Free `text` keeps them: it is shown as a paragraph of its own, where they cannot
 * reorder what surrounds it. The left-to-right and right-to-left marks (U+200E, U+200F, U+061C)
 * and emoji are ordinary text everywhere. Messages complete "<label> …" for a person.
 */
export function textProblem(value: string, kind: TextKind = "text"): string | null {
  if (value.includes("\u0000")) {
    return "contains a NUL character (U+0000)";
  }
  if (LONE_SURROGATE.test(value)) {
    return "contains an invalid character (a lone UTF-16 surrogate)";
  }
  if (CONTROL.test(value)) {
    return "contains control characters";
  }
  if (kind === "line" && BIDI_CONTROL.test(value)) {
    return "contains direction-changing control characters (U+202A–U+202E, U+2066–U+2069), which can disguise how it reads";
  }
  return null;
}

/** Whether a string holds what no text column can store as sent: a NUL character or a lone surrogate. */
export function hasUnstorableCharacter(value: string): boolean {
  return value.includes("\u0000") || LONE_SURROGATE.test(value);
}

/** Masks a phone number for staff who do not need it in full: 13812341234 → 138****1234. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  if (digits.length < 7) {
    return "*".repeat(digits.length);
  }
  return `${digits.slice(0, 3)}${"*".repeat(digits.length - 7)}${digits.slice(-4)}`;
}
