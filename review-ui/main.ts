import { api, onSessionEnded } from './api.ts';
import { adminView } from './adminView.ts';
import { h, replace } from './dom.ts';
import { documentView } from './documentView.ts';
import { chooseLocale, currentLocale, loadLocale, t } from './i18n/locale.ts';
import { loginForm, loginPage } from './loginView.ts';
import { overviewText } from './overviewText.ts';
import { overviewView } from './overviewView.ts';
import { queueView } from './queueView.ts';
import { refreshSession, session } from './session.ts';
import type { View } from './View.ts';

const root = document.getElementById('app')!;
let current: View | null = null;
/** True while the login form covers a view whose session ended: keys go to the form, not the view. */
let loginOpen = false;

function navigate(hash: string): void {
  if (location.hash === hash) route();
  else location.hash = hash;
}

/** The button that switches language (remembered per user), re-rendering the current screen. */
function languageSwitch(): HTMLElement {
  return h('button', {
    id: 'language', class: 'language', title: t.languageName,
    on: { click: () => { chooseLocale(currentLocale() === 'zh-CN' ? 'en' : 'zh-CN', session.user?.username ?? null); route(); } },
  }, t.otherLanguage);
}

function navigation(): HTMLElement | null {
  const user = session.user;
  if (!user) return null;
  return h('nav', { class: 'top' },
    h('strong', {}, t.appName),
    h('a', { href: '#/queue' }, t.navQueue),
    h('a', { href: '#/overview', id: 'nav-overview' }, overviewText().navOverview),
    h('a', { href: '#/admin', id: 'nav-admin' }, user.role === 'admin' ? t.navAdmin : t.navAccount),
    h('span', { class: 'user', id: 'current-user' }, `${user.username}${t.parens(t.roles[user.role] ?? user.role)}`),
    languageSwitch(),
    h('button', { id: 'logout', on: { click: () => void api('/api/auth/logout', { method: 'POST', body: {} }).finally(() => void start()) } }, t.logout));
}

function show(view: View): void {
  current?.dispose?.();
  current = view;
  replace(root, navigation(), view.element);
}

function route(): void {
  loadLocale(session.user?.username ?? null);
  if (!session.user) {
    // The hash stays: after login the same document opens again.
    show({ element: loginPage(() => route(), languageSwitch()) });
    return;
  }
  const hash = location.hash;
  const documentMatch = /^#\/documents\/([0-9a-f]{64})$/.exec(hash);
  if (documentMatch) show(documentView(documentMatch[1]!, navigate));
  else if (hash === '#/admin') show(adminView());
  else if (hash === '#/overview') show(overviewView());
  else show(queueView(navigate));
}

/**
 * A session that ends mid-work (expired, or logged out in another tab): the login form covers the screen,
 * which stays as it was underneath; after login the pending request is sent again and work goes on.
 */
onSessionEnded(() => new Promise<void>((loggedIn) => {
  loginOpen = true;
  const overlay = h('div', { class: 'login-overlay', id: 'login-overlay' });
  overlay.append(loginForm(() => {
    overlay.remove();
    loginOpen = false;
    const nav = root.querySelector('nav.top');
    const fresh = navigation();
    if (nav && fresh) nav.replaceWith(fresh);
    loggedIn();
  }, t.sessionEnded));
  document.body.append(overlay);
}));

async function start(): Promise<void> {
  try {
    await refreshSession();
  } catch {
    session.user = null;
  }
  route();
}

window.addEventListener('hashchange', route);
document.addEventListener('keydown', (event) => {
  if (loginOpen) return;
  const target = event.target as HTMLElement | null;
  if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable)) return;
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  if (current?.onKey?.(event)) event.preventDefault();
});

void start();
