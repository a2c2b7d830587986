// #/tenants/<id>: one tenant as admins need it, secrets masked (the page never asks for them in
// clear), and the actions, each confirmed first. A change carries the version the page showed
// (If-Match): if someone changed the tenant meanwhile, the page says so and shows the new state.

import { call, url, segment, SignedOut } from './api.js';
import { h, fill, moment, value, badge, healthBadge, activeBadge, metaInstalls } from './dom.js';
import { confirmAction } from './dialog.js';
import { notify, handle, carry, loadInto } from './notice.js';

const AUDIT_PAGE = 20;
const EVENTS_PAGE = 50;
const SIGNUPS_PAGE = 20;

export async function renderTenant(main, tenantId) {
  document.title = `${tenantId} · tenant-config admin`;
  const back = h('p', { class: 'back' }, h('a', { href: '#/' }, '← All tenants'));
  const heading = h('h1', {}, tenantId);
  if (tenantId.includes('/')) {
    // No caller may name a tenant with "/" (no URL path could): such a row was stored before
    // that rule (docs/api.md, "Tenant ids").
    fill(main, back, heading, h('p', { class: 'error', role: 'alert' },
      'This tenant id contains "/", which the service no longer accepts from any token or URL, so '
      + 'its page cannot be opened. It was stored before that rule: an operator removes it, and the '
      + 'tenant signs up again under an id without "/" (docs/operations.md, "Tenant ids with a slash").'));
    return;
  }
  fill(main, back, heading, h('p', { class: 'loading', 'aria-busy': 'true' }, 'Loading the configuration…'));
  let config;
  let version;
  try {
    ({ body: config, version } = await call(url(`/tenant/admin/tenants/${segment(tenantId)}`)));
  } catch (e) {
    if (e instanceof SignedOut) throw e;
    fill(main, back, heading, e.status === 404
      ? h('p', { class: 'empty' }, 'This tenant has no configuration (it may have been deleted).')
      : h('p', { class: 'error', role: 'alert' }, e.message));
    return;
  }
  const reload = () => renderTenant(main, tenantId).catch(handle);
  const page = { tenantId, version, reload };
  const sections = {
    health: section('health', 'Health'),
    webhook: section('webhook', 'Webhook'),
    accounts: section('accounts', 'WhatsApp Business Accounts'),
    numbers: section('numbers', 'Phone numbers'),
    templates: section('templates', 'Message templates'),
    audit: section('audit', 'Audit trail'),
    events: section('events', 'Events'),
    signups: section('signups', 'Signup sessions'),
  };
  fill(main, back,
    h('div', { class: 'title' }, heading, h('p', { class: 'badges' },
      activeBadge(config.is_active), badge(config.onboarding_status, config.onboarding_completed ? 'ok' : 'muted'),
      config.needs_phone_number && badge('No phone number yet', 'warn'),
      h('span', { id: 'health-badge' }))),
    actions(config, page),
    h('div', { class: 'columns' },
      h('section', { class: 'card', 'aria-labelledby': 'config-title', id: 'config' },
        h('h2', { id: 'config-title' }, 'Configuration'), configList(config)),
      h('div', {}, sections.health, sections.webhook)),
    sections.accounts, sections.numbers, sections.templates, sections.signups, sections.audit, sections.events);
  const path = `/tenant/admin/tenants/${segment(tenantId)}`;
  await Promise.all([
    loadInto(sections.health, async () => healthView((await call(url(`${path}/health`))).body)),
    loadInto(sections.webhook, async () => webhookView((await call(url(`${path}/webhook`))).body)),
    loadInto(sections.accounts, async () => accountsView((await call(url(`${path}/accounts`))).body)),
    loadInto(sections.numbers, async () => numbersView(
      (await call(url(`/tenant/admin/configs/${segment(tenantId)}/phone-numbers`))).body)),
    loadInto(sections.templates, async () => templatesView(
      (await call(url(`${path}/templates`, { limit: TEMPLATES_PAGE }))).body)),
    loadInto(sections.signups, async () => signupsView(
      (await call(url('/tenant/admin/signup-sessions', { tenant_id: tenantId, limit: SIGNUPS_PAGE }))).body)),
    auditView(sections.audit, tenantId),
    eventsView(sections.events, page, 'dead'),
  ]);
}

function section(id, title) {
  return h('section', { class: 'card', id, 'aria-labelledby': `${id}-title`, 'aria-busy': 'true' },
    h('h2', { id: `${id}-title` }, title), h('p', { class: 'loading' }, 'Loading…'));
}

