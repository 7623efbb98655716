// Scanned forms as the API takes them (AttachmentUpload): PDF, JPEG or PNG, base64, 5 MB each,
// 3 per request (api/applications/attachment.ts). The server checks the type from the file's bytes.
export const MAX_FILES = 3;
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const ACCEPTED_FILES = { 'application/pdf': ['.pdf'], 'image/jpeg': ['.jpg', '.jpeg'], 'image/png': ['.png'] };

export interface AttachmentUpload {
  filename: string;
  contentType: string;
  dataBase64: string;
}

/** What react-admin's FileInput keeps per file. */
export interface FileInputValue {
  rawFile?: File;
  title?: string;
  src?: string;
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** FileInput values → uploads (null when there are none). */
export async function toUploads(files: FileInputValue[] | FileInputValue | null | undefined): Promise<AttachmentUpload[] | null> {
  const list = (Array.isArray(files) ? files : files ? [files] : []).filter((f): f is FileInputValue & { rawFile: File } => f?.rawFile instanceof File);
  if (list.length === 0) return null;
  return Promise.all(list.map(async (f) => ({ filename: f.rawFile.name, contentType: f.rawFile.type, dataBase64: await readBase64(f.rawFile) })));
}

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}
