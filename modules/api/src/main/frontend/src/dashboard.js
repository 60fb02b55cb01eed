import {
  Chart, LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Tooltip, Filler,
} from 'chart.js';
import { api, esc, day, when } from './api.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Tooltip, Filler);

const COLOURS = ['#0969da', '#cf222e', '#1a7f37', '#8250df', '#bc4c00', '#1b7c83', '#6e7781', '#bf3989'];
const SPLITS = [['', 'no split'], ['theme', 'theme'], ['language', 'language'], ['outlet', 'outlet'],
  ['outlet_country', 'outlet country'], ['country', 'mentioned country']];
const INTERVALS = ['auto', 'hour', 'day', 'week', 'month'];
let chart = null;

function isoDay(d) { return d.toISOString().slice(0, 10); }

function defaults(params) {
  const to = params.get('to') || isoDay(new Date());
  const from = params.get('from') || isoDay(new Date(Date.parse(to) - 29 * 86400000));
  return {
    q: params.getAll('q').filter(Boolean),
    topic: params.get('topic') || '',
    from, to,
    interval: params.get('interval') || 'auto',
    split: params.get('split') || '',
    measure: params.get('measure') || 'count',
  };
}

function form(s) {
  const qs = s.q.length ? s.q : [''];
  return `
  <form class="bar" id="trend-form">
    <span id="queries">${qs.map((q, i) => query(q, i)).join('')}</span>
    <button type="button" id="add-query" title="compare up to five queries">+ compare</button>
    <label>topic <input name="topic" value="${esc(s.topic)}" placeholder="e.g. china-organ-harvesting" size="22"></label>
    <label>from <input type="date" name="from" value="${esc(s.from)}"></label>
    <label>to <input type="date" name="to" value="${esc(s.to)}"></label>
    <label>per <select name="interval">${INTERVALS.map((i) => `<option ${i === s.interval ? 'selected' : ''}>${i}</option>`).join('')}</select></label>
    <label>split by <select name="split">${SPLITS.map(([v, l]) => `<option value="${v}" ${v === s.split ? 'selected' : ''}>${l}</option>`).join('')}</select></label>
    <label>show <select name="measure"><option value="count" ${s.measure === 'count' ? 'selected' : ''}>articles</option>
      <option value="attention" ${s.measure === 'attention' ? 'selected' : ''}>share of all articles</option></select></label>
    <button type="submit">Show</button>
    <span class="muted">
      <a href="#" data-range="7">7 d</a> · <a href="#" data-range="30">30 d</a> · <a href="#" data-range="90">90 d</a> · <a href="#" data-range="365">1 y</a>
    </span>
  </form>`;
}

function query(q, i) {
  return `<label>query ${i + 1} <input class="query" name="q" value="${esc(q)}" placeholder="Lucene query, empty for all"></label>`;
}

function read(formEl) {
  const f = new FormData(formEl);
  return {
    q: f.getAll('q').map((x) => x.trim()).filter(Boolean),
    topic: f.get('topic').trim(), from: f.get('from'), to: f.get('to'),
    interval: f.get('interval'), split: f.get('split'), measure: f.get('measure'),
  };
}

function go(s) {
  const p = new URLSearchParams();
  s.q.forEach((q) => p.append('q', q));
  for (const k of ['topic', 'from', 'to', 'interval', 'split', 'measure']) if (s[k]) p.set(k, s[k]);
  location.hash = '#/dashboard/' + p.toString();
}

export async function dashboard(main, params) {
  const started = performance.now();
  const s = defaults(params);
  main.innerHTML = `<h1>Coverage over time</h1>${form(s)}
    <div class="card"><div class="chart"><canvas id="trend-chart" aria-label="trend chart" role="img"></canvas></div>
      <p id="trend-summary" class="muted"></p></div>
    <p id="coverage" class="notice"></p>
    <div class="grid">
      <div class="card"><h3>Top outlets</h3><table id="top-outlets"></table></div>
      <div class="card"><h3>Stories carried by most outlets</h3><table id="top-stories"></table></div>
      <div class="card"><h3>Words that stand out</h3><div id="terms"></div><p class="muted" id="terms-method"></p></div>
    </div>`;
  const formEl = main.querySelector('#trend-form');
  formEl.addEventListener('submit', (e) => { e.preventDefault(); go(read(formEl)); });
  main.querySelector('#add-query').addEventListener('click', () => {
    const box = main.querySelector('#queries');
    if (box.children.length < 5) box.append(document.createRange().createContextualFragment(query('', box.children.length)));
  });
  main.querySelectorAll('[data-range]').forEach((a) => a.addEventListener('click', (e) => {
    e.preventDefault();
    const cur = read(formEl);
    cur.to = isoDay(new Date());
    cur.from = isoDay(new Date(Date.now() - (Number(a.dataset.range) - 1) * 86400000));
    go(cur);
  }));
  let t;
  try {
    t = await api('/api/trends', { params: { q: s.q, topic: s.topic, from: s.from, to: s.to, interval: s.interval, split: s.split } });
  } catch (e) {
    main.querySelector('#trend-summary').innerHTML = '<span class="error">' + esc(e.message) + '</span>';
    return;
  }
  draw(main, t, s);
  lists(main, t, s);
  main.dataset.ready = 'true';
  window.vigilDashboardMs = Math.round(performance.now() - started);
}

