// The company admin's console: sign-in, companies (operator), and a company's integration page.
// Plain ES modules served from the service's jar; every value is rendered with textContent.

import { ApiError, call, session, tenants } from './api.js';
import {
  byId, cell, confirmAction, render, setText, show, showError, when, wireCopyButtons,
} from './dom.js';

const PAGE_SIZE = 20;
let me = null;

async function route() {
  if (!session.token()) {
    return signInPage();
  }
  try {
    me = me || await call('GET', '/session');
  } catch (error) {
    session.forget();
    me = null;
    return signInPage(error instanceof ApiError && error.status === 401
      ? new Error('This token is not valid (unknown, replaced or revoked).') : error);
  }
  byId('who').textContent = me.role === 'operator' ? 'Javelo operator' : `Admin of ${me.tenantName || me.tenantId}`;
  show('sign-out');
  const match = /^#\/company\/([^/]+)$/.exec(window.location.hash);
  if (me.role !== 'operator') {
    return companyPage(me.tenantId);
  }
  return match ? companyPage(decodeURIComponent(match[1])) : companiesPage();
}

function signInPage(error) {
  byId('who').textContent = '';
  show('sign-out', false);
  render('sign-in-page');
  showError('sign-in-error', error);
  byId('sign-in-form').addEventListener('submit', (event) => {
    event.preventDefault();
    session.remember(byId('token-input').value.trim());
    me = null;
    route();
  });
  byId('token-input').focus();
}

async function companiesPage() {
  render('companies-page');
  document.title = 'Companies · Javelo';
  const { tenants: companies } = await call('GET', '/tenants');
  const rows = byId('company-rows');
  companies.forEach((company) => {
    const row = document.createElement('tr');
    const link = document.createElement('a');
    link.href = `#/company/${encodeURIComponent(company.id)}`;
    link.textContent = company.name;
    cell(row, '').appendChild(link);
    cell(row, company.id, 'mono');
    cell(row, when(company.created));
    rows.appendChild(row);
  });
  show('no-companies', companies.length === 0);
  byId('create-company-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const created = await call('POST', '/tenants', { name: byId('company-name').value });
      window.location.hash = `#/company/${encodeURIComponent(created.id)}`;
    } catch (error) {
      showError('create-company-error', error);
    }
  });
}

