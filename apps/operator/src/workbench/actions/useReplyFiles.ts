import { useCallback, useRef, useState } from "react";

/** What the reply accepts (the server checks again): photos and PDF up to 10 MB. */
export const REPLY_FILE_MAX_BYTES = 10 * 1024 * 1024;
export const REPLY_FILE_ACCEPT = "image/*,application/pdf";

export type ReplyFile = {
  localId: string;
  name: string;
  status: "uploading" | "done" | "failed";
  problem?: "tooLarge" | "wrongType" | "failed";
  /** The stored file's id once uploaded. */
  id?: string;
};

/** Stores a file through the gateway's upload route with the session cookie; resolves to its id. */
export async function uploadReplyFile(file: File): Promise<string> {
  const response = await fetch("/uploads", {
    method: "POST",
    headers: { "x-filename": encodeURIComponent(file.name), "content-type": file.type },
    body: file,
    credentials: "same-origin",
  });
  const body: unknown = await response.json().catch(() => null);
  const id = typeof body === "object" && body !== null ? (body as { id?: unknown }).id : undefined;
  if (!response.ok || typeof id !== "string") {
    throw new Error(`upload failed: HTTP ${response.status}`);
  }
  return id;
}

/** Files picked for a reply: checked, uploaded at once, removable; `ids` are the uploaded ones. */
export function useReplyFiles(upload: (file: File) => Promise<string> = uploadReplyFile) {
  const [items, setItems] = useState<readonly ReplyFile[]>([]);
  const counter = useRef(0);
  const patch = (localId: string, change: Partial<ReplyFile>) =>
    setItems((prev) => prev.map((item) => (item.localId === localId ? { ...item, ...change } : item)));

  const add = (files: readonly File[]) => {
    for (const file of files) {
      counter.current += 1;
      const localId = `f${counter.current}`;
      const accepted = file.type.startsWith("image/") || file.type === "application/pdf";
      if (file.size > REPLY_FILE_MAX_BYTES || !accepted) {
        const problem = file.size > REPLY_FILE_MAX_BYTES ? "tooLarge" : "wrongType";
        setItems((prev) => [...prev, { localId, name: file.name, status: "failed", problem }]);
        continue;
      }
      setItems((prev) => [...prev, { localId, name: file.name, status: "uploading" }]);
      upload(file).then(
        (id) => patch(localId, { status: "done", id }),
        () => patch(localId, { status: "failed", problem: "failed" }),
      );
    }
  };
  const remove = useCallback((localId: string) => setItems((prev) => prev.filter((item) => item.localId !== localId)), []);
  return {
    items,
    add,
    remove,
    ids: items.flatMap((item) => (item.status === "done" && item.id ? [item.id] : [])),
    uploading: items.some((item) => item.status === "uploading"),
  };
}

export type ReplyFilesState = ReturnType<typeof useReplyFiles>;
