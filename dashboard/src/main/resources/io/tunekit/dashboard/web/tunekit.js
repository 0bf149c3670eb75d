/*
 * Tunekit dashboard pages: the studies list and the study page (also the page of a one-file
 * report, whose data sits in a <script type="application/json" id="tunekit-data"> element).
 *
 * Safety rule of this file: every value that comes from a storage (names, parameters, choices,
 * attributes, messages) reaches the page through textContent or ECharts' canvas, never through
 * innerHTML; tooltips render as rich text on the canvas, not as HTML.
 */
(function () {
  'use strict';

  var STATES = ['COMPLETE', 'PRUNED', 'FAIL', 'RUNNING', 'WAITING'];
  var STATE_COLORS = { COMPLETE: '#3b7dd8', PRUNED: '#e0962c', FAIL: '#d64545', RUNNING: '#3d9a52', WAITING: '#8a919c' };
  var STUDY_COLORS = ['#3b7dd8', '#e0962c', '#3d9a52', '#d6336c', '#8e5cc7', '#1aa0b8', '#7a6a3a', '#555d6b'];
  var POLL_MS = 1000;
  var PAGE_ROWS = 50;
  var MAX_RUNNING_LISTED = 500;
  var DEFAULT_PARALLEL_PARAMS = 10;
  /** System attributes that name the worker (host or process) that ran a trial, where one was recorded. */
  var WORKER_KEYS = ['worker', 'hostname', 'host', 'tunekit:worker'];

  var tunekit = (window.tunekit = { timings: {}, errors: [] });

  // ------------------------------------------------------------------ small helpers

  function el(tag, props) {
    var node = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (k) {
        if (k === 'text') node.textContent = props[k];
        else if (k === 'className') node.className = props[k];
        else if (k.indexOf('on') === 0) node.addEventListener(k.substring(2), props[k]);
        else node.setAttribute(k, props[k]);
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c == null) continue;
      node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    }
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  function num(v) {
    return typeof v === 'string' ? Number(v) : v; // "NaN", "Infinity", "-Infinity" as JSON strings
  }

  function fmt(v) {
    if (v === null || v === undefined) return '';
    if (typeof v !== 'number') return String(v);
    if (!isFinite(v)) return String(v);
    if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
    var a = Math.abs(v);
    if (a !== 0 && (a < 1e-4 || a >= 1e7)) return v.toExponential(5).replace(/\.?0+e/, 'e');
    return String(Number(v.toPrecision(7)));
  }

  function fmtTime(ms) {
    return ms == null ? '' : new Date(ms).toISOString().replace('T', ' ').substring(0, 19) + ' UTC';
  }

  function fmtDuration(ms) {
    if (ms == null) return '';
    if (ms < 1000) return ms + ' ms';
    var s = ms / 1000;
    if (s < 120) return s.toFixed(s < 10 ? 2 : 1) + ' s';
    var m = Math.floor(s / 60);
    if (m < 120) return m + ' min ' + Math.round(s - 60 * m) + ' s';
    return Math.floor(m / 60) + ' h ' + (m % 60) + ' min';
  }

  function json(v) {
    return typeof v === 'string' ? v : JSON.stringify(v);
  }

  function message(parent, text, kind) {
    parent.appendChild(el('div', { className: 'message' + (kind ? ' ' + kind : ''), text: text }));
  }

  function setLive(text, isError) {
    var s = document.getElementById('live-status');
    if (s) {
      s.textContent = text;
      s.className = 'live' + (isError ? ' error' : '');
    }
  }

  function fetchJson(url) {
    return fetch(url, { cache: 'no-store' }).then(
      function (r) {
        return r.text().then(function (body) {
          var data;
          try {
            data = JSON.parse(body);
          } catch (e) {
            throw new Error('The dashboard answered ' + r.status + ' with something that is not JSON');
          }
          if (!r.ok) throw new Error(data && data.error ? data.error : 'HTTP ' + r.status);
          return data;
        });
      },
      function () {
        throw new Error('The dashboard server cannot be reached (is it still running?)');
      }
    );
  }

  function studyUrl(name) {
    return 'study?name=' + encodeURIComponent(name);
  }

  function apiStudy(name) {
    return 'api/studies/' + encodeURIComponent(name);
  }

  // ------------------------------------------------------------------ studies page

  function studiesPage() {
    var app = clear(document.getElementById('app'));
    var box = el('div');
    app.appendChild(box);
    function load() {
      fetchJson('api/studies').then(
        function (data) {
          renderStudies(clear(box), data.studies);
          setLive('updated ' + new Date().toLocaleTimeString());
          setTimeout(load, 5 * POLL_MS);
        },
        function (e) {
          clear(box);
          message(box, e.message, 'error');
          setLive('not updated', true);
          setTimeout(load, 5 * POLL_MS);
        }
      );
    }
    load();
  }

  function renderStudies(box, studies) {
    if (!studies.length) {
      message(box, 'This storage holds no study yet. Studies appear here as soon as one is created.');
      return;
    }
    var table = el('table', { className: 'grid', id: 'studies' });
    var head = el('tr');
    ['Study', 'Direction(s)', 'Trials', 'By state', 'Best value', 'Started', 'Last activity'].forEach(function (h) {
      head.appendChild(el('th', { text: h }));
    });
    table.appendChild(el('thead', null, head));
    var body = el('tbody');
    studies.forEach(function (s) {
      var states = el('td');
      STATES.forEach(function (st) {
        if (s.states[st]) states.appendChild(el('span', { className: 'state ' + st, text: st.toLowerCase() + ' ' + s.states[st] }), ' ');
      });
      body.appendChild(
        el(
          'tr',
          null,
          el('td', null, el('a', { href: studyUrl(s.name), text: s.name })),
          el('td', { text: s.directions.join(', ').toLowerCase() }),
          el('td', { text: String(s.trialCount) }),
          states,
          el('td', { text: s.best ? fmt(num(s.best.value)) + ' (trial ' + s.best.number + ')' : s.directions.length > 1 ? 'multi-objective' : '—' }),
          el('td', { text: fmtTime(s.start) }),
          el('td', { text: fmtTime(s.lastActivity) })
        )
      );
    });
    table.appendChild(body);
    box.appendChild(el('div', { className: 'card scroll' }, table));
  }

  // ------------------------------------------------------------------ the data of one study

  /**
   * The trials of one study as the page knows them. Finished trials never change, so an update
   * asks only for trials numbered from `since` on and for the unfinished ones it holds.
   */
  function Store(name) {
    this.name = name;
    this.study = null;
    this.params = []; // {name, distribution, index}
    this.paramIndex = {}; // name -> index into params
    this.trials = []; // by number
    this.running = {}; // number -> true for unfinished trials
    this.version = 0;
  }

  Store.prototype.query = function () {
    var running = Object.keys(this.running);
    if (running.length > MAX_RUNNING_LISTED) {
      var oldest = Math.min.apply(null, running.map(Number));
      return '?since=' + oldest;
    }
    return '?since=' + this.trials.length + (running.length ? '&running=' + running.join(',') : '');
  };

  Store.prototype.absorb = function (data) {
    var self = this;
    this.study = data.study;
    if (data.importance) this.importance = data.importance; // a report's, computed when it was written
    var local = data.params.map(function (p) {
      if (!(p.name in self.paramIndex)) {
        self.paramIndex[p.name] = self.params.length;
        self.params.push({ name: p.name, distribution: p.distribution, index: self.params.length });
      }
      return self.paramIndex[p.name];
    });
    var changed = false;
    data.trials.forEach(function (row) {
      var t = decodeTrial(row, local);
      var known = self.trials[t.number];
      if (!known || known.state !== t.state || !sameTrial(known, row)) changed = true;
      self.trials[t.number] = t;
      if (t.state === 'RUNNING' || t.state === 'WAITING') self.running[t.number] = true;
      else delete self.running[t.number];
    });
    if (changed || this.version === 0) this.version++;
    return changed;
  };

  function sameTrial(known, row) {
    return known.row === JSON.stringify(row);
  }

  function decodeTrial(row, local) {
    var p = [];
    if (row[5]) {
      for (var i = 0; i < row[5].length; i++) {
        if (row[5][i] !== null) p[local[i]] = num(row[5][i]);
      }
    }
    var iv = null;
    if (row[6]) iv = { steps: row[6][0], values: row[6][1].map(num) };
    var unfinished = row[1] === 'RUNNING' || row[1] === 'WAITING';
    return {
      number: row[0],
      state: row[1],
      values: row[2] ? row[2].map(num) : null,
      start: row[3] == null ? null : row[3],
      complete: row[4] == null ? null : row[4],
      p: p,
      iv: iv,
      feasible: row[7] == null ? null : row[7],
      userAttrs: row[8] || {},
      systemAttrs: row[9] || {},
      row: unfinished ? JSON.stringify(row) : null // running trials are compared for changes
    };
  }

  Store.prototype.list = function () {
    return this.trials.filter(function (t) {
      return t;
    });
  };

  Store.prototype.objectiveName = function (i) {
    var names = this.study && this.study.metricNames;
    if (names && names[i] != null) return String(names[i]);
    return this.study && this.study.directions.length > 1 ? 'Objective ' + i : 'Objective value';
  };

  Store.prototype.complete = function () {
    return this.list().filter(function (t) {
      return t.state === 'COMPLETE' && t.values;
    });
  };

  function paramLabel(param, internal) {
    var d = param.distribution;
    if (d.type === 'categorical') return json(d.choices[internal]);
    return fmt(internal);
  }

  function isBetter(direction, a, b) {
    return direction === 'MAXIMIZE' ? a > b : a < b;
  }

  // ------------------------------------------------------------------ study page

  function studyPage() {
    var dataElement = document.getElementById('tunekit-data');
    var isReport = !!dataElement;
    var name = isReport ? null : new URLSearchParams(location.search).get('name');
    var app = clear(document.getElementById('app'));
    if (!isReport && !name) {
      message(app, 'No study named: open a study from the studies page (the address needs ?name=STUDY).', 'error');
      return;
    }
    var store = new Store(name);
    var page = new StudyPage(app, store, isReport);
    if (isReport) {
      document.getElementById('home-link').hidden = true;
      try {
        store.absorb(JSON.parse(dataElement.textContent));
      } catch (e) {
        message(app, 'This report\'s data cannot be read: ' + e.message, 'error');
        return;
      }
      setLive('report: trials as of ' + fmtTime(latestActivity(store)));
      page.render();
      return;
    }
    var first = true;
    function poll() {
      var stores = [store].concat(page.overlays());
      Promise.all(
        stores.map(function (s) {
          return fetchJson(apiStudy(s.name) + '/trials' + s.query()).then(function (d) {
            return s.absorb(d);
          });
        })
      ).then(
        function (changes) {
          if (first) {
            first = false;
            page.render();
          } else if (changes.some(Boolean)) {
            page.render();
          }
          setLive('live · updated ' + new Date().toLocaleTimeString());
          setTimeout(poll, POLL_MS);
        },
        function (e) {
          if (first) {
            clear(app);
            message(app, e.message, 'error');
            setTimeout(poll, 2 * POLL_MS);
          } else {
            setLive('not updated: ' + e.message, true);
            setTimeout(poll, 2 * POLL_MS);
          }
        }
      );
    }
    poll();
  }

  function latestActivity(store) {
    var last = null;
    store.list().forEach(function (t) {
      var m = Math.max(t.start || 0, t.complete || 0);
      if (m && (last === null || m > last)) last = m;
    });
    return last;
  }

  var TABS = [
    ['history', 'History'],
    ['trials', 'Trials'],
    ['intermediate', 'Intermediate values'],
    ['parallel', 'Parallel coordinates'],
    ['slice', 'Slice'],
    ['contour', 'Contour'],
    ['edf', 'EDF'],
    ['timeline', 'Timeline'],
    ['importance', 'Importance'],
    ['pareto', 'Pareto front']
  ];

  function StudyPage(app, store, isReport) {
    this.app = app;
    this.store = store;
    this.isReport = isReport;
    this.tab = (location.hash || '#history').substring(1);
    if (!TABS.some(function (t) { return t[0] === this.tab; }, this)) this.tab = 'history';
    // ?compare=NAME (repeatable) overlays other studies, so that a comparison can be linked to.
    var compare = isReport ? [] : new URLSearchParams(location.search).getAll('compare');
    this.settings = { objective: 0, log: false, overlay: compare, table: { sort: 'number', desc: false, page: 0, states: {}, filterParam: '', min: '', max: '' } };
    this.overlayStores = {};
    this.charts = {};
    this.built = false;
    this.renderedVersion = {};
  }

  StudyPage.prototype.overlays = function () {
    var self = this;
    return this.settings.overlay.map(function (n) {
      if (!self.overlayStores[n]) self.overlayStores[n] = new Store(n);
      return self.overlayStores[n];
    });
  };

  StudyPage.prototype.render = function () {
    var self = this;
    var store = this.store;
    document.getElementById('study-name').textContent = store.study.name;
    document.title = store.study.name + ' · Tunekit';
    if (!this.built) this.build();
    this.renderSummary();
    this.renderTab();
    if (!tunekit.timings.firstRender) {
      tunekit.timings.firstRender = performance.now();
      requestAnimationFrame(function () {
        tunekit.timings.firstPaint = performance.now();
      });
    }
    void self;
  };

  StudyPage.prototype.build = function () {
    var self = this;
    this.built = true;
    clear(this.app);
    this.summary = el('div', { className: 'card', id: 'summary' });
    this.app.appendChild(this.summary);
    var tabs = el('nav', { className: 'tabs', id: 'tabs' });
    this.tabButtons = {};
    TABS.forEach(function (t) {
      var b = el('button', {
        text: t[1],
        'data-tab': t[0],
        onclick: function () {
          self.tab = t[0];
          history.replaceState(null, '', '#' + t[0]);
          self.renderTab();
        }
      });
      self.tabButtons[t[0]] = b;
      tabs.appendChild(b);
    });
    this.app.appendChild(tabs);
    this.panel = el('section', { className: 'card', id: 'panel' });
    this.app.appendChild(this.panel);
  };

  StudyPage.prototype.renderSummary = function () {
    var store = this.store;
    var s = clear(this.summary);
    var trials = store.list();
    var counts = {};
    trials.forEach(function (t) {
      counts[t.state] = (counts[t.state] || 0) + 1;
    });
    var row = el('div', { className: 'summary' });
    function item(label, value, id) {
      var v = el('span', { text: value });
      if (id) v.id = id;
      row.appendChild(el('div', null, el('span', { className: 'label', text: label }), v));
    }
    item('Study', store.study.name);
    item('Direction(s)', store.study.directions.join(', ').toLowerCase());
    item('Trials', String(trials.length), 'trial-count');
    var byState = el('span', { id: 'state-counts' });
    STATES.forEach(function (st) {
      if (counts[st]) byState.appendChild(el('span', { className: 'state ' + st, text: st.toLowerCase() + ' ' + counts[st] }));
      byState.appendChild(document.createTextNode(' '));
    });
    row.appendChild(el('div', null, el('span', { className: 'label', text: 'By state' }), byState));
    if (store.study.directions.length === 1) {
      var best = bestTrial(store);
      item('Best value', best ? fmt(best.values[0]) + ' (trial ' + best.number + ')' : '—', 'best-value');
    } else {
      item('Pareto front', String(paretoFront(store.complete(), store.study.directions).front.length) + ' trials', 'best-value');
    }
    s.appendChild(row);
    var attrs = store.study.userAttrs || {};
    if (Object.keys(attrs).length) {
      var dl = el('dl', { className: 'kv' });
      Object.keys(attrs).forEach(function (k) {
        dl.appendChild(el('dt', { text: k }));
        dl.appendChild(el('dd', { text: json(attrs[k]) }));
      });
      s.appendChild(el('details', null, el('summary', { text: 'Study user attributes' }), dl));
    }
    if (!trials.length) message(s, 'This study has no trials yet.' + (this.isReport ? '' : ' They appear here as soon as a worker asks for one.'));
  };

  function bestTrial(store) {
    var dir = store.study.directions[0];
    var best = null;
    store.complete().forEach(function (t) {
      var v = t.values[0];
      if (t.feasible === false || isNaN(v)) return;
      if (!best || isBetter(dir, v, best.values[0])) best = t;
    });
    return best;
  }

  StudyPage.prototype.renderTab = function () {
    var self = this;
    Object.keys(this.tabButtons).forEach(function (k) {
      self.tabButtons[k].className = k === self.tab ? 'active' : '';
    });
    Object.keys(this.charts).forEach(function (k) {
      self.charts[k].dispose();
    });
    this.charts = {};
    var panel = clear(this.panel);
    panel.setAttribute('data-tab', this.tab);
    try {
      this['tab_' + this.tab](panel);
    } catch (e) {
      message(panel, 'This view failed to draw: ' + e.message, 'error');
      console.error(e);
    }
  };

  StudyPage.prototype.chart = function (parent, id, cssClass) {
    var div = el('div', { className: 'chart' + (cssClass ? ' ' + cssClass : ''), id: 'chart-' + id });
    parent.appendChild(div);
    var c = echarts.init(div, null, { renderer: 'canvas' });
    this.charts[id] = c;
    return c;
  };

  /** The options every chart shares: rich-text tooltips (no HTML), a save-as-image button. */
  function base(extra) {
    var o = {
      animation: false,
      tooltip: { renderMode: 'richText', confine: true },
      toolbox: { feature: { saveAsImage: { title: 'Save as PNG' } }, right: 10 },
      grid: { left: 70, right: 40, top: 50, bottom: 50, containLabel: true }
    };
    Object.keys(extra).forEach(function (k) {
      o[k] = extra[k];
    });
    ['xAxis', 'yAxis', 'parallelAxis'].forEach(function (k) {
      [].concat(o[k] || []).forEach(function (axis) {
        if (k === 'xAxis' && axis.name && !axis.nameLocation) {
          axis.nameLocation = 'middle';
          axis.nameGap = 28;
        }
        if ((axis.type === 'value' || axis.type === 'log') && !(axis.axisLabel && axis.axisLabel.formatter)) {
          axis.axisLabel = axis.axisLabel || {};
          axis.axisLabel.formatter = function (v) { return fmt(v); };
        }
      });
    });
    if (o.visualMap && o.grid) o.grid.right = 110; // room for the colour scale
    return o;
  }

  StudyPage.prototype.objectiveSelect = function (controls, onChange) {
    var self = this;
    var dirs = this.store.study.directions;
    if (dirs.length < 2) return;
    var sel = el('select', {
      id: 'objective',
      onchange: function () {
        self.settings.objective = Number(sel.value);
        onChange();
      }
    });
    dirs.forEach(function (d, i) {
      var o = el('option', { value: String(i), text: self.store.objectiveName(i) + ' (' + d.toLowerCase() + ')' });
      if (i === self.settings.objective) o.selected = true;
      sel.appendChild(o);
    });
    controls.appendChild(el('label', null, 'Objective ', sel));
  };

  function finiteNote(parent, skipped, what) {
    if (skipped) parent.appendChild(el('p', { className: 'note', text: skipped + ' ' + what + ' with a NaN or infinite value ' + (skipped === 1 ? 'is' : 'are') + ' not drawn.' }));
  }

  // ---- history

  StudyPage.prototype.tab_history = function (panel) {
    var self = this;
    var store = this.store;
    var k = this.settings.objective;
    var controls = el('div', { className: 'controls' });
    panel.appendChild(controls);
    this.objectiveSelect(controls, function () { self.renderTab(); });
    var logBox = el('input', { type: 'checkbox', id: 'history-log', onchange: function () { self.settings.log = logBox.checked; self.renderTab(); } });
    logBox.checked = this.settings.log;
    controls.appendChild(el('label', null, logBox, 'Log scale'));
    if (!this.isReport) this.overlayControl(controls);
    var stores = [store].concat(this.overlays());
    var series = [];
    var skipped = 0;
    var nonPositive = false;
    var total = 0;
    stores.forEach(function (s) {
      if (!s.study) return;
      var dir = s.study.directions[Math.min(k, s.study.directions.length - 1)];
      var points = [];
      var infeasible = [];
      var best = [];
      var bestValue = null;
      var last = null;
      s.complete().forEach(function (t) {
        var v = t.values[k];
        if (v === undefined) return;
        if (!isFinite(v)) {
          if (s === store) skipped++;
          return;
        }
        if (v <= 0) nonPositive = true;
        (t.feasible === false ? infeasible : points).push([t.number, v]);
        if (t.feasible !== false && (bestValue === null || isBetter(dir, v, bestValue))) {
          bestValue = v;
          best.push([t.number, v]); // the step line needs only the improvements...
        }
        last = t.number;
      });
      if (best.length && best[best.length - 1][0] !== last) best.push([last, bestValue]); // ...and where it ends
      if (s === store) total = points.length + infeasible.length;
      // One colour per study when several are compared; blue dots and a red best line for one.
      var label = stores.length > 1 ? s.name + ': ' : '';
      var color = stores.length > 1 ? STUDY_COLORS[stores.indexOf(s) % STUDY_COLORS.length] : '#3b7dd8';
      var size = points.length > 2000 ? 4 : 7;
      series.push({ name: label + 'Objective value', type: 'scatter', data: points, symbolSize: size, color: color, itemStyle: { opacity: 0.8 }, large: true, largeThreshold: 5000 });
      if (infeasible.length) series.push({ name: label + 'Infeasible', type: 'scatter', data: infeasible, symbolSize: size, itemStyle: { color: '#b0b6c0' }, large: true });
      if (s.study.directions.length === 1) series.push({ name: label + 'Best value', type: 'line', step: 'end', data: best, showSymbol: false, color: stores.length > 1 ? color : '#d6336c', lineStyle: { width: 2 } });
    });
    if (!total && stores.length === 1) {
      message(panel, noCompleteMessage(store));
      return;
    }
    var log = this.settings.log && !nonPositive;
    if (this.settings.log && nonPositive) panel.appendChild(el('p', { className: 'note', text: 'A log scale needs positive values; some are zero or negative, so the scale stays linear.' }));
    finiteNote(panel, skipped, 'complete trials');
    this.chart(panel, 'history').setOption(
      base({
        legend: { top: 8, type: 'scroll' },
        xAxis: { type: 'value', name: 'Trial', nameLocation: 'middle', nameGap: 28, minInterval: 1 },
        yAxis: { type: log ? 'log' : 'value', name: store.objectiveName(k), scale: true },
        dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 6 }],
        series: series
      })
    );
    tunekit.timings.historyDrawn = performance.now();
  };

  function noCompleteMessage(store) {
    var trials = store.list();
    if (!trials.length) return 'No trials yet: nothing to draw.';
    var counts = {};
    trials.forEach(function (t) {
      counts[t.state] = (counts[t.state] || 0) + 1;
    });
    var parts = STATES.filter(function (s) { return counts[s]; }).map(function (s) { return counts[s] + ' ' + s.toLowerCase(); });
    return 'No trial has completed, so there is nothing to draw (' + parts.join(', ') + ').' + (counts.FAIL ? ' The Trials tab shows why trials failed.' : '');
  }

  StudyPage.prototype.overlayControl = function (controls) {
    var self = this;
    var sel = el('select', { multiple: 'multiple', id: 'overlay', size: '3', title: 'Other studies of this storage to draw in the same chart' });
    controls.appendChild(el('label', null, 'Compare with ', sel));
    fetchJson('api/studies').then(function (data) {
      data.studies.forEach(function (s) {
        if (s.name === self.store.study.name) return;
        var o = el('option', { value: s.name, text: s.name });
        if (self.settings.overlay.indexOf(s.name) >= 0) o.selected = true;
        sel.appendChild(o);
      });
      if (!sel.options.length) sel.disabled = true;
    }, function () {
      sel.disabled = true;
    });
    sel.addEventListener('change', function () {
      self.settings.overlay = Array.prototype.filter.call(sel.options, function (o) { return o.selected; }).map(function (o) { return o.value; });
      var stores = self.overlays();
      Promise.all(stores.map(function (s) {
        return s.study ? null : fetchJson(apiStudy(s.name) + '/trials' + s.query()).then(function (d) { s.absorb(d); });
      })).then(function () {
        if (self.tab === 'history' || self.tab === 'edf') self.renderTab();
      }, function (e) {
        setLive('cannot load a study to compare: ' + e.message, true);
      });
    });
  };

  // ---- trials table and detail

  StudyPage.prototype.tab_trials = function (panel) {
    var self = this;
    var store = this.store;
    var ts = this.settings.table;
    var controls = el('div', { className: 'controls', id: 'trial-filters' });
    panel.appendChild(controls);
    STATES.forEach(function (st) {
      var box = el('input', { type: 'checkbox', 'data-state': st, onchange: function () { ts.states[st] = !box.checked; ts.page = 0; self.renderTab(); } });
      box.checked = !ts.states[st];
      controls.appendChild(el('label', null, box, st.toLowerCase()));
    });
    var paramSel = el('select', { id: 'filter-param' }, el('option', { value: '', text: 'no parameter filter' }));
    store.params.forEach(function (p) {
      var o = el('option', { value: p.name, text: p.name });
      if (p.name === ts.filterParam) o.selected = true;
      paramSel.appendChild(o);
    });
    var min = el('input', { id: 'filter-min', size: '8', placeholder: 'min', value: ts.min });
    var max = el('input', { id: 'filter-max', size: '8', placeholder: 'max', value: ts.max });
    var apply = function () {
      ts.filterParam = paramSel.value;
      ts.min = min.value.trim();
      ts.max = max.value.trim();
      ts.page = 0;
      self.renderTab();
    };
    paramSel.addEventListener('change', apply);
    min.addEventListener('change', apply);
    max.addEventListener('change', apply);
    controls.appendChild(el('label', null, 'Parameter ', paramSel, ' in [', min, ', ', max, ']'));
    var filterParam = ts.filterParam && ts.filterParam in store.paramIndex ? store.params[store.paramIndex[ts.filterParam]] : null;
    if (filterParam && filterParam.distribution.type === 'categorical') {
      controls.appendChild(el('span', { className: 'note', text: 'choices by index: ' + filterParam.distribution.choices.map(function (c, i) { return i + '=' + json(c); }).join(', ') }));
    }

    var lo = ts.min === '' ? -Infinity : Number(ts.min);
    var hi = ts.max === '' ? Infinity : Number(ts.max);
    if (isNaN(lo) || isNaN(hi)) {
      message(panel, 'The parameter range needs numbers: min "' + ts.min + '", max "' + ts.max + '".', 'error');
      return;
    }
    var rows = store.list().filter(function (t) {
      if (ts.states[t.state]) return false;
      if (filterParam) {
        var v = t.p[filterParam.index];
        if (v === undefined || v < lo || v > hi) return false;
      }
      return true;
    });
    var nObj = store.study.directions.length;
    var columns = [{ key: 'number', label: 'Number', get: function (t) { return t.number; } }, { key: 'state', label: 'State', get: function (t) { return STATES.indexOf(t.state); } }];
    for (var k = 0; k < nObj; k++) {
      (function (k) {
        columns.push({ key: 'value' + k, label: nObj > 1 ? store.objectiveName(k) : 'Value', get: function (t) { return t.values ? t.values[k] : undefined; }, show: function (t) { return t.values ? fmt(t.values[k]) : ''; } });
      })(k);
    }
    columns.push({ key: 'duration', label: 'Duration', get: function (t) { return t.start != null && t.complete != null ? t.complete - t.start : undefined; }, show: function (t) { return t.start != null && t.complete != null ? fmtDuration(t.complete - t.start) : ''; } });
    store.params.forEach(function (p) {
      columns.push({ key: 'param:' + p.name, label: p.name, get: function (t) { return t.p[p.index]; }, show: function (t) { return t.p[p.index] === undefined ? '' : paramLabel(p, t.p[p.index]); } });
    });
    var sortColumn = columns.filter(function (c) { return c.key === ts.sort; })[0] || columns[0];
    var get = sortColumn.get;
    var dirSign = ts.desc ? -1 : 1;
    rows.sort(function (a, b) {
      var x = get(a), y = get(b);
      var xm = x === undefined || isNaN(x), ym = y === undefined || isNaN(y);
      if (xm || ym) return xm === ym ? a.number - b.number : xm ? 1 : -1; // missing values last
      return x === y ? a.number - b.number : x < y ? -dirSign : dirSign;
    });
    var pages = Math.max(1, Math.ceil(rows.length / PAGE_ROWS));
    ts.page = Math.min(ts.page, pages - 1);
    var pager = el('div', { className: 'pager' });
    pager.appendChild(el('button', { text: '‹ Previous', id: 'page-prev', onclick: function () { ts.page = Math.max(0, ts.page - 1); self.renderTab(); } }));
    pager.appendChild(el('span', { id: 'page-info', text: rows.length ? 'rows ' + (ts.page * PAGE_ROWS + 1) + '–' + Math.min(rows.length, (ts.page + 1) * PAGE_ROWS) + ' of ' + rows.length + ' (page ' + (ts.page + 1) + ' of ' + pages + ')' : 'no trial matches' }));
    pager.appendChild(el('button', { text: 'Next ›', id: 'page-next', onclick: function () { ts.page = Math.min(pages - 1, ts.page + 1); self.renderTab(); } }));
    panel.appendChild(pager);

    var table = el('table', { className: 'grid', id: 'trial-table' });
    var head = el('tr');
    columns.forEach(function (c) {
      head.appendChild(el('th', {
        text: c.label + (c.key === ts.sort ? (ts.desc ? ' ▼' : ' ▲') : ''),
        'data-key': c.key,
        onclick: function () {
          if (ts.sort === c.key) ts.desc = !ts.desc;
          else { ts.sort = c.key; ts.desc = false; }
          self.renderTab();
        }
      }));
    });
    table.appendChild(el('thead', null, head));
    var body = el('tbody');
    rows.slice(ts.page * PAGE_ROWS, (ts.page + 1) * PAGE_ROWS).forEach(function (t) {
      var tr = el('tr', { 'data-number': String(t.number), onclick: function () { self.selected = t.number; self.renderTab(); } });
      if (t.number === self.selected) tr.className = 'selected';
      columns.forEach(function (c) {
        if (c.key === 'state') tr.appendChild(el('td', null, el('span', { className: 'state ' + t.state, text: t.state.toLowerCase() })));
        else tr.appendChild(el('td', { text: c.show ? c.show(t) : String(c.get(t)) }));
      });
      body.appendChild(tr);
    });
    table.appendChild(body);
    var detail = el('div', { id: 'trial-detail' });
    panel.appendChild(el('div', { className: 'columns' }, el('div', { className: 'scroll' }, table), detail));
    var chosen = this.selected != null ? store.trials[this.selected] : null;
    if (chosen) this.renderDetail(detail, chosen);
    else detail.appendChild(el('p', { className: 'note', text: 'Click a row to see the trial in full.' }));
  };

  StudyPage.prototype.renderDetail = function (box, t) {
    var store = this.store;
    box.appendChild(el('h2', { text: 'Trial ' + t.number }));
    var dl = el('dl', { className: 'kv' });
    function item(k, v) {
      dl.appendChild(el('dt', { text: k }));
      dl.appendChild(el('dd', { text: v }));
    }
    item('State', t.state);
    if (t.values) t.values.forEach(function (v, i) { item(store.objectiveName(i), fmt(v)); });
    item('Started', fmtTime(t.start));
    item('Completed', fmtTime(t.complete));
    item('Duration', t.start != null && t.complete != null ? fmtDuration(t.complete - t.start) : t.state === 'RUNNING' ? 'running' : '');
    var worker = WORKER_KEYS.filter(function (k) { return k in t.systemAttrs; })[0];
    item('Worker', worker ? json(t.systemAttrs[worker]) : 'not recorded');
    if (t.feasible !== null) item('Feasible', t.feasible ? 'yes' : 'no');
    if (t.systemAttrs.fail_reason) item('Fail reason', json(t.systemAttrs.fail_reason));
    box.appendChild(dl);
    var params = el('dl', { className: 'kv' });
    store.params.forEach(function (p) {
      if (t.p[p.index] === undefined) return;
      params.dataset.count = String(Number(params.dataset.count || 0) + 1);
      params.appendChild(el('dt', { text: p.name }));
      params.appendChild(el('dd', { text: paramLabel(p, t.p[p.index]) }));
    });
    box.appendChild(el('h2', { text: 'Parameters' }));
    box.appendChild(params.firstChild ? params : el('p', { className: 'note', text: 'none' }));
    [['User attributes', t.userAttrs], ['System attributes', t.systemAttrs]].forEach(function (pair) {
      box.appendChild(el('h2', { text: pair[0] }));
      var keys = Object.keys(pair[1]);
      if (!keys.length) {
        box.appendChild(el('p', { className: 'note', text: 'none' }));
        return;
      }
      var d = el('dl', { className: 'kv' });
      keys.forEach(function (k) {
        d.appendChild(el('dt', { text: k }));
        d.appendChild(el('dd', { text: json(pair[1][k]) }));
      });
      box.appendChild(d);
    });
    box.appendChild(el('h2', { text: 'Intermediate values' }));
    if (!t.iv) {
      box.appendChild(el('p', { className: 'note', text: 'none reported' }));
    } else {
      this.chart(box, 'trial-intermediate', 'small').setOption(
        base({
          xAxis: { type: 'value', name: 'Step', minInterval: 1 },
          yAxis: { type: 'value', scale: true },
          series: [{ type: 'line', name: 'Trial ' + t.number, data: t.iv.steps.map(function (s, i) { return [s, t.iv.values[i]]; }).filter(function (d) { return isFinite(d[1]); }) }]
        })
      );
    }
  };

  // ---- intermediate values

  StudyPage.prototype.tab_intermediate = function (panel) {
    var byState = {};
    var total = 0;
    var skipped = 0;
    this.store.list().forEach(function (t) {
      if (!t.iv) return;
      var data = byState[t.state] || (byState[t.state] = []);
      for (var i = 0; i < t.iv.steps.length; i++) {
        if (isFinite(t.iv.values[i])) {
          data.push([t.iv.steps[i], t.iv.values[i]]);
          total++;
        } else {
          skipped++;
        }
      }
      data.push('-'); // ends this trial's line
    });
    if (!total) {
      message(panel, 'No trial reported intermediate values (trial.report(value, step)), so there are no learning curves to draw.');
      return;
    }
    panel.appendChild(el('p', { className: 'note', text: 'One line per trial, coloured by its final state: pruned trials stop early.' }));
    finiteNote(panel, skipped, 'intermediate values');
    var series = STATES.filter(function (s) { return byState[s]; }).map(function (s) {
      return { name: s.toLowerCase(), type: 'line', data: byState[s], showSymbol: false, connectNulls: false, color: STATE_COLORS[s], lineStyle: { width: 1, opacity: 0.55 }, large: true };
    });
    this.chart(panel, 'intermediate').setOption(
      base({
        legend: { top: 8 },
        tooltip: { show: false },
        xAxis: { type: 'value', name: 'Step', minInterval: 1 },
        yAxis: { type: 'value', name: 'Intermediate value', scale: true },
        dataZoom: [{ type: 'inside' }],
        series: series
      })
    );
  };

  // ---- parameter helpers for the charts over parameters

  function axisFor(param, values) {
    var d = param.distribution;
    if (d.type === 'categorical') {
      return { type: 'category', data: d.choices.map(function (c) { return json(c); }), name: param.name };
    }
    var axis = { type: d.log ? 'log' : 'value', name: param.name, scale: true };
    if (values && values.length) {
      var lo = Math.min.apply(null, values), hi = Math.max.apply(null, values);
      if (d.log && lo > 0) {
        axis.min = lo;
        axis.max = hi;
      }
    }
    return axis;
  }

  StudyPage.prototype.paramSelect = function (controls, id, label, current, onChange) {
    var sel = el('select', { id: id, onchange: function () { onChange(sel.value); } });
    this.store.params.forEach(function (p) {
      var o = el('option', { value: p.name, text: p.name });
      if (p.name === current) o.selected = true;
      sel.appendChild(o);
    });
    controls.appendChild(el('label', null, label + ' ', sel));
  };

  /**
   * The start of every chart over parameters: the objective chooser, or a message (and null) when
   * the study has too few parameters or no complete trial.
   */
  StudyPage.prototype.paramChartStart = function (panel, minParams) {
    var self = this;
    var store = this.store;
    if (!needParams(panel, store, minParams)) return null;
    var complete = store.complete();
    if (!complete.length) {
      message(panel, noCompleteMessage(store));
      return null;
    }
    var controls = el('div', { className: 'controls' });
    panel.appendChild(controls);
    this.objectiveSelect(controls, function () { self.renderTab(); });
    return { complete: complete, controls: controls };
  };

  function needParams(panel, store, n) {
    if (store.params.length >= n) return true;
    message(panel, store.params.length ? 'This view needs ' + n + ' parameters; the study has ' + store.params.length + '.' : 'No trial has parameters yet.');
    return false;
  }

  // ---- parallel coordinates

  StudyPage.prototype.tab_parallel = function (panel) {
    var self = this;
    var store = this.store;
    var k = this.settings.objective;
    var start = this.paramChartStart(panel, 1);
    if (!start) return;
    var complete = start.complete;
    var controls = start.controls;
    if (!this.settings.parallel) {
      // By default the parameters every complete trial has (the first 10), so that a conditional
      // space still draws; else the one most trials have.
      var counts = store.params.map(function (p) {
        return complete.filter(function (t) { return t.p[p.index] !== undefined; }).length;
      });
      var everywhere = store.params.filter(function (p, i) { return counts[i] === complete.length; });
      var most = store.params.slice().sort(function (a, b) { return counts[b.index] - counts[a.index]; });
      this.settings.parallel = (everywhere.length ? everywhere : most.slice(0, 1)).slice(0, DEFAULT_PARALLEL_PARAMS).map(function (p) { return p.name; });
    }
    var chosen = store.params.filter(function (p) { return self.settings.parallel.indexOf(p.name) >= 0; });
    var sel = el('select', { multiple: 'multiple', id: 'parallel-params', size: String(Math.min(6, store.params.length)) });
    store.params.forEach(function (p) {
      var o = el('option', { value: p.name, text: p.name });
      if (self.settings.parallel.indexOf(p.name) >= 0) o.selected = true;
      sel.appendChild(o);
    });
    sel.addEventListener('change', function () {
      self.settings.parallel = Array.prototype.filter.call(sel.options, function (o) { return o.selected; }).map(function (o) { return o.value; });
      self.renderTab();
    });
    controls.appendChild(el('label', null, 'Axes ', sel));
    if (store.params.length > chosen.length) panel.appendChild(el('p', { className: 'note', text: 'Showing ' + chosen.length + ' of ' + store.params.length + ' parameters; choose the axes above.' }));
    if (!chosen.length) {
      message(panel, 'Choose at least one parameter.');
      return;
    }
    var data = [];
    var lacking = 0;
    var skipped = 0;
    complete.forEach(function (t) {
      var v = t.values[k];
      if (!isFinite(v)) {
        skipped++;
        return;
      }
      var row = [v];
      for (var i = 0; i < chosen.length; i++) {
        var x = t.p[chosen[i].index];
        if (x === undefined) {
          lacking++;
          return;
        }
        row.push(chosen[i].distribution.type === 'categorical' ? json(chosen[i].distribution.choices[x]) : x);
      }
      data.push(row);
    });
    finiteNote(panel, skipped, 'complete trials');
    if (lacking) panel.appendChild(el('p', { className: 'note', text: lacking + ' complete trials lack one of the chosen parameters (a conditional search space) and are not drawn.' }));
    if (!data.length) {
      message(panel, 'No complete trial has all the chosen parameters; choose fewer axes.');
      return;
    }
    var values = data.map(function (r) { return r[0]; });
    var axes = [{ dim: 0, name: store.objectiveName(k), type: 'value', scale: true }];
    chosen.forEach(function (p, i) {
      var a = axisFor(p, data.map(function (r) { return r[i + 1]; }));
      a.dim = i + 1;
      axes.push(a);
    });
    this.chart(panel, 'parallel').setOption(
      base({
        grid: undefined,
        parallelAxis: axes,
        parallel: { left: 60, right: 90, top: 60, bottom: 40, parallelAxisDefault: { nameLocation: 'end', nameGap: 14, nameTextStyle: { fontSize: 11 } } },
        visualMap: { type: 'continuous', dimension: 0, min: Math.min.apply(null, values), max: Math.max.apply(null, values), right: 0, top: 'middle', calculable: true, inRange: { color: ['#2c4ea3', '#65b3d9', '#f5e37a', '#e26d3d'] } },
        series: [{ type: 'parallel', name: 'Trials', data: data, lineStyle: { width: 1, opacity: 0.45 }, progressive: 2000 }]
      })
    );
  };

  // ---- slice

  StudyPage.prototype.tab_slice = function (panel) {
    var self = this;
    var store = this.store;
    var k = this.settings.objective;
    var start = this.paramChartStart(panel, 1);
    if (!start) return;
    var complete = start.complete;
    var controls = start.controls;
    var name = this.settings.slice && this.settings.slice in store.paramIndex ? this.settings.slice : store.params[0].name;
    var p = store.params[store.paramIndex[name]];
    this.paramSelect(controls, 'slice-param', 'Parameter', name, function (v) { self.settings.slice = v; self.renderTab(); });
    var data = [];
    var lacking = 0;
    var skipped = 0;
    complete.forEach(function (t) {
      var x = t.p[p.index];
      if (x === undefined) {
        lacking++;
        return;
      }
      if (!isFinite(t.values[k])) {
        skipped++;
        return;
      }
      data.push([p.distribution.type === 'categorical' ? json(p.distribution.choices[x]) : x, t.values[k], t.number]);
    });
    finiteNote(panel, skipped, 'complete trials');
    if (lacking) panel.appendChild(el('p', { className: 'note', text: lacking + ' complete trials lack ' + p.name + ' and are not drawn.' }));
    if (!data.length) {
      message(panel, 'No complete trial has the parameter ' + p.name + '.');
      return;
    }
    this.chart(panel, 'slice').setOption(
      base({
        xAxis: axisFor(p, data.map(function (d) { return d[0]; })),
        yAxis: { type: 'value', name: store.objectiveName(k), scale: true },
        visualMap: { type: 'continuous', dimension: 2, min: 0, max: Math.max(1, store.trials.length - 1), text: ['later trials', 'earlier'], right: 0, top: 'middle', inRange: { color: ['#c9d9f2', '#1d4fa8'] } },
        series: [{ type: 'scatter', name: p.name, data: data, symbolSize: 6, large: true }]
      })
    );
  };

  // ---- contour

  var CONTOUR_CELLS = 40;

  StudyPage.prototype.tab_contour = function (panel) {
    var self = this;
    var store = this.store;
    var k = this.settings.objective;
    var start = this.paramChartStart(panel, 2);
    if (!start) return;
    var complete = start.complete;
    var controls = start.controls;
    var xs = this.settings.contourX && this.settings.contourX in store.paramIndex ? this.settings.contourX : store.params[0].name;
    var ys = this.settings.contourY && this.settings.contourY in store.paramIndex ? this.settings.contourY : store.params[1].name;
    this.paramSelect(controls, 'contour-x', 'x', xs, function (v) { self.settings.contourX = v; self.renderTab(); });
    this.paramSelect(controls, 'contour-y', 'y', ys, function (v) { self.settings.contourY = v; self.renderTab(); });
    if (xs === ys) {
      message(panel, 'Choose two different parameters.');
      return;
    }
    var px = store.params[store.paramIndex[xs]], py = store.params[store.paramIndex[ys]];
    var points = [];
    var lacking = 0;
    complete.forEach(function (t) {
      var x = t.p[px.index], y = t.p[py.index], v = t.values[k];
      if (x === undefined || y === undefined) lacking++;
      else if (isFinite(v)) points.push([x, y, v, t.number]);
    });
    if (lacking) panel.appendChild(el('p', { className: 'note', text: lacking + ' complete trials lack ' + xs + ' or ' + ys + ' and are not drawn.' }));
    if (points.length < 2) {
      message(panel, 'A contour needs at least two complete trials with both ' + xs + ' and ' + ys + '; there ' + (points.length === 1 ? 'is one.' : 'are none.'));
      return;
    }
    var gx = gridAxis(px, points.map(function (p) { return p[0]; }));
    var gy = gridAxis(py, points.map(function (p) { return p[1]; }));
    var cells = interpolate(points, gx, gy);
    var values = points.map(function (p) { return p[2]; });
    var vmin = Math.min.apply(null, values), vmax = Math.max.apply(null, values);
    panel.appendChild(el('p', { className: 'note', text: 'The surface interpolates the trials\' values (inverse-distance weighting on a ' + CONTOUR_CELLS + '×' + CONTOUR_CELLS + ' grid); the dots are the trials.' }));
    this.chart(panel, 'contour').setOption(
      base({
        xAxis: gx.axis,
        yAxis: gy.axis,
        visualMap: { type: 'continuous', min: vmin, max: vmax === vmin ? vmin + 1 : vmax, dimension: 2, seriesIndex: 0, right: 0, top: 'middle', calculable: true, text: [store.objectiveName(k), ''], inRange: { color: ['#2c4ea3', '#65b3d9', '#f5e37a', '#e26d3d'] } },
        series: [
          {
            type: 'custom',
            name: 'Interpolated',
            silent: true,
            data: cells,
            renderItem: function (params, api) {
              var a = api.coord([api.value(0), api.value(1)]);
              var b = api.coord([api.value(3), api.value(4)]);
              return { type: 'rect', shape: { x: Math.min(a[0], b[0]), y: Math.min(a[1], b[1]), width: Math.abs(b[0] - a[0]) + 0.5, height: Math.abs(b[1] - a[1]) + 0.5 }, style: { fill: api.visual('color') } };
            },
            encode: { x: [0, 3], y: [1, 4] }
          },
          { type: 'scatter', name: 'Trials', data: points.map(function (p) { return [gx.pos(p[0]), gy.pos(p[1]), p[2], p[3]]; }), symbolSize: 5, itemStyle: { color: '#111', opacity: 0.8 } }
        ]
      })
    );
  };

  /**
   * A contour axis: positions in the chart (a categorical parameter's choice index, a log
   * parameter's value on a log axis) and the cell edges of the grid.
   */
  function gridAxis(param, values) {
    var d = param.distribution;
    if (d.type === 'categorical') {
      var n = d.choices.length;
      return {
        pos: function (v) { return v; },
        edges: range(n + 1).map(function (i) { return i - 0.5; }),
        log: false,
        axis: { type: 'value', name: param.name, min: -0.5, max: n - 0.5, interval: 1, axisLabel: { formatter: function (v) { return Number.isInteger(v) && v >= 0 && v < n ? json(d.choices[v]) : ''; } } }
      };
    }
    var lo = Math.min.apply(null, values), hi = Math.max.apply(null, values);
    var log = d.log && lo > 0;
    if (lo === hi) {
      lo = log ? lo / 2 : lo - 0.5;
      hi = log ? hi * 2 : hi + 0.5;
    }
    var a = log ? Math.log(lo) : lo, b = log ? Math.log(hi) : hi;
    var edges = range(CONTOUR_CELLS + 1).map(function (i) {
      var e = a + ((b - a) * i) / CONTOUR_CELLS;
      return log ? Math.exp(e) : e;
    });
    return { pos: function (v) { return v; }, edges: edges, log: log, axis: { type: log ? 'log' : 'value', name: param.name, min: edges[0], max: edges[edges.length - 1] } };
  }

  function range(n) {
    var out = [];
    for (var i = 0; i < n; i++) out.push(i);
    return out;
  }

  /** Inverse-distance weighting of the trials' values at the centre of every grid cell. */
  function interpolate(points, gx, gy) {
    function norm(axis, v) {
      var e = axis.edges, a = axis.log ? Math.log(e[0]) : e[0], b = axis.log ? Math.log(e[e.length - 1]) : e[e.length - 1];
      return ((axis.log ? Math.log(v) : v) - a) / (b - a || 1);
    }
    // Average the trials per cell first, so the cost follows the grid, not the study's size.
    var nx = gx.edges.length - 1, ny = gy.edges.length - 1;
    var sums = {};
    points.forEach(function (p) {
      var i = Math.min(nx - 1, Math.max(0, Math.floor(norm(gx, p[0]) * nx)));
      var j = Math.min(ny - 1, Math.max(0, Math.floor(norm(gy, p[1]) * ny)));
      var key = i + ',' + j;
      var s = sums[key] || (sums[key] = { x: 0, y: 0, v: 0, n: 0 });
      s.x += norm(gx, p[0]);
      s.y += norm(gy, p[1]);
      s.v += p[2];
      s.n++;
    });
    var known = Object.keys(sums).map(function (key) {
      var s = sums[key];
      return [s.x / s.n, s.y / s.n, s.v / s.n];
    });
    var cells = [];
    for (var i = 0; i < nx; i++) {
      for (var j = 0; j < ny; j++) {
        var cx = (i + 0.5) / nx, cy = (j + 0.5) / ny;
        var wsum = 0, vsum = 0, exact = null;
        for (var q = 0; q < known.length; q++) {
          var dx = known[q][0] - cx, dy = known[q][1] - cy;
          var d2 = dx * dx + dy * dy;
          if (d2 < 1e-12) {
            exact = known[q][2];
            break;
          }
          var w = 1 / (d2 * d2);
          wsum += w;
          vsum += w * known[q][2];
        }
        cells.push([gx.edges[i], gy.edges[j], exact !== null ? exact : vsum / wsum, gx.edges[i + 1], gy.edges[j + 1]]);
      }
    }
    return cells;
  }

  // ---- EDF

  StudyPage.prototype.tab_edf = function (panel) {
    var self = this;
    var store = this.store;
    var k = this.settings.objective;
    var controls = el('div', { className: 'controls' });
    panel.appendChild(controls);
    this.objectiveSelect(controls, function () { self.renderTab(); });
    var stores = [store].concat(this.overlays());
    var series = [];
    var skipped = 0;
    stores.forEach(function (s) {
      if (!s.study) return;
      var values = [];
      s.complete().forEach(function (t) {
        var v = t.values[k];
        if (v === undefined) return;
        if (isFinite(v)) values.push(v);
        else if (s === store) skipped++;
      });
      values.sort(function (a, b) { return a - b; });
      series.push({ name: s.name, type: 'line', step: 'end', showSymbol: false, color: STUDY_COLORS[series.length % STUDY_COLORS.length], data: values.map(function (v, i) { return [v, (i + 1) / values.length]; }) });
    });
    if (!series[0].data.length) {
      message(panel, noCompleteMessage(store));
      return;
    }
    panel.appendChild(el('p', { className: 'note', text: 'The share of complete trials whose value is at most x.' + (this.isReport ? '' : ' Studies chosen under History → Compare are drawn too.') }));
    finiteNote(panel, skipped, 'complete trials');
    this.chart(panel, 'edf').setOption(
      base({
        legend: { top: 8, type: 'scroll' },
        xAxis: { type: 'value', name: store.objectiveName(k), scale: true },
        yAxis: { type: 'value', name: 'Cumulative probability', min: 0, max: 1 },
        series: series
      })
    );
  };

  // ---- timeline

  StudyPage.prototype.tab_timeline = function (panel) {
    var trials = this.store.list().filter(function (t) { return t.start != null; });
    if (!trials.length) {
      message(panel, 'No trial has started yet.');
      return;
    }
    var now = Date.now();
    var latest = 0;
    trials.forEach(function (t) { latest = Math.max(latest, t.complete || t.start); });
    var byState = {};
    trials.forEach(function (t) {
      // A trial still running is drawn up to now (in a report: up to the last recorded activity).
      var end = t.complete != null ? t.complete : t.state === 'RUNNING' ? (this.isReport ? latest : now) : t.start;
      (byState[t.state] || (byState[t.state] = [])).push([t.start, end, t.number]);
    }, this);
    panel.appendChild(el('p', { className: 'note', text: 'One bar per trial from its start to its end, coloured by state: overlapping bars are trials that ran at the same time.' }));
    var series = STATES.filter(function (s) { return byState[s]; }).map(function (s) {
      return {
        type: 'custom',
        name: s.toLowerCase(),
        color: STATE_COLORS[s],
        data: byState[s],
        encode: { x: [0, 1], y: 2 },
        renderItem: function (params, api) {
          var a = api.coord([api.value(0), api.value(2)]);
          var b = api.coord([api.value(1), api.value(2)]);
          var h = Math.max(1, Math.min(10, api.size([0, 1])[1] * 0.8));
          return { type: 'rect', shape: { x: a[0], y: a[1] - h / 2, width: Math.max(1, b[0] - a[0]), height: h }, style: { fill: STATE_COLORS[s] } };
        },
        progressive: 5000
      };
    });
    this.chart(panel, 'timeline').setOption(
      base({
        legend: { top: 8 },
        xAxis: { type: 'time', name: 'Time' },
        yAxis: { type: 'value', name: 'Trial', inverse: true, minInterval: 1, min: 'dataMin', max: 'dataMax' },
        dataZoom: [{ type: 'inside', yAxisIndex: 0 }, { type: 'slider', xAxisIndex: 0, height: 18, bottom: 6 }],
        series: series
      })
    );
  };

  // ---- importance

  StudyPage.prototype.tab_importance = function (panel) {
    var self = this;
    var store = this.store;
    var k = this.settings.objective;
    var controls = el('div', { className: 'controls' });
    panel.appendChild(controls);
    this.objectiveSelect(controls, function () { self.renderTab(); });
    var box = el('div', { id: 'importance' });
    panel.appendChild(box);
    if (this.isReport) {
      this.showImportance(box, store.importance ? store.importance[k] : { available: false, reason: 'This report holds no importances.' });
      return;
    }
    // Computed by the server from the complete trials; asked again only when they changed, and
    // at most every 5 s while a study runs.
    var complete = store.complete().length;
    var cached = this.importanceCache;
    if (cached && cached.objective === k && (cached.complete === complete || Date.now() - cached.at < 5000)) {
      this.showImportance(box, cached.data);
      return;
    }
    box.appendChild(el('p', { className: 'note', text: 'Computing…' }));
    fetchJson(apiStudy(store.study.name) + '/importance?objective=' + k).then(function (data) {
      self.importanceCache = { objective: k, complete: complete, at: Date.now(), data: data };
      if (box.isConnected) self.showImportance(clear(box), data);
    }, function (e) {
      clear(box);
      message(box, e.message, 'error');
    });
  };

  StudyPage.prototype.showImportance = function (box, data) {
    if (!data.available) {
      message(box, data.reason);
      return;
    }
    this.drawImportance(box, data);
  };

  StudyPage.prototype.drawImportance = function (box, data) {
    var entries = data.importances.slice().reverse(); // the chart lists bottom-up: most important on top
    box.appendChild(el('p', { className: 'note', text: 'Importance of each parameter for ' + this.store.objectiveName(data.objective) + ' (' + data.evaluator + ', from ' + data.trials + ' complete trials; they sum to 1).' }));
    this.chart(box, 'importance').setOption(
      base({
        xAxis: { type: 'value', name: 'Importance' },
        yAxis: { type: 'category', data: entries.map(function (e) { return e.param; }) },
        series: [{ type: 'bar', name: 'Importance', color: '#3b7dd8', data: entries.map(function (e) { return e.importance; }), label: { show: true, position: 'right', formatter: function (p) { return fmt(p.value); } } }]
      })
    );
  };

  // ---- Pareto front

  /**
   * Splits complete trials with finite values into the Pareto front (feasible, not dominated by
   * another feasible trial over every objective), the dominated feasible ones, and the infeasible.
   */
  function paretoFront(trials, directions) {
    var sign = directions.map(function (d) { return d === 'MAXIMIZE' ? -1 : 1; });
    var feasible = [], infeasible = [], skipped = 0;
    trials.forEach(function (t) {
      for (var i = 0; i < sign.length; i++) {
        if (!isFinite(t.values[i])) {
          skipped++;
          return;
        }
      }
      (t.feasible === false ? infeasible : feasible).push(t);
    });
    function v(t, i) {
      return sign[i] * t.values[i];
    }
    // Sorted by the first objective (then the others), a trial can only be dominated by one
    // before it; comparing with the front found so far is enough.
    feasible.sort(function (a, b) {
      for (var i = 0; i < sign.length; i++) {
        if (v(a, i) !== v(b, i)) return v(a, i) - v(b, i);
      }
      return a.number - b.number;
    });
    var front = [], dominated = [];
    feasible.forEach(function (t) {
      var isDominated = front.some(function (f) {
        var strictly = false;
        for (var i = 0; i < sign.length; i++) {
          if (v(f, i) > v(t, i)) return false;
          if (v(f, i) < v(t, i)) strictly = true;
        }
        return strictly;
      });
      (isDominated ? dominated : front).push(t);
    });
    return { front: front, dominated: dominated, infeasible: infeasible, skipped: skipped };
  }

  StudyPage.prototype.tab_pareto = function (panel) {
    var self = this;
    var store = this.store;
    var dirs = store.study.directions;
    if (dirs.length < 2) {
      message(panel, 'This study has one objective: a Pareto front needs two or more.');
      return;
    }
    var split = paretoFront(store.complete(), dirs);
    if (!split.front.length && !split.infeasible.length) {
      message(panel, noCompleteMessage(store));
      return;
    }
    if (!this.settings.pareto) this.settings.pareto = [0, 1, Math.min(2, dirs.length - 1)];
    var axes = this.settings.pareto;
    var controls = el('div', { className: 'controls' });
    panel.appendChild(controls);
    ['x', 'y', 'z'].forEach(function (axisName, a) {
      if (a === 2 && dirs.length < 3) return;
      var sel = el('select', { id: 'pareto-' + axisName, onchange: function () { axes[a] = Number(sel.value); self.renderTab(); } });
      dirs.forEach(function (d, i) {
        var o = el('option', { value: String(i), text: store.objectiveName(i) });
        if (i === axes[a]) o.selected = true;
        sel.appendChild(o);
      });
      controls.appendChild(el('label', null, axisName + ' ', sel));
    });
    panel.appendChild(el('p', { className: 'note', text: split.front.length + ' trials on the Pareto front (feasible, not dominated over all ' + dirs.length + ' objectives), ' + split.dominated.length + ' dominated, ' + split.infeasible.length + ' infeasible.' }));
    finiteNote(panel, split.skipped, 'complete trials');
    var groups = [['Pareto front', split.front, '#d6336c'], ['Dominated', split.dominated, '#6d8fcf'], ['Infeasible', split.infeasible, '#b8bcc4']];
    this.chart(panel, 'pareto2d').setOption(
      base({
        legend: { top: 8 },
        xAxis: { type: 'value', name: store.objectiveName(axes[0]), scale: true },
        yAxis: { type: 'value', name: store.objectiveName(axes[1]), scale: true },
        series: groups.map(function (g) {
          return { type: 'scatter', name: g[0], color: g[2], symbolSize: g[0] === 'Pareto front' ? 8 : 5, data: g[1].map(function (t) { return [t.values[axes[0]], t.values[axes[1]], t.number]; }), large: true };
        })
      })
    );
    if (dirs.length >= 3) this.pareto3d(panel, groups, axes);
  };

  /**
   * The 3-D view: the three chosen objectives scaled to a unit cube and projected onto the screen
   * (drag to turn it). Drawn with plain ECharts: its 3-D extension needs WebGL and is not on
   * Maven Central.
   */
  StudyPage.prototype.pareto3d = function (panel, groups, axes) {
    var store = this.store;
    var view = this.settings.view3d || (this.settings.view3d = { yaw: -0.7, pitch: 0.45 });
    panel.appendChild(el('h2', { text: '3-D: ' + axes.map(function (a) { return store.objectiveName(a); }).join(' × ') + ' (drag to turn)' }));
    var lo = [Infinity, Infinity, Infinity], hi = [-Infinity, -Infinity, -Infinity];
    groups.forEach(function (g) {
      g[1].forEach(function (t) {
        for (var i = 0; i < 3; i++) {
          lo[i] = Math.min(lo[i], t.values[axes[i]]);
          hi[i] = Math.max(hi[i], t.values[axes[i]]);
        }
      });
    });
    function project(p) {
      var x = p[0] - 0.5, y = p[1] - 0.5, z = p[2] - 0.5;
      var cy = Math.cos(view.yaw), sy = Math.sin(view.yaw), cp = Math.cos(view.pitch), sp = Math.sin(view.pitch);
      var x1 = cy * x - sy * y, y1 = sy * x + cy * y;
      return [x1, cp * z - sp * y1];
    }
    function unit(t) {
      return [0, 1, 2].map(function (i) { return hi[i] > lo[i] ? (t.values[axes[i]] - lo[i]) / (hi[i] - lo[i]) : 0.5; });
    }
    function option() {
      var edges = [[[0, 0, 0], [1, 0, 0]], [[0, 0, 0], [0, 1, 0]], [[0, 0, 0], [0, 0, 1]]];
      var series = edges.map(function (e, i) {
        return {
          type: 'line', name: 'axis ' + i, silent: true, showSymbol: false, color: '#555', lineStyle: { width: 1 },
          data: [project(e[0]), project(e[1])],
          endLabel: { show: true, formatter: store.objectiveName(axes[i]) + ' ' + fmt(hi[i]), color: '#333' }
        };
      });
      // The rest of the unit cube, faint, for a sense of depth.
      var cube = [];
      [[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 0], [1, 0, 1], [0, 1, 1]].forEach(function (a) {
        [[1, 0, 0], [0, 1, 0], [0, 0, 1]].forEach(function (d) {
          var b = [a[0] + d[0], a[1] + d[1], a[2] + d[2]];
          if (b.every(function (x) { return x <= 1; })) cube.push(project(a), project(b), '-');
        });
      });
      series.push({ type: 'line', name: 'cube', silent: true, showSymbol: false, color: '#ccc', lineStyle: { width: 1, type: 'dashed' }, data: cube, connectNulls: false });
      groups.forEach(function (g) {
        series.push({ type: 'scatter', name: g[0], color: g[2], symbolSize: g[0] === 'Pareto front' ? 8 : 5, data: g[1].map(function (t) { return project(unit(t)).concat([t.number]); }), large: true });
      });
      return base({
        legend: { top: 8, data: groups.map(function (g) { return g[0]; }) },
        grid: { top: 50, bottom: 20, left: 'center', width: 390 }, // square: the projection keeps its angles
        xAxis: { type: 'value', show: false, min: -0.9, max: 0.9 },
        yAxis: { type: 'value', show: false, min: -0.9, max: 0.9 },
        series: series
      });
    }
    var chart = this.chart(panel, 'pareto3d');
    chart.setOption(option());
    var dragging = null;
    var zr = chart.getZr();
    zr.on('mousedown', function (e) { dragging = [e.offsetX, e.offsetY]; });
    zr.on('mouseup', function () { dragging = null; });
    zr.on('mousemove', function (e) {
      if (!dragging) return;
      view.yaw += (e.offsetX - dragging[0]) / 150;
      view.pitch = Math.max(-1.5, Math.min(1.5, view.pitch + (e.offsetY - dragging[1]) / 150));
      dragging = [e.offsetX, e.offsetY];
      chart.setOption(option(), { replaceMerge: ['series'] });
    });
  };

  // ------------------------------------------------------------------ start

  window.addEventListener('error', function (e) {
    tunekit.errors.push(String(e.message));
  });
  document.addEventListener('DOMContentLoaded', function () {
    var page = document.body.getAttribute('data-page');
    if (page === 'study' && typeof echarts === 'undefined') {
      message(document.getElementById('app'), 'The charting library (ECharts) did not load.', 'error');
      return;
    }
    (page === 'study' ? studyPage : studiesPage)();
  });
  window.addEventListener('resize', function () {
    var charts = document.querySelectorAll('.chart');
    Array.prototype.forEach.call(charts, function (c) {
      var inst = echarts.getInstanceByDom(c);
      if (inst) inst.resize();
    });
  });
})();
