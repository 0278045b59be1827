import type { NotificationDocuments, StaffDocuments } from "@civicline/ui";
import { ChangeMyPasswordDocument, LoginDocument, LogoutDocument, MarkNotificationsReadDocument, MeDocument, MyNotificationsDocument, NotificationCountChangedDocument } from "./gql/shell/graphql.ts";

/** (From src/gql/shell/: the shell does not pull every page's documents into the first chunk.) This app's generated Me / Login / Logout / ChangeMyPassword operations for the shared sign-in screens (and the forced password change). */
export const staffDocuments: StaffDocuments = { me: MeDocument, login: LoginDocument, logout: LogoutDocument, changePassword: ChangeMyPasswordDocument };

/** This app's generated operations for the header's notification bell. */
export const notificationDocuments: NotificationDocuments = {
  list: MyNotificationsDocument,
  markRead: MarkNotificationsReadDocument,
  countChanged: NotificationCountChangedDocument,
};
