import { Button, useFormat } from "@civicline/ui";
import { useEffect, useRef, useState } from "react";
import { usePortalT } from "../messages.ts";
import { Link } from "../router.tsx";
import type { SubmitResult } from "./SubmitForm.tsx";

/** Copies text; the Clipboard API where allowed, else a selected hidden field and the copy command. */
async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall back below
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.append(area);
  area.select();
  const copied = typeof document.execCommand === "function" && document.execCommand("copy");
  area.remove();
  return copied;
}

/** Confirmation with the tracking number large enough to copy down from a phone screen, a copy button and a link to track it. */
export function SubmitSuccess({ result, onAnother }: { result: SubmitResult; onAnother: () => void }) {
  const t = usePortalT();
  const format = useFormat();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="card success" aria-labelledby="success-title" data-testid="submit-success">
      <h2 id="success-title" ref={headingRef} tabIndex={-1}>
        {t("success.title")}
      </h2>
      <p className="success__label" id="success-number-label">
        {t("success.numberLabel")}
      </p>
      <p className="tracking-number mono" data-testid="tracking-number">
        {result.trackingNumber}
      </p>
      <div className="button-row">
        <Button variant="secondary" onClick={() => {
            void copyText(result.trackingNumber).then(setCopied, () => setCopied(false));
          }} data-testid="copy-number">
          {t("success.copy")}
        </Button>
      </div>
      <p role="status" className="success__copied">
        {copied === null ? "" : copied ? t("success.copied") : t("success.copyFailed")}
      </p>
      <p>{t("success.receivedAt", { time: format.dateTime(result.receivedAt) })}</p>
      {result.smsSentTo ? <p data-testid="sms-sent">{t("success.sms", { phone: result.smsSentTo })}</p> : null}
      <p>{t("success.keep")}</p>
      <div className="button-row">
        <Link className="button button--primary" to={`track?n=${encodeURIComponent(result.trackingNumber)}`} data-testid="track-link">
          {t("success.track")}
        </Link>
        <Button variant="secondary" onClick={onAnother}>
          {t("success.another")}
        </Button>
      </div>
    </section>
  );
}
