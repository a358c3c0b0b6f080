// The build's verdict beside the entry being edited: the live preview's last result
// (/_verdict.json), filtered to this entry's files, with each problem named by its field.
// A panel of our own rather than Decap's preview pane: for a translated collection Decap shows
// the other language's form in that pane by default, so a preview template would stay hidden.
(function () {
  'use strict';
  var TEXT = {
    nb: {
      heading: 'Byggets vurdering', hide: 'Skjul', show: 'Vis', error: 'Feil', warning: 'Advarsel',
      field: function (label) { return 'Feltet «' + label + '»'; },
      clean: 'Ingen feil eller advarsler i denne oppføringen.',
      found: function (e, w) { return e + ' feil og ' + w + ' advarsler i denne oppføringen.'; },
      elsewhere: function (n) { return 'Nettstedet har ' + n + ' feil i andre filer.'; },
      waiting: 'Lagret. Bygger forhåndsvisningen …', first: 'Venter på det første bygget …',
      unsaved: 'Lagre for å få byggets vurdering.', page: 'Siden i forhåndsvisningen:',
      review: function (branch) {
        return 'Gjelder utkastet til gjennomgang (grenen ' + branch + '), ikke det publiserte.';
      }
    },
    en: {
      heading: "The build's verdict", hide: 'Hide', show: 'Show', error: 'Error',
      warning: 'Warning', field: function (label) { return 'Field “' + label + '”'; },
      clean: 'No errors or warnings in this entry.',
      found: function (e, w) { return e + ' errors and ' + w + ' warnings in this entry.'; },
      elsewhere: function (n) { return 'The site has ' + n + ' errors in other files.'; },
      waiting: 'Saved. Building the preview …', first: 'Waiting for the first build …',
      unsaved: "Save to get the build's verdict.", page: 'The page in the preview:',
      review: function (branch) {
        return 'For the draft under review (branch ' + branch + '), not the published one.';
      }
    }
  };
  var panel = document.getElementById('verdict');
  var t = TEXT[panel.getAttribute('data-lang')] || TEXT.nb;
  var body = document.getElementById('verdict-body');
  var toggle = panel.querySelector('.verdict-toggle');
  var status = panel.querySelector('.verdict-status');
  var list = panel.querySelector('.verdict-problems');
  var pageLine = panel.querySelector('.verdict-page');
  var verdict = null;
  var savedAt = 0;
  var versionBeforeSave = null;
  var shown = '';

  function currentEntry() {
    var match = /^#\/collections\/([^/]+)\/(?:entries\/([^?]+)|new)/.exec(location.hash);
    if (!match) return null;
    return { key: match[2] ? match[1] + '/' + decodeURIComponent(match[2]) : null };
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function problemItem(problem) {
    var item = element('li', 'verdict-' + problem.severity);
    var kind = problem.severity === 'error' ? t.error : t.warning;
    item.appendChild(element('strong', '', kind + ': '));
    var where = problem.field ? t.field(problem.field) : '';
    if (problem.language) where += (where ? ' · ' : '') + problem.language;
    item.appendChild(document.createTextNode((where ? where + ': ' : '') + problem.message));
    if (problem.hint) item.appendChild(element('span', 'verdict-hint', problem.hint));
    item.appendChild(element('code', 'verdict-where', problem.path + ':' + problem.line));
    return item;
  }

  function pageLinks(addresses) {
    pageLine.textContent = '';
    if (!addresses) return;
    pageLine.appendChild(document.createTextNode(t.page + ' '));
    Object.keys(addresses).forEach(function (lang, index) {
      if (index) pageLine.appendChild(document.createTextNode(' · '));
      var link = element('a', '', addresses[lang]);
      link.href = addresses[lang];
      link.target = '_blank';
      link.hreflang = lang;
      pageLine.appendChild(link);
    });
  }

  function pending() {
    if (!savedAt || Date.now() - savedAt > 15000) return false;
    return !verdict || verdict.version === versionBeforeSave;
  }

  function render() {
    var entry = currentEntry();
    panel.hidden = !entry;
    if (!entry) return;
    var mine = [];
    var message;
    if (!entry.key) {
      message = t.unsaved;
    } else if (pending()) {
      message = t.waiting;
    } else if (!verdict || !verdict.built_at) {
      message = t.first;
    } else {
      // Under review (the editorial workflow) the entry lives on its own branch, which the
      // preview does not build: the verdict is the one on that branch.
      var review = verdict.review && verdict.review[entry.key];
      var judged = review || verdict;
      mine = judged.problems.filter(function (p) { return p.entry === entry.key; });
      var errors = mine.filter(function (p) { return p.severity === 'error'; }).length;
      message = mine.length ? t.found(errors, mine.length - errors) : t.clean;
      var others = verdict.problems.filter(function (p) {
        return p.severity === 'error' && p.entry !== entry.key;
      }).length;
      if (others && !review) message += ' ' + t.elsewhere(others);
      if (review) message += ' ' + t.review(review.branch);
    }
    var state = message + JSON.stringify(mine) + (entry.key || '');
    if (state === shown) return;
    shown = state;
    status.textContent = message;
    list.textContent = '';
    mine.forEach(function (problem) { list.appendChild(problemItem(problem)); });
    pageLinks(entry.key && verdict && verdict.pages ? verdict.pages[entry.key] : null);
  }

  function poll() {
    if (document.visibilityState === 'hidden') return;
    fetch('/_verdict.json', { cache: 'no-store' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) { if (data) { verdict = data; render(); } })
      .catch(function () { /* the preview is restarting: the next poll tries again */ });
  }

  function setOpen(open) {
    body.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    toggle.textContent = open ? t.hide : t.show;
    localStorage.setItem('verdict-open', String(open));
  }

  panel.querySelector('.verdict-heading').textContent = t.heading;
  toggle.addEventListener('click', function () { setOpen(body.hidden); });
  setOpen(localStorage.getItem('verdict-open') !== 'false');
  window.addEventListener('hashchange', render);
  if (window.CMS) {
    window.CMS.registerEventListener({
      name: 'postSave',
      handler: function () { savedAt = Date.now(); render(); }
    });
    // Taken before the files are written, so even a build quicker than Decap's own reply
    // counts as the verdict on this save.
    window.CMS.registerEventListener({
      name: 'preSave',
      handler: function () { versionBeforeSave = verdict && verdict.version; }
    });
  }
  render();
  poll();
  setInterval(poll, 400);
})();
