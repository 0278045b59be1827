import type { ThumbnailFile } from "@civicline/ui";
import { useEffect, useState } from "react";

type File = { id: string; filename: string; contentType: string; url: string };

/** Reads one file with the tracking access (the header keeps the token out of URLs and logs). */
export type TrackedFileFetcher = (url: string, accessToken: string) => Promise<Blob>;

const fetchTrackedFile: TrackedFileFetcher = async (url, accessToken) => {
  const response = await fetch(url, { headers: { "x-tracking-access": accessToken }, cache: "no-store" });
  if (!response.ok) {
    throw new Error(`file ${url}: ${response.status}`);
  }
  return response.blob();
};

/**
 * The reply's files as the citizen's browser can show them: each read once with the access token
 * and turned into a blob: URL (an <img src> cannot send the header), released when they go away.
 * A file that cannot be read stays listed by name.
 */
export function useTrackedFiles(files: readonly File[], accessToken: string, fetcher: TrackedFileFetcher = fetchTrackedFile): ThumbnailFile[] {
  const [sources, setSources] = useState<Record<string, string>>({});
  const key = files.map((file) => file.id).join(",");
  useEffect(() => {
    let alive = true;
    const created: string[] = [];
    for (const file of files) {
      fetcher(file.url, accessToken).then(
        (blob) => {
          const src = URL.createObjectURL(blob);
          created.push(src);
          if (alive) {
            setSources((prev) => ({ ...prev, [file.id]: src }));
          } else {
            URL.revokeObjectURL(src);
          }
        },
        () => undefined,
      );
    }
    return () => {
      alive = false;
      created.forEach((src) => URL.revokeObjectURL(src));
    };
    // `key` stands for the list of files: a new array with the same files reads nothing again.
  }, [key, accessToken, fetcher]);
  return files.map((file) => ({ id: file.id, filename: file.filename, contentType: file.contentType, src: sources[file.id] ?? null }));
}
