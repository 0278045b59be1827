/** Photo types and limits the gateway accepts from the portal (checked again on the server). */
export const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp", "image/gif"] as const;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const MAX_PHOTOS = 10;

/** What `POST /uploads` answers for a citizen's photo. */
export type UploadedPhoto = { id: string; uploadKey: string };

/** Uploads one file; `onProgress` gets 0–100. Injectable so tests need no network. */
export type PhotoUploader = (file: File, onProgress: (percent: number) => void) => Promise<UploadedPhoto>;

/**
 * Sends a photo to `POST /uploads` as a citizen (the `x-portal-upload` header asks the gateway to
 * ignore any staff session in this browser), reporting upload progress.
 */
export const uploadPhoto: PhotoUploader = (file, onProgress) =>
  new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", "/uploads");
    request.setRequestHeader("content-type", file.type || "application/octet-stream");
    request.setRequestHeader("x-filename", encodeURIComponent(file.name));
    request.setRequestHeader("x-portal-upload", "1");
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) {
        onProgress(Math.round((event.loaded / event.total) * 100));
      }
    };
    request.onload = () => {
      if (request.status === 201) {
        const body = JSON.parse(request.responseText) as UploadedPhoto;
        onProgress(100);
        resolve({ id: body.id, uploadKey: body.uploadKey });
      } else {
        reject(new Error(`upload failed with HTTP ${request.status}`));
      }
    };
    request.onerror = () => reject(new Error("upload failed"));
    request.send(file);
  });

/** Why a file cannot be added, before uploading: "type", "size", or null when fine. */
export function photoProblem(file: File): "type" | "size" | null {
  if (!(PHOTO_TYPES as readonly string[]).includes(file.type)) {
    return "type";
  }
  return file.size > MAX_PHOTO_BYTES ? "size" : null;
}
