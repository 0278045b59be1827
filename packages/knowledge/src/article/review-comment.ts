import { normalizeText, ValidationError } from "@civicline/platform";
import { LIMITS } from "./article-validation.js";

/** A reviewer's note, normalised; null when blank. Longer than LIMITS.comment is BAD_USER_INPUT. */
export function optionalComment(raw: string | null | undefined, field = "comment"): string | null {
  const comment = raw ? normalizeText(raw) || null : null;
  if (comment && [...comment].length > LIMITS.comment) {
    throw new ValidationError([{ field, code: "TOO_LONG", message: `A comment may be at most ${LIMITS.comment} characters.` }]);
  }
  return comment;
}

/** A note that must be given (sending back, urgent approval): REQUIRED with `message` when blank. */
export function requiredComment(raw: string | null | undefined, field: string, message: string): string {
  const comment = optionalComment(raw, field);
  if (!comment) {
    throw new ValidationError([{ field, code: "REQUIRED", message }]);
  }
  return comment;
}
