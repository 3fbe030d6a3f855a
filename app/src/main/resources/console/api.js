// The admin API as the console calls it: the token from this tab's session storage, sent only as
// a bearer header (never in a URL or a cookie), JSON both ways, errors as ApiError with the
// service's own detail.

const TOKEN_KEY = 'javelo.console.token';

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail || `HTTP ${status}`);
    this.status = status;
  }
}

export const session = {
  token: () => sessionStorage.getItem(TOKEN_KEY),
  remember: (token) => sessionStorage.setItem(TOKEN_KEY, token),
  forget: () => sessionStorage.removeItem(TOKEN_KEY),
};

export async function call(method, path, body) {
  const headers = { Accept: 'application/json', Authorization: `Bearer ${session.token()}` };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(`/admin/v1${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new ApiError(response.status, json && json.detail);
  }
  return json;
}

export const tenants = (id) => `/tenants/${encodeURIComponent(id)}`;
