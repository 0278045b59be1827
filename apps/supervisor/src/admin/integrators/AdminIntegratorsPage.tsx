import { useMutation, useQuery } from "@apollo/client/react";
import { Alert, appHref, Button, EmptyState, Field, fieldErrors, Loading, TableScroll, TextInput, useFormat } from "@civicline/ui";
import { useState } from "react";
import {
  AdminCreateIntegratorDocument,
  AdminCreateWebhookDocument,
  AdminIntegratorsDocument,
  AdminIssueIntegratorKeyDocument,
  AdminRevokeIntegratorKeyDocument,
  AdminRotateIntegratorKeyDocument,
  AdminSendTestWebhookDocument,
  AdminUpdateWebhookDocument,
  type AdminApiKeyFieldsFragment,
  type IntegratorScope,
  type WebhookEventType,
  type AdminIntegratorFieldsFragment,
  type AdminWebhookFieldsFragment,
} from "../../gql/graphql.ts";
import { fieldProblem, useIntegratorError, useIntegratorT, type IntegratorT } from "./messages.ts";
import { deliveriesPath } from "./nav.ts";
import "./admin-integrators.css";

const SCOPES: readonly IntegratorScope[] = ["TELEPHONY", "OPEN311", "TICKETS_WRITE", "TICKETS_READ", "WEBHOOKS"];
const EVENTS: readonly WebhookEventType[] = ["TICKET_RECEIVED", "TICKET_DISPATCHED", "TICKET_REPLIED", "TICKET_CLOSED", "TICKET_RE_REPORTED"];
const OVERLAPS = ["0", "1", "24", "72", "168"] as const;

type Notice = { tone: "success" | "error"; text: string } | null;
/** A secret shown once (a new key or a webhook's signing secret). */
type Secret = { title: string; hint: string; value: string; testId: string } | null;

function problemsOf(t: IntegratorT, error: unknown): Record<string, string> {
  return fieldErrors(error, (entry) => fieldProblem(t, entry));
}

/** Admin: every integrator with its keys and webhooks; issue, rotate and revoke keys, add webhooks. */
export function AdminIntegratorsPage() {
  const t = useIntegratorT();
  const errorMessage = useIntegratorError();
  const { data, loading, error, refetch } = useQuery(AdminIntegratorsDocument, { fetchPolicy: "cache-and-network" });
  const [notice, setNotice] = useState<Notice>(null);
  const [secret, setSecret] = useState<Secret>(null);
  const integrators = data?.integrators ?? [];
  const webhooks = data?.webhooks ?? [];
  const show = (next: Secret) => {
    setNotice(null);
    setSecret(next);
  };
  const report = (next: Notice) => {
    setNotice(next);
    void refetch().catch(() => undefined);
  };
  return (
    <>
      <h1 tabIndex={-1}>{t("ai.title")}</h1>
      <p className="page-intro">{t("ai.intro")}</p>
      {error && !data ? (
        <Alert>
          <p>{`${t("ai.loadFailed")} ${errorMessage(error) ?? ""}`}</p>
          <Button variant="secondary" onClick={() => void refetch().catch(() => undefined)}>
            {t("ai.retry")}
          </Button>
        </Alert>
      ) : null}
      {loading && !data ? <Loading /> : null}
      <div aria-live="polite" data-testid="integrator-notice">
        {notice ? <Alert tone={notice.tone === "success" ? "success" : undefined}>{notice.text}</Alert> : null}
        {secret ? (
          <div className="integrator-secret" data-testid={secret.testId}>
            <Alert tone="success">
              <p>
                <strong>{secret.title}</strong>
              </p>
              <p>{secret.hint}</p>
              <p>
                <code className="integrator-secret__value" data-testid={`${secret.testId}-value`}>
                  {secret.value}
                </code>
              </p>
              <Button variant="secondary" onClick={() => setSecret(null)}>
                {t("ai.key.done")}
              </Button>
            </Alert>
          </div>
        ) : null}
      </div>
      <NewIntegratorForm
        onCreated={(name, key) => {
          show({ title: t("ai.key.title", { name }), hint: t("ai.key.once"), value: key, testId: "issued-key" });
          void refetch().catch(() => undefined);
        }}
      />
      {data && integrators.length === 0 ? (
        <EmptyState testId="integrators-empty" title={t("ai.empty.title")}>
          {t("ai.empty.body")}
        </EmptyState>
      ) : null}
      {integrators.map((integrator) => (
        <IntegratorSection
          key={integrator.id}
          integrator={integrator}
          webhooks={webhooks.filter((webhook) => webhook.integratorId === integrator.id)}
          onSecret={show}
          onNotice={report}
        />
      ))}
    </>
  );
}

