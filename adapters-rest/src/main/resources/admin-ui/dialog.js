// Confirmation before any change, in the page's one <dialog>: Escape or Cancel answer false.
// With `typed`, the confirm button stays disabled until that exact text is typed.

const dialog = () => document.getElementById('confirm');

export function confirmAction({ title, message, action, typed, danger }) {
  const element = dialog();
  const ok = document.getElementById('confirm-ok');
  const input = document.getElementById('confirm-input');
  const typedBox = document.getElementById('confirm-typed');
  document.getElementById('confirm-title').textContent = title;
  document.getElementById('confirm-message').textContent = message;
  ok.textContent = action;
  ok.className = danger ? 'danger' : 'primary';
  typedBox.hidden = !typed;
  input.value = '';
  if (typed) {
    document.getElementById('confirm-input-label').textContent = `Type ${typed} to confirm`;
    ok.disabled = true;
    input.oninput = () => { ok.disabled = input.value !== typed; };
  } else {
    ok.disabled = false;
    input.oninput = null;
  }
  return new Promise((resolve) => {
    const cancel = document.getElementById('confirm-cancel');
    cancel.onclick = () => element.close('cancel');
    element.returnValue = 'cancel';
    element.addEventListener('close', () => resolve(element.returnValue === 'ok'), { once: true });
    element.showModal();
    (typed ? input : cancel).focus();
  });
}
