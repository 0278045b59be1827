import { Button, useFormat } from "@civicline/ui";
import { useEffect, useRef } from "react";
import { usePortalT } from "../messages.ts";
import { Link } from "../router.tsx";
import type { SubmitResult } from "./SubmitForm.tsx";

/** Confirmation with the tracking number large enough to copy down from a phone screen. */
export function SubmitSuccess({ result, onAnother }: { result: SubmitResult; onAnother: () => void }) {
  const t = usePortalT();
  const format = useFormat();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="card success" aria-labelledby="success-title" data-testid="submit-success">
      <h2 id="success-title" ref={headingRef} tabIndex={-1}>
        {t("success.title")}
      </h2>
      <p className="success__label">{t("success.numberLabel")}</p>
      <p className="tracking-number mono" data-testid="tracking-number">
        {result.trackingNumber}
      </p>
      <p>{t("success.receivedAt", { time: format.dateTime(result.receivedAt) })}</p>
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