function actions(config, page) {
  const { tenantId } = page;
  const path = `/tenant/admin/tenants/${segment(tenantId)}`;
  const toggle = config.is_active
    ? button('Deactivate', 'deactivate', () => act(page, {
      title: `Deactivate ${tenantId}?`,
      message: 'The platform stops using this configuration: the credentials fall back to the environment until it is activated again.',
      action: 'Deactivate',
      danger: true,
      run: () => call(url(`${path}/deactivate`), { method: 'POST', ifMatch: page.version }),
      done: `${tenantId} is deactivated.`,
    }))
    : button('Activate', 'activate', () => act(page, {
      title: `Activate ${tenantId}?`,
      message: 'The platform uses this configuration again for the tenant\'s messages.',
      action: 'Activate',
      run: () => call(url(`${path}/activate`), { method: 'POST', ifMatch: page.version }),
      done: `${tenantId} is active again.`,
    }));
  return h('div', { class: 'actions', role: 'group', 'aria-label': 'Actions' },
    toggle,
    button('Check health now', 'check-health', () => act(page, {
      title: `Check ${tenantId} with Meta now?`,
      message: 'The service asks Meta\'s Graph API about the token and every phone number (a token about to expire is refreshed first).',
      action: 'Check now',
      run: () => call(url(`${path}/health/check`), { method: 'POST' }),
      done: `Meta was asked about ${tenantId}; the health below is the answer.`,
    })),
    button('Delete…', 'delete', () => act(page, {
      title: `Delete ${tenantId}?`,
      message: 'The configuration, its phone numbers and its tokens are deleted for good. The audit trail stays.',
      action: 'Delete',
      danger: true,
      typed: tenantId,
      run: () => call(url(`/tenant/admin/configs/delete-tenant/${segment(tenantId)}`), { method: 'DELETE', ifMatch: page.version }),
      done: `${tenantId} was deleted.`,
      then: () => { location.hash = '#/'; },
    }), 'danger'));
}

function button(label, id, onclick, kind = '') {
  return h('button', { type: 'button', id: `action-${id}`, class: kind, onclick }, label);
}

async function act(page, { title, message, action, danger, typed, run, done, then }) {
  if (!(await confirmAction({ title, message, action, danger, typed }))) return;
  try {
    await run();
    if (then) {
      carry(done, 'ok');
      then();
    } else {
      notify(done, 'ok');
      await page.reload();
    }
  } catch (e) {
    if (e.status === 412) {
      notify(`Someone changed ${page.tenantId} after this page showed version ${page.version}, so nothing was done. `
        + 'The page now shows the current state: check it and try again.', 'warn');
      await page.reload();
    } else if (e.status === 404) {
      notify(`${page.tenantId} no longer has a configuration: it was deleted meanwhile.`, 'warn');
      await page.reload();
    } else {
      handle(e);
    }
  }
}

const FIELDS = [
  ['WhatsApp Business Account', 'waba_id'],
  ['Default phone number id', 'phone_number_id'],
  ['Display number', 'display_phone_number'],
  ['Business id', 'business_id'],
  ['Meta app id', 'fb_app_id'],
  ['Access token', 'access_token', 'secret'],
  ['App secret', 'fb_app_secret', 'secret'],
  ['Refresh token', 'refresh_token', 'secret'],
  ['Token expires', 'token_expires_at', 'time'],
  ['Token type (Meta)', 'token_type'],
  ['Last verified by Meta', 'last_verified_at', 'time'],
  ['Onboarding', 'onboarding_status'],
  ['Onboarded', 'onboarded_at', 'time'],
  ['Callback URL', 'callback_url'],
  ['Redirect URL', 'redirect_url'],
  ['Verify token', 'verify_token'],
  ['Created by', 'user_id'],
  ['Created', 'created_at', 'time'],
  ['Updated', 'updated_at', 'time'],
  ['Version', 'version'],
];

function configList(config) {
  return h('dl', { class: 'fields' }, FIELDS.map(([label, key, kind]) => [
    h('dt', {}, label),
    h('dd', { 'data-field': key, class: kind === 'secret' ? 'secret' : '' },
      kind === 'time' ? moment(config[key]) : value(config[key])),
  ]));
}

function healthView(health) {
  const badgeSlot = document.getElementById('health-badge');
  if (badgeSlot) fill(badgeSlot, healthBadge(health.state));
  return [
    h('p', {}, healthBadge(health.state), ' ',
      health.checked_at ? ['checked ', moment(health.checked_at)] : 'never checked'),
    health.reasons.length === 0
      ? (health.checked_at ? h('p', { class: 'help' }, 'Nothing to act on.') : null)
      : h('ul', { class: 'reasons' }, health.reasons.map((r) => h('li', {},
        healthBadge(r.state), ' ', h('code', {}, r.code), ' ', r.message))),
    health.last_error ? h('p', { class: 'error' }, 'Last check failed: ', health.last_error, ' (', moment(health.failed_at), ')') : null,
    h('dl', { class: 'fields' },
      h('dt', {}, 'Token expires'), h('dd', {}, moment(health.token_expires_at)),
      health.phone_numbers.map((n) => [
        h('dt', {}, `Number ${n.phone_number_id}`),
        h('dd', {}, value(n.status), n.quality_rating ? ` · quality ${n.quality_rating}` : ''),
      ])),
  ];
}

