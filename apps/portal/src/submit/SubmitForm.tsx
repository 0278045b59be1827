import { useMutation, useQuery } from "@apollo/client/react";
import { Alert, Button, Field, REQUEST_TYPES, Select, TextArea, TextInput, useErrorMessage, useFieldErrors, useFormat, type RequestType } from "@civicline/ui";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { CategoriesDocument, PortalSettingsDocument, SubmitRequestDocument, type SubmitRequestMutation } from "../gql/graphql.ts";
import { usePortalT } from "../messages.ts";
import { CategoryField } from "./CategoryField.tsx";
import { EmergencyWarning } from "./EmergencyWarning.tsx";
import { LocationFields } from "./LocationFields.tsx";
import { MapPin, type Pin } from "./MapPin.tsx";
import { PhotoField, type PhotoEntry } from "./PhotoField.tsx";
import { PrivacyField } from "./PrivacyField.tsx";
import { uploadPhoto, type PhotoUploader } from "./uploads.ts";
import { DESCRIPTION_MAX, EMPTY_FORM, FIELD_ORDER, NAME_MAX, normalizePhone, serverFieldErrors, validateSubmit, type SubmitField, type SubmitFormValues } from "./validate.ts";

export type SubmitResult = SubmitRequestMutation["submitRequest"];

type Errors = Partial<Record<SubmitField, string>>;
type TextField = Exclude<keyof SubmitFormValues, "privacy">;

