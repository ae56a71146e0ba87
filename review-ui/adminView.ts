import { api } from './api.ts';
import { h, replace } from './dom.ts';
import { errorText, formatTime } from './format.ts';
import { t } from './i18n/locale.ts';
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
    message.textContent = errorText(error);
    message.dataset.kind = 'error';
  };
  const showSecret = (label: string, value: string) => secret.append(h('li', {}, t.shownOnce(label), h('code', {}, value)));

  const loadAccounts = async () => {
    if (!isAdmin) return;
    const { accounts: rows } = await api<{ accounts: AccountRow[] }>('/api/accounts');
    const username = h('input', { placeholder: t.username, id: 'new-username' });
    const role = h('select', {}, h('option', { value: 'reviewer' }, t.roles['reviewer']), h('option', { value: 'admin' }, t.roles['admin']));
    const update = (name: string, body: Record<string, unknown>) =>
      api<{ generatedPassword: string | null }>(`/api/accounts/${encodeURIComponent(name)}`, { method: 'PATCH', body }).then((result) => {
        if (result.generatedPassword) showSecret(t.newPasswordOf(name), result.generatedPassword);
        return loadAccounts();
      }, fail);
    replace(
      accounts,
      h('h3', {}, t.accountsHeading),
      h('table', {},
        h('thead', {}, h('tr', {}, ...t.accountColumns.map((title) => h('th', {}, title)))),
        h('tbody', {}, ...rows.map((account) => h('tr', {},
          h('td', {}, account.username),
          h('td', {}, t.roles[account.role] ?? account.role),
          h('td', {}, formatTime(account.createdAt)),
          h('td', {}, account.disabled ? t.accountDisabled : t.accountActive),
          h('td', {},
            h('button', { on: { click: () => void update(account.username, { role: account.role === 'admin' ? 'reviewer' : 'admin' }) } }, account.role === 'admin' ? t.makeReviewer : t.makeAdmin),
            h('button', { on: { click: () => void update(account.username, { disabled: !account.disabled }) } }, account.disabled ? t.enable : t.disable),
            h('button', { on: { click: () => void update(account.username, { generatePassword: true }) } }, t.resetPassword)))))),
      h('form', {
        class: 'inline-form',
        on: {
          submit: (event) => {
            event.preventDefault();
            api<{ generatedPassword: string }>('/api/accounts', { body: { username: username.value.trim(), role: role.value } }).then((result) => {
              showSecret(t.passwordOf(username.value.trim()), result.generatedPassword);
              return loadAccounts();
            }, fail);
          },
        },
      }, t.newAccount, username, role, h('button', { type: 'submit' }, t.create)),
    );
  };

  const loadTokens = async () => {
    const { tokens: rows } = await api<{ tokens: TokenRow[] }>('/api/tokens');
    const name = h('input', { placeholder: t.tokenPurpose, id: 'new-token-name' });
    replace(
      tokens,
      h('h3', {}, t.tokensHeading),
      h('ul', {}, ...rows.map((token) => h('li', {}, `${token.name} · ${token.username} · ${formatTime(token.createdAt)} `,
        h('button', { on: { click: () => void api(`/api/tokens/${token.id}`, { method: 'DELETE' }).then(loadTokens, fail) } }, t.revoke)))),
      h('form', {
        class: 'inline-form',
        on: {
          submit: (event) => {
            event.preventDefault();
            api<{ token: string }>('/api/tokens', { body: { name: name.value } }).then((result) => {
              showSecret(t.apiToken, result.token);
              return loadTokens();
            }, fail);
          },
        },
      }, t.newToken, name, h('button', { type: 'submit' }, t.create)),
    );
  };

  const loadSettings = async () => {
    if (!isAdmin) return;
    const { settings: current } = await api<{ settings: { publicDownloads: boolean } }>('/api/settings');
    const checkbox = h('input', { type: 'checkbox', id: 'public-downloads', checked: current.publicDownloads });
    checkbox.addEventListener('change', () => {
      void api('/api/settings', { method: 'PUT', body: { publicDownloads: checkbox.checked } }).then(() => {
        message.textContent = checkbox.checked ? t.publicOn : t.publicOff;
        message.dataset.kind = 'ok';
      }, fail);
    });
    replace(settings, h('h3', {}, t.settingsHeading), h('label', { for: 'public-downloads' }, checkbox, t.publicDownloads));
  };

  const current = h('input', { type: 'password', autocomplete: 'current-password', placeholder: t.currentPassword });
  const next = h('input', { type: 'password', autocomplete: 'new-password', placeholder: t.newPassword });
  const passwordForm = h('form', {
    class: 'inline-form',
    on: {
      submit: (event) => {
        event.preventDefault();
        api('/api/auth/password', { body: { currentPassword: current.value, newPassword: next.value } }).then(() => {
          message.textContent = t.passwordChanged;
          message.dataset.kind = 'ok';
          current.value = '';
          next.value = '';
        }, fail);
      },
    },
  }, h('h3', {}, t.myPassword), h('input', { type: 'text', class: 'hidden', autocomplete: 'username', value: session.user?.username ?? '' }), current, next, h('button', { type: 'submit' }, t.change));

  void Promise.all([loadAccounts(), loadTokens(), loadSettings()]).catch(fail);
  return { element: h('main', { class: 'admin-page' }, h('h2', {}, isAdmin ? t.adminTitle : t.accountTitle), message, secret, accounts, settings, tokens, passwordForm) };
}
