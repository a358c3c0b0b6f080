/* The search page, enhanced: mounts Pagefind's search box when JavaScript runs.
   Without JavaScript (or if the index cannot load) the list of all pages below still works.
   Everything comes from this site: /pagefind/ is built with the pages. */
(function () {
  "use strict";
  var box = document.getElementById("search");
  if (!box || !window.fetch || !window.URLSearchParams) {
    return;
  }
  var text = box.dataset;
  var bundle = text.bundle;
  // A large site's index comes in shards; the others are merged into the first one's results.
  var shards = (text.merge || "").split(" ").filter(Boolean).map(function (path) {
    return { bundlePath: path };
  });

  function start() {
    var ui = new window.PagefindUI({
      element: box,
      bundlePath: bundle,
      showImages: false,
      showSubResults: true,
      mergeIndex: shards,
      translations: {
        placeholder: text.placeholder,
        search_label: text.label,
        clear_search: text.clear,
        load_more: text.more,
        filters_label: text.filters,
        zero_results: text.zero,
        one_result: text.one,
        many_results: text.many,
        alt_search: text.alt,
        search_suggestion: text.suggestion,
        searching: text.searching
      }
    });
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) {
      ui.triggerSearch(query);
    }
    var note = document.getElementById("search-needs-js");
    if (note) {
      note.hidden = true;
    }
  }

  var style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = bundle + "pagefind-ui.css";
  document.head.appendChild(style);
  var script = document.createElement("script");
  script.src = bundle + "pagefind-ui.js";
  script.onload = start;
  document.head.appendChild(script);
})();