function ScopeBoxes({ value, onChange, legend, hint, error }: { value: IntegratorScope[]; onChange: (next: IntegratorScope[]) => void; legend: string; hint: string; error?: string }) {
  const format = useFormat();
  return (
    <fieldset className={error ? "integrator-boxes field--invalid" : "integrator-boxes"}>
      <legend>{legend}</legend>
      <p className="field__hint">{hint}</p>
      {SCOPES.map((scope) => (
        <label key={scope} className="integrator-boxes__item">
          <input
            type="checkbox"
            checked={value.includes(scope)}
            onChange={(event) => onChange(event.target.checked ? [...value, scope] : value.filter((item) => item !== scope))}
            data-testid={`scope-${scope}`}
          />{" "}
          {format.enumValue("IntegratorScope", scope)}
        </label>
      ))}
      {error ? <p className="field__error">{error}</p> : null}
    </fieldset>
  );
}

function NewIntegratorForm({ onCreated }: { onCreated: (name: string, key: string) => void }) {
  const t = useIntegratorT();
  const errorMessage = useIntegratorError();
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<IntegratorScope[]>([]);
  const [rate, setRate] = useState("600");
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [create, { loading }] = useMutation(AdminCreateIntegratorDocument);
  const submit = async () => {
    setProblems({});
    setAlert(null);
    try {
      const result = await create({ variables: { input: { name, scopes, rateLimitPerMinute: Number(rate) } } });
      const issued = result.data!.createIntegrator;
      onCreated(issued.integrator.name, issued.key);
      setName("");
      setScopes([]);
      setRate("600");
    } catch (caught) {
      const found = problemsOf(t, caught);
      setProblems(found);
      setAlert(Object.keys(found).length > 0 ? null : (errorMessage(caught) ?? null));
    }
  };
  return (
    <section className="integrator-card" aria-labelledby="new-integrator-title">
      <h2 id="new-integrator-title">{t("ai.new.title")}</h2>
      <form
        className="integrator-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Field label={t("ai.name")} hint={t("ai.nameHint")} error={problems.name}>
          <TextInput value={name} onChange={(event) => setName(event.target.value)} data-testid="integrator-name" />
        </Field>
        <ScopeBoxes value={scopes} onChange={setScopes} legend={t("ai.scopes")} hint={t("ai.scopesHint")} error={problems.scopes} />
        <Field label={t("ai.rate")} hint={t("ai.rateHint")} error={problems.rateLimitPerMinute}>
          <TextInput type="number" min={1} max={100000} value={rate} onChange={(event) => setRate(event.target.value)} data-testid="integrator-rate" />
        </Field>
        <Button type="submit" busy={loading} data-testid="integrator-create">
          {t("ai.create")}
        </Button>
        {alert ? <Alert>{alert}</Alert> : null}
      </form>
    </section>
  );
}

