import { Button, Field, useFieldControl } from "@civicline/ui";
import { useRef, useState, type ChangeEvent } from "react";
import { usePortalT } from "../messages.ts";
import { MAX_PHOTOS, PHOTO_TYPES, photoProblem, type UploadedPhoto } from "./uploads.ts";

/** A photo on the form: shown at once from the device, uploaded in the background. */
export type PhotoEntry = {
  key: string;
  file: File;
  previewUrl: string;
  progress: number;
  status: "uploading" | "done" | "failed";
  uploaded?: UploadedPhoto;
};

export type PhotoFieldProps = {
  photos: readonly PhotoEntry[];
  error?: string;
  /** Files the citizen chose that passed the client checks. */
  onAdd: (files: File[]) => void;
  onRemove: (key: string) => void;
};

function FileInput({ onChange }: { onChange: (event: ChangeEvent<HTMLInputElement>) => void }) {
  const wiring = useFieldControl();
  return <input {...wiring} type="file" className="input photo-field__input" accept={PHOTO_TYPES.join(",")} multiple onChange={onChange} data-testid="photo-input" />;
}

function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Photos: a file input, client-side type/size checks, previews with upload progress, remove. */
export function PhotoField({ photos, error, onAdd, onRemove }: PhotoFieldProps) {
  const t = usePortalT();
  const [problems, setProblems] = useState<string[]>([]);
  const fieldRef = useRef<HTMLDivElement>(null);

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = Array.from(event.target.files ?? []);
    event.target.value = "";
    const found: string[] = [];
    const accepted: File[] = [];
    for (const file of chosen) {
      const problem = photoProblem(file);
      if (problem === "type") {
        found.push(t("submit.photos.badType", { name: file.name }));
      } else if (problem === "size") {
        found.push(t("submit.photos.tooLarge", { name: file.name }));
      } else if (photos.length + accepted.length >= MAX_PHOTOS) {
        found.push(t("submit.photos.tooMany", { max: MAX_PHOTOS }));
        break;
      } else {
        accepted.push(file);
      }
    }
    setProblems(found);
    if (accepted.length > 0) {
      onAdd(accepted);
    }
  };

  const remove = (key: string) => {
    onRemove(key);
    fieldRef.current?.querySelector<HTMLInputElement>("input[type=file]")?.focus();
  };

  const shownError = [error, ...problems].filter(Boolean).join(" ") || undefined;
  return (
    <div className="photo-field" ref={fieldRef}>
      <Field id="submit-attachments" label={t("submit.photos")} hint={t("submit.photos.hint", { max: MAX_PHOTOS })} error={shownError} optional>
        <FileInput onChange={onChange} />
      </Field>
      {photos.length > 0 ? (
        <ul className="photo-list" aria-label={t("submit.photos")} data-testid="photo-list">
          {photos.map((photo) => (
            <li key={photo.key} className="photo-list__item" data-status={photo.status}>
              <img className="photo-list__preview" src={photo.previewUrl} alt={t("submit.photos.preview", { name: photo.file.name })} />
              <div className="photo-list__info">
                <span className="photo-list__name">{photo.file.name}</span>
                <span className="photo-list__size">{formatSize(photo.file.size)}</span>
                {photo.status === "uploading" ? (
                  <progress max={100} value={photo.progress} aria-label={t("submit.photos.progress", { name: photo.file.name })} />
                ) : null}
                <span className={photo.status === "failed" ? "photo-list__status photo-list__status--failed" : "photo-list__status"} role="status">
                  {photo.status === "uploading"
                    ? t("submit.photos.uploading", { name: photo.file.name, percent: photo.progress })
                    : photo.status === "done"
                      ? t("submit.photos.uploaded")
                      : t("submit.photos.failed")}
                </span>
              </div>
              <Button variant="secondary" onClick={() => remove(photo.key)} aria-label={t("submit.photos.remove", { name: photo.file.name })}>
                {t("submit.photos.removeShort")}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
