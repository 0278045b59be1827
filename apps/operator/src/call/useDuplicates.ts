import { useQuery } from "@apollo/client/react";
import { useEffect, useState } from "react";
import { DuplicateCandidatesDocument, type DuplicateQuery } from "../gql/graphql.ts";

export const DUPLICATE_DEBOUNCE_MS = 600;

type Inputs = { categoryId: string; districtId: string; townshipId: string; address: string; description: string };

/** The duplicate query for the form, or null while category, district or address is missing. */
export function duplicateQuery(values: Inputs, excludeTicketId: string | null): DuplicateQuery | null {
  const address = values.address.trim();
  if (!values.categoryId || !values.districtId || address.length < 2) {
    return null;
  }
  return {
    categoryId: values.categoryId,
    districtId: values.districtId,
    townshipId: values.townshipId || null,
    address,
    description: values.description.trim() || null,
    excludeTicketId,
  };
}

/**
 * Possible duplicates of the call being logged, asked for once typing pauses and category,
 * district and address are filled.
 */
export function useDuplicates(values: Inputs, excludeTicketId: string | null) {
  const input = duplicateQuery(values, excludeTicketId);
  const key = input ? JSON.stringify(input) : "";
  const [settled, setSettled] = useState<DuplicateQuery | null>(null);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(key ? (JSON.parse(key) as DuplicateQuery) : null), DUPLICATE_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [key]);
  const result = useQuery(DuplicateCandidatesDocument, {
    variables: { input: settled ?? { categoryId: "", districtId: "", address: "" } },
    skip: !settled,
    fetchPolicy: "network-only",
  });
  return {
    candidates: settled ? (result.data?.duplicateCandidates ?? []) : [],
    loading: Boolean(settled) && result.loading,
    active: Boolean(settled),
  };
}
