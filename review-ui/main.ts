import { api } from './api.ts';
import { adminView } from './adminView.ts';
import { h, replace } from './dom.ts';
import { documentView } from './documentView.ts';
import { loginView } from './loginView.ts';
import { queueView } from './queueView.ts';
import { refreshSession, session } from './session.ts';
import type { View } from './View.ts';

const root = document.getElementById('app')!;
let current: View | null = null;

function navigate(hash: string): void {
  if (location.hash === hash) route();
  else location.hash = hash;
}

function show(view: View): void {
  current?.dispose?.();
  current = view;
  const user = session.user;
  const nav = user
    ? h('nav', { class: 'top' },
      h('strong', {}, 'gongkai'),
      h('a', { href: '#/queue' }, 'Queue'),
      h('a', { href: '#/admin', id: 'nav-admin' }, user.role === 'admin' ? 'Admin' : 'Account'),
      h('span', { class: 'user', id: 'current-user' }, `${user.username} (${user.role})`),
      h('button', { id: 'logout', on: { click: () => void api('/api/auth/logout', { method: 'POST', body: {} }).finally(() => void start()) } }, 'Log out'))
    : null;
  replace(root, nav, view.element);
}

function route(): void {
  if (!session.user) {
    show(loginView(() => void start()));
    return;
  }
  const hash = location.hash;
  const documentMatch = /^#\/documents\/([0-9a-f]{64})$/.exec(hash);
  if (documentMatch) show(documentView(documentMatch[1]!, navigate));
  else if (hash === '#/admin') show(adminView());
  else show(queueView(navigate));
}

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
  const target = event.target as HTMLElement | null;
  if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable)) return;
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  if (current?.onKey?.(event)) event.preventDefault();
});

void start();