async function companyPage(id) {
  render('company-page');
  const base = tenants(id);
  const operator = me.role === 'operator';
  show('back', operator);
  show('console-token-card', operator);
  wireCopyButtons(byId('main'));
  const activity = { errorsOnly: false, cursors: [null], next: null };

  async function loadStatus() {
    const status = await call('GET', base);
    document.title = `${status.name} · Javelo`;
    byId('company-name-title').textContent = status.name;
    byId('company-id').textContent = status.id;
    byId('scim-base-url').value = status.scimBaseUrl;
    const token = status.scimToken;
    const state = byId('integration-state');
    state.textContent = token.active ? 'Active' : 'Not activated';
    state.className = token.active ? 'badge ok' : 'badge off';
    setText('token-issued', token.active ? when(token.issuedAt) : null);
    setText('token-last-used', token.lastUsedAt ? when(token.lastUsedAt) : (token.active ? 'never' : null));
    setText('token-last-client', token.lastClient
      ? `${token.lastClient}${token.lastUserAgent ? ` (${token.lastUserAgent})` : ''}` : null);
    show('activate', !token.active);
    show('regenerate', token.active);
    show('deactivate', token.active);
    setText('fig-active', status.users.active);
    setText('fig-deactivated', status.users.deactivated);
    setText('fig-groups', status.groups);
    setText('fig-pending', status.pendingManagerReferences);
    setText('fig-reads', status.activityLog.successfulReadsLast24h);
    setText('fig-dropped', status.activityLog.droppedEntries);
    if (operator) {
      const consoleState = byId('console-token-state');
      consoleState.textContent = status.consoleTokenActive ? 'Issued' : 'None';
      consoleState.className = status.consoleTokenActive ? 'badge ok' : 'badge off';
      show('revoke-console-token', status.consoleTokenActive);
    }
  }

  async function loadActivity() {
    const cursor = activity.cursors[activity.cursors.length - 1];
    const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (activity.errorsOnly) {
      query.set('errors', 'true');
    }
    if (cursor) {
      query.set('before', cursor);
    }
    const page = await call('GET', `${base}/activity?${query}`);
    const rows = byId('activity-rows');
    rows.replaceChildren();
    page.entries.forEach((entry) => {
      const row = document.createElement('tr');
      row.className = entry.status >= 400 ? 'failed' : '';
      cell(row, when(entry.at));
      cell(row, entry.client || '').title = entry.userAgent || '';
      cell(row, `${entry.method} ${entry.resourceType || ''}`);
      const resource = cell(row, entry.resourceName || '');
      if (entry.resourceId) {
        const id = document.createElement('div');
        id.className = 'mono muted';
        id.textContent = entry.resourceId;
        resource.appendChild(id);
      }
      cell(row, `${entry.status}${entry.scimType ? ` ${entry.scimType}` : ''}`, entry.status >= 400 ? 'bad' : 'good');
      cell(row, entry.detail || '', 'detail');
      cell(row, entry.durationMs, 'num');
      rows.appendChild(row);
    });
    show('no-activity', page.entries.length === 0);
    activity.next = page.nextCursor;
    byId('older').disabled = !page.nextCursor;
    byId('newer').disabled = activity.cursors.length === 1;
  }

  async function loadPending() {
    const { pending } = await call('GET', `${base}/pending-managers`);
    const rows = byId('pending-rows');
    rows.replaceChildren();
    pending.forEach((person) => {
      const row = document.createElement('tr');
      cell(row, person.userName);
      cell(row, person.managerReference);
      rows.appendChild(row);
    });
    show('no-pending', pending.length === 0);
  }

  function revealToken(token) {
    show('test-result', false);
    byId('new-token').value = token;
    show('token-panel');
    byId('new-token').select();
  }

  async function guarded(action) {
    showError('integration-error', null);
    try {
      await action();
    } catch (error) {
      showError('integration-error', error);
    }
  }

  byId('activate').addEventListener('click', () => guarded(async () => {
    revealToken((await call('POST', `${base}/scim-token`)).token);
    await loadStatus();
  }));
  byId('regenerate').addEventListener('click', () => guarded(async () => {
    const sure = await confirmAction('Regenerate the API token?',
      'The current token stops working at once: provisioning from Okta fails until you paste the new token in Okta.',
      'Regenerate');
    if (sure) {
      revealToken((await call('POST', `${base}/scim-token`)).token);
      await loadStatus();
    }
  }));
  byId('deactivate').addEventListener('click', () => guarded(async () => {
    const sure = await confirmAction('Deactivate the integration?',
      'The token stops working at once and Okta can no longer provision anyone. Users already provisioned stay.',
      'Deactivate');
    if (sure) {
      await call('DELETE', `${base}/scim-token`);
      show('token-panel', false);
      show('test-result', false);
      await loadStatus();
    }
  }));
  byId('hide-token').addEventListener('click', () => {
    byId('new-token').value = '';
    show('token-panel', false);
  });
  byId('test-connection').addEventListener('click', () => guarded(async () => {
    const result = await call('POST', `${base}/test-connection`);
    const list = byId('test-checks');
    list.replaceChildren();
    result.checks.forEach((check) => {
      const item = document.createElement('li');
      item.className = check.ok ? 'good' : 'bad';
      const total = check.totalResults === undefined ? '' : `, ${check.totalResults} result(s)`;
      item.textContent = `${check.ok ? '✔' : '✘'} ${check.client} ${check.name} — ${check.request}: `
        + `HTTP ${check.status}${total}. ${check.detail}`;
      list.appendChild(item);
    });
    show('test-result');
    await loadStatus();
  }));
  byId('errors-only').addEventListener('change', (event) => {
    activity.errorsOnly = event.target.checked;
    activity.cursors = [null];
    guarded(loadActivity);
  });
  byId('older').addEventListener('click', () => {
    activity.cursors.push(activity.next);
    guarded(loadActivity);
  });
  byId('newer').addEventListener('click', () => {
    activity.cursors.pop();
    guarded(loadActivity);
  });
  byId('refresh-activity').addEventListener('click', () => guarded(async () => {
    await loadStatus();
    await loadActivity();
  }));
  if (operator) {
    byId('issue-console-token').addEventListener('click', () => guarded(async () => {
      byId('new-console-token').value = (await call('POST', `${base}/console-token`)).token;
      show('console-token-panel');
      await loadStatus();
    }));
    byId('revoke-console-token').addEventListener('click', () => guarded(async () => {
      if (await confirmAction('Revoke the console token?', 'The company admin is signed out at once.', 'Revoke')) {
        await call('DELETE', `${base}/console-token`);
        show('console-token-panel', false);
        await loadStatus();
      }
    }));
  }
  try {
    await loadStatus();
  } catch (error) {
    byId('main').replaceChildren();
    const message = document.createElement('p');
    message.className = 'error';
    message.textContent = error.message;
    byId('main').appendChild(message);
    return;
  }
  await Promise.all([loadActivity(), loadPending()]).catch((error) => showError('integration-error', error));
}

byId('sign-out').addEventListener('click', () => {
  session.forget();
  me = null;
  window.location.hash = '#/';
  route();
});
window.addEventListener('hashchange', () => route());
route();
