// Small helpers that keep every value out of HTML: text goes in with textContent, never innerHTML.

export const byId = (id) => document.getElementById(id);

export function show(id, visible = true) {
  byId(id).hidden = !visible;
}

export function setText(id, value) {
  byId(id).textContent = value === null || value === undefined || value === '' ? '—' : String(value);
}

export function cell(row, value, className) {
  const td = document.createElement('td');
  td.textContent = value === null || value === undefined ? '' : String(value);
  if (className) {
    td.className = className;
  }
  row.appendChild(td);
  return td;
}

export function render(templateId) {
  const main = byId('main');
  main.replaceChildren(byId(templateId).content.cloneNode(true));
  return main;
}

export function when(iso) {
  return iso ? new Date(iso).toLocaleString() : '—';
}

export function showError(id, error) {
  const element = byId(id);
  element.textContent = error ? error.message : '';
  element.hidden = !error;
}

/** Asks before an action that cannot be undone; resolves true when confirmed. */
export function confirmAction(title, text, action) {
  const dialog = byId('confirm');
  byId('confirm-title').textContent = title;
  byId('confirm-text').textContent = text;
  byId('confirm-ok').textContent = action;
  return new Promise((resolve) => {
    const done = (answer) => {
      dialog.close();
      byId('confirm-ok').onclick = null;
      byId('confirm-cancel').onclick = null;
      resolve(answer);
    };
    byId('confirm-ok').onclick = () => done(true);
    byId('confirm-cancel').onclick = () => done(false);
    dialog.showModal();
  });
}

/** Copy buttons: data-copy names the read-only field whose value they copy. */
export function wireCopyButtons(root) {
  root.querySelectorAll('button[data-copy]').forEach((button) => {
    button.addEventListener('click', async () => {
      const field = byId(button.dataset.copy);
      field.select();
      try {
        await navigator.clipboard.writeText(field.value);
      } catch (e) {
        document.execCommand('copy');
      }
      button.textContent = 'Copied';
      setTimeout(() => { button.textContent = 'Copy'; }, 2000);
    });
  });
}
