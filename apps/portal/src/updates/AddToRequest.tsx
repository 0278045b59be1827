import { useMutation, useQuery } from "@apollo/client/react";
import { Button, errorCode, Field, TextArea, useErrorMessage, useFormat } from "@civicline/ui";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { AddToRequestDocument, RequestAdditionsDocument } from "../gql/graphql.ts";
import { PhotoField, type PhotoEntry } from "../submit/PhotoField.tsx";
import { uploadPhoto, type PhotoUploader } from "../submit/uploads.ts";
import { useUpdatesT } from "./messages.ts";

const MESSAGE_MAX = 2000;

let photoCounter = 0;

/**
 * A citizen adds a message and/or photos to their open request (the lead unit sees it at the top of
 * its workbench). Photos upload as soon as they are chosen; the server checks everything again.
 */
export function AddToRequest({ trackingNumber, accessToken, uploader = uploadPhoto }: { trackingNumber: string; accessToken: string; uploader?: PhotoUploader }) {
  const t = useUpdatesT();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const [message, setMessage] = useState("");
  const [photos, setPhotos] = useState<PhotoEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const statusRef = useRef<HTMLDivElement>(null);
  const [add, { loading }] = useMutation(AddToRequestDocument);
  const previous = useQuery(RequestAdditionsDocument, { variables: { trackingNumber, accessToken }, fetchPolicy: "network-only" });
  const photosRef = useRef(photos);
  useEffect(() => {
    photosRef.current = photos;
  }, [photos]);
  useEffect(() => () => photosRef.current.forEach((photo) => URL.revokeObjectURL(photo.previewUrl)), []);

  const updatePhoto = (key: string, change: Partial<PhotoEntry>) => setPhotos((prev) => prev.map((photo) => (photo.key === key ? { ...photo, ...change } : photo)));
  const addPhotos = (files: File[]) => {
    const added = files.map((file) => ({ key: `add-${++photoCounter}`, file, previewUrl: URL.createObjectURL(file), progress: 0, status: "uploading" as const }));
    setPhotos((prev) => [...prev, ...added]);
    for (const photo of added) {
      uploader(photo.file, (progress) => updatePhoto(photo.key, { progress })).then(
        (uploaded) => updatePhoto(photo.key, { uploaded, status: "done", progress: 100 }),
        () => updatePhoto(photo.key, { status: "failed" }),
      );
    }
  };
  const removePhoto = (key: string) =>
    setPhotos((prev) => {
      const gone = prev.find((photo) => photo.key === key);
      if (gone) {
        URL.revokeObjectURL(gone.previewUrl);
      }
      return prev.filter((photo) => photo.key !== key);
    });

  const fail = (text: string) => {
    setError(text);
    requestAnimationFrame(() => statusRef.current?.querySelector<HTMLElement>("[role=alert]")?.focus());
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSent(false);
    const ready = photos.filter((photo) => photo.uploaded);
    if (!message.trim() && ready.length === 0) {
      fail(t("add.nothing"));
      return;
    }
    if ([...message.trim()].length > MESSAGE_MAX) {
      fail(t("add.tooLong"));
      return;
    }
    setError(null);
    void send(ready);
  };

  const send = async (ready: PhotoEntry[]) => {
    try {
      await add({
        variables: {
          input: { trackingNumber, accessToken, message: message.trim() || null, attachments: ready.map((photo) => ({ id: photo.uploaded!.id, uploadKey: photo.uploaded!.uploadKey })) },
        },
      });
      setMessage("");
      photos.forEach((photo) => URL.revokeObjectURL(photo.previewUrl));
      setPhotos([]);
      setSent(true);
      void previous.refetch().catch(() => undefined);
    } catch (failure) {
      const code = errorCode(failure);
      fail(
        code === "CALLBACK/REQUEST_CLOSED"
          ? t("add.closed")
          : code === "CALLBACK/NOTHING_TO_ADD"
            ? t("add.nothing")
            : code === "INTAKE/ATTACHMENT_REJECTED"
              ? t("add.photoRejected")
              : (errorMessage(failure) ?? t("add.nothing")),
      );
    }
  };

  const additions = previous.data?.requestAdditions ?? [];
  const uploading = photos.some((photo) => photo.status === "uploading");
  return (
    <section className="request-add" aria-labelledby="request-add-title" data-testid="request-add">
      <h3 id="request-add-title">{t("add.title")}</h3>
      <p className="form__note">{t("add.intro")}</p>
      {additions.length > 0 ? (
        <>
          <h4>{t("add.previous")}</h4>
          <ul className="request-add__list" data-testid="request-additions">
            {additions.map((addition) => (
              <li key={addition.id}>
                <time dateTime={addition.at}>{format.dateTime(addition.at)}</time>
                {addition.message ? <p className="pre-wrap">{addition.message}</p> : null}
                {addition.photos.length > 0 ? <p className="form__note">{t("add.photoCount", { count: addition.photos.length })}</p> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <form onSubmit={onSubmit} noValidate data-testid="request-add-form">
        <div ref={statusRef}>
          {error ? (
            <div tabIndex={-1} role="alert" className="alert alert--error">
              {error}
            </div>
          ) : null}
          {sent ? (
            <p role="status" className="alert alert--success" data-testid="request-add-sent">
              {t("add.sent")}
            </p>
          ) : null}
        </div>
        <Field id="request-add-message" label={t("add.message")} hint={t("add.message.hint")} optional>
          <TextArea name="message" rows={4} maxChars={MESSAGE_MAX} value={message} onChange={(event) => setMessage(event.target.value)} />
        </Field>
        <PhotoField photos={photos} onAdd={addPhotos} onRemove={removePhoto} />
        <div className="button-row">
          <Button type="submit" busy={loading} disabled={uploading} data-testid="request-add-submit">
            {loading ? t("add.sending") : t("add.submit")}
          </Button>
        </div>
      </form>
    </section>
  );
}
