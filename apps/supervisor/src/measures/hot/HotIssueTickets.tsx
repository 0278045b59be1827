import { useMutation, useQuery } from "@apollo/client/react";
import { Alert, AppLink, Button, errorCode, Field, Loading, Select, TableScroll, TextInput, useErrorMessage, useFormat } from "@civicline/ui";
import { useState, type FormEvent } from "react";
import { AssignToLeaderDocument, HotIssueTicketsDocument, LeadersDocument, MergeHotIssueDuplicatesDocument } from "../../gql/graphql.ts";
import { useLeaderErrors } from "../../leader/messages.ts";
import { hotIssueSearchHref, type HotIssueItem } from "./hot-format.ts";
import { useHotT } from "./messages.ts";

type Props = { issue: HotIssueItem; name: string; mayMerge: boolean; mayAssign: boolean; onChanged: () => void };

/**
 * The tickets behind a hot issue (no caller details) with its two actions: merge duplicates (并单,
 * intake's merge, all or none) and assign the tickets to a leader (领导包案).
 */
export function HotIssueTickets({ issue, name, mayMerge, mayAssign, onChanged }: Props) {
  const t = useHotT();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const tickets = useQuery(HotIssueTicketsDocument, {
    variables: { categoryId: issue.categoryId, districtId: issue.districtId, townshipId: issue.townshipId ?? null, from: issue.windowStart, to: issue.windowEnd },
    fetchPolicy: "cache-and-network",
  });
  const [keep, setKeep] = useState("");
  const [picked, setPicked] = useState<string[]>([]);
  const [mergeProblem, setMergeProblem] = useState("");
  const [mergeDone, setMergeDone] = useState("");
  const [merge, merging] = useMutation(MergeHotIssueDuplicatesDocument);
  const list = tickets.data?.hotIssueTickets.tickets ?? [];
  const total = tickets.data?.hotIssueTickets.total ?? 0;
  const submitMerge = async (event: FormEvent) => {
    event.preventDefault();
    setMergeDone("");
    const duplicates = list.filter((ticket) => picked.includes(ticket.id) && ticket.id !== keep).map((ticket) => ({ ticketId: ticket.id, version: ticket.version }));
    if (!keep || duplicates.length === 0) {
      setMergeProblem(t(keep ? "hot.merge.needPick" : "hot.merge.needKeep"));
      return;
    }
    setMergeProblem("");
    try {
      const result = await merge({ variables: { intoTicketId: keep, duplicates } });
      setMergeDone(t("hot.merge.done", { count: result.data?.mergeHotIssueDuplicates ?? 0, number: list.find((ticket) => ticket.id === keep)?.trackingNumber ?? "" }));
      setPicked([]);
      onChanged();
    } catch (caught) {
      setMergeProblem(errorCode(caught) === "INTAKE/CANNOT_MERGE" ? t("hot.error.INTAKE/CANNOT_MERGE") : (errorMessage(caught) ?? ""));
    }
    await tickets.refetch();
  };
  const caption = t("hot.tickets.title", { issue: name });
  return (
    <div className="hot-tickets" data-testid="hot-tickets">
      {tickets.loading && !tickets.data ? <Loading /> : null}
      {tickets.error ? <Alert>{errorMessage(tickets.error)}</Alert> : null}
      {tickets.data ? (
        <form onSubmit={(event) => void submitMerge(event)} noValidate aria-label={t("hot.merge.title")}>
          <TableScroll label={caption} testId="hot-tickets-table">
            <table className="data-table">
              <caption className="visually-hidden">{caption}</caption>
              <thead>
                <tr>
                  {mayMerge ? <th scope="col">{t("hot.tickets.col.keep")}</th> : null}
                  {mayMerge ? <th scope="col">{t("hot.tickets.col.pick")}</th> : null}
                  <th scope="col">{t("hot.tickets.col.number")}</th>
                  <th scope="col">{t("hot.tickets.col.summary")}</th>
                  <th scope="col">{t("hot.tickets.col.place")}</th>
                  <th scope="col">{t("hot.tickets.col.status")}</th>
                  <th scope="col">{t("hot.tickets.col.received")}</th>
                  <th scope="col">{t("hot.tickets.col.leader")}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((ticket) => (
                  <tr key={ticket.id} data-testid="hot-ticket-row">
                    {mayMerge ? (
                      <td>
                        <input type="radio" name={`keep-${issue.categoryId}-${issue.districtId}-${issue.townshipId ?? ""}`} checked={keep === ticket.id} onChange={() => setKeep(ticket.id)} aria-label={t("hot.tickets.keepLabel", { number: ticket.trackingNumber })} data-testid="hot-keep" />
                      </td>
                    ) : null}
                    {mayMerge ? (
                      <td>
                        {ticket.mergeable ? (
                          <input
                            type="checkbox"
                            checked={picked.includes(ticket.id) && ticket.id !== keep}
                            disabled={ticket.id === keep}
                            onChange={(event) => setPicked(event.target.checked ? [...picked, ticket.id] : picked.filter((id) => id !== ticket.id))}
                            aria-label={t("hot.tickets.pickLabel", { number: ticket.trackingNumber })}
                            data-testid="hot-pick"
                          />
                        ) : (
                          <span className="hot-muted" title={t("hot.tickets.notMergeable")}>
                            <span aria-hidden="true">—</span>
                            <span className="visually-hidden">{t("hot.tickets.notMergeable")}</span>
                          </span>
                        )}
                      </td>
                    ) : null}
                    <th scope="row">
                      <AppLink to={`tickets/${ticket.trackingNumber}`}>{ticket.trackingNumber}</AppLink>
                    </th>
                    <td>{ticket.summary}</td>
                    <td>{[ticket.townshipName, ticket.address].filter(Boolean).join(" · ")}</td>
                    <td data-testid="hot-ticket-status">{format.status(ticket.status)}</td>
                    <td>{format.dateTime(ticket.receivedAt as string)}</td>
                    <td>{ticket.leaderName ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {total > list.length ? (
            <p>
              {t("hot.tickets.more", { shown: list.length, total })} <AppLink to={hotIssueSearchHref(issue)}>{t("hot.search")}</AppLink>
            </p>
          ) : null}
          {mayMerge ? (
            <div className="hot-action">
              <h3>{t("hot.merge.title")}</h3>
              <p className="hot-muted">{t("hot.merge.hint")}</p>
              <div aria-live="polite">
                {mergeProblem ? <Alert testId="hot-merge-problem">{mergeProblem}</Alert> : null}
                {mergeDone ? (
                  <Alert tone="success" testId="hot-merge-done">
                    {mergeDone}
                  </Alert>
                ) : null}
              </div>
              <Button type="submit" variant="secondary" busy={merging.loading} data-testid="hot-merge">
                {t("hot.merge.submit", { count: picked.filter((id) => id !== keep).length })}
              </Button>
            </div>
          ) : null}
        </form>
      ) : null}
      {mayAssign && tickets.data && list.length > 0 ? <AssignHotIssue ticketIds={list.map((ticket) => ticket.id)} name={name} onAssigned={() => void tickets.refetch().then(onChanged)} /> : null}
    </div>
  );
}

/** 领导包案 of a hot issue's tickets, through the leader feature's own mutation. */
function AssignHotIssue({ ticketIds, name, onAssigned }: { ticketIds: string[]; name: string; onAssigned: () => void }) {
  const t = useHotT();
  const errors = useLeaderErrors();
  const leaders = useQuery(LeadersDocument);
  const [form, setForm] = useState({ leaderId: "", title: name.slice(0, 100), note: "" });
  const [done, setDone] = useState("");
  const [assign, assigning] = useMutation(AssignToLeaderDocument);
  const list = leaders.data?.leaders ?? [];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone("");
    try {
      await assign({ variables: { input: { leaderId: form.leaderId, ticketIds, trackingNumbers: null, title: form.title || null, note: form.note || null, dueAt: null } } });
      setDone(t("hot.assign.done", { leader: list.find((leader) => leader.id === form.leaderId)?.displayName ?? "" }));
      onAssigned();
    } catch {
      // shown from assigning.error
    }
  };
  const fields = assigning.error ? errors.fields(assigning.error) : {};
  if (leaders.data && list.length === 0) {
    return <p className="hot-muted">{t("hot.assign.noLeaders")}</p>;
  }
  return (
    <form className="hot-action" onSubmit={(event) => void submit(event)} noValidate aria-label={t("hot.assign.title")} data-testid="hot-assign">
      <h3>{t("hot.assign.title")}</h3>
      <p className="hot-muted">{t("hot.assign.hint")}</p>
      <div className="hot-action__grid">
        <Field label={t("hot.assign.leader")} error={fields.leaderId}>
          <Select value={form.leaderId} onChange={(event) => setForm({ ...form, leaderId: event.target.value })} options={list.map((leader) => ({ value: leader.id, label: leader.displayName }))} data-testid="hot-assign-leader" />
        </Field>
        <Field label={t("hot.assign.name")} error={fields.title}>
          <TextInput value={form.title} onChange={(event) => setForm({ ...form, title: event.target.value })} data-testid="hot-assign-title" />
        </Field>
        <Field label={t("hot.assign.note")} optional error={fields.note}>
          <TextInput value={form.note} onChange={(event) => setForm({ ...form, note: event.target.value })} data-testid="hot-assign-note" />
        </Field>
      </div>
      <div aria-live="polite">
        {assigning.error && Object.keys(fields).length === 0 ? <Alert>{errors.message(assigning.error)}</Alert> : null}
        {done ? (
          <Alert tone="success" testId="hot-assign-done">
            {done}
          </Alert>
        ) : null}
      </div>
      <Button type="submit" variant="secondary" busy={assigning.loading} data-testid="hot-assign-submit">
        {t("hot.assign.submit")}
      </Button>
    </form>
  );
}
