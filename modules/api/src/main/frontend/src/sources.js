import { api, esc, when } from './api.js';

export async function sources(main, params, session) {
  const canEdit = session.me && session.me.role !== 'VIEWER';
  main.innerHTML = `<h1>Sources</h1>
    ${canEdit ? `<div class="grid">
      <form class="card" id="add-feed"><h3>Add a feed</h3>
        <p><input name="url" required placeholder="https://example.org/feed.xml" size="40"></p>
        <p><input name="name" placeholder="name"> <input name="country" placeholder="country (GB)" size="8"> <input name="language" placeholder="language (en)" size="8"></p>
        <button type="submit">Add</button> <span class="out"></span></form>
      <form class="card" id="discover"><h3>Find the feeds of a site</h3>
        <p><input name="site" required placeholder="https://example.org" size="40"></p>
        <button type="submit">Discover</button> <div class="out"></div></form>
    </div>` : '<p class="muted">Viewers see the sources; analysts and admins can add them.</p>'}
    <table id="feeds"><thead><tr><th>Feed</th><th>Health</th><th>Last success</th><th>Last error</th><th>Articles/day</th></tr></thead><tbody></tbody></table>`;
  if (canEdit) {
    const add = main.querySelector('#add-feed');
    add.addEventListener('submit', async (e) => {
      e.preventDefault();
      const f = Object.fromEntries(new FormData(add));
      try {
        const feed = await api('/api/feeds', { method: 'POST', body: f });
        add.querySelector('.out').textContent = 'Added ' + feed.id;
        await list(main);
      } catch (err) {
        add.querySelector('.out').innerHTML = '<span class="error">' + esc(err.message) + '</span>';
      }
    });
    const disc = main.querySelector('#discover');
    disc.addEventListener('submit', async (e) => {
      e.preventDefault();
      const out = disc.querySelector('.out');
      out.textContent = 'Looking…';
      try {
        const d = await api('/api/feeds/discover', { params: { site: new FormData(disc).get('site') } });
        out.innerHTML = d.feeds.length
          ? d.feeds.map((f) => `<div>${esc(f.title || f.url)} <span class="muted">${esc(f.format)}, ${f.entries} entries</span>
              <button type="button" data-url="${esc(f.url)}" data-title="${esc(f.title || '')}">Add</button></div>`).join('')
          : '<span class="error">' + esc(d.problem || 'no feed found') + '</span>';
        out.querySelectorAll('[data-url]').forEach((b) => b.addEventListener('click', async () => {
          try {
            await api('/api/feeds', { method: 'POST', body: { url: b.dataset.url, name: b.dataset.title } });
            b.replaceWith(document.createTextNode('added'));
            await list(main);
          } catch (err) { b.insertAdjacentHTML('afterend', ' <span class="error">' + esc(err.message) + '</span>'); }
        }));
      } catch (err) {
        out.innerHTML = '<span class="error">' + esc(err.message) + '</span>';
      }
    });
  }
  await list(main);
  main.dataset.ready = 'true';
}

async function list(main) {
  const feeds = await api('/api/feeds');
  main.querySelector('#feeds tbody').innerHTML = feeds.map((f) => `<tr>
    <td><strong>${esc(f.feed.name)}</strong><div class="muted">${esc(f.feed.url)}</div></td>
    <td class="${esc(f.health)}">${esc(f.health)}${f.consecutiveErrors ? ' (' + f.consecutiveErrors + ' errors)' : ''}</td>
    <td>${esc(when(f.lastSuccess)) || '<span class="muted">never</span>'}</td>
    <td>${esc(f.lastError || '')}</td><td>${f.articlesPerDay}</td></tr>`).join('')
    || '<tr><td colspan="5" class="muted">No feeds yet.</td></tr>';
}
