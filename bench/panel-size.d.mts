// Types of bench/panel-size.mjs (imported by tests/e2e/panel-size.test.ts).
export interface LoadedScript {
  path: string;
  /** Content-Encoding as sent: br, gzip or identity */
  encoding: string;
  /** decoded size */
  bytes: number;
  /** encoded body bytes received */
  wireBytes: number;
  /** gzip -9 of the decoded body */
  gzipBytes: number;
}
export interface SignInPageSize {
  files: LoadedScript[];
  bytes: number;
  wireBytes: number;
  gzipBytes: number;
  pageWireBytes: number;
}
export const CHROMIUM: string;
export function measureSignInPage(baseUrl: string): Promise<SignInPageSize>;
