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
      if (blob && blob.size <= MAX_FILE_BYTES) return new File([blob], file.name.replace(/\.(png|jpe?g)$/i, '') + '.jpg', { type: 'image/jpeg' });
    }
  } catch {
    // not decodable here: the size check says why it cannot be attached
  }
  return file;
}

export const isImage = (contentType: string) => contentType.startsWith('image/');
export const attachmentUrl = (id: string, inline = false) => `/post-attachments/${id}${inline ? '?inline=1' : ''}`;
export const applicationFileUrl = (id: string) => `/attachments/${id}`;
