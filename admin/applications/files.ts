// Scanned forms as the API takes them: PDF, JPEG or PNG, 5 MB each, 3 per request
// (api/applications/attachment.ts), each sent first to the upload path (posts/uploads.ts) and then
// named by its id in the mutation. The server checks the type from the file's bytes.
import { toUploads as uploadAll, type UploadOptions } from '../posts/uploads';
import type { Upload } from '../rooms/types';

export const MAX_FILES = 3;
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const ACCEPTED_FILES = { 'application/pdf': ['.pdf'], 'image/jpeg': ['.jpg', '.jpeg'], 'image/png': ['.png'] };

/** What a mutation's `attachments` takes: the upload's id (and, from the public page, its claim token). */
export type AttachmentUpload = Upload;

/** What react-admin's FileInput keeps per file. */
export interface FileInputValue {
  rawFile?: File;
  title?: string;
  src?: string;
}

/** FileInput values → uploaded files, named for the mutation (null when there are none). */
export async function toUploads(files: FileInputValue[] | FileInputValue | null | undefined, o: UploadOptions = {}): Promise<AttachmentUpload[] | null> {
  const list = (Array.isArray(files) ? files : files ? [files] : []).filter((f): f is FileInputValue & { rawFile: File } => f?.rawFile instanceof File);
  if (list.length === 0) return null;
  return uploadAll(
    list.map((f) => f.rawFile),
    o,
  );
}

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}
