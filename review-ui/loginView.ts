import { api, ApiError, setCsrfToken } from './api.ts';
import { h } from './dom.ts';
import { downloadLinks } from './downloadLinks.ts';
import { errorText } from './format.ts';
import { t } from './i18n/locale.ts';
import { session, type SessionUser } from './session.ts';

/**
 * The login form. `notice` explains why it shows (a session that ended mid-work); `onLoggedIn` continues
 * where the reviewer was.
 */
export function loginForm(onLoggedIn: () => void, notice?: string): HTMLFormElement {
  const message = h('p', { class: 'error', id: 'login-message' });
  const username = h('input', { id: 'username', name: 'username', autocomplete: 'username', required: true, value: session.user?.username ?? '' });
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
              message.textContent = error instanceof ApiError && error.code === 'unauthenticated' ? t.wrongLogin : errorText(error);
              password.select();
            },
          );
        },
      },
    },
    h('h1', {}, t.appName),
    h('p', { class: 'muted' }, t.appSubtitle),
    notice ? h('p', { class: 'warning', id: 'session-ended' }, notice) : null,
    h('label', { for: 'username' }, t.username),
    username,
    h('label', { for: 'password' }, t.password),
    password,
    h('button', { type: 'submit', id: 'login-submit' }, t.login),
    message,
  );
  queueMicrotask(() => (username.value ? password : username).focus());
  return form;
}

/** The login page (all an anonymous visitor sees, plus downloads when the admin made them public). */
export function loginPage(onLoggedIn: () => void, languageSwitch: HTMLElement): HTMLElement {
  return h('main', { class: 'login-page' }, languageSwitch, loginForm(onLoggedIn), session.publicDownloads ? downloadLinks() : null);
}
