import { DomainError, normalizeText, textProblem, type FieldError } from "@civicline/platform";
import type { EntityManager } from "typeorm";
import { NoticeLocale, NoticeStep } from "./notice.enums.js";
import { SmsTemplate } from "./sms-template.entity.js";

/** Placeholders a template may use: `{number}` tracking number, `{unit}` lead unit, `{due}` completion deadline, `{link}` the portal page. */
export const PLACEHOLDERS = ["number", "unit", "due", "link"] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** Per step: the placeholders it may use, and those it must use (a text without them would tell the citizen nothing). */
export const STEP_PLACEHOLDERS: Readonly<Record<NoticeStep, { allowed: readonly Placeholder[]; required: readonly Placeholder[] }>> = {
  [NoticeStep.RECEIVED]: { allowed: ["number", "link"], required: ["number"] },
  [NoticeStep.DISPATCHED]: { allowed: ["number", "unit", "due", "link"], required: ["number", "unit", "due"] },
  [NoticeStep.REPLIED]: { allowed: ["number", "link"], required: ["number", "link"] },
  [NoticeStep.CLOSED]: { allowed: ["number", "link"], required: ["number"] },
};

/** Longest template (a long text is split into several SMS and costs more): 300 characters. */
export const TEMPLATE_MAX_CHARS = 300;

/** The built-in wording, used until an admin saves another. */
export const DEFAULT_TEMPLATES: Readonly<Record<NoticeStep, Record<NoticeLocale, string>>> = {
  [NoticeStep.RECEIVED]: {
    [NoticeLocale.ZH_CN]: "【12345】您的诉求已受理，受理编号 {number}，查询进度：{link}",
    [NoticeLocale.EN]: "12345: your request was received, number {number}. Track it: {link}",
  },
  [NoticeStep.DISPATCHED]: {
    [NoticeLocale.ZH_CN]: "【12345】您的诉求 {number} 已转交{unit}办理，办理时限至 {due}。",
    [NoticeLocale.EN]: "12345: your request {number} was passed to {unit}, to be completed by {due}.",
  },
  [NoticeStep.REPLIED]: {
    [NoticeLocale.ZH_CN]: "【12345】{number} 已有办理结果，请查看并评价：{link}",
    [NoticeLocale.EN]: "12345: there is a reply to {number}. Read and rate it: {link}",
  },
  [NoticeStep.CLOSED]: {
    [NoticeLocale.ZH_CN]: "【12345】您的诉求 {number} 已办结，感谢您的支持。",
    [NoticeLocale.EN]: "12345: your request {number} is closed. Thank you.",
  },
};

/** Error codes of template validation (in `extensions.code`; the field error carries the placeholder). */
export const TemplateErrorCode = {
  UNKNOWN_PLACEHOLDER: "CALLBACK/TEMPLATE_UNKNOWN_PLACEHOLDER",
  MISSING_PLACEHOLDER: "CALLBACK/TEMPLATE_MISSING_PLACEHOLDER",
  INVALID: "CALLBACK/TEMPLATE_INVALID",
} as const;

const TOKEN = /\{([^{}]*)\}/g;

/**
 * Checks a template for a step: not empty, at most 300 characters, no stray brace, only the step's
 * placeholders and all of its required ones. Throws a coded DomainError whose `fields` name `text`
 * with a field code (EMPTY, TOO_LONG, INVALID_CHARACTERS, UNBALANCED_BRACE, UNKNOWN_PLACEHOLDER,
 * MISSING_PLACEHOLDER) and the placeholder concerned. Answers the normalised text.
 */
export function validateTemplate(step: NoticeStep, raw: string): string {
  const text = normalizeText(typeof raw === "string" ? raw : "");
  const fail = (code: string, fieldCode: string, message: string, placeholder?: string): never => {
    const field: FieldError & { placeholder?: string } = { field: "text", code: fieldCode, message, ...(placeholder ? { placeholder } : {}) };
    throw new DomainError(code, message, { fields: [field], ...(placeholder ? { placeholder } : {}) });
  };
  if (!text) {
    fail(TemplateErrorCode.INVALID, "EMPTY", "Write the message.");
  }
  if ([...text].length > TEMPLATE_MAX_CHARS) {
    fail(TemplateErrorCode.INVALID, "TOO_LONG", `A message may be at most ${TEMPLATE_MAX_CHARS} characters.`);
  }
  const problem = textProblem(text, "text");
  if (problem) {
    fail(TemplateErrorCode.INVALID, "INVALID_CHARACTERS", `The message ${problem}.`);
  }
  if (text.replace(TOKEN, "").match(/[{}]/)) {
    fail(TemplateErrorCode.INVALID, "UNBALANCED_BRACE", "A brace is not closed: placeholders are written {number}.");
  }
  const { allowed, required } = STEP_PLACEHOLDERS[step];
  const used = [...text.matchAll(TOKEN)].map((match) => match[1]!);
  for (const name of used) {
    if (!(allowed as readonly string[]).includes(name)) {
      fail(TemplateErrorCode.UNKNOWN_PLACEHOLDER, "UNKNOWN_PLACEHOLDER", `{${name}} cannot be used here; this message may use ${allowed.map((p) => `{${p}}`).join(" ")}.`, name);
    }
  }
  for (const name of required) {
    if (!used.includes(name)) {
      fail(TemplateErrorCode.MISSING_PLACEHOLDER, "MISSING_PLACEHOLDER", `This message must contain {${name}}.`, name);
    }
  }
  return text;
}

/** Fills a template's placeholders (a placeholder without a value is left empty). */
export function renderTemplate(template: string, values: Partial<Record<Placeholder, string>>): string {
  return template.replace(TOKEN, (_all, name: string) => values[name as Placeholder] ?? "");
}

/** The wording in force for every step and language: an admin's, or the built-in one. */
export async function loadTemplates(manager: Pick<EntityManager, "find">): Promise<Record<NoticeStep, Record<NoticeLocale, string>>> {
  const saved = await manager.find(SmsTemplate, {});
  const result = Object.fromEntries(Object.values(NoticeStep).map((step) => [step, { ...DEFAULT_TEMPLATES[step] }])) as Record<NoticeStep, Record<NoticeLocale, string>>;
  for (const row of saved) {
    if (result[row.step]) {
      result[row.step][row.locale] = row.text;
    }
  }
  return result;
}
