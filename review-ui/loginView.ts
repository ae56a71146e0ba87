import { api, ApiError, setCsrfToken } from './api.ts';
import { h } from './dom.ts';
import { downloadLinks } from './downloadLinks.ts';
import { session, type SessionUser } from './session.ts';
import type { View } from './View.ts';

/** The login form (all an anonymous visitor sees, plus downloads when the admin made them public). */
export function loginView(onLoggedIn: () => void): View {
  const message = h('p', { class: 'error', id: 'login-message' });
  const username = h('input', { id: 'username', name: 'username', autocomplete: 'username', required: true });
  const password = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const form = h(
    'form',
    {
      class: 'login',
      on: {
        submit: (event) => {
          event.preventDefault();
          message.textContent = '';
          api<{ user: SessionUser; csrfToken: string }>('/api/auth/login', { body: { username: username.value, password: password.value } }).then(
            (result) => {
              session.user = result.user;
              setCsrfToken(result.csrfToken);
              onLoggedIn();
            },
            (error: unknown) => {
              message.textContent = error instanceof ApiError ? error.message : String(error);
              password.select();
            },
          );
        },
      },
    },
    h('h1', {}, 'gongkai'),
    h('p', { class: 'muted' }, '政府信息公开工作年度报告 · review service'),
    h('label', { for: 'username' }, 'Username'),
    username,
    h('label', { for: 'password' }, 'Password'),
    password,
    h('button', { type: 'submit', id: 'login-submit' }, 'Log in'),
    message,
  );
  const element = h('main', { class: 'login-page' }, form, session.publicDownloads ? downloadLinks() : null);
  queueMicrotask(() => username.focus());
  return { element };
}
