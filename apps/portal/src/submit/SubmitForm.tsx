import { useMutation, useQuery } from "@apollo/client/react";
import {
  Alert,
  Button,
  Field,
  REQUEST_TYPES,
  Select,
  TextArea,
  TextInput,
  useErrorMessage,
  useFieldErrors,
  useFormat,
  useLanguage,
  type RequestType,
} from "@civicline/ui";
import { useMemo, useRef, useState, type FormEvent } from "react";
import { CategoriesDocument, SubmitRequestDocument, type SubmitRequestMutation } from "../gql/graphql.ts";
import { usePortalT } from "../messages.ts";
import { groupCategories } from "./categories.ts";
import { LocationFields } from "./LocationFields.tsx";
import {
  DESCRIPTION_MAX,
  EMPTY_FORM,
  FIELD_ORDER,
  normalizePhone,
  serverFieldErrors,
  validateSubmit,
  type SubmitField,
  type SubmitFormValues,
} from "./validate.ts";

export type SubmitResult = SubmitRequestMutation["submitRequest"];

/** The citizen's request form. Client checks cover empty fields; the server's field errors land on the fields. */
export function SubmitForm({ onSubmitted }: { onSubmitted: (result: SubmitResult) => void }) {
  const t = usePortalT();
  const localizeFields = useFieldErrors();
  const format = useFormat();
  const { language } = useLanguage();
  const errorMessage = useErrorMessage();
  const summaryRef = useRef<HTMLDivElement>(null);
  const [values, setValues] = useState<SubmitFormValues>(EMPTY_FORM);
  const [errors, setErrors] = useState<Partial<Record<SubmitField, string>>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const categories = useQuery(CategoriesDocument);
  const [submitRequest, { loading }] = useMutation(SubmitRequestDocument);

  const categoryOptions = useMemo(
    () => groupCategories(categories.data?.categories ?? [], language),
    [categories.data, language],
  );

  const set = (field: SubmitField, value: string) => {
    setValues((prev) => ({ ...prev, [field]: value }));
    setErrors((prev) => ({ ...prev, [field]: undefined }));
  };

  const showErrors = (fields: Partial<Record<SubmitField, string>>, other: string[]) => {
    setErrors(fields);
    setGeneral(other);
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const clientErrors = validateSubmit(values, {
      required: t("common.required"),
      tooLong: t("submit.tooLong", { max: DESCRIPTION_MAX }),
    });
    if (Object.keys(clientErrors).length > 0) {
      showErrors(clientErrors, []);
      return;
    }
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
            citizenName: values.citizenName.trim(),
            phone: normalizePhone(values.phone),
          },
        },
      });
      if (data) {
        onSubmitted(data.submitRequest);
      }
    } catch (error) {
      const message = errorMessage(error);
      const { fields, other } = serverFieldErrors(error, message, localizeFields(error));
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
    citizenName: t("submit.name"),
    phone: t("submit.phone"),
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
        {categories.error ? <Alert>{`${t("submit.loadFailed")} ${errorMessage(categories.error) ?? ""}`}</Alert> : null}
      </div>

      <div className="form-row">
        <Field id="submit-requestType" label={labels.requestType} error={errors.requestType}>
          <Select
            name="requestType"
            value={values.requestType}
            onChange={(event) => set("requestType", event.target.value)}
            options={REQUEST_TYPES.map((type) => ({ value: type, label: format.requestType(type) }))}
          />
        </Field>
        <Field id="submit-categoryId" label={labels.categoryId} hint={t("submit.category.hint")} error={errors.categoryId}>
          <Select
            name="categoryId"
            value={values.categoryId}
            disabled={categories.loading}
            onChange={(event) => set("categoryId", event.target.value)}
            options={categoryOptions.ungrouped}
            groups={categoryOptions.groups}
          />
        </Field>
      </div>

      <Field id="submit-description" label={labels.description} hint={t("submit.description.hint")} error={errors.description}>
        <TextArea
          name="description"
          rows={6}
          maxChars={DESCRIPTION_MAX}
          value={values.description}
          onChange={(event) => set("description", event.target.value)}
        />
      </Field>

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

      <div className="form-row">
        <Field id="submit-citizenName" label={labels.citizenName} error={errors.citizenName}>
          <TextInput name="citizenName" autoComplete="name" value={values.citizenName} onChange={(event) => set("citizenName", event.target.value)} />
        </Field>
        <Field id="submit-phone" label={labels.phone} hint={t("submit.phone.hint")} error={errors.phone}>
          <TextInput
            type="tel"
            name="phone"
            inputMode="tel"
            autoComplete="tel"
            value={values.phone}
            onChange={(event) => set("phone", event.target.value)}
          />
        </Field>
      </div>

      <p className="form__note">{t("submit.privacy")}</p>
      <div className="button-row">
        <Button type="submit" busy={loading} data-testid="submit-request">
          {loading ? t("submit.sending") : t("submit.send")}
        </Button>
      </div>
    </form>
  );
}
