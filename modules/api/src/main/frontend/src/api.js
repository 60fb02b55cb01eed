// Talking to the API: the session cookie signs requests in; writes carry the CSRF token that the
// server puts in the XSRF-TOKEN cookie (Spring Security), sent back as X-XSRF-TOKEN.

export class ApiError extends Error {
  constructor(status, body) {
    super((body && (body.detail || body.message || body.title)) || 'HTTP ' + status);
    this.status = status;
    this.body = body;
  }
}

function csrf() {
  const m = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return m ? decodeURIComponent(m[1]) : '';
}

export async function api(path, { method = 'GET', body, params } = {}) {
  let url = path;
  if (params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) {
      for (const one of Array.isArray(v) ? v : [v]) {
        if (one !== undefined && one !== null && one !== '') q.append(k, one);
      }
    }
    const s = q.toString();
    if (s) url += (url.includes('?') ? '&' : '?') + s;
  }
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') headers['X-XSRF-TOKEN'] = csrf();
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  if (res.status === 401) {
    location.href = '/login';
    throw new ApiError(401, { detail: 'Signed out' });
  }
  const text = await res.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = { detail: text }; }
  if (!res.ok) throw new ApiError(res.status, json);
  return json;
}

export async function signOut() {
  await fetch('/logout', { method: 'POST', headers: { 'X-XSRF-TOKEN': csrf() }, credentials: 'same-origin' });
  location.href = '/login?logout';
}

const ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (s) => (s === null || s === undefined ? '' : String(s).replace(/[&<>"']/g, (c) => ESC[c]));

// Highlights come as text with <em> around matches: escape everything, then allow <em> back.
export const highlight = (s) => esc(s).replace(/&lt;(\/?)em&gt;/g, '<$1em>');

export const day = (t) => (t ? String(t).slice(0, 10) : '');
export const when = (t) => (t ? String(t).replace('T', ' ').slice(0, 16) : '');

export function h(html) {
  const t = document.createElement('template');
  t.innerHTML = html.trim();
  return t.content;
}
