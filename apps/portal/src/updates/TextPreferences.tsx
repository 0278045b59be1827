import { useMutation, useQuery } from "@apollo/client/react";
import { Button, useErrorMessage } from "@civicline/ui";
import { useState, type FormEvent } from "react";
import { SetTextMessagePreferenceDocument, TextMessagePreferenceDocument, type NoticeLocale } from "../gql/graphql.ts";
import { useUpdatesT } from "./messages.ts";

type LanguageChoice = "BOTH" | NoticeLocale;

/**
 * The citizen's choice for progress texts to the phone this request was filed with: on or off
 * (the opt-out), and the language. Saved for the phone number, so it covers all their requests.
 */
export function TextPreferences({ trackingNumber, accessToken }: { trackingNumber: string; accessToken: string }) {
  const { data } = useQuery(TextMessagePreferenceDocument, { variables: { trackingNumber, accessToken }, fetchPolicy: "network-only" });
  const loaded = data?.textMessagePreference;
  // The form starts from the stored choice once it is known (remounted then).
  return <PreferenceForm key={loaded ? "loaded" : "default"} trackingNumber={trackingNumber} accessToken={accessToken} initial={loaded ?? { optedOut: false, locale: null }} />;
}

function PreferenceForm({ trackingNumber, accessToken, initial }: { trackingNumber: string; accessToken: string; initial: { optedOut: boolean; locale: NoticeLocale | null } }) {
  const t = useUpdatesT();
  const errorMessage = useErrorMessage();
  const [receive, setReceive] = useState(!initial.optedOut);
  const [language, setLanguage] = useState<LanguageChoice>(initial.locale ?? "BOTH");
  const [saved, setSaved] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [save, { loading }] = useMutation(SetTextMessagePreferenceDocument);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    setSaved(null);
    save({ variables: { trackingNumber, accessToken, optedOut: !receive, locale: language === "BOTH" ? null : language } }).then(
      (result) => setSaved(result.data?.setTextMessagePreference.optedOut ?? !receive),
      (failure: unknown) => setError(errorMessage(failure) ?? t("texts.save")),
    );
  };

  const choices: Array<{ value: LanguageChoice; label: string; lang?: string }> = [
    { value: "BOTH", label: t("texts.both") },
    { value: "ZH_CN", label: t("texts.zh"), lang: "zh-CN" },
    { value: "EN", label: t("texts.en"), lang: "en" },
  ];
  return (
    <form className="text-preferences" onSubmit={onSubmit} noValidate aria-labelledby="text-preferences-title" data-testid="text-preferences">
      <h3 id="text-preferences-title">{t("texts.title")}</h3>
      <p className="form__note">{t("texts.intro")}</p>
      <div className="choice">
        <input type="checkbox" id="texts-receive" checked={receive} onChange={(event) => setReceive(event.target.checked)} />
        <label htmlFor="texts-receive" className="choice__label">
          {t("texts.receive")}
        </label>
      </div>
      <fieldset className="field choice-group" disabled={!receive}>
        <legend className="field__label">{t("texts.language")}</legend>
        <div className="choice-row">
          {choices.map((choice) => (
            <div key={choice.value} className="choice">
              <input type="radio" id={`texts-language-${choice.value}`} name="texts-language" value={choice.value} checked={language === choice.value} onChange={() => setLanguage(choice.value)} />
              <label htmlFor={`texts-language-${choice.value}`} className="choice__label" lang={choice.lang}>
                {choice.label}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      {error ? (
        <div role="alert" className="alert alert--error">
          {error}
        </div>
      ) : null}
      {saved !== null ? (
        <p role="status" className="alert alert--success" data-testid="text-preferences-saved">
          {saved ? t("texts.off") : t("texts.saved")}
        </p>
      ) : null}
      <div className="button-row">
        <Button type="submit" variant="secondary" busy={loading} data-testid="text-preferences-save">
          {loading ? t("texts.saving") : t("texts.save")}
        </Button>
      </div>
    </form>
  );
}