function IntegratorSection({
  integrator,
  webhooks,
  onSecret,
  onNotice,
}: {
  integrator: AdminIntegratorFieldsFragment;
  webhooks: AdminWebhookFieldsFragment[];
  onSecret: (secret: Secret) => void;
  onNotice: (notice: Notice) => void;
}) {
  const t = useIntegratorT();
  const errorMessage = useIntegratorError();
  const [issue, { loading }] = useMutation(AdminIssueIntegratorKeyDocument);
  const latestScopes = integrator.keys.find((key) => key.state === "ACTIVE")?.scopes ?? integrator.keys[0]?.scopes ?? [];
  const headingId = `integrator-${integrator.id}`;
  return (
    <section className="integrator-card" aria-labelledby={headingId} data-testid="integrator-section" data-integrator-name={integrator.name}>
      <h2 id={headingId}>{integrator.name}</h2>
      <KeyTable integrator={integrator} onSecret={onSecret} onNotice={onNotice} />
      <Button
        variant="secondary"
        busy={loading}
        data-testid="issue-key"
        onClick={() =>
          void issue({ variables: { input: { integratorId: integrator.id, scopes: latestScopes.length ? latestScopes : ["TICKETS_READ"] } } })
            .then((result) => onSecret({ title: t("ai.key.title", { name: integrator.name }), hint: t("ai.key.once"), value: result.data!.issueIntegratorKey.key, testId: "issued-key" }))
            .then(() => onNotice(null))
            .catch((caught: unknown) => onNotice({ tone: "error", text: errorMessage(caught) ?? "" }))
        }
      >
        {t("ai.issue")}
      </Button>
      <WebhookTable integrator={integrator} webhooks={webhooks} onNotice={onNotice} />
      <NewWebhookForm
        integrator={integrator}
        onCreated={(url, signingSecret) => {
          onSecret({ title: t("ai.secret.title", { url }), hint: t("ai.secret.once"), value: signingSecret, testId: "signing-secret" });
          onNotice(null);
        }}
      />
    </section>
  );
}

