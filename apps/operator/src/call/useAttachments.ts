import { useCallback, useRef, useState } from "react";

/** What POST /uploads accepts for a ticket (the server checks again). */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENT_ACCEPT = "image/*,application/pdf";

export type AttachmentProblem = "TOO_LARGE" | "WRONG_TYPE" | "UPLOAD_FAILED";

export type PendingAttachment = {
  localId: string;
  name: string;
  size: number;
  status: "uploading" | "done" | "failed";
  /** The stored file's id once uploaded. */
  id?: string;
  problem?: AttachmentProblem;
};

function isAccepted(file: File): boolean {
  return file.type.startsWith("image/") || file.type === "application/pdf";
}

/** Sends one file to the gateway's upload route; resolves to the stored file's id. */
export async function uploadFile(file: File): Promise<string> {
  const response = await fetch("/uploads", {
    method: "POST",
    headers: { "x-filename": encodeURIComponent(file.name), "content-type": file.type || "application/octet-stream" },
    body: file,
    credentials: "same-origin",
  });
  if (!response.ok) {
    throw new Error(`upload failed: HTTP ${response.status}`);
  }
  const body: unknown = await response.json();
  if (typeof body !== "object" || body === null || typeof (body as { id?: unknown }).id !== "string") {
    throw new Error("upload failed: no id in the answer");
  }
  return (body as { id: string }).id;
}

/** Files picked for the call: each is checked, uploaded at once, and can be removed again. */
export function useAttachments(upload: (file: File) => Promise<string> = uploadFile) {
  const [items, setItems] = useState<readonly PendingAttachment[]>([]);
  const counter = useRef(0);

  const update = (localId: string, patch: Partial<PendingAttachment>) =>
    setItems((prev) => prev.map((item) => (item.localId === localId ? { ...item, ...patch } : item)));

  const add = (files: readonly File[]) => {
    for (const file of files) {
      counter.current += 1;
      const localId = `a${counter.current}`;
      const base = { localId, name: file.name, size: file.size };
      if (file.size > ATTACHMENT_MAX_BYTES || !isAccepted(file)) {
        const problem: AttachmentProblem = file.size > ATTACHMENT_MAX_BYTES ? "TOO_LARGE" : "WRONG_TYPE";
        setItems((prev) => [...prev, { ...base, status: "failed", problem }]);
        continue;
      }
      setItems((prev) => [...prev, { ...base, status: "uploading" }]);
      upload(file).then(
        (id) => update(localId, { status: "done", id }),
        () => update(localId, { status: "failed", problem: "UPLOAD_FAILED" }),
      );
    }
  };

  const remove = useCallback((localId: string) => setItems((prev) => prev.filter((item) => item.localId !== localId)), []);

  return {
    items,
    add,
    remove,
    /** Ids of the uploaded files, for `attachmentIds`. */
    ids: items.flatMap((item) => (item.status === "done" && item.id ? [item.id] : [])),
    uploading: items.some((item) => item.status === "uploading"),
  };
}

export type AttachmentsState = ReturnType<typeof useAttachments>;
