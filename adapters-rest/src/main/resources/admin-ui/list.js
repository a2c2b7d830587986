// #/?q=…&is_active=…&after=…: the statistics and one page of tenants, never all of them.
// Paging follows the API's `next` cursor; the cursors of the pages before are kept in the
// address (`back`), so Previous and a reload work.

import { call, url, segment } from './api.js';
import { loadInto } from './notice.js';
import { h, fill, moment, value, activeBadge, badge, metaInstalls } from './dom.js';

const PAGE_SIZE = 25;
const RECENT_SIGNUPS = 10;
const FILTERS = ['q', 'is_active', 'onboarding_status', 'health', 'waba_id', 'phone_number_id'];
const ONBOARDING = ['NOT_STARTED', 'TOKEN_EXCHANGED', 'WEBHOOK_SUBSCRIBED', 'PHONE_REGISTERED',
  'COMPLETED', 'REAUTHORIZATION_REQUIRED'];
const HEALTH = ['HEALTHY', 'EXPIRING', 'UNKNOWN', 'RESTRICTED', 'NUMBER_PROBLEM', 'PERMISSION_MISSING',
  'APP_MISMATCH', 'INVALID', 'DISABLED'];

export async function renderList(main, params) {
  document.title = 'Tenants · tenant-config admin';
  const stats = h('section', { class: 'stats', 'aria-labelledby': 'stats-title', 'aria-busy': 'true' },
    h('h2', { id: 'stats-title', class: 'visually-hidden' }, 'Statistics'),
    h('p', { class: 'loading' }, 'Loading statistics…'));
  const results = h('section', { class: 'results', 'aria-labelledby': 'results-title', 'aria-busy': 'true' },
    h('h2', { id: 'results-title' }, 'Tenants'),
    h('p', { class: 'loading' }, 'Loading tenants…'));
  const signups = h('section', { class: 'card', id: 'recent-signups', 'aria-labelledby': 'recent-signups-title', 'aria-busy': 'true' },
    h('h2', { id: 'recent-signups-title' }, 'Recent failed and cancelled signups'),
    h('p', { class: 'loading' }, 'Loading signups…'));
  fill(main, h('h1', {}, 'Tenants'), stats, signups, filterForm(params), results);
  await Promise.all([loadStats(stats), loadRecentSignups(signups), loadPage(results, params)]);
}

// The signups support has to look at: the newest that failed or were cancelled, every tenant's,
// each with the step and Meta's words and trace id.
async function loadRecentSignups(section) {
  await loadInto(section, async () => {
    const [failed, cancelled] = await Promise.all(['failed', 'cancelled'].map(async (outcome) =>
      (await call(url('/tenant/admin/signup-sessions', { outcome, limit: RECENT_SIGNUPS }))).body.sessions));
    const recent = [...failed, ...cancelled]
      .sort((a, b) => (a.started_at < b.started_at ? 1 : a.started_at > b.started_at ? -1 : 0))
      .slice(0, RECENT_SIGNUPS);
    if (recent.length === 0) return h('p', { class: 'empty' }, 'No signup failed or was cancelled.');
    return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Recent signups, scrollable' },
      h('table', { id: 'recent-signups-table' },
        h('thead', {}, h('tr', {},
          ['Tenant', 'Started', 'Outcome', 'Step', 'Meta\'s code', 'Message', 'fbtrace_id', 'At Meta']
            .map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, recent.map((s) => h('tr', {},
          h('th', { scope: 'row' }, h('a', { href: `#/tenants/${segment(s.tenant_id)}` }, s.tenant_id)),
          h('td', {}, moment(s.started_at)),
          h('td', {}, badge(s.outcome, s.outcome === 'failed' ? 'bad' : 'muted')),
          h('td', {}, value(s.step)),
          h('td', {}, value(s.error_code)),
          h('td', {}, value(s.error_message)),
          h('td', {}, value(s.fbtrace_id)),
          h('td', {}, metaInstalls(s.meta_installs)))))));
  }, { prefix: 'Signups are not available: ' });
}

async function loadStats(section) {
  await loadInto(section, async () => {
    const { body } = await call(url('/tenant/admin/configs/stats'));
    const cards = [
      card('Total', body.total_configs, '#/'),
      card('Active', body.active_configs, '#/?is_active=true'),
      card('Inactive', body.inactive_configs, '#/?is_active=false'),
      card('Onboarded', body.onboarded_configs, '#/?onboarding_status=COMPLETED'),
      card('Pending onboarding', body.pending_onboarding, null),
      card('WhatsApp Business Accounts', body.accounts, null),
    ];
    const health = Object.entries(body.health || {})
      .filter(([state, count]) => count > 0 || state === 'HEALTHY')
      .map(([state, count]) => card(state, count, `#/?health=${state}`, `health ${state}`));
    const events = body.events || { pending: 0, oldest_pending_seconds: 0 };
    const signups = body.signups || { finished: 0, cancelled: 0, failed: 0, days: 30 };
    const ended = [
      card('Finished', signups.finished, null),
      card('Cancelled', signups.cancelled, '#recent-signups', signups.cancelled > 0 ? 'lag' : ''),
      card('Failed', signups.failed, '#recent-signups', signups.failed > 0 ? 'lag' : ''),
    ];
    const lag = [
      card('Events waiting', events.pending, null, events.pending > 0 ? 'lag' : ''),
      card('Oldest waiting (s)', events.oldest_pending_seconds, null, events.oldest_pending_seconds > 60 ? 'lag' : ''),
    ];
    return [
      h('ul', { class: 'cards', 'aria-label': 'Configurations' }, cards),
      h('h3', { class: 'cards-title' }, 'Health'),
      h('ul', { class: 'cards', 'aria-label': 'Health' }, health),
      h('h3', { class: 'cards-title' }, `Signups, last ${signups.days} days`),
      h('ul', { class: 'cards', 'aria-label': 'Signups' }, ended),
      h('h3', { class: 'cards-title' }, 'Events for the platform'),
      h('ul', { class: 'cards', 'aria-label': 'Events for the platform' }, lag),
    ];
  }, { prefix: 'Statistics are not available: ', alert: true });
}

