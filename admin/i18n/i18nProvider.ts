// Japanese by default, English selectable from the app bar (LocalesMenuButton).
import polyglotI18nProvider from 'ra-i18n-polyglot';
import { jaMessages } from './ja';
import { enMessages } from './en';

export const LOCALES = [
  { locale: 'ja', name: '日本語' },
  { locale: 'en', name: 'English' },
];

export const i18nProvider = polyglotI18nProvider((locale) => (locale === 'en' ? enMessages : jaMessages), 'ja', LOCALES, { allowMissing: false });
