// The one message line above the page, and what to do with an error an action ran into.

import { SignedOut } from './api.js';

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
