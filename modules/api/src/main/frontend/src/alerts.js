import { api, esc, when } from './api.js';

// The alerts API (/api/alerts) comes with the alerting work; without it this page says so.
export async function alerts(main, params, session) {
  main.innerHTML = '<h1>Alerts</h1><div id="alerts-body"><p class="muted">Loading…</p></div>';
  const body = main.querySelector('#alerts-body');
  let list;
  try {
    list = await api('/api/alerts', { params: { owner: session.me.role === 'ADMIN' ? '' : session.me.username } });
  } catch (e) {
    if (e.status === 404 || e.status === 405) {
      body.innerHTML = '<p class="notice" id="alerts-missing">Alerts are not available on this server yet: it has no alerts API'
        + ' (<code>/api/alerts</code>). Searches and dashboards work without it.</p>';
    } else {
      body.innerHTML = '<p class="error">' + esc(e.message) + '</p>';
    }
    main.dataset.ready = 'true';
    return;
  }
  const canEdit = session.me.role !== 'VIEWER';
  body.innerHTML = `${canEdit ? `<form class="card" id="new-alert"><h3>New alert</h3>
      <p><input name="name" placeholder="name"> <input name="query" class="query" required placeholder='"organ harvesting"'>
      <input name="email" placeholder="email (optional)" type="email"></p>
      <button type="button" id="preview">Preview</button> <button type="submit">Create</button> <span class="out"></span>
      <div id="preview-out"></div></form>` : ''}
    <table id="alert-list"><thead><tr><th>Alert</th><th>Query</th><th>Owner</th><th>State</th><th></th></tr></thead><tbody></tbody></table>
    <div id="history"></div>`;
  render(main, list, canEdit, session);
  if (canEdit) {
    const f = main.querySelector('#new-alert');
    main.querySelector('#preview').addEventListener('click', async () => {
      const out = main.querySelector('#preview-out');
      try {
        const r = await api('/api/alerts/preview', { params: { q: new FormData(f).get('query') } });
        out.innerHTML = `<p class="muted">${r.total} articles would have matched, e.g.:</p>`
          + (r.articles || []).slice(0, 5).map((a) => `<div>${esc(a.title)} <span class="muted">${esc(a.outlet)}</span></div>`).join('');
      } catch (e) { out.innerHTML = '<span class="error">' + esc(e.message) + '</span>'; }
    });
    f.addEventListener('submit', async (e) => {
      e.preventDefault();
      const d = Object.fromEntries(new FormData(f));
      const request = { owner: session.me.username, name: d.name, query: d.query, feed: true };
      if (d.email) request.email = { to: [d.email] };
      try {
        await api('/api/alerts', { method: 'POST', body: request });
        f.querySelector('.out').textContent = 'Created.';
        render(main, await api('/api/alerts', { params: { owner: session.me.role === 'ADMIN' ? '' : session.me.username } }), canEdit, session);
      } catch (err) { f.querySelector('.out').innerHTML = '<span class="error">' + esc(err.message) + '</span>'; }
    });
  }
  main.dataset.ready = 'true';
}

function render(main, list, canEdit, session) {
  main.querySelector('#alert-list tbody').innerHTML = list.map((a) => `<tr data-id="${esc(a.id)}">
    <td>${esc(a.name)}</td><td><code>${esc(a.query)}</code></td><td>${esc(a.owner)}</td>
    <td>${a.muted ? 'muted' : 'active'}</td>
    <td><button type="button" class="history">History</button>
      ${canEdit && (a.owner === session.me.username || session.me.role === 'ADMIN') ? `<button type="button" class="mute">${a.muted ? 'Unmute' : 'Mute'}</button>
      <button type="button" class="edit">Edit query</button>` : ''}</td></tr>`).join('')
    || '<tr><td colspan="5" class="muted">No alerts yet.</td></tr>';
  main.querySelectorAll('#alert-list tr[data-id]').forEach((row) => {
    const alert = list.find((a) => a.id === row.dataset.id);
    row.querySelector('.history').addEventListener('click', () => history(main, alert));
    const put = async (change) => {
      const d = alert.delivery || {};
      await api('/api/alerts/' + encodeURIComponent(alert.id), {
        method: 'PUT',
        body: { owner: alert.owner, name: alert.name, query: alert.query, filters: alert.filters, email: d.email,
          webhook: d.webhook, feed: !!d.feed, muted: alert.muted, snoozedUntil: alert.snoozedUntil, ...change },
      });
      render(main, await api('/api/alerts'), canEdit, session);
    };
    const mute = row.querySelector('.mute');
    if (mute) mute.addEventListener('click', () => put({ muted: !alert.muted }).catch((e) => window.alert(e.message)));
    const edit = row.querySelector('.edit');
    if (edit) edit.addEventListener('click', () => {
      const q = window.prompt('Query', alert.query);
      if (q) put({ query: q }).catch((e) => window.alert(e.message));
    });
  });
}

async function history(main, alert) {
  const box = main.querySelector('#history');
  try {
    const d = await api('/api/alerts/' + encodeURIComponent(alert.id) + '/deliveries');
    box.innerHTML = `<h3>Deliveries of ${esc(alert.name)}</h3><table>${d.map((x) => `<tr><td>${esc(when(x.at))}</td><td>${esc(x.kind)}</td>
      <td>${esc(x.channel)}</td><td>${esc(x.article ? x.article.title : '')}</td><td>${esc(x.detail || '')}</td></tr>`).join('')
      || '<tr><td class="muted">nothing delivered yet</td></tr>'}</table>`;
  } catch (e) { box.innerHTML = '<p class="error">' + esc(e.message) + '</p>'; }
}
