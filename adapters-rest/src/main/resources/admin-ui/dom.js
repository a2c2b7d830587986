// Builds elements from data without ever parsing it as HTML: every text goes in as a text node.

/** h('a', {href: '#/'}, 'text', child...) — attributes set with setAttribute, booleans as presence. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces everything inside element with children. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** A moment as the admin's locale shows it, with the ISO value kept in a <time>. */
export function moment(iso) {
  if (!iso) return h('span', { class: 'none' }, '—');
  const date = new Date(iso);
  return h('time', { datetime: iso, title: iso }, isNaN(date) ? iso : date.toLocaleString());
}

/** A value, or a dash for none. */
export function value(text) {
  return text === null || text === undefined || text === '' ? h('span', { class: 'none' }, '—') : String(text);
}

/** A small coloured label: kind picks the colour (ok, warn, bad, muted). */
export function badge(text, kind) {
  return h('span', { class: `badge ${kind}` }, text);
}

const HEALTH_KINDS = {
  HEALTHY: 'ok', EXPIRING: 'warn', RESTRICTED: 'warn', UNKNOWN: 'muted',
};

export function healthBadge(state) {
  return badge(state, HEALTH_KINDS[state] || 'bad');
}

export function activeBadge(active) {
  return active ? badge('Active', 'ok') : badge('Inactive', 'muted');
}

/**
 * What Meta reported of a signup at its end (its PARTNER_APP_INSTALLED for an account the session
 * named, while no tenant held it): support reads "Meta finished it; we failed at step X".
 */
export function metaInstalls(installs) {
  if (!installs || installs.length === 0) return value(null);
  return h('span', { class: 'meta-installs' }, installs.map((i) => h('span', { class: 'meta-install' },
    badge('Finished at Meta', 'warn'), ` account ${i.waba_id}`,
    i.owner_business_id ? `, business ${i.owner_business_id}` : '', ', ', moment(i.received_at))));
}
