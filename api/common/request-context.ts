// Per-request values that code without a GraphQL context still needs (error formatting, logging).
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Locale } from './messages.js';

interface RequestScope {
  locale: Locale;
  requestId: string;
}

export const requestScope = new AsyncLocalStorage<RequestScope>();

export function currentLocale(): Locale {
  return requestScope.getStore()?.locale ?? 'ja';
}

/** Japanese unless the client prefers English (Accept-Language: en...) */
export function localeFromHeader(header: string | undefined): Locale {
  if (!header) return 'ja';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'ja';
}
