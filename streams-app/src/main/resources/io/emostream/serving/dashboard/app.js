// emostream live dashboard: plain JS, no build step, no external assets.
// Refreshes from the REST API every few seconds and applies the /api/stream events in between.
// Every value from the server is written with textContent or as an SVG attribute, never as HTML.
(function () {
  'use strict';

  const REFRESH_MS = 5000;
  const FEED_MAX = 40;
  const SVG = 'http://www.w3.org/2000/svg';
  const token = new URLSearchParams(window.location.search).get('token');
  const calls = new Map();      // callId -> { call, utterances: Map(utteranceId -> utterance), alerts: [] }
  const openAlerts = new Map(); // alertId -> alert
  let agents = [];
  let liveUtterances = 0;

  const $ = (testid) => document.querySelector(`[data-testid="${testid}"]`);

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function svg(tag, attrs) {
    const node = document.createElementNS(SVG, tag);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    return node;
  }

  async function api(path) {
    const headers = token ? { Authorization: `Bearer ${token}` } : {};
    const response = await fetch(path, { headers, cache: 'no-store' });
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    return response.json();
  }

  const fmt = (x, digits = 2) => (x === null || x === undefined || Number.isNaN(x) ? '–' : Number(x).toFixed(digits));
  const pct = (x) => `${Math.round((x || 0) * 100)}%`;
  const clock = (ms) => new Date(ms).toLocaleTimeString();
  const callTime = (ms) => { const s = Math.round(ms / 1000); return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`; };

  // ---- state updates -------------------------------------------------------------------------

  function entryFor(callId) {
    if (!calls.has(callId)) {
      calls.set(callId, { call: { callId, roles: {}, openAlerts: [] }, utterances: new Map(), alerts: [], seenLive: Date.now() });
    }
    return calls.get(callId);
  }

  let lastGood = null;

  // Partial or stale data is said at the top of the page, never hidden in the footer: a
  // supervisor must not read "no open alerts" while some partitions did not answer.
  function showWarning(kind, text) {
    const box = $('data-warning');
    box.hidden = !kind;
    box.dataset.kind = kind || '';
    box.textContent = text || '';
  }

  async function refresh() {
    try {
      const [activeAnswer, alertAnswer, agentAnswer] = await Promise.all([api('api/calls/active'), api('api/alerts/open'), api('api/agents')]);
      const active = activeAnswer.items; const alerts = alertAnswer.items; const agentList = agentAnswer.items;
      const missing = [...new Set([activeAnswer, alertAnswer, agentAnswer].flatMap((a) => a.missingPartitions || []))].sort((a, b) => a - b);
      const partial = missing.length > 0;
      const activeIds = new Set(active.map((c) => c.callId));
      for (const [callId, entry] of calls) {
        // a call only seen on the live feed may not be queryable yet; give it a little time. While
        // the answer is partial, a call missing from it may just live on a partition that did not answer.
        if (!partial && !activeIds.has(callId) && Date.now() - (entry.seenLive || 0) > 2 * REFRESH_MS) calls.delete(callId);
      }
      await Promise.all(active.map(async (call) => {
        const entry = entryFor(call.callId);
        entry.call = call;
        const detail = await api(`api/calls/${encodeURIComponent(call.callId)}`).catch(() => null);
        if (detail) {
          detail.utterances.forEach((u) => entry.utterances.set(u.utteranceId, u));
          entry.alerts = detail.alerts;
        }
      }));
      // alerts from partitions that did not answer stay listed until those partitions answer again
      if (!partial) openAlerts.clear();
      alerts.forEach((a) => openAlerts.set(a.alertId, a));
      agents = agentList;
      lastGood = Date.now();
      $('last-refresh').textContent = `refreshed ${clock(lastGood)}`;
      showWarning(partial ? 'partial' : null, partial
        ? `Partial data: partition${missing.length > 1 ? 's' : ''} ${missing.join(', ')} did not answer (an instance is joining, leaving or down). Calls and alerts there may be missing or out of date.`
        : null);
      render();
    } catch (e) {
      $('last-refresh').textContent = `refresh failed: ${e.message}`;
      showWarning('stale', `Stale data: the API did not answer (${e.message}). Showing what was known ${lastGood ? `at ${clock(lastGood)}` : 'from the live feed only'}.`);
    }
  }

  function onUtterance(u) {
    const entry = entryFor(u.callId);
    entry.seenLive = Date.now();
    entry.utterances.set(u.utteranceId, {
      utteranceId: u.utteranceId, role: u.role, channel: u.channel, startMs: u.startMs, endMs: u.endMs,
      label: u.label, valence: u.valence, arousal: u.arousal, confidence: u.confidence, text: u.text,
      scoredAt: u.timings.scoredAt,
    });
    const call = entry.call;
    call.agentId = call.agentId || u.agentId;
    call.queue = call.queue || u.queue;
    call.tenant = call.tenant || u.tenant;
    const role = call.roles[u.role] || { role: u.role, utteranceCount: 0 };
    role.lastLabel = u.label;
    role.lastValence = u.valence;
    role.utteranceCount = (role.utteranceCount || 0) + 1;
    call.roles[u.role] = role;
    call.updatedAt = Date.now();
    liveUtterances++;
    addFeed('utterance', u.callId, `${u.role.toLowerCase()} ${u.label.toLowerCase()}`, u.label, u.text);
    render();
  }

  function onAlert(a) {
    const entry = entryFor(a.callId);
    entry.seenLive = Date.now();
    entry.alerts = entry.alerts.concat([{ alertId: a.alertId, role: a.role, status: a.status, severity: a.severity,
      rule: a.rule, timestamp: a.timestamp, message: a.message }]);
    if (a.status === 'OPENED') {
      openAlerts.set(a.alertId, { alertId: a.alertId, callId: a.callId, role: a.role, rule: a.rule,
        severity: a.severity, openedAt: a.openedAt, ewmaNegative: a.ewmaNegative, agentId: a.agentId, queue: a.queue });
    } else {
      openAlerts.delete(a.alertId);
    }
    addFeed('alert', a.callId, `alert ${a.status.toLowerCase()}`, a.status === 'OPENED' ? 'ANGRY' : 'HAPPY', a.message);
    render();
  }

  function addFeed(kind, callId, summary, label, detail) {
    const item = el('li', { 'data-testid': `feed-${kind}`, title: detail || '' });
    item.append(el('span', { class: 'time' }, clock(Date.now())), el('span', { class: `dot label-${label}` }),
      el('span', {}, summary), el('span', { class: 'call-ref' }, callId));
    const feed = $('feed');
    feed.prepend(item);
    while (feed.children.length > FEED_MAX) feed.lastChild.remove();
  }

  function connect() {
    const status = $('connection-status');
    const source = new EventSource(token ? `api/stream?token=${encodeURIComponent(token)}` : 'api/stream');
    source.onopen = () => { status.dataset.state = 'live'; status.textContent = 'live'; };
    source.onerror = () => { status.dataset.state = 'error'; status.textContent = 'reconnecting…'; };
    source.addEventListener('utterance', (e) => onUtterance(JSON.parse(e.data)));
    source.addEventListener('alert', (e) => onAlert(JSON.parse(e.data)));
  }

  // ---- rendering ------------------------------------------------------------------------------

  function render() {
    const ordered = [...calls.values()].sort((a, b) => (b.call.updatedAt || 0) - (a.call.updatedAt || 0));
    const container = $('calls');
    container.replaceChildren(...ordered.map(renderCall));
    $('calls-empty').hidden = ordered.length > 0;
    $('active-call-count').textContent = String(ordered.length);
    $('open-alert-count').textContent = String(openAlerts.size);
    $('utterance-count').textContent = String(liveUtterances);
    renderAlerts();
    renderAgents();
  }

  function renderCall(entry) {
    const call = entry.call;
    const alerts = [...openAlerts.values()].filter((a) => a.callId === call.callId);
    const card = el('article', { class: `call${alerts.length ? ' alerting' : ''}`, 'data-testid': 'call-card',
      'data-call-id': call.callId });
    const head = el('div', { class: 'call-head' });
    head.append(el('span', { class: 'call-id', 'data-testid': 'call-id', title: call.callId }, call.callId));
    const meta = [call.agentId && `agent ${call.agentId}`, call.queue && `queue ${call.queue}`, call.tenant]
      .filter(Boolean).join(' · ');
    head.append(el('span', { class: 'call-meta' }, meta));
    if (alerts.length) head.append(el('span', { class: 'alert-flag', 'data-testid': 'call-alert-flag' }, `${alerts.length} alert${alerts.length > 1 ? 's' : ''}`));
    card.append(head);

    const utterances = [...entry.utterances.values()].sort((a, b) => a.startMs - b.startMs);
    const speakers = el('div', { class: 'speakers' });
    ['AGENT', 'CUSTOMER'].forEach((role) => speakers.append(renderSpeaker(role, call.roles[role], utterances)));
    card.append(speakers, renderChart(utterances));

    const list = el('ul', { class: 'utterances' });
    utterances.slice(-8).reverse().forEach((u) => {
      const row = el('li', { class: 'utterance', 'data-testid': 'utterance', 'data-utterance-id': u.utteranceId });
      row.append(el('span', { class: `who role-${u.role}` }, `${callTime(u.startMs)} ${u.role.toLowerCase()}`),
        el('span', { class: `badge label-${u.label}`, 'data-testid': 'utterance-label' }, u.label.toLowerCase()),
        el('span', { class: 'text', title: u.text || '' }, u.text || '(no transcript)'),
        el('span', { class: 'val' }, fmt(u.valence)));
      list.append(row);
    });
    card.append(list);
    return card;
  }

  // The chip states two things, both computed from the same utterances shown below it, so they
  // cannot disagree: the latest label with that utterance's own valence, and how that valence
  // compares with the speaker's previous few utterances (not a server-side trend that may lag).
  const COMPARE_WITH = 4;

  function renderSpeaker(role, rollup, utterances) {
    const mine = utterances.filter((u) => u.role === role);
    const last = mine.slice(-1)[0];
    const label = (last && last.label) || (rollup && rollup.lastLabel);
    const box = el('div', { class: 'speaker', 'data-testid': `speaker-${role}` });
    const top = el('div', { class: 'speaker-line' });
    top.append(el('span', { class: `speaker-role role-${role}` }, role === 'AGENT' ? 'Agent' : 'Customer'));
    top.append(label
      ? el('span', { class: `badge label-${label}`, 'data-testid': `latest-label-${role}` }, label.toLowerCase())
      : el('span', { 'data-testid': `latest-label-${role}` }, 'no speech yet'));
    if (last) top.append(el('span', { 'data-testid': `latest-valence-${role}` }, `valence ${fmt(last.valence)}`));
    const bottom = el('div', { class: 'speaker-line' });
    const before = mine.slice(-1 - COMPARE_WITH, -1);
    if (last && before.length > 0) {
      const mean = before.reduce((sum, u) => sum + u.valence, 0) / before.length;
      const delta = last.valence - mean;
      const word = delta > 0.05 ? '▲ better' : delta < -0.05 ? '▼ worse' : '● same';
      bottom.append(el('span', { class: `trend ${delta > 0.05 ? 'pos' : delta < -0.05 ? 'neg' : ''}`, 'data-testid': `trend-${role}` },
        `${word} than the previous ${before.length} (mean ${fmt(mean)})`));
    } else if (last) {
      bottom.append(el('span', { class: 'trend', 'data-testid': `trend-${role}` }, 'first utterance'));
    }
    box.append(top, bottom);
    return box;
  }

  function renderChart(utterances) {
    const w = 600; const h = 150; const left = 28; const right = 8; const top = 8; const bottom = 18;
    const chart = svg('svg', { class: 'chart', viewBox: `0 0 ${w} ${h}`, preserveAspectRatio: 'none',
      'data-testid': 'valence-chart', role: 'img', 'aria-label': 'valence over the call per speaker' });
    const maxMs = Math.max(10000, ...utterances.map((u) => u.endMs));
    const x = (ms) => left + (ms / maxMs) * (w - left - right);
    const y = (v) => top + ((1 - Math.max(-1, Math.min(1, v))) / 2) * (h - top - bottom);
    [1, 0.5, -0.5, -1].forEach((v) => chart.append(svg('line', { class: 'grid', x1: left, x2: w - right, y1: y(v), y2: y(v) })));
    chart.append(svg('line', { class: 'zero', x1: left, x2: w - right, y1: y(0), y2: y(0) }));
    [[1, '+1'], [0, '0'], [-1, '−1']].forEach(([v, text]) => {
      const label = svg('text', { class: 'axis', x: 2, y: y(v) + 3 }); label.textContent = text; chart.append(label);
    });
    [0, 0.5, 1].forEach((f) => {
      const label = svg('text', { class: 'axis', x: x(f * maxMs) - (f === 1 ? 24 : f === 0 ? 0 : 12), y: h - 4 });
      label.textContent = callTime(f * maxMs); chart.append(label);
    });
    ['AGENT', 'CUSTOMER', 'UNKNOWN'].forEach((role) => {
      const points = utterances.filter((u) => u.role === role);
      if (!points.length) return;
      const mid = (u) => (u.startMs + u.endMs) / 2;
      chart.append(svg('polyline', { class: `line-${role}`, 'data-testid': `valence-line-${role}`,
        points: points.map((u) => `${x(mid(u)).toFixed(1)},${y(u.valence).toFixed(1)}`).join(' ') }));
      points.forEach((u) => {
        const dot = svg('circle', { class: `pt-${u.label}`, cx: x(mid(u)).toFixed(1), cy: y(u.valence).toFixed(1), r: 4 });
        const tip = svg('title'); tip.textContent = `${role.toLowerCase()} · ${u.label.toLowerCase()} · valence ${fmt(u.valence)}`;
        dot.append(tip); chart.append(dot);
      });
    });
    return chart;
  }

  function renderAlerts() {
    const list = $('alerts');
    const alerts = [...openAlerts.values()].sort((a, b) => (b.openedAt || 0) - (a.openedAt || 0));
    list.replaceChildren(...alerts.map((a) => {
      const item = el('li', { class: `alert severity-${a.severity}`, 'data-testid': 'alert-row', 'data-alert-id': a.alertId });
      const title = el('div', { class: 'alert-title' });
      title.append(el('span', {}, `${a.severity === 'CRITICAL' ? 'Critical' : 'Warning'}: ${a.role.toLowerCase()} negative`),
        el('span', {}, a.openedAt ? clock(a.openedAt) : ''));
      item.append(title, el('div', { class: 'alert-body', 'data-testid': 'alert-call' },
        `call ${a.callId}${a.agentId ? ` · agent ${a.agentId}` : ''} · ${a.rule.toLowerCase().replace(/_/g, ' ')}`));
      return item;
    }));
    $('alerts-empty').hidden = alerts.length > 0;
  }

  function renderAgents() {
    const body = $('agents');
    body.replaceChildren(...agents.map((a) => {
      const row = el('tr', { 'data-testid': 'agent-row', 'data-agent-id': a.agentId });
      const mix = el('div', { class: 'mix', title: Object.entries(a.labelCounts).map(([k, v]) => `${k.toLowerCase()} ${v}`).join(', ') });
      Object.entries(a.labelCounts).forEach(([label, n]) => {
        if (n > 0) mix.append(el('span', { class: `label-${label}`, style: `width:${(100 * n) / Math.max(1, a.utteranceCount)}%` }));
      });
      const labels = el('td'); labels.append(mix);
      row.append(el('td', {}, a.agentId), el('td', {}, a.tenant || '–'),
        el('td', {}, `${clock(a.windowStart)}–${clock(a.windowEnd)}`),
        el('td', { class: 'num' }, String(a.utteranceCount)), el('td', { class: 'num' }, String(a.callCount)),
        el('td', { class: `num ${a.meanValence < 0 ? 'neg' : 'pos'}` }, fmt(a.meanValence)),
        el('td', { class: 'num' }, pct(a.negativeShare)),
        el('td', { class: `num ${a.customerNegativeShare > 0.5 ? 'neg' : ''}` }, pct(a.customerNegativeShare)), labels);
      return row;
    }));
    $('agents-empty').hidden = agents.length > 0;
  }

  connect();
  refresh();
  setInterval(refresh, REFRESH_MS);
}());