function KeyTable({ integrator, onSecret, onNotice }: { integrator: AdminIntegratorFieldsFragment; onSecret: (secret: Secret) => void; onNotice: (notice: Notice) => void }) {
  const t = useIntegratorT();
  const format = useFormat();
  const caption = t("ai.keys", { name: integrator.name });
  return (
    <TableScroll label={caption}>
      <table className="data-table integrator-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("ai.col.key")}</th>
            <th scope="col">{t("ai.col.scopes")}</th>
            <th scope="col">{t("ai.col.state")}</th>
            <th scope="col">{t("ai.col.rate")}</th>
            <th scope="col">{t("ai.col.created")}</th>
            <th scope="col">{t("ai.col.lastUsed")}</th>
            <th scope="col">{t("ai.col.expires")}</th>
            <th scope="col">{t("ai.col.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {integrator.keys.map((key) => (
            <tr key={key.id} data-testid="key-row" data-state={key.state}>
              <td>
                <code>{key.keyPrefix}</code>
              </td>
              <td>{key.scopes.map((scope) => format.enumValue("IntegratorScope", scope)).join("、")}</td>
              <td>{format.enumValue("ApiKeyState", key.state)}</td>
              <td>{key.rateLimitPerMinute}</td>
              <td>{format.dateTime(key.createdAt as string)}</td>
              <td data-testid="key-last-used">{key.lastUsedAt ? format.dateTime(key.lastUsedAt as string) : t("ai.never")}</td>
              <td>{key.revokedAt ? format.dateTime(key.revokedAt as string) : key.expiresAt ? format.dateTime(key.expiresAt as string) : t("ai.dash")}</td>
              <td>
                <KeyActions integratorName={integrator.name} apiKey={key} onSecret={onSecret} onNotice={onNotice} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function KeyActions({ integratorName, apiKey, onSecret, onNotice }: { integratorName: string; apiKey: AdminApiKeyFieldsFragment; onSecret: (secret: Secret) => void; onNotice: (notice: Notice) => void }) {
  const t = useIntegratorT();
  const errorMessage = useIntegratorError();
  const [overlap, setOverlap] = useState<string>("24");
  const [confirming, setConfirming] = useState(false);
  const [rotate, rotating] = useMutation(AdminRotateIntegratorKeyDocument);
  const [revoke, revoking] = useMutation(AdminRevokeIntegratorKeyDocument);
  if (apiKey.state === "REVOKED" || apiKey.state === "EXPIRED") {
    return <span>{t("ai.dash")}</span>;
  }
  const fail = (caught: unknown) => onNotice({ tone: "error", text: errorMessage(caught) ?? "" });
  return (
    <div className="key-actions">
      {apiKey.state === "ACTIVE" ? (
        <div className="key-actions__rotate">
          <label className="key-actions__overlap">
            <span>{t("ai.overlapLabel")}</span>
            <select
              className="select"
              value={overlap}
              aria-label={t("ai.overlap", { key: apiKey.keyPrefix })}
              title={t("ai.overlapHint")}
              onChange={(event) => setOverlap(event.target.value)}
              data-testid="rotate-overlap"
            >
              {OVERLAPS.map((hours) => (
                <option key={hours} value={hours}>
                  {t(`ai.overlap.${hours}`)}
                </option>
              ))}
            </select>
          </label>
          <Button
            variant="secondary"
            busy={rotating.loading}
            data-testid="rotate-key"
            onClick={() =>
              void rotate({ variables: { keyId: apiKey.id, overlapHours: Number(overlap) } })
                .then((result) => {
                  onNotice({ tone: "success", text: t("ai.rotated", { key: apiKey.keyPrefix }) });
                  onSecret({ title: t("ai.key.title", { name: integratorName }), hint: t("ai.key.once"), value: result.data!.rotateIntegratorKey.key, testId: "issued-key" });
                })
                .catch(fail)
            }
          >
            {t("ai.rotate")}
          </Button>
        </div>
      ) : null}
      {confirming ? (
        <div role="group" aria-label={t("ai.revokeConfirm", { key: apiKey.keyPrefix })} className="key-actions__confirm">
          <p>{t("ai.revokeConfirm", { key: apiKey.keyPrefix })}</p>
          <Button
            variant="primary"
            busy={revoking.loading}
            data-testid="revoke-confirm"
            onClick={() =>
              void revoke({ variables: { keyId: apiKey.id } })
                .then(() => onNotice({ tone: "success", text: t("ai.revoked", { key: apiKey.keyPrefix }) }))
                .catch(fail)
                .finally(() => setConfirming(false))
            }
          >
            {t("ai.revokeYes")}
          </Button>
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            {t("ai.cancel")}
          </Button>
        </div>
      ) : (
        <Button variant="secondary" data-testid="revoke-key" onClick={() => setConfirming(true)}>
          {t("ai.revoke")}
        </Button>
      )}
    </div>
  );
}

function WebhookTable({ integrator, webhooks, onNotice }: { integrator: AdminIntegratorFieldsFragment; webhooks: AdminWebhookFieldsFragment[]; onNotice: (notice: Notice) => void }) {
  const t = useIntegratorT();
  const format = useFormat();
  const errorMessage = useIntegratorError();
  const [sendTest] = useMutation(AdminSendTestWebhookDocument);
  const [update] = useMutation(AdminUpdateWebhookDocument);
  const caption = t("ai.webhooks", { name: integrator.name });
  if (webhooks.length === 0) {
    return (
      <>
        <h3>{caption}</h3>
        <p data-testid="webhooks-empty">{t("ai.webhooks.empty")}</p>
      </>
    );
  }
  const fail = (caught: unknown) => onNotice({ tone: "error", text: errorMessage(caught) ?? "" });
  return (
    <TableScroll label={caption}>
      <table className="data-table integrator-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("ai.col.url")}</th>
            <th scope="col">{t("ai.col.events")}</th>
            <th scope="col">{t("ai.col.private")}</th>
            <th scope="col">{t("ai.col.active")}</th>
            <th scope="col">{t("ai.col.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {webhooks.map((webhook) => (
            <tr key={webhook.id} data-testid="webhook-row">
              <td className="integrator-table__url">{webhook.url}</td>
              <td>{webhook.events.map((event) => format.enumValue("WebhookEventType", event)).join("、")}</td>
              <td>{webhook.allowPrivateNetwork ? t("ai.yes") : t("ai.no")}</td>
              <td>{webhook.active ? t("ai.yes") : t("ai.no")}</td>
              <td className="webhook-actions">
                <a href={appHref(deliveriesPath(webhook.id))} data-testid="webhook-deliveries">
                  {t("ai.deliveries")}
                </a>
                <Button
                  variant="secondary"
                  data-testid="webhook-test"
                  onClick={() =>
                    void sendTest({ variables: { webhookId: webhook.id } })
                      .then(() => onNotice({ tone: "success", text: t("ai.testSent", { url: webhook.url }) }))
                      .catch(fail)
                  }
                >
                  {t("ai.test")}
                </Button>
                <Button variant="secondary" onClick={() => void update({ variables: { input: { id: webhook.id, active: !webhook.active } } }).then(() => onNotice(null)).catch(fail)}>
                  {webhook.active ? t("ai.disable") : t("ai.enable")}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function NewWebhookForm({ integrator, onCreated }: { integrator: AdminIntegratorFieldsFragment; onCreated: (url: string, secret: string) => void }) {
  const t = useIntegratorT();
  const format = useFormat();
  const errorMessage = useIntegratorError();
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<WebhookEventType[]>([...EVENTS]);
  const [allowPrivate, setAllowPrivate] = useState(false);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [create, { loading }] = useMutation(AdminCreateWebhookDocument);
  const submit = async () => {
    setProblems({});
    setAlert(null);
    try {
      const result = await create({ variables: { input: { integratorId: integrator.id, url, events, allowPrivateNetwork: allowPrivate } } });
      onCreated(result.data!.createWebhook.webhook.url, result.data!.createWebhook.signingSecret);
      setUrl("");
      setAllowPrivate(false);
    } catch (caught) {
      const found = problemsOf(t, caught);
      setProblems(found);
      setAlert(Object.keys(found).length > 0 ? null : (errorMessage(caught) ?? null));
    }
  };
  return (
    <details className="integrator-webhook-new">
      <summary>{t("ai.webhook.new", { name: integrator.name })}</summary>
      <form
        className="integrator-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Field label={t("ai.url")} hint={t("ai.urlHint")} error={problems.url}>
          <TextInput type="url" value={url} onChange={(event) => setUrl(event.target.value)} data-testid="webhook-url" />
        </Field>
        <fieldset className={problems.events ? "integrator-boxes field--invalid" : "integrator-boxes"}>
          <legend>{t("ai.events")}</legend>
          {EVENTS.map((event) => (
            <label key={event} className="integrator-boxes__item">
              <input type="checkbox" checked={events.includes(event)} onChange={(change) => setEvents(change.target.checked ? [...events, event] : events.filter((item) => item !== event))} />{" "}
              {format.enumValue("WebhookEventType", event)}
            </label>
          ))}
          {problems.events ? <p className="field__error">{problems.events}</p> : null}
        </fieldset>
        <label className="integrator-boxes__item">
          <input type="checkbox" checked={allowPrivate} onChange={(event) => setAllowPrivate(event.target.checked)} data-testid="webhook-allow-private" /> {t("ai.allowPrivate")}
        </label>
        <Button type="submit" busy={loading} data-testid="webhook-add">
          {t("ai.addWebhook")}
        </Button>
        {alert ? <Alert>{alert}</Alert> : null}
      </form>
    </details>
  );
}