function webhookView(webhook) {
  return h('dl', { class: 'fields' },
    h('dt', {}, 'Callback URL for Meta'), h('dd', { class: 'wrap' }, value(webhook.callback_url)),
    h('dt', {}, 'Last change received'), h('dd', {}, moment(webhook.last_received_at)));
}

// Each account with its numbers, what Meta last said of it (standing), its health and whether our
// app is subscribed to its webhooks; never a token.
const STANDING_KINDS = { GOOD: 'ok', RESTRICTED: 'warn' };

function accountsView(body) {
  const accounts = body.accounts;
  if (accounts.length === 0) return h('p', { class: 'empty' }, 'No WhatsApp Business Account yet.');
  return tableOf('WhatsApp Business Accounts',
    ['WABA id', 'Business id', 'Primary', 'Standing', 'Health', 'Webhooks subscribed', 'Token type', 'Token expires',
      'Phone numbers'],
    accounts.map((a) => [
      value(a.waba_id), value(a.business_id), a.is_default ? 'Primary' : '',
      badge(a.standing, STANDING_KINDS[a.standing] || 'bad'),
      a.health ? healthBadge(a.health) : value(null),
      a.subscribed_at ? moment(a.subscribed_at) : badge('Not subscribed', 'warn'),
      value(a.token_type), moment(a.token_expires_at),
      a.phone_numbers.length === 0 ? value(null) : a.phone_numbers.join(', '),
    ]), 'accounts-table');
}

// Each account's catalogue as last read from Meta (when, and whether the last try failed), then the
// templates with what decides whether and how they can be sent: status, category, quality.
const TEMPLATES_PAGE = 100;
const TEMPLATE_STATUS_KINDS = { APPROVED: 'ok', PENDING: 'muted', IN_APPEAL: 'muted', PAUSED: 'warn', FLAGGED: 'warn' };
const QUALITY_KINDS = { GREEN: 'ok', YELLOW: 'warn', RED: 'bad' };

function templatesView(body) {
  const reads = h('ul', { class: 'catalogues' }, body.catalogues.map((c) => h('li', { 'data-waba': c.waba_id },
    h('code', {}, c.waba_id), ': ',
    c.synced_at ? ['last read ', moment(c.synced_at)] : 'never read yet',
    c.last_attempt_failed
      ? [' ', badge('Last read failed', 'bad'), ' ', moment(c.last_attempt_at), ': ', c.last_failure]
      : null)));
  if (body.templates.length === 0) return [reads, h('p', { class: 'empty' }, 'No template read yet.')];
  return [reads, tableOf('Message templates', ['Name', 'Language', 'Status', 'Category', 'Quality', 'WABA id'],
    body.templates.map((t) => [
      t.name, t.language, badge(t.status, TEMPLATE_STATUS_KINDS[t.status] || 'bad'), value(t.category),
      t.quality_score ? badge(t.quality_score, QUALITY_KINDS[t.quality_score] || 'muted') : value(null),
      t.waba_id,
    ]), 'templates-table'),
    body.next ? h('p', { class: 'help' }, `The first ${body.returned} templates; the API pages through the rest.`) : null];
}

function numbersView(body) {
  const numbers = body.phone_numbers;
  if (numbers.length === 0) return h('p', { class: 'empty' }, 'No phone number yet.');
  // A WhatsApp Business app's number (coexistence) stays registered with the app: never by us.
  // A number Meta created for the tenant is not registered until the code sent to it is entered.
  return tableOf('Phone numbers', ['Phone number id', 'Display number', 'Label', 'Default', 'In use', 'Registered',
    'Messages/s', 'Quality', 'Messaging limit'],
    numbers.map((n) => [
      n.phone_number_id, value(n.display_phone_number), value(n.label), n.is_default ? 'Default' : '',
      n.is_active ? 'Yes' : 'No',
      registration(n),
      ...capacity(n.capacity),
    ]), 'numbers-table');
}

// How fast the number may send, as the lookup answers it: Meta's default 80/s until a check or a
// webhook said more; quality and the portfolio's messaging limit as Meta last said them (coloured as
// templates' quality is, QUALITY_KINDS).
function capacity(c) {
  if (!c) return [value(null), value(null), value(null)];
  return [
    String(c.messages_per_second),
    c.quality_rating ? badge(c.quality_rating, QUALITY_KINDS[c.quality_rating] || 'muted') : value(null),
    value(c.messaging_limit_tier),
  ];
}

