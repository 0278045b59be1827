import { useQuery, useSubscription } from "@apollo/client/react";
import {
  Button,
  Field,
  Kbd,
  REQUEST_TYPES,
  Select,
  TextArea,
  TextInput,
  useErrorMessage,
  useFieldErrors,
  useFormat,
  useHotkeys,
  useLanguage,
  type RequestType,
  type Urgency,
} from "@civicline/ui";
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { CallCategoriesDocument, CategoriesChangedDocument, type CallerTicketFragment, type EmergencyHandoffInput, type Privacy } from "../gql/graphql.ts";
import { useOperatorT } from "../messages.ts";
import { AnswerSection } from "./AnswerSection.tsx";
import { Attachments } from "./Attachments.tsx";
import { CallActions } from "./CallActions.tsx";
import { CallDone, FINISHED_STATUSES } from "./CallDone.tsx";
import { clearDraft, loadDraft, saveDraft } from "./callDraft.ts";
import { CallerHistoryCard } from "./CallerHistoryCard.tsx";
import { buildLogCallInput, DESCRIPTION_MAX, FIELD_ERROR_CODES, newClientRequestId, serverCallErrors, validateCall, type CallStart } from "./callForm.ts";
import { CategoryPicker } from "./CategoryPicker.tsx";
import { DuplicatesPanel } from "./DuplicatesPanel.tsx";
import type { ChecklistKey } from "./emergency.ts";
import { EmergencyPanel, type PendingHandoff } from "./EmergencyPanel.tsx";
import { ErrorSummary } from "./ErrorSummary.tsx";
import { FollowUpPanel } from "./FollowUpPanel.tsx";
import { ExtraFields } from "./ExtraFields.tsx";
import { KnowledgeSlot, type UsedArticle } from "./KnowledgeSlot.tsx";
import { LocationPickers } from "./LocationPickers.tsx";
import { SHORTCUTS } from "./shortcuts.ts";
import { useAttachments } from "./useAttachments.ts";
import { useCallForm } from "./useCallForm.ts";
import { useCallTicket } from "./useCallTicket.ts";
import { useDuplicates } from "./useDuplicates.ts";

const URGENCIES: readonly Urgency[] = ["NORMAL", "URGENT", "EMERGENCY"];
const PRIVACIES: readonly Privacy[] = ["NONE", "ANONYMOUS", "CONFIDENTIAL"];

const focusById = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

/** Enter in a one-line field must not save a half-filled call; saving is Ctrl+Enter or the button. */
function preventImplicitSubmit(event: KeyboardEvent<HTMLFormElement>) {
  const plain = !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey;
  if (event.key === "Enter" && plain && event.target instanceof HTMLInputElement && event.target.type !== "checkbox") {
    event.preventDefault();
  }
}

export type CallFormProps = { start: CallStart; active: boolean; onNewCall: () => void; onDirty: (dirty: boolean) => void };