function newRequestId(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-portal`;
}

/** Focuses the first field with an error (its control carries the id `submit-<field>`), else the summary. */
function focusFirstError(errors: Errors, summary: HTMLElement | null): void {
  const first = FIELD_ORDER.find((field) => errors[field]);
  const target = first ? document.getElementById(`submit-${first}`) : null;
  (target ?? summary)?.focus();
}

/**
 * The citizen's request form. Client checks cover what is certain (empty fields, length, e-mail
 * shape, photos still uploading); the server's field errors land on the fields; focus moves to the
 * first field in error. Photos upload as soon as they are chosen.
 */
export function SubmitForm({ onSubmitted, uploader = uploadPhoto }: { onSubmitted: (result: SubmitResult) => void; uploader?: PhotoUploader }) {
  const t = usePortalT();
  const localizeFields = useFieldErrors(["INTAKE/ATTACHMENT_REJECTED"]);
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const summaryRef = useRef<HTMLDivElement>(null);
  const [values, setValues] = useState<SubmitFormValues>(EMPTY_FORM);
  const [errors, setErrors] = useState<Errors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [photos, setPhotos] = useState<PhotoEntry[]>([]);
  const [pin, setPin] = useState<Pin | null>(null);
  const [sendSms, setSendSms] = useState(false);
  const [requestId] = useState(newRequestId);
  const settings = useQuery(PortalSettingsDocument);
  // The chosen category may take only some request types (set by admins); the others are offered disabled.
  const categories = useQuery(CategoriesDocument);
  const allowed = categories.data?.categories.find((category) => category.id === values.categoryId)?.requestTypes ?? [];
  const allowsRequestType = (type: string): boolean => allowed.length === 0 || (allowed as string[]).includes(type);
  const [submitRequest, { loading }] = useMutation(SubmitRequestDocument);
  const mapTileUrl = settings.data?.portalSettings.mapTileUrl ?? null;

  // Previews are object URLs: release them when the form goes away.
  const photosRef = useRef(photos);
  useEffect(() => {
    photosRef.current = photos;
  }, [photos]);
  useEffect(() => () => photosRef.current.forEach((photo) => URL.revokeObjectURL(photo.previewUrl)), []);

  const clearError = (field: SubmitField) => setErrors((prev) => ({ ...prev, [field]: undefined }));
  const set = (field: TextField, value: string) => {
    setValues((prev) => ({ ...prev, [field]: value }));
    clearError(field);
  };
  const setRequestType = (requestType: string) => {
    // Reports of wrongdoing are always confidential.
    setValues((prev) => ({ ...prev, requestType, privacy: requestType === "REPORT" ? "CONFIDENTIAL" : prev.privacy }));
    clearError("requestType");
  };

  const updatePhoto = (key: string, change: Partial<PhotoEntry>) => setPhotos((prev) => prev.map((photo) => (photo.key === key ? { ...photo, ...change } : photo)));
  const addPhotos = (files: File[]) => {
    clearError("attachments");
    const added = files.map((file) => ({ key: newRequestId(), file, previewUrl: URL.createObjectURL(file), progress: 0, status: "uploading" as const }));
    setPhotos((prev) => [...prev, ...added]);
    for (const photo of added) {
      uploader(photo.file, (progress) => updatePhoto(photo.key, { progress })).then(
        (uploaded) => updatePhoto(photo.key, { uploaded, status: "done", progress: 100 }),
        () => updatePhoto(photo.key, { status: "failed" }),
      );
    }
  };
  const removePhoto = (key: string) => {
    clearError("attachments");
    setPhotos((prev) => {
      const gone = prev.find((photo) => photo.key === key);
      if (gone) {
        URL.revokeObjectURL(gone.previewUrl);
      }
      return prev.filter((photo) => photo.key !== key);
    });
  };

  const showErrors = (fields: Errors, other: string[]) => {
    setErrors(fields);
    setGeneral(other);
    requestAnimationFrame(() => focusFirstError(fields, summaryRef.current));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const clientErrors = validateSubmit(values, {
      required: t("common.required"),
      tooLong: t("submit.tooLong", { max: DESCRIPTION_MAX }),
      email: t("submit.email.invalid"),
      phone: t("submit.phone.invalid"),
      nameTooLong: t("submit.name.tooLong", { max: NAME_MAX }),
    });
    if (photos.some((photo) => photo.status === "uploading")) {
      clientErrors.attachments = t("submit.photos.wait");
    } else if (photos.some((photo) => photo.status === "failed")) {
      clientErrors.attachments = t("submit.photos.failed");
    }
    if (Object.keys(clientErrors).length > 0) {
      showErrors(clientErrors, []);
      return;
    }
    // send reports its own failure in the form, so nothing is left to await.
    void send();
  };

  const send = async () => {
    try {
      const { data } = await submitRequest({
        variables: {
          input: {
            requestType: values.requestType as RequestType,
            categoryId: values.categoryId,
            description: values.description.trim(),
            districtId: values.districtId,
            townshipId: values.townshipId || null,
            address: values.address.trim(),
            latitude: pin?.latitude ?? null,
            longitude: pin?.longitude ?? null,
            citizenName: values.citizenName.trim(),
            phone: normalizePhone(values.phone),
            email: values.email.trim() || null,
            privacy: values.privacy,
            attachments: photos.flatMap((photo) => (photo.uploaded ? [{ id: photo.uploaded.id, uploadKey: photo.uploaded.uploadKey }] : [])),
            clientRequestId: requestId,
            sendTrackingSms: sendSms,
          },
        },
      });
      if (data) {
        onSubmitted(data.submitRequest);
      }
    } catch (error) {
      const message = errorMessage(error);
      const { fields, other } = serverFieldErrors(error, message, localizeFields(error), { photoRejected: t("submit.photos.rejected") });
      // With field errors the summary heading says it all; otherwise the code's message leads.
      const hasFields = Object.keys(fields).length > 0;
      showErrors(fields, hasFields ? other : [message ?? t("error.UNKNOWN"), ...other]);
    }
  };

  const errorList = FIELD_ORDER.filter((field) => errors[field]);
  const hasErrors = errorList.length > 0 || general.length > 0;
  const labels: Record<SubmitField, string> = {
    requestType: t("submit.requestType"),
    categoryId: t("submit.category"),
    description: t("submit.description"),
    districtId: t("submit.district"),
    townshipId: t("submit.township"),
    address: t("submit.address"),
    latitude: t("submit.map"),
    attachments: t("submit.photos"),
    citizenName: t("submit.name"),
    phone: t("submit.phone"),
    email: t("submit.email"),
    privacy: t("submit.privacy"),
  };

  return (
    <form className="form card" onSubmit={onSubmit} noValidate data-testid="submit-form">
      <p className="form__intro">{t("submit.intro")}</p>
      <div ref={summaryRef} tabIndex={-1} className="error-summary-anchor">
        {hasErrors ? (
          <Alert testId="submit-errors">
            <p>{t("submit.errorSummary")}</p>
            <ul>
              {general.map((message) => (
                <li key={message}>{message}</li>
              ))}
              {errorList.map((field) => (
                <li key={field}>
                  <a href={`#submit-${field}`}>
                    {labels[field]}: {errors[field]}
                  </a>
                </li>
              ))}
            </ul>
          </Alert>
        ) : null}
      </div>

      <Field id="submit-requestType" label={labels.requestType} error={errors.requestType}>
        <Select
          name="requestType"
          value={values.requestType}
          onChange={(event) => setRequestType(event.target.value)}
          options={REQUEST_TYPES.map((type) => ({ value: type, label: format.requestType(type), disabled: !allowsRequestType(type) }))}
        />
      </Field>
      <CategoryField value={values.categoryId} error={errors.categoryId} onChange={(categoryId) => set("categoryId", categoryId)} />

      <Field id="submit-description" label={labels.description} hint={t("submit.description.hint")} error={errors.description}>
        <TextArea name="description" rows={6} maxChars={DESCRIPTION_MAX} value={values.description} onChange={(event) => set("description", event.target.value)} />
      </Field>

      <EmergencyWarning categoryId={values.categoryId} description={values.description} />

      <LocationFields
        districtId={values.districtId}
        townshipId={values.townshipId}
        districtError={errors.districtId}
        townshipError={errors.townshipId}
        onDistrictChange={(districtId) => {
          set("districtId", districtId);
          set("townshipId", "");
        }}
        onTownshipChange={(townshipId) => set("townshipId", townshipId)}
      />

      <Field id="submit-address" label={labels.address} hint={t("submit.address.hint")} error={errors.address}>
        <TextInput name="address" autoComplete="street-address" value={values.address} onChange={(event) => set("address", event.target.value)} />
      </Field>

      {mapTileUrl ? (
        <MapPin
          template={mapTileUrl}
          pin={pin}
          error={errors.latitude}
          onChange={(next) => {
            setPin(next);
            clearError("latitude");
          }}
        />
      ) : null}

      <PhotoField photos={photos} error={errors.attachments} onAdd={addPhotos} onRemove={removePhoto} />

      <div className="form-row">
        <Field id="submit-citizenName" label={labels.citizenName} error={errors.citizenName}>
          <TextInput name="citizenName" autoComplete="name" value={values.citizenName} onChange={(event) => set("citizenName", event.target.value)} />
        </Field>
        <Field id="submit-phone" label={labels.phone} hint={t("submit.phone.hint")} error={errors.phone}>
          <TextInput type="tel" name="phone" inputMode="tel" autoComplete="tel" value={values.phone} onChange={(event) => set("phone", event.target.value)} />
        </Field>
      </div>
      <Field id="submit-email" label={labels.email} hint={t("submit.email.hint")} error={errors.email} optional>
        <TextInput type="email" name="email" inputMode="email" autoComplete="email" value={values.email} onChange={(event) => set("email", event.target.value)} />
      </Field>

      <PrivacyField
        value={values.privacy}
        reportOnly={values.requestType === "REPORT"}
        error={errors.privacy}
        onChange={(privacy) => {
          setValues((prev) => ({ ...prev, privacy }));
          clearError("privacy");
        }}
      />

      <div className="choice choice--checkbox">
        <input id="submit-sms" type="checkbox" name="sendTrackingSms" checked={sendSms} aria-describedby="submit-sms-hint" onChange={(event) => setSendSms(event.target.checked)} data-testid="submit-sms" />
        <label htmlFor="submit-sms" className="choice__label">
          {t("submit.sms")}
        </label>
        <p id="submit-sms-hint" className="choice__help">
          {t("submit.sms.hint")}
        </p>
      </div>

      <div className="button-row">
        <Button type="submit" busy={loading} data-testid="submit-request">
          {loading ? t("submit.sending") : t("submit.send")}
        </Button>
      </div>
    </form>
  );
}
