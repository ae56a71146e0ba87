import { api, ApiError } from './api.ts';
import { h, replace } from './dom.ts';
import { formatTime } from './format.ts';
import { session } from './session.ts';
import type { View } from './View.ts';

interface AccountRow {
  readonly username: string;
  readonly role: 'admin' | 'reviewer';
  readonly createdAt: string;
  readonly disabled: boolean;
}

interface TokenRow {
  readonly id: string;
  readonly name: string;
  readonly username: string;
  readonly createdAt: string;
}

/** Accounts (admin), API tokens (everyone, their own), settings (admin), and changing one's own password. */
export function adminView(): View {
  const message = h('p', { class: 'status', id: 'admin-message' });
  const secret = h('ul', { class: 'secret', id: 'admin-secret' });
  const accounts = h('section', { id: 'accounts' });
  const tokens = h('section', { id: 'tokens' });
  const settings = h('section', { id: 'settings' });
  const isAdmin = session.user?.role === 'admin';
  const fail = (error: unknown) => {
    message.textContent = error instanceof ApiError ? error.message : String(error);
    message.dataset.kind = 'error';
  };
  const showSecret = (label: string, value: string) => secret.append(h('li', {}, `${label} (shown once, copy it now): `, h('code', {}, value)));

  const loadAccounts = async () => {
    if (!isAdmin) return;
    const { accounts: rows } = await api<{ accounts: AccountRow[] }>('/api/accounts');
    const username = h('input', { placeholder: 'username', id: 'new-username' });
    const role = h('select', {}, h('option', { value: 'reviewer' }, 'reviewer'), h('option', { value: 'admin' }, 'admin'));
    const update = (name: string, body: Record<string, unknown>) =>
      api<{ generatedPassword: string | null }>(`/api/accounts/${encodeURIComponent(name)}`, { method: 'PATCH', body }).then((result) => {
        if (result.generatedPassword) showSecret(`new password of ${name}`, result.generatedPassword);
        return loadAccounts();
      }, fail);
    replace(
      accounts,
      h('h3', {}, 'Accounts'),
      h('table', {},
        h('thead', {}, h('tr', {}, h('th', {}, 'Username'), h('th', {}, 'Role'), h('th', {}, 'Created'), h('th', {}, 'State'), h('th', {}, ''))),
        h('tbody', {}, ...rows.map((account) => h('tr', {},
          h('td', {}, account.username),
          h('td', {}, account.role),
          h('td', {}, formatTime(account.createdAt)),
          h('td', {}, account.disabled ? 'disabled' : 'active'),
          h('td', {},
            h('button', { on: { click: () => void update(account.username, { role: account.role === 'admin' ? 'reviewer' : 'admin' }) } }, account.role === 'admin' ? 'make reviewer' : 'make admin'),
            h('button', { on: { click: () => void update(account.username, { disabled: !account.disabled }) } }, account.disabled ? 'enable' : 'disable'),
            h('button', { on: { click: () => void update(account.username, { generatePassword: true }) } }, 'reset password')))))),
      h('form', {
        class: 'inline-form',
        on: {
          submit: (event) => {
            event.preventDefault();
            api<{ generatedPassword: string }>('/api/accounts', { body: { username: username.value.trim(), role: role.value } }).then((result) => {
              showSecret(`password of ${username.value.trim()}`, result.generatedPassword);
              return loadAccounts();
            }, fail);
          },
        },
      }, 'New account: ', username, role, h('button', { type: 'submit' }, 'Create')),
    );
  };

  const loadTokens = async () => {
    const { tokens: rows } = await api<{ tokens: TokenRow[] }>('/api/tokens');
    const name = h('input', { placeholder: 'what the token is for', id: 'new-token-name' });
    replace(
      tokens,
      h('h3', {}, 'API tokens (for scripts: Authorization: Bearer …)'),
      h('ul', {}, ...rows.map((token) => h('li', {}, `${token.name} · ${token.username} · ${formatTime(token.createdAt)} `,
        h('button', { on: { click: () => void api(`/api/tokens/${token.id}`, { method: 'DELETE' }).then(loadTokens, fail) } }, 'revoke')))),
      h('form', {
        class: 'inline-form',
        on: {
          submit: (event) => {
            event.preventDefault();
            api<{ token: string }>('/api/tokens', { body: { name: name.value } }).then((result) => {
              showSecret('API token', result.token);
              return loadTokens();
            }, fail);
          },
        },
      }, 'New token: ', name, h('button', { type: 'submit' }, 'Create')),
    );
  };

  const loadSettings = async () => {
    if (!isAdmin) return;
    const { settings: current } = await api<{ settings: { publicDownloads: boolean } }>('/api/settings');
    const checkbox = h('input', { type: 'checkbox', id: 'public-downloads', checked: current.publicDownloads });
    checkbox.addEventListener('change', () => {
      void api('/api/settings', { method: 'PUT', body: { publicDownloads: checkbox.checked } }).then(() => {
        message.textContent = checkbox.checked ? 'Anyone can now download the committed dataset without logging in.' : 'Downloads need a login again.';
        message.dataset.kind = 'ok';
      }, fail);
    });
    replace(settings, h('h3', {}, 'Settings'), h('label', { for: 'public-downloads' }, checkbox, ' Anyone may download the committed dataset without logging in'));
  };

  const current = h('input', { type: 'password', autocomplete: 'current-password', placeholder: 'current password' });
  const next = h('input', { type: 'password', autocomplete: 'new-password', placeholder: 'new password (10+ characters)' });
  const passwordForm = h('form', {
    class: 'inline-form',
    on: {
      submit: (event) => {
        event.preventDefault();
        api('/api/auth/password', { body: { currentPassword: current.value, newPassword: next.value } }).then(() => {
          message.textContent = 'Password changed; your other sessions were logged out.';
          message.dataset.kind = 'ok';
          current.value = '';
          next.value = '';
        }, fail);
      },
    },
  }, h('h3', {}, 'My password'), h('input', { type: 'text', class: 'hidden', autocomplete: 'username', value: session.user?.username ?? '' }), current, next, h('button', { type: 'submit' }, 'Change'));

  void Promise.all([loadAccounts(), loadTokens(), loadSettings()]).catch(fail);
  return { element: h('main', { class: 'admin-page' }, h('h2', {}, isAdmin ? 'Administration' : 'Account'), message, secret, accounts, settings, tokens, passwordForm) };
}
