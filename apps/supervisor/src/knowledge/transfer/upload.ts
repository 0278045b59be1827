/** The gateway's upload limit (POST /uploads). */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

export type UploadedFile = { id: string; filename: string; size: number };

/** A failed upload: HTTP status and the gateway's `error.code` when it sent one. */
export class UploadError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
    this.name = "UploadError";
  }
}

/** The import format a file name suggests: .json → JSON; .md, .markdown, .zip → MARKDOWN. */
export function formatForFile(name: string): "JSON" | "MARKDOWN" | null {
  const lower = name.toLowerCase();
  if (lower.endsWith(".json")) {
    return "JSON";
  }
  if (lower.endsWith(".md") || lower.endsWith(".markdown") || lower.endsWith(".zip")) {
    return "MARKDOWN";
  }
  return null;
}

function isUploadedFile(value: unknown): value is UploadedFile {
  if (typeof value !== "object" || value === null) {
    return false;
  }
  const candidate = value as Record<string, unknown>;
  return typeof candidate.id === "string" && typeof candidate.filename === "string";
}

/**
 * Sends a file as the raw body of `POST /uploads` with the session cookie; the name travels
 * URI-encoded in `x-filename` (a header browsers cannot send cross-site without a preflight).
 */
export async function uploadFile(file: File, fetchImpl: typeof fetch = fetch): Promise<UploadedFile> {
  let response: Response;
  try {
    response = await fetchImpl("/uploads", {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": file.type || "application/octet-stream", "x-filename": encodeURIComponent(file.name) },
      body: file,
    });
  } catch (error) {
    throw new UploadError(0, "NETWORK", error instanceof Error ? error.message : String(error));
  }
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const detail = (payload as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    throw new UploadError(
      response.status,
      typeof detail?.code === "string" ? detail.code : undefined,
      typeof detail?.message === "string" ? detail.message : `HTTP ${response.status}`,
    );
  }
  if (!isUploadedFile(payload)) {
    throw new UploadError(response.status, undefined, "Unexpected answer from the upload service.");
  }
  return payload;
}
