// The admin dashboard: a token prompt, the tenant list (#/) and a tenant's page (#/tenants/<id>).
// Plain modules, no build step; every request goes to this service's own API.

import { call, url, token, SignedOut } from './api.js';
import { notify, handle, whenSignedOut, freshPage } from './notice.js';
import { h, fill } from './dom.js';
import { renderList } from './list.js';
import { renderTenant } from './tenant.js';

const main = () => document.getElementById('main');

/** Runs a view; a refused token at any point leads back to the token prompt. */
async function guarded(work) {
  try {
    await work();
  } catch (e) {
    handle(e);
  }
}

function signOut(message) {
  token.clear();
  whoFor = null;
  document.getElementById('who').hidden = true;
  renderSignIn(message);
}

function renderSignIn(message) {
  const input = h('input', {
    id: 'token', type: 'password', name: 'token', required: true, autocomplete: 'off',
    spellcheck: 'false', 'aria-describedby': 'token-help',
  });
  const error = h('p', { class: 'error', id: 'sign-in-error', role: 'alert' });
  const button = h('button', { type: 'submit', class: 'primary' }, 'Sign in');
  const form = h('form', { class: 'card sign-in', id: 'sign-in', novalidate: true },
    h('h1', {}, 'Sign in'),
    h('label', { for: 'token' }, 'Admin token'),
    input,
    h('p', { id: 'token-help', class: 'help' },
      'A JWT with the admin role. It is kept in this browser tab only and forgotten when the tab closes. ',
      'Running ./run.sh? It prints one as ADMIN_TOKEN.'),
    error,
    button);
  if (message) error.textContent = message;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const value = input.value.trim().replace(/^Bearer\s+/i, '');
    if (!value) {
      error.textContent = 'Paste a token first.';
      input.focus();
      return;
    }
    button.disabled = true;
    error.textContent = '';
    try {
      await call(url('/tenant/admin/configs/stats'), { bearer: value });
      token.set(value);
      input.value = '';
      await route();
    } catch (e) {
      error.textContent = e.status === 403
        ? 'This token is valid but does not carry the admin role.'
        : e.message;
      input.focus();
    } finally {
      button.disabled = false;
    }
  });
  notify('');
  document.title = 'Sign in · tenant-config admin';
  fill(main(), form);
  input.focus();
}

/** The signed-in admin's name in the header, asked for once per token. */
let whoFor = null;

async function showWho() {
  const current = token.get();
  if (whoFor === current) return;
  const who = document.getElementById('who');
  try {
    const { body } = await call(url('/auth/verify'));
    document.getElementById('who-name').textContent = body.user_id || '';
  } catch (e) {
    if (e instanceof SignedOut) throw e;
  }
  who.hidden = false;
  whoFor = current;
}

/** Draws the page the address names. */
async function route() {
  if (!token.get()) {
    renderSignIn();
    return;
  }
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, query = ''] = hash.split('?');
  freshPage();
  await guarded(async () => {
    await showWho();
    const tenant = path.match(/^\/tenants\/(.+)$/);
    if (tenant) {
      await renderTenant(main(), decodeURIComponent(tenant[1]));
    } else {
      await renderList(main(), new URLSearchParams(query));
    }
  });
}

whenSignedOut(signOut);
document.getElementById('sign-out').addEventListener('click', () => {
  signOut('');
  location.hash = '#/';
});
window.addEventListener('hashchange', () => route());
route();
