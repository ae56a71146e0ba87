import { en } from './en.ts';
import { zh, type Messages } from './zh.ts';

/** The languages of the UI; zh-CN is the default. */
export type Locale = 'zh-CN' | 'en';

const catalogues: Readonly<Record<Locale, Messages>> = { 'zh-CN': zh, en };

/** The words of the current language (live binding: views read it when they render). */
export let t: Messages = zh;
let current: Locale = 'zh-CN';

const storageKey = (username: string | null) => (username ? `gongkai.locale.${username}` : 'gongkai.locale');

function stored(key: string): Locale | null {
  try {
    const value = localStorage.getItem(key);
    return value === 'en' || value === 'zh-CN' ? value : null;
  } catch {
    return null;
  }
}

/** The current language. */
export function currentLocale(): Locale {
  return current;
}

/** Switches language without remembering it. */
function apply(locale: Locale): void {
  current = locale;
  t = catalogues[locale];
  document.documentElement.lang = locale;
}

/**
 * Loads the language remembered for `username` (per user; before login, the last one chosen on this browser),
 * Chinese when none was chosen.
 */
export function loadLocale(username: string | null): void {
  apply(stored(storageKey(username)) ?? (username ? stored(storageKey(null)) : null) ?? 'zh-CN');
}

/** Chooses a language and remembers it for this user (and as the login page's language). */
export function chooseLocale(locale: Locale, username: string | null): void {
  apply(locale);
  try {
    localStorage.setItem(storageKey(null), locale);
    if (username) localStorage.setItem(storageKey(username), locale);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
}
