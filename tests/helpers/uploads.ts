// POST /uploads as the panel does it: one file in multipart/form-data, the session cookie.
import type { Client } from './client.js';

export interface TestFile {
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface UploadAnswer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: the upload route's untyped JSON answer (an id, or GraphQL-style errors), asserted with expect()
  body: any;
}

export async function postUpload(baseUrl: string, file: TestFile, o: { cookie?: string | null; public?: boolean; headers?: Record<string, string> } = {}): Promise<UploadAnswer> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file.data)], { type: file.contentType }), file.filename);
  const res = await fetch(`${baseUrl}/uploads${o.public ? '/public' : ''}`, { method: 'POST', body: form, headers: { ...(o.cookie ? { cookie: o.cookie } : {}), ...o.headers } });
  return { status: res.status, body: await res.json() };
}

/** A signed-in user's upload, as the AttachmentUpload a mutation takes. */
export async function uploaded(client: Client, file: TestFile): Promise<{ uploadId: string }> {
  const r = await postUpload(client.baseUrl, file, { cookie: client.cookieHeader });
  if (r.status !== 201) throw new Error(`upload failed: ${r.status} ${JSON.stringify(r.body)}`);
  return { uploadId: r.body.id };
}

/** The public page's anonymous upload, with its claim token. */
export async function uploadedPublic(baseUrl: string, file: TestFile): Promise<{ uploadId: string; claimToken: string }> {
  const r = await postUpload(baseUrl, file, { public: true });
  if (r.status !== 201) throw new Error(`upload failed: ${r.status} ${JSON.stringify(r.body)}`);
  return { uploadId: r.body.id, claimToken: r.body.claimToken };
}
