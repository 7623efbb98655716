// Per-request values that code without a GraphQL context still needs (error formatting, logging).
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Locale } from './messages.js';

interface RequestScope {
  locale: Locale;
  requestId: string;
  /** production settings: no schema hints in error messages */
  production: boolean;
}

export const requestScope = new AsyncLocalStorage<RequestScope>();

export function inProduction(): boolean {
  return requestScope.getStore()?.production ?? process.env.NODE_ENV === 'production';
}

export function currentLocale(): Locale {
  return requestScope.getStore()?.locale ?? 'ja';
}

/** Japanese unless the client prefers English (Accept-Language: en...) */
export function localeFromHeader(header: string | undefined): Locale {
  if (!header) return 'ja';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'ja';
}
