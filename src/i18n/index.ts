// All interface text goes through i18next (English and Simplified Chinese). Kubernetes' own
// words — kinds, reasons, kubectl output, event messages — stay in English, as the cluster says them.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en/common.json';
import zh from './locales/zh/common.json';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'zh', label: '中文' },
] as const;

export function initI18n(language?: string) {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('kubeglass.language') : null;
  const browser = typeof navigator !== 'undefined' && navigator.language?.startsWith('zh') ? 'zh' : 'en';
  void i18next.use(initReactI18next).init({
    resources: { en: { common: en }, zh: { common: zh } },
    lng: language ?? stored ?? browser,
    fallbackLng: 'en',
    defaultNS: 'common',
    interpolation: { escapeValue: false },
  });
  return i18next;
}