function labels(t) {
  const hourly = t.interval === 'HOUR';
  return t.buckets.map((b) => (hourly ? when(b) : day(b)));
}

function datasets(t, s) {
  const attention = s.measure === 'attention';
  const out = [];
  t.series.forEach((series, i) => {
    if (series.splits.length && t.series.length === 1) {
      series.splits.forEach((sp, j) => out.push({
        label: sp.key,
        data: attention ? sp.counts.map((c, k) => (t.totals[k] ? c / t.totals[k] : 0)) : sp.counts,
        borderColor: COLOURS[j % COLOURS.length], backgroundColor: COLOURS[j % COLOURS.length], tension: 0,
      }));
    } else {
      out.push({
        label: series.label,
        data: attention ? series.attention : series.counts,
        borderColor: COLOURS[i % COLOURS.length], backgroundColor: COLOURS[i % COLOURS.length], tension: 0,
      });
    }
  });
  return out;
}

function draw(main, t, s) {
  const canvas = main.querySelector('#trend-chart');
  if (chart) chart.destroy();
  const sets = datasets(t, s);
  chart = new Chart(canvas, {
    type: 'line',
    data: { labels: labels(t), datasets: sets },
    options: {
      animation: false, maintainAspectRatio: false, interaction: { mode: 'index', intersect: false },
      scales: { y: { beginAtZero: true, ticks: s.measure === 'attention' ? { callback: (v) => Math.round(v * 1000) / 10 + ' %' } : { precision: 0 } } },
      plugins: { legend: { position: 'bottom' } },
    },
  });
  const points = sets.reduce((n, d) => n + d.data.length, 0);
  const nonZero = sets.reduce((n, d) => n + d.data.filter((v) => v > 0).length, 0);
  canvas.dataset.points = String(points);
  canvas.dataset.nonzero = String(nonZero);
  const totals = t.series.map((x) => `${esc(x.label)}: ${x.total} articles`).join(' · ');
  main.querySelector('#trend-summary').innerHTML =
    `${totals} · ${t.totals.reduce((a, b) => a + b, 0)} articles in all, per ${t.interval.toLowerCase()} · ${t.tookMs} ms`;
}

function lists(main, t, s) {
  const c = t.coverage;
  main.querySelector('#coverage').innerHTML = c
    ? esc(c.note) + (c.failing.length ? '<br>' + c.failing.map((f) =>
      `<span class="FAILING">${esc(f.name)}</span> failing ${f.since ? 'since ' + esc(when(f.since)) : '(start unknown)'}${f.until ? ' until ' + esc(when(f.until)) : ', still'}${f.lastError ? ': ' + esc(f.lastError) : ''}`).join('<br>') : '')
    : '';
  main.querySelector('#top-outlets').innerHTML = t.topOutlets.map((o) =>
    `<tr><td><a href="#/search/${new URLSearchParams({ q: s.q[0] || '', source: o.key })}">${esc(o.key)}</a></td><td>${o.count}</td></tr>`).join('')
    || '<tr><td class="muted">none</td></tr>';
  main.querySelector('#top-stories').innerHTML = t.topStories.map((st) =>
    `<tr><td><a href="#/search/${new URLSearchParams({ story: st.storyId })}">${esc(st.title || st.storyId)}</a>
      <div class="muted">${esc(day(st.first))}</div></td><td>${st.outlets} outlets</td></tr>`).join('')
    || '<tr><td class="muted">no story was carried by more than one outlet</td></tr>';
  main.querySelector('#terms').innerHTML = t.terms.map((x) =>
    `<a class="tag" href="#/dashboard/${new URLSearchParams({ q: x.term, from: s.from, to: s.to })}" title="${x.count} articles">${esc(x.term)}</a>`).join(' ')
    || '<span class="muted">nothing stands out</span>';
  main.querySelector('#terms-method').textContent = t.termsMethod || '';
}