function card(label, count, href, kind = '') {
  const content = [h('span', { class: 'count' }, Number(count).toLocaleString()), h('span', { class: 'label' }, label)];
  return h('li', { class: `card stat ${kind}` }, href ? h('a', { href }, content) : h('div', {}, content));
}

function filterForm(params) {
  const field = (id, label, control, help) => h('div', { class: 'field' },
    h('label', { for: id }, label), control, help ? h('small', { id: `${id}-help` }, help) : null);
  const text = (name, attrs = {}) => h('input', {
    id: `filter-${name}`, name, value: params.get(name) || '', autocomplete: 'off', spellcheck: 'false', ...attrs,
  });
  const select = (name, options, anyLabel) => {
    const current = params.get(name) || '';
    return h('select', { id: `filter-${name}`, name },
      h('option', { value: '' }, anyLabel),
      options.map(([v, label]) => h('option', { value: v, selected: v === current }, label)));
  };
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter tenants' },
    field('filter-q', 'Tenant id starts with', text('q', { type: 'search', maxlength: 100 })),
    field('filter-is_active', 'State', select('is_active', [['true', 'Active'], ['false', 'Inactive']], 'Any')),
    field('filter-onboarding_status', 'Onboarding', select('onboarding_status', ONBOARDING.map((s) => [s, s]), 'Any')),
    field('filter-health', 'Health', select('health', HEALTH.map((s) => [s, s]), 'Any')),
    field('filter-waba_id', 'WhatsApp Business Account id', text('waba_id', { inputmode: 'numeric', maxlength: 32 })),
    field('filter-phone_number_id', 'Phone number id', text('phone_number_id', { inputmode: 'numeric', maxlength: 32 })),
    h('div', { class: 'buttons' },
      h('button', { type: 'submit', class: 'primary' }, 'Apply filters'),
      h('a', { href: '#/', class: 'button quiet' }, 'Clear')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const name of FILTERS) {
      const v = form.elements[name].value.trim();
      if (v) next.set(name, v);
    }
    location.hash = `#/?${next}`;
  });
  return form;
}

async function loadPage(section, params) {
  const query = { limit: PAGE_SIZE, after: params.get('after') };
  for (const name of FILTERS) query[name] = params.get(name);
  await loadInto(section, async () => {
    const { body } = await call(url('/tenant/admin/configs/all', query));
    const filtered = FILTERS.some((name) => params.get(name));
    const summary = h('p', { class: 'summary', id: 'results-summary' },
      `${Number(body.total).toLocaleString()} ${body.total === 1 ? 'tenant' : 'tenants'}`
      + (filtered ? ` ${body.total === 1 ? 'matches' : 'match'} these filters` : ''));
    if (body.configs.length === 0) {
      return [summary, h('p', { class: 'empty' },
        filtered ? 'No tenant matches these filters.' : 'No tenant has a configuration yet.')];
    }
    return [summary, table(body.configs), pager(params, body.next)];
  }, { alert: true });
}

function table(configs) {
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Tenants, scrollable' },
    h('table', { id: 'tenants' },
      h('thead', {}, h('tr', {},
        ['Tenant', 'State', 'Onboarding', 'WhatsApp Business Account', 'Default number', 'Updated']
          .map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, configs.map((c) => h('tr', {},
        h('th', { scope: 'row' }, h('a', { href: `#/tenants/${segment(c.tenant_id)}` }, c.tenant_id)),
        h('td', {}, activeBadge(c.is_active)),
        h('td', {}, c.onboarding_status),
        h('td', {}, value(c.waba_id)),
        h('td', {}, value(c.display_phone_number || c.phone_number_id)),
        h('td', {}, moment(c.updated_at)))))));
}

function pager(params, next) {
  const back = (params.get('back') || '').split(',').filter((v) => v !== '');
  const here = params.get('after') || '';
  const link = (label, changes, rel) => {
    const p = new URLSearchParams(params);
    for (const [name, v] of Object.entries(changes)) {
      if (v) p.set(name, v); else p.delete(name);
    }
    return h('a', { href: `#/?${p}`, class: 'button', rel }, label);
  };
  const items = [];
  if (here) {
    items.push(link('First page', { after: '', back: '' }, 'first'));
    const previous = back.slice(0, -1);
    items.push(link('Previous page', { after: back[back.length - 1] === '0' ? '' : back[back.length - 1], back: previous.join(',') }, 'prev'));
  }
  if (next) {
    items.push(link('Next page', { after: next, back: [...back, here || '0'].join(',') }, 'next'));
  }
  return h('nav', { class: 'pager', 'aria-label': 'Pages' }, items);
}
