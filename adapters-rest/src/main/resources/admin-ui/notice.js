// The one message line above the page, and what to do with an error an action ran into.

import { SignedOut } from './api.js';
import { h, fill } from './dom.js';

let onSignedOut = () => {};

/** app.js says how to go back to the token prompt. */
export function whenSignedOut(handler) {
  onSignedOut = handler;
}

/** A message above the page: kind is info, ok, warn or error. Warnings and errors are announced at once. */
export function notify(text, kind = 'info') {
  const notice = document.getElementById('notice');
  notice.hidden = !text;
  notice.className = `notice ${kind}`;
  notice.setAttribute('role', kind === 'error' || kind === 'warn' ? 'alert' : 'status');
  notice.textContent = text || '';
}

/** A refused token leads back to the prompt; anything else is shown with the API's detail. */
export function handle(error) {
  if (error instanceof SignedOut) {
    onSignedOut(error.message);
  } else {
    notify(error.message, 'error');
  }
}

let carried = null;

/** A message for the next page drawn (after an action that navigates away). */
export function carry(text, kind = 'ok') {
  carried = { text, kind };
}

/** A new page: shows the carried message, or clears the one of the page before. */
export function freshPage() {
  if (carried) {
    notify(carried.text, carried.kind);
    carried = null;
  } else {
    notify('');
  }
}

/**
 * Fills a section that is loading (its heading, the first child, stays): `lead` and then what
 * `work` answers, or, when it fails, `lead` and the error (`prefix` before the API's detail). A
 * refused token is not shown here: it goes up, back to the token prompt.
 */
export async function loadInto(section, work, { lead = [], prefix = '', alert = false } = {}) {
  const title = section.firstChild;
  try {
    fill(section, title, lead, await work());
  } catch (e) {
    if (e instanceof SignedOut) throw e;
    fill(section, title, lead, h('p', { class: 'error', role: alert ? 'alert' : null }, prefix + e.message));
  } finally {
    section.removeAttribute('aria-busy');
  }
}
