import type { FieldError } from "../errors.js";
import { COMMON_PASSWORDS } from "./common-passwords.js";

/** At least this many characters, unless the password is a passphrase. */
export const PASSWORD_MIN_LENGTH = 12;
/** A passphrase: at least this many words (separated by spaces), each of at least two characters. */
export const PASSPHRASE_MIN_WORDS = 4;
/** bcrypt reads 72 bytes; anything beyond would be ignored silently, so it is refused. */
export const PASSWORD_MAX_BYTES = 72;

const LEET: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", $: "s", "!": "i" };

function compact(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/[\s_.-]+/g, "");
}

function unLeet(text: string): string {
  return [...text].map((c) => LEET[c] ?? c).join("");
}

function isCommon(password: string): boolean {
  const plain = compact(password);
  const stem = plain.replace(/[^\p{L}]+$/u, "");
  const candidates = [plain, stem, unLeet(plain), unLeet(plain).replace(/[^\p{L}]+$/u, ""), unLeet(stem)];
  if (candidates.some((candidate) => candidate.length > 0 && COMMON_PASSWORDS.has(candidate))) {
    return true;
  }
  // One character repeated, or a word repeated ("abcabcabcabc", "passwordpassword").
  return /^(.{1,4})\1+$/u.test(plain) || /^(.+)\1$/u.test(plain) && COMMON_PASSWORDS.has(plain.slice(0, plain.length / 2));
}

/** Whether a password counts as a passphrase: four or more words of two or more characters each. */
export function isPassphrase(password: string): boolean {
  const words = password.trim().split(/[\s-]+/u).filter((word) => word.length > 0);
  return words.length >= PASSPHRASE_MIN_WORDS && words.every((word) => [...word].length >= 2) && new Set(words.map((w) => w.toLowerCase())).size >= PASSPHRASE_MIN_WORDS;
}

/**
 * Checks a new password against the policy: 12 or more characters or a passphrase (four words),
 * at most 72 bytes, not containing the username, not a commonly used password. Returns the field
 * errors (empty when it passes); `field` names the form field to show them at.
 */
export function checkPasswordPolicy(password: string, options: { username: string; field?: string }): FieldError[] {
  const field = options.field ?? "password";
  if (!password) {
    return [{ field, code: "REQUIRED", message: "Enter a password." }];
  }
  if (Buffer.byteLength(password, "utf8") > PASSWORD_MAX_BYTES) {
    return [{ field, code: "TOO_LONG", message: "A password can be at most 72 bytes (72 letters or digits, or 24 Chinese characters)." }];
  }
  if ([...password].length < PASSWORD_MIN_LENGTH && !isPassphrase(password)) {
    return [{ field, code: "TOO_SHORT", message: "Use at least 12 characters, or a passphrase of four or more words separated by spaces." }];
  }
  const username = compact(options.username);
  if (username.length >= 3 && (compact(password).includes(username) || unLeet(compact(password)).includes(username))) {
    return [{ field, code: "CONTAINS_USERNAME", message: "The password must not contain the username." }];
  }
  if (isCommon(password)) {
    return [{ field, code: "COMMON", message: "This password is too common and easy to guess; choose another." }];
  }
  return [];
}
