// Files picked in the browser → the API's AttachmentUpload (base64), checked first as the API
// checks them (PDF/JPEG/PNG, 5 MB each, 3 at most) so that a nurse learns at once, not after
// uploading. Nothing is stored in the browser.
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

function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export async function toUploads(files: File[]): Promise<Upload[]> {
  return Promise.all(files.map(async (f) => ({ filename: f.name, contentType: f.type, dataBase64: await base64Of(f) })));
}

export const isImage = (contentType: string) => contentType.startsWith('image/');
export const attachmentUrl = (id: string, inline = false) => `/post-attachments/${id}${inline ? '?inline=1' : ''}`;
export const applicationFileUrl = (id: string) => `/attachments/${id}`;
