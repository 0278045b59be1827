export { createApolloClient, retryDelayMs, webSocketUrl, type CreateApolloClientOptions } from "./apollo.ts";
export { errorCode, fieldErrors, graphQLErrors, useErrorMessage, useFieldErrors, KNOWN_ERROR_CODES, NETWORK_ERROR, type KnownErrorCode, type ServerFieldError } from "./errors.ts";
export { defineMessages, interpolate, type Catalog, type MessageVars } from "./i18n/catalog.ts";
export {
  enumLabel,
  REQUEST_TYPES,
  type Channel,
  type EnumName,
  type RequestType,
  type Role,
  type TicketStatus,
  type Urgency,
} from "./i18n/enums.ts";
export { HistoryTimeline, type HistoryTimelineEntry } from "./i18n/historyTimeline.tsx";
export { ENUM_LABELS_EN, ENUM_LABELS_ZH, ENUMS_NOT_SHOWN, enumLabelOf, historyActorText, historyNoteText, type EnumCatalogue, type HistoryEntryLike } from "./i18n/enumLabels.ts";
export { DISPLAY_TIME_ZONE, formatDateTime, localizedName, type Named } from "./i18n/format.ts";
export {
  I18nProvider,
  useFormat,
  useLanguage,
  useT,
  type Formatters,
  type I18nProviderProps,
  type Translate,
} from "./i18n/I18nProvider.tsx";
export { detectLanguage, initialLanguage, isLanguage, LANGUAGE_STORAGE_KEY, LANGUAGES, type Language } from "./i18n/languages.ts";
export { LanguageSwitcher } from "./i18n/LanguageSwitcher.tsx";
export { uiMessages, type UiMessageKey } from "./i18n/messages.ts";
export { AppLayout, type AppLayoutProps, type LayoutUser, type NavItem } from "./components/AppLayout.tsx";
export { Button, type ButtonProps } from "./components/Button.tsx";
export {
  Alert,
  EmptyState,
  Loading,
  StatusBadge,
  Timeline,
  UrgencyBadge,
  type AlertProps,
  type EmptyStateProps,
  type TimelineItem,
} from "./components/Feedback.tsx";
export {
  Field,
  Select,
  TextInput,
  useFieldControl,
  type FieldProps,
  type SelectOption,
  type SelectOptionGroup,
  type SelectProps,
  type TextInputProps,
} from "./components/Field.tsx";
export { characterCount, TextArea, type TextAreaProps } from "./components/TextArea.tsx";
export { RadioGroup, type RadioGroupProps, type RadioOption } from "./components/RadioGroup.tsx";
export { TableScroll, type TableScrollProps } from "./components/TableScroll.tsx";
export { AttachmentThumbnails, type ThumbnailFile } from "./components/Thumbnails.tsx";
export type { StaffDocuments, StaffViewer } from "./auth/documents.ts";
export { LoginPage, type LoginPageProps } from "./auth/LoginPage.tsx";
export { StaffGate, type StaffGateProps } from "./auth/StaffGate.tsx";
export { Elsewhere } from "./auth/Elsewhere.tsx";
export { addToCachedQueue, prependUnique, type QueueQueryShape } from "./lists.ts";
export { useLiveQueue, type LiveQueueDocuments } from "./useLiveQueue.ts";
export { setLiveStatus, useLiveStatus, type LiveStatus } from "./liveStatus.ts";
export { Combobox, type ComboboxItem, type ComboboxProps } from "./components/Combobox.tsx";
export { formatCombo, isTextEntry, matchesCombo, parseCombo, useHotkeys, type Hotkey, type HotkeyCombo } from "./keyboard/hotkeys.ts";
export { Kbd, ShortcutsDialog, type ShortcutHelpGroup, type ShortcutHelpItem, type ShortcutsDialogProps } from "./keyboard/ShortcutsDialog.tsx";
export * from "./knowledge/index.ts";
export * from "./routing/index.ts";
export { NotificationBell, renderNotification, BELL_LIST_LIMIT } from "./notifications/NotificationBell.tsx";
export type { NotificationDocuments, NotificationItem } from "./notifications/documents.ts";
export { notificationMessages } from "./notifications/messages.ts";
export * from "./ticket-page/index.ts";
