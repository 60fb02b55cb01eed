import { api, esc, highlight, day } from './api.js';

const FACET_PARAMS = { language: 'lang', outlet: 'source', countries: 'country', topics: 'topic', themes: 'theme' };
const FACET_NAMES = { language: 'Language', outlet: 'Outlet', countries: 'Countries mentioned', topics: 'Topic', themes: 'Theme' };
const KEEP = ['q', 'lang', 'source', 'country', 'topic', 'theme', 'story', 'from', 'to', 'sort'];

const HELP = `<details class="help"><summary>Query syntax</summary>
  <p>Lucene syntax over headline and text, in every language. Words are ANDed:
  <code>organ harvesting</code>; <code>OR</code>, <code>NOT</code>, <code>-word</code>;
  phrases <code>"forced organ harvesting"</code>, near each other <code>"organ harvesting"~5</code>;
  word endings <code>transplant*</code>; fields <code>outlet:"Harbour Daily"</code>, <code>language:zh</code>,
  <code>countries:CN</code>, <code>themes:detention</code>; Chinese as written: <code>器官</code>.
  A mistake is shown with its position.</p></details>`;

function link(params, change) {
  const p = new URLSearchParams();
  for (const k of KEEP) if (params.get(k)) p.set(k, params.get(k));
  for (const [k, v] of Object.entries(change)) if (v) p.set(k, v); else p.delete(k);
  return '#/search/' + p.toString();
}

export async function search(main, params, session) {
  main.innerHTML = `<h1>Search</h1>
    <form class="bar" id="search-form">
      <label>query <input type="search" name="q" class="query" value="${esc(params.get('q') || '')}" placeholder='e.g. "organ harvesting" OR 器官'></label>
      <label>from <input type="date" name="from" value="${esc(params.get('from') || '')}"></label>
      <label>to <input type="date" name="to" value="${esc(params.get('to') || '')}"></label>
      <label>sort <select name="sort"><option value="">best match</option><option value="newest">newest</option><option value="oldest">oldest</option></select></label>
      <button type="submit">Search</button>
    </form>${HELP}
    <div id="story"></div>
    <div class="layout"><aside id="facets" class="facet"></aside><section><p id="total" class="muted"></p><div id="hits"></div></section></div>`;
  main.querySelector('[name=sort]').value = params.get('sort') || '';
  const formEl = main.querySelector('#search-form');
  formEl.addEventListener('submit', (e) => {
    e.preventDefault();
    const f = new FormData(formEl);
    location.hash = link(params, { q: f.get('q').trim(), from: f.get('from'), to: f.get('to'), sort: f.get('sort'), story: '' });
  });
  if (params.get('story')) story(main, params.get('story'));
  let r;
  try {
    const p = {};
    for (const k of KEEP) if (params.get(k)) p[k] = params.get(k);
    r = await api('/api/articles', { params: p });
  } catch (e) {
    const b = e.body || {};
    main.querySelector('#total').innerHTML = `<span class="error">${esc(e.message)}${b.column ? ' (column ' + b.column + ')' : ''}</span>`;
    return;
  }
  main.querySelector('#total').textContent = `${r.total} articles${r.timedOut ? ' (partial: the search ran out of time)' : ''}`;
  facets(main, params, r.facets || {});
  const canJudge = session.me && session.me.role !== 'VIEWER';
  main.querySelector('#hits').innerHTML = r.articles.map((a) => hit(a, canJudge)).join('') || '<p class="muted">Nothing found.</p>';
  main.querySelectorAll('[data-story]').forEach((b) => b.addEventListener('click', () => {
    location.hash = link(params, { story: b.dataset.story });
  }));
  main.querySelectorAll('[data-judge]').forEach((b) => b.addEventListener('click', () => judge(b)));
  main.dataset.ready = 'true';
}

function hit(a, canJudge) {
  const title = a.highlights && a.highlights.title ? a.highlights.title[0] : esc(a.title || a.url);
  const text = a.highlights && a.highlights.text ? a.highlights.text.map((f) => highlight(f)).join(' … ') : esc(a.description || '');
  const topics = Object.keys(a.relevance || {});
  const topicChoice = topics.length ? topics : ['china-organ-harvesting'];
  return `<div class="hit" data-id="${esc(a.id)}">
    <h3><a href="${esc(a.url)}" target="_blank" rel="noopener noreferrer">${a.highlights && a.highlights.title ? highlight(title) : title}</a></h3>
    <div class="muted">${esc(a.outlet)} · ${esc(day(a.date))} · ${esc(a.language)} ${(a.topics || []).map((t) => '<span class="tag">' + esc(t) + '</span>').join('')}
      ${(a.themes || []).map((t) => '<span class="tag">' + esc(t) + '</span>').join('')}</div>
    <p class="frag">${text}</p>
    <button type="button" data-story="${esc(a.storyId)}">Story</button>
    ${canJudge ? `<select class="judge-topic">${topicChoice.map((t) => `<option>${esc(t)}</option>`).join('')}</select>
    <button type="button" data-judge="true" data-id="${esc(a.id)}">Relevant</button>
    <button type="button" data-judge="false" data-id="${esc(a.id)}">Not relevant</button>
    <span class="judged muted"></span>` : ''}
  </div>`;
}

async function judge(button) {
  const box = button.closest('.hit');
  const topic = box.querySelector('.judge-topic').value;
  const out = box.querySelector('.judged');
  try {
    await api('/api/articles/' + encodeURIComponent(button.dataset.id) + '/feedback', {
      method: 'POST', body: { topic, relevant: button.dataset.judge === 'true' },
    });
    out.textContent = 'Noted: ' + (button.dataset.judge === 'true' ? 'relevant' : 'not relevant') + ' to ' + topic;
  } catch (e) {
    out.innerHTML = '<span class="error">' + esc(e.message) + '</span>';
  }
}

function facets(main, params, f) {
  main.querySelector('#facets').innerHTML = Object.entries(FACET_NAMES).map(([field, name]) => {
    const values = f[field] || [];
    if (!values.length) return '';
    const param = FACET_PARAMS[field];
    const active = params.get(param);
    return `<h4>${name}</h4>` + (active ? `<a href="${link(params, { [param]: '' })}">✕ ${esc(active)}</a>` : '')
      + values.map((v) => `<a href="${link(params, { [param]: v.value })}">${esc(v.value)} <span class="muted">${v.count}</span></a>`).join('');
  }).join('');
}

async function story(main, id) {
  const box = main.querySelector('#story');
  try {
    const s = await api('/api/stories/' + encodeURIComponent(id));
    box.innerHTML = `<div class="card"><h3>Story: carried by ${s.outlets.length} outlet${s.outlets.length === 1 ? '' : 's'}</h3>
      <p class="muted">${s.memberCount} articles, ${esc(day(s.first))} to ${esc(day(s.last))}: ${s.outlets.map(esc).join(', ')}</p>
      <table>${s.members.map((m) => `<tr><td>${esc(day(m.date))}</td><td>${esc(m.outlet)}</td><td><a href="${esc(m.url)}" target="_blank" rel="noopener noreferrer">${esc(m.title || m.url)}</a></td></tr>`).join('')}</table></div>`;
  } catch (e) {
    box.innerHTML = '<p class="error">' + esc(e.message) + '</p>';
  }
}