/** One call from pick-up to outcome, built to be completed by keyboard alone. */
export function CallForm({ start, active, onNewCall, onDirty }: CallFormProps) {
  const t = useOperatorT();
  const format = useFormat();
  const { language } = useLanguage();
  const errorMessage = useErrorMessage();
  const localizeFields = useFieldErrors(FIELD_ERROR_CODES);
  const categories = useQuery(CallCategoriesDocument, { fetchPolicy: "cache-and-network" });
  // An admin changed the category tree (on any gateway instance): this call offers the new tree at once.
  useSubscription(CategoriesChangedDocument, { onData: () => void categories.refetch().catch(() => undefined) });
  const [draft] = useState(() => loadDraft(start.key));
  const form = useCallForm(start, draft?.values);
  const { values, errors, set } = form;
  const attachments = useAttachments();
  const [clientRequestId] = useState(() => draft?.clientRequestId ?? newClientRequestId());
  const [articles, setArticles] = useState<readonly UsedArticle[]>([]);
  const [checked, setChecked] = useState<ReadonlySet<ChecklistKey>>(new Set());
  // A caller asking about one of their tickets (催办): from the screen-pop (Alt+1 …) or the history card.
  const [followUp, setFollowUp] = useState<CallerTicketFragment | null>(() => start.history?.tickets.find((item) => item.id === start.followUpTicketId) ?? null);
  const category = categories.data?.categories.find((c) => c.id === values.categoryId);
  const fields = category?.fields ?? [];

  const validationMessages = {
    required: t("common.required"),
    tooLong: (max: number) => t("call.tooLong", { max }),
    notANumber: t("call.notANumber"),
  };
  const [pendingHandoffs, setPendingHandoffs] = useState<readonly PendingHandoff[]>(() => draft?.pendingHandoffs ?? []);
  const pendingRef = useRef(pendingHandoffs);
  useEffect(() => {
    pendingRef.current = pendingHandoffs;
  }, [pendingHandoffs]);
  const prepare = () => {
    const found = validateCall(values, fields, validationMessages);
    const pending = attachments.uploading ? [t("call.attachments.wait")] : [];
    if (Object.keys(found).length > 0 || pending.length > 0) {
      form.showErrors(found, pending);
      return null;
    }
    return buildLogCallInput(values, { callId: start.callId, fields, attachmentIds: attachments.ids, clientRequestId });
  };
  const call = useCallTicket({
    prepare,
    pendingHandoffs: () => pendingRef.current,
    onHandoffsSaved: () => setPendingHandoffs([]),
    onSuccess: () => form.clearMessages(),
    onError: (error) => {
      const message = errorMessage(error) ?? t("error.UNKNOWN");
      const fieldErrors = serverCallErrors(error, localizeFields(error), message);
      form.showErrors(fieldErrors, Object.keys(fieldErrors).length > 0 ? [] : [message]);
    },
  });
  const ticket = call.ticket;
  const locked = ticket !== null;
  // The draft follows every change until the call is saved; then it is deleted.
  useEffect(() => {
    if (locked) {
      clearDraft(start.key);
      return;
    }
    const typed = values.description !== "" || values.categoryId !== "" || values.address !== "" || values.citizenName !== "" || pendingHandoffs.length > 0;
    if (typed) {
      saveDraft({ start, values, clientRequestId, pendingHandoffs, savedAt: new Date().toISOString() });
    }
  }, [locked, start, values, clientRequestId, pendingHandoffs]);
  const duplicates = useDuplicates(values, ticket?.id ?? null);
  const dirty = values.description !== "" || values.categoryId !== "" || values.address !== "";
  useEffect(() => onDirty(dirty && !locked), [dirty, locked, onDirty]);
  useEffect(() => {
    // A follow-up call starts in the follow-up panel (it focuses its own text box).
    if (!start.followUpTicketId) {
      document.getElementById("call-requestType")?.focus();
    }
  }, [start.followUpTicketId]);

  const answer = () => {
    if (!values.answer.trim()) {
      form.showErrors({ answer: t("answer.required") }, [], false);
      focusById("call-answer");
      return;
    }
    void call.answerDirectly(articles.map((a) => a.id), values.answer.trim());
  };
  const emergency = () => {
    if (locked) {
      void call.markEmergency();
    } else {
      set({ urgency: "EMERGENCY" });
    }
    focusById("emergency-first-check");
  };
  const insertTemplate = () => {
    const template = (language === "en" ? category?.templateEn : category?.templateZh) ?? category?.templateZh;
    if (template && !locked) {
      set({ description: values.description.trim() ? `${values.description.trimEnd()}\n${template}` : template });
    }
    focusById("call-description");
  };
  /**
   * The hand-off is the urgent part (issue 16 bug 5): when the call cannot be saved yet (the
   * caller's name or phone are still missing) it is noted with its time and sent once the call is saved.
   */
  const handoff = async (input: EmergencyHandoffInput): Promise<boolean> => {
    const savable = ticket !== null || (Object.keys(validateCall(values, fields, validationMessages)).length === 0 && !attachments.uploading);
    if (savable) {
      return call.handoff(input);
    }
    setPendingHandoffs((prev) => [...prev, { ...input, handedOffAt: new Date().toISOString() }]);
    return true;
  };
  const finished = ticket !== null && FINISHED_STATUSES.has(ticket.status);
  useHotkeys(
    [
      { combo: SHORTCUTS.save, handler: () => void call.save() },
      { combo: SHORTCUTS.answerDirectly, handler: answer },
      { combo: SHORTCUTS.sendToDispatch, handler: () => void call.sendToDispatch() },
      { combo: SHORTCUTS.emergency, handler: emergency },
      { combo: SHORTCUTS.template, handler: insertTemplate },
    ],
    active && !finished,
  );
  useEffect(() => {
    if (form.attempt > 0) {
      document.getElementById("call-errors")?.focus();
    }
  }, [form.attempt]);

  if (ticket && finished) {
    return <CallDone ticket={ticket} mergedInto={call.mergedInto} onNewCall={onNewCall} />;
  }
  const isEmergency = values.urgency === "EMERGENCY" || ticket?.urgency === "EMERGENCY";
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void call.save();
  };
  const template = language === "en" ? category?.templateEn || category?.templateZh : category?.templateZh;

  return (
    <form
      className="call-layout"
      onSubmit={onSubmit}
      onKeyDown={preventImplicitSubmit}
      noValidate
      data-testid="call-form"
      aria-labelledby="call-title"
    >
      <div className="call-main card">
        <h2 id="call-title">{start.callId ? t("call.titleFromPop", { number: start.phone }) : t("call.title")}</h2>
        {isEmergency ? (
          <p className="call-emergency-flag" data-testid="call-emergency-flag">
            {t("call.emergencyFlag")}
          </p>
        ) : null}
        {draft && !locked ? (
          <p className="call-draft-restored" role="status" data-testid="call-draft-restored">
            {t("call.draftRestored", { time: format.dateTime(draft.savedAt) })}
          </p>
        ) : null}
        <ErrorSummary errors={errors} general={form.general} fields={fields} />
        <fieldset className="call-fieldset" disabled={locked}>
          <legend className="visually-hidden">{t("call.section.request")}</legend>
          <div className="form-row">
            <Field id="call-requestType" label={t("call.requestType")} error={errors.requestType}>
              <Select
                name="requestType"
                value={values.requestType}
                onChange={(event) => form.setRequestType(event.target.value as RequestType | "")}
                options={REQUEST_TYPES.map((type) => ({
                  value: type,
                  label: format.requestType(type),
                  // A category may take only some request types (set by admins); the server refuses the others.
                  disabled: !!category && category.requestTypes.length > 0 && !category.requestTypes.includes(type),
                }))}
              />
            </Field>
            <CategoryPicker
              categories={categories.data?.categories ?? []}
              value={values.categoryId}
              error={errors.categoryId}
              onChange={(categoryId) => set({ categoryId })}
            />
          </div>
          <ExtraFields fields={fields} values={values.extra} errors={errors} onChange={form.setExtra} />
          <LocationPickers
            districtId={values.districtId}
            townshipId={values.townshipId}
            address={values.address}
            errors={errors}
            onChange={(patch) => set(patch)}
          />
          <Field id="call-description" label={t("call.description")} error={errors.description}>
            <TextArea
              name="description"
              rows={5}
              maxChars={DESCRIPTION_MAX}
              value={values.description}
              onChange={(event) => set({ description: event.target.value })}
            />
          </Field>
          <div className="button-row">
            <Button variant="ghost" onClick={insertTemplate} disabled={!template} data-testid="insert-template" title={template ?? undefined}>
              {t("call.insertTemplate")} <Kbd combo={SHORTCUTS.template} />
            </Button>
          </div>
          <Field id="call-urgency" label={t("call.urgency")} error={errors.urgency}>
            <Select
              name="urgency"
              value={values.urgency}
              placeholder={null}
              onChange={(event) => set({ urgency: event.target.value as Urgency })}
              options={URGENCIES.map((value) => ({ value, label: format.urgency(value) }))}
            />
          </Field>
        </fieldset>
        {isEmergency ? (
          <EmergencyPanel
            checked={checked}
            onToggle={(key) =>
              setChecked((prev) => {
                const next = new Set(prev);
                return next.delete(key) ? next : next.add(key);
              })
            }
            handoffs={ticket?.emergencyHandoffs ?? []}
            pending={pendingHandoffs}
            busy={call.busy === "handoff"}
            onHandoff={handoff}
          />
        ) : null}
        <fieldset className="call-fieldset" disabled={locked}>
          <legend className="visually-hidden">{t("call.section.caller")}</legend>
          <div className="form-row">
            <Field id="call-citizenName" label={t("call.citizenName")} error={errors.citizenName}>
              <TextInput name="citizenName" value={values.citizenName} onChange={(event) => set({ citizenName: event.target.value })} />
            </Field>
            <Field id="call-phone" label={t("call.phone")} error={errors.phone}>
              <TextInput type="tel" name="phone" inputMode="tel" value={values.phone} onChange={(event) => set({ phone: event.target.value })} />
            </Field>
          </div>
          <Field id="call-privacy" label={t("call.privacy")} hint={t("call.privacy.hint")} error={errors.privacy}>
            <Select
              name="privacy"
              value={values.privacy}
              placeholder={null}
              onChange={(event) => form.setPrivacy(event.target.value as Privacy)}
              options={PRIVACIES.map((value) => ({ value, label: t(`privacy.${value}`) }))}
            />
          </Field>
          <Attachments state={attachments} error={errors.attachmentIds} />
        </fieldset>
        <CallActions ticket={ticket} busy={call.busy} onAnswer={answer} onDispatch={() => void call.sendToDispatch()} />
      </div>
      <div className="call-aside">
        {followUp ? <FollowUpPanel key={followUp.id} ticket={followUp} callId={start.callId} onClose={() => setFollowUp(null)} /> : null}
        <CallerHistoryCard phone={values.phone} fromPop={start.history} currentTicketId={ticket?.id ?? null} onFollowUp={setFollowUp} active={active} />
        <DuplicatesPanel {...duplicates} busy={call.busy === "merge"} onMerge={call.merge} />
        <KnowledgeSlot
          query={values.description}
          onUse={(used) => setArticles((prev) => [...prev, ...used.filter((article) => !prev.some((a) => a.id === article.id))])}
        />
        <AnswerSection
          articles={articles}
          onRemoveArticle={(id) => setArticles((prev) => prev.filter((a) => a.id !== id))}
          answer={values.answer}
          error={errors.answer}
          disabled={call.busy !== null}
          onAnswerChange={(text) => set({ answer: text })}
        />
      </div>
    </form>
  );
}
