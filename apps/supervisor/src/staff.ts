import type { StaffDocuments } from "@civicline/ui";
import { LoginDocument, LogoutDocument, MeDocument } from "./gql/graphql.ts";

/** This app's generated Me / Login / Logout operations for the shared sign-in screens. */
export const staffDocuments: StaffDocuments = { me: MeDocument, login: LoginDocument, logout: LogoutDocument };
