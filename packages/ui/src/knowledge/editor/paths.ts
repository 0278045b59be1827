/** In-app paths of the editor, the same in the operator console and the supervisor app. */
export const EDITOR_PATHS = {
  list: "knowledge/articles",
  create: "knowledge/articles/new",
  edit: (id: string) => `knowledge/articles/${encodeURIComponent(id)}`,
} as const;

export type EditorRoute = { page: "list" } | { page: "create" } | { page: "edit"; id: string };

/** The editor page for an in-app path, or null when the path is not the editor's. */
export function parseEditorPath(path: string): EditorRoute | null {
  if (path === EDITOR_PATHS.list) {
    return { page: "list" };
  }
  if (path === EDITOR_PATHS.create) {
    return { page: "create" };
  }
  const prefix = `${EDITOR_PATHS.list}/`;
  if (path.startsWith(prefix) && !path.slice(prefix.length).includes("/")) {
    return { page: "edit", id: decodeURIComponent(path.slice(prefix.length)) };
  }
  return null;
}

/** Roles that write articles (the contract's editors); handlers only for their own unit's articles. */
export const EDITOR_ROLES = ["ADMIN", "SUPERVISOR", "HANDLER"] as const;

export function canWriteArticles(roles: readonly string[]): boolean {
  return roles.some((role) => (EDITOR_ROLES as readonly string[]).includes(role));
}

let flash: string | null = null;

/** A message to show once on the next editor page (e.g. "Saved" after a new article gets its URL). */
export function setEditorFlash(message: string): void {
  flash = message;
}

export function takeEditorFlash(): string | null {
  const message = flash;
  flash = null;
  return message;
}
