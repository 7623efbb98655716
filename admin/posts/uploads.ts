// Files picked in the browser → POST /uploads (one file per request, the session cookie; the public
// page's anonymous ones to /uploads/public), then the mutation names them by the ids answered
// (the API's AttachmentUpload). Checked first as the API checks them (PDF/JPEG/PNG, 5 MB each,
// 3 at most) so that a nurse learns at once, not after uploading. Nothing is stored in the browser.
import { localeFetch } from '../graphql/transport';
import { apiError, apiErrorFrom, type GraphQLErrorLike } from '../graphql/errors';
import type { Upload } from '../rooms/types';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_FILES = 3;
export const ACCEPTED_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
export const ACCEPT = ACCEPTED_TYPES.join(',');

export type FileProblem = { key: 'rooms.post.file_too_large' | 'rooms.post.file_type' | 'rooms.post.too_many_files'; name?: string };

/** The first problem with these files, or null. */
export function checkFiles(files: File[]): FileProblem | null {
  if (files.length > MAX_FILES) return { key: 'rooms.post.too_many_files' };
  for (const f of files) {
    if (!ACCEPTED_TYPES.includes(f.type)) return { key: 'rooms.post.file_type', name: f.name };
    if (f.size > MAX_FILE_BYTES) return { key: 'rooms.post.file_too_large', name: f.name };
  }
  return null;
}

export interface UploadOptions {
  /** the public registration page: anonymous, answered with a claim token */
  public?: boolean;
}

/**
 * One file to the upload path. A file the server refuses (type, size) comes back as a
 * validation error on the form's `attachments` input, as the API's own checks did before.
 */
export async function uploadFile(file: File, o: UploadOptions = {}): Promise<Upload> {
  const form = new FormData();
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await localeFetch(o.public ? '/uploads/public' : '/uploads', { method: 'POST', body: form });
  } catch {
    throw apiError('ra.notification.http_error', 0, { code: 'NETWORK_ERROR', fields: [] });
  }
  const body = (await response.json().catch(() => null)) as { id?: string; claimToken?: string; errors?: GraphQLErrorLike[] } | null;
  if (response.ok && body?.id) return { uploadId: body.id, ...(body.claimToken ? { claimToken: body.claimToken } : {}) };
  const first = body?.errors?.[0];
  const code = first?.extensions?.code;
  if (first && (code === 'FILE_TYPE' || code === 'FILE_TOO_LARGE')) {
    const message = `${file.name}: ${first.message}`;
    throw apiError(message, response.status, { code: 'BAD_USER_INPUT', fields: [{ field: 'attachments', code, message }], errors: { root: { serverError: message }, attachments: message } });
  }
  if (body?.errors?.length) throw apiErrorFrom(body.errors);
  throw apiError('ra.notification.http_error', response.status, { code: 'HTTP_ERROR', fields: [] });
}

/** Every file uploaded, one after the other (a refused one stops the rest), in the order picked. */
export async function toUploads(files: File[], o: UploadOptions = {}): Promise<Upload[]> {
  const uploads: Upload[] = [];
  for (const f of files) uploads.push(await uploadFile(f, o));
  return uploads;
}

/**
 * A tablet's camera photo is often larger than the API takes (5 MB): such a JPEG or PNG is
 * redrawn at most 2400 px wide or high as a JPEG, in the browser, before it is checked and sent.
 */
export async function shrinkPhoto(file: File, maxSide = 2400): Promise<File> {
  if (file.size <= MAX_FILE_BYTES || !['image/jpeg', 'image/png'].includes(file.type) || typeof createImageBitmap !== 'function') return file;
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    for (const quality of [0.85, 0.7, 0.5]) {
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
      if (blob && blob.size <= MAX_FILE_BYTES) return new File([blob], `${file.name.replace(/\.(png|jpe?g)$/i, '')}.jpg`, { type: 'image/jpeg' });
    }
  } catch {
    // not decodable here: the size check says why it cannot be attached
  }
  return file;
}

export const isImage = (contentType: string) => contentType.startsWith('image/');
export const attachmentUrl = (id: string, inline = false) => `/post-attachments/${id}${inline ? '?inline=1' : ''}`;
export const applicationFileUrl = (id: string) => `/attachments/${id}`;
