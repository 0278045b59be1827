import type { NotificationDocuments, StaffDocuments } from "@civicline/ui";
import { LoginDocument, LogoutDocument, MarkNotificationsReadDocument, MeDocument, MyNotificationsDocument, NotificationCountChangedDocument } from "./gql/graphql.ts";

/** This app's generated Me / Login / Logout operations for the shared sign-in screens. */
export const staffDocuments: StaffDocuments = { me: MeDocument, login: LoginDocument, logout: LogoutDocument };

/** This app's generated operations for the header's notification bell. */
export const notificationDocuments: NotificationDocuments = {
  list: MyNotificationsDocument,
  markRead: MarkNotificationsReadDocument,
  countChanged: NotificationCountChangedDocument,
};
