import { api, esc, signOut } from './api.js';
import { dashboard } from './dashboard.js';
import { search } from './search.js';
import { sources } from './sources.js';
import { alerts } from './alerts.js';

const PAGES = { dashboard, search, sources, alerts };
export const session = { me: null };

async function route() {
  const [, name = 'dashboard', rest = ''] = location.hash.match(/^#\/([a-z]+)\/?(.*)$/) || [];
  const page = PAGES[name] ? name : 'dashboard';
  document.querySelectorAll('header nav a').forEach((a) => a.classList.toggle('active', a.dataset.page === page));
  const main = document.getElementById('page');
  delete main.dataset.ready; // each page sets it when it has drawn (the browser tests wait on it)
  main.dataset.page = page;
  try {
    await PAGES[page](main, new URLSearchParams(rest), session);
  } catch (e) {
    main.innerHTML = '<p class="error">' + esc(e.message) + '</p>';
  }
}

async function health() {
  try {
    const res = await fetch('/actuator/health', { headers: { Accept: 'application/json' } });
    const h = await res.json();
    document.getElementById('health').innerHTML = '<span class="' + esc(h.status) + '">' + esc(h.status) + '</span>';
  } catch {
    document.getElementById('health').textContent = 'no answer';
  }
}

async function start() {
  session.me = await api('/api/me');
  document.getElementById('me').textContent = session.me.username + ' (' + session.me.role.toLowerCase() + ')';
  document.getElementById('signout').addEventListener('click', signOut);
  window.addEventListener('hashchange', route);
  health();
  setInterval(health, 15000);
  await route();
}

start();