function registration(n) {
  if (n.coexistence) return badge('WhatsApp Business app', 'muted');
  if (n.verified === false) return badge(n.code_requested_at ? 'Not verified: code sent' : 'Not verified', 'warn');
  return moment(n.registered_at);
}

function tableOf(label, columns, rows, id) {
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': `${label}, scrollable` },
    h('table', { id },
      h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((c) => h('td', {}, c)))))));
}

const OUTCOME_KINDS = { finished: 'ok', cancelled: 'muted', failed: 'bad' };

// The tenant's newest signups: how each ended, the step, and Meta's words and trace id for support.
function signupsView(body) {
  if (body.sessions.length === 0) {
    return h('p', { class: 'empty' }, 'No signup recorded yet.');
  }
  return tableOf('Signup sessions', ['Started', 'Event', 'Outcome', 'Step', 'Meta\'s code', 'Message', 'fbtrace_id', 'Accounts', 'Numbers', 'At Meta'],
    body.sessions.map((s) => [
      moment(s.started_at), h('code', {}, s.event), badge(s.outcome, OUTCOME_KINDS[s.outcome] || 'muted'),
      value(s.step), value(s.error_code), value(s.error_message), value(s.fbtrace_id),
      accounts(s), value(s.phone_number_ids.join(', ')), metaInstalls(s.meta_installs),
    ]), 'signups-table');
}

// The accounts a session stored; for one that stored none, those its request named, said so.
function accounts(session) {
  if (session.waba_ids.length > 0 || session.requested_waba_ids.length === 0) return value(session.waba_ids.join(', '));
  return `named, not stored: ${session.requested_waba_ids.join(', ')}`;
}

async function auditView(element, tenantId) {
  const title = element.firstChild;
  const rows = [];
  const more = h('button', { type: 'button', id: 'audit-more' }, 'Older entries');
  const page = async (before) => {
    more.disabled = true;
    const { body } = await call(url('/tenant/admin/configs/audit', { tenant_id: tenantId, limit: AUDIT_PAGE, before }));
    rows.push(...body.records.map((r) => [
      moment(r.occurred_at), r.actor, h('code', {}, r.action), r.fields.join(', ') || '—',
      value(r.client_address), value(r.request_id),
    ]));
    if (rows.length === 0) {
      return h('p', { class: 'empty' }, 'Nothing recorded yet.');
    }
    more.disabled = false;
    more.onclick = () => page(body.next_before).then((shown) => fill(element, title, shown)).catch(handle);
    return [
      tableOf('Audit trail', ['When', 'Who', 'Action', 'Fields', 'From', 'Request id'], rows, 'audit-table'),
      body.next_before ? more : null,
    ];
  };
  await loadInto(element, () => page(undefined));
}

const STATUSES = [['dead', 'Dead letters'], ['pending', 'Pending'], ['delivered', 'Delivered']];

async function eventsView(element, page, status) {
  const picker = h('select', { id: 'events-status', name: 'status' },
    STATUSES.map(([v, label]) => h('option', { value: v, selected: v === status }, label)));
  picker.addEventListener('change', () => eventsView(element, page, picker.value).catch(handle));
  const controls = h('div', { class: 'field inline' }, h('label', { for: 'events-status' }, 'Show'), picker);
  await loadInto(element, async () => {
    const { body } = await call(url('/tenant/admin/events', { tenant_id: page.tenantId, status, limit: EVENTS_PAGE }));
    const events = body.events;
    return events.length === 0
      ? h('p', { class: 'empty' }, status === 'dead' ? 'No dead letter: every event was delivered or is on its way.' : 'No event.')
      : tableOf('Events', ['Id', 'Type', 'Occurred', 'Attempts', 'Last error', ''], events.map((e) => [
        String(e.id), h('code', {}, e.type), moment(e.occurred_at), String(e.attempts), value(e.last_error),
        e.status === 'pending' ? '' : h('button', {
          type: 'button',
          class: 'small',
          'data-event': e.id,
          'aria-label': `Replay event ${e.id}`,
          onclick: () => replay(element, page, status, e),
        }, 'Replay'),
      ]), 'events-table');
  }, { lead: [controls] });
}

async function replay(element, page, status, event) {
  const ok = await confirmAction({
    title: `Replay event ${event.id}?`,
    message: `The ${event.type} event is delivered to the platform again, from the next delivery round on.`,
    action: 'Replay',
  });
  if (!ok) return;
  try {
    await call(url(`/tenant/admin/events/${event.id}/replay`), { method: 'POST' });
    notify(`Event ${event.id} will be delivered again.`, 'ok');
    await eventsView(element, page, status);
  } catch (e) {
    handle(e);
  }
}
