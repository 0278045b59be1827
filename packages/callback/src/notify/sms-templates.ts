import { Role, recordAudit, requireRole, type Actor } from "@civicline/platform";
import type { DataSource } from "typeorm";
import { NoticeLocale, NoticeStep } from "./notice.enums.js";
import { SmsTemplate } from "./sms-template.entity.js";
import { DEFAULT_TEMPLATES, STEP_PLACEHOLDERS, validateTemplate, type Placeholder } from "./templates.js";

/** Who edits the citizens' text templates. */
export const TEMPLATE_EDITORS: readonly Role[] = [Role.ADMIN];

/** One step's wording in one language as the admin page shows it. */
export type SmsTemplateView = {
  step: NoticeStep;
  locale: NoticeLocale;
  text: string;
  defaultText: string;
  isDefault: boolean;
  allowedPlaceholders: Placeholder[];
  requiredPlaceholders: Placeholder[];
  updatedAt: Date | null;
  updatedByName: string | null;
};

function view(step: NoticeStep, locale: NoticeLocale, row: SmsTemplate | undefined): SmsTemplateView {
  return {
    step,
    locale,
    text: row?.text ?? DEFAULT_TEMPLATES[step][locale],
    defaultText: DEFAULT_TEMPLATES[step][locale],
    isDefault: !row,
    allowedPlaceholders: [...STEP_PLACEHOLDERS[step].allowed],
    requiredPlaceholders: [...STEP_PLACEHOLDERS[step].required],
    updatedAt: row?.updatedAt ?? null,
    updatedByName: row?.updatedByName ?? null,
  };
}

/** Every step × language, in step order, zh-CN first. Admins only. */
export async function listSmsTemplates(dataSource: DataSource, input: { actor: Actor | null }): Promise<SmsTemplateView[]> {
  requireRole(input.actor, TEMPLATE_EDITORS);
  const rows = await dataSource.getRepository(SmsTemplate).find();
  return Object.values(NoticeStep).flatMap((step) =>
    Object.values(NoticeLocale).map((locale) => view(step, locale, rows.find((row) => row.step === step && row.locale === locale))),
  );
}

/**
 * An admin saves one step's wording in one language (checked by validateTemplate; nothing is stored
 * when it fails), or puts the built-in wording back (`text` null). Texts queued earlier keep their words.
 * One audit entry (sms_template.save / sms_template.reset) with the wording before and after, in the same transaction.
 */
export async function saveSmsTemplate(
  dataSource: DataSource,
  input: {
    actor: Actor | null;
    step: NoticeStep;
    locale: NoticeLocale;
    text: string | null;
    now?: Date;
  },
): Promise<SmsTemplateView> {
  const actor = requireRole(input.actor, TEMPLATE_EDITORS);
  const text = input.text === null ? null : validateTemplate(input.step, input.text);
  return dataSource.transaction(async (manager) => {
    const repository = manager.getRepository(SmsTemplate);
    const before = await repository.findOne({ where: { step: input.step, locale: input.locale }, lock: { mode: "pessimistic_write" } });
    if (text === null || text === DEFAULT_TEMPLATES[input.step][input.locale]) {
      await repository.delete({ step: input.step, locale: input.locale });
    } else {
      await repository.upsert({ step: input.step, locale: input.locale, text, updatedAt: input.now ?? new Date(), updatedByName: actor.name }, ["step", "locale"]);
    }
    const after = await repository.findOne({ where: { step: input.step, locale: input.locale } });
    await recordAudit(manager, {
      actor,
      action: text === null ? "sms_template.reset" : "sms_template.save",
      entity: { type: "sms_template", id: `${input.step}:${input.locale}`, label: `${input.step} (${input.locale})` },
      before: { text: before?.text ?? DEFAULT_TEMPLATES[input.step][input.locale], isDefault: !before },
      after: { text: after?.text ?? DEFAULT_TEMPLATES[input.step][input.locale], isDefault: !after },
    });
    return view(input.step, input.locale, after ?? undefined);
  });
}
