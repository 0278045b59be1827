import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { useT } from "../i18n/I18nProvider.tsx";
import { Button } from "./Button.tsx";

/** A file to show: `src` is where the browser reads it (a /files URL, or a blob: URL fetched with a token); null while loading. */
export type ThumbnailFile = { id: string; filename: string; contentType: string; src: string | null };

const isImage = (file: ThumbnailFile) => file.contentType.toLowerCase().startsWith("image/");

/** The photo at full size in a modal: focus on its close button, Escape or a click outside closes it, focus returns. */
function FullSize({ file, onClose }: { file: ThumbnailFile; onClose: () => void }) {
  const t = useT();
  const titleId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closeRef.current?.focus();
    return () => previous?.focus();
  }, []);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    }
    if (event.key === "Tab") {
      event.preventDefault();
      closeRef.current?.focus();
    }
  };
  return (
    <div className="modal-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div className="modal card photo-viewer" role="dialog" aria-modal="true" aria-labelledby={titleId} onKeyDown={onKeyDown} data-testid="photo-viewer">
        <div className="modal__header">
          <h2 id={titleId} className="photo-viewer__title">
            {file.filename}
          </h2>
          <Button ref={closeRef} variant="ghost" onClick={onClose}>
            {t("common.close")}
          </Button>
        </div>
        {file.src ? <img className="photo-viewer__image" src={file.src} alt={file.filename} /> : null}
      </div>
    </div>
  );
}

/**
 * Attachments shown with what they belong to (a unit's reply): photos as thumbnails that open full
 * size in a dialog, other files (PDF) as links. Keyboard: each thumbnail is a button.
 */
export function AttachmentThumbnails({ files, label }: { files: readonly ThumbnailFile[]; label: string }) {
  const t = useT();
  const [open, setOpen] = useState<ThumbnailFile | null>(null);
  if (files.length === 0) {
    return null;
  }
  return (
    <>
      <ul className="thumbnails" aria-label={label} data-testid="attachment-thumbnails">
        {files.map((file) => (
          <li key={file.id} className="thumbnails__item">
            {isImage(file) ? (
              <button type="button" className="thumbnails__button" onClick={() => setOpen(file)} disabled={!file.src} aria-label={t("thumbnails.open", { name: file.filename })}>
                {file.src ? <img className="thumbnails__image" src={file.src} alt="" /> : <span className="thumbnails__loading">{t("common.loading")}</span>}
              </button>
            ) : file.src ? (
              <a className="thumbnails__file" href={file.src} download={file.filename} target="_blank" rel="noreferrer">
                {file.filename}
              </a>
            ) : (
              <span className="thumbnails__file">{file.filename}</span>
            )}
          </li>
        ))}
      </ul>
      {open ? <FullSize file={open} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
