// Every call the dashboard makes: same origin, the admin token from session storage in the
// Authorization header (never in a URL), JSON back. Errors carry the API's own `detail`.

const TOKEN_KEY = 'tenant-config.admin-token';
const BASE = '/api/v1';

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

/** Thrown when the token is missing, expired or refused: the app goes back to the token prompt. */
export class SignedOut extends Error {}

export const token = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (value) => sessionStorage.setItem(TOKEN_KEY, value),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

/** path below /api/v1, with query parameters left out when empty. */
export function url(path, query = {}) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, value);
  }
  const search = params.toString();
  return BASE + path + (search ? `?${search}` : '');
}

/** A tenant id as one path segment. */
export function segment(tenantId) {
  return encodeURIComponent(tenantId);
}

/**
 * Calls the API. Answers {body, version}; version is the ETag's number when there is one.
 * options: method, ifMatch (a version number), bearer (a token to use instead of the stored one).
 */
export async function call(path, options = {}) {
  const bearer = options.bearer || token.get();
  if (!bearer) throw new SignedOut('Paste an admin token to continue.');
  const headers = { Accept: 'application/json', Authorization: `Bearer ${bearer}` };
  if (options.ifMatch) headers['If-Match'] = `"${options.ifMatch}"`;
  let response;
  try {
    response = await fetch(path, {
      method: options.method || 'GET',
      headers,
      cache: 'no-store',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    });
  } catch (e) {
    throw new ApiError(0, 'The service cannot be reached. Check your connection and try again.');
  }
  const body = await readJson(response);
  if (response.status === 401) {
    throw new SignedOut(`The token was refused: ${detailOf(body, response)}`);
  }
  if (!response.ok) {
    throw new ApiError(response.status, detailOf(body, response));
  }
  const etag = response.headers.get('ETag');
  return { body, version: etag ? Number(etag.replaceAll('"', '')) : null };
}

async function readJson(response) {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch (e) {
    return null;
  }
}

function detailOf(body, response) {
  if (body && typeof body.detail === 'string' && body.detail) return body.detail;
  if (body && typeof body.message === 'string' && body.message) return body.message;
  return `The service answered HTTP ${response.status}.`;
}
