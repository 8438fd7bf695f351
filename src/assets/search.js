/*
 * The search page's script, the only script the site runs. It reads the query from the address
 * (?q=, so a search can be linked and the back button works), loads the parts of the edition's
 * index the query needs as classic scripts (which load from disk too, where fetch() does not),
 * searches them with MiniSearch and lists the results with the matched words marked.
 *
 * The index (src/lib/outputs/search-index.ts) is beside the page: meta.js, terms/<key>.js,
 * stories/<n>.js, each assigning to window.searchIndex. The word rules are search-words.js's,
 * the same the build indexed the stories with.
 */
(function () {
  "use strict";

  var words = globalThis.searchWords;
  var results = document.getElementById("search-results");
  // Announced by screen readers as it changes: "Searching…", then how many stories were found.
  var status = document.getElementById("search-status");
  var input = document.getElementById("search-query");
  var strings = JSON.parse(results.getAttribute("data-strings"));
  var lang = document.documentElement.lang;

  // The script runs: the page no longer needs to say that search needs it.
  document.getElementById("search-needs-script").hidden = true;

  window.searchIndex = { terms: {}, stories: {} };

  /** Each index file is asked for once, however many queries need it. */
  var loading = {};
  function load(src) {
    if (!loading[src]) {
      loading[src] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = src;
        script.addEventListener("load", resolve);
        script.addEventListener("error", function () {
          reject(new Error(src + " did not load"));
        });
        document.head.appendChild(script);
      });
    }
    return loading[src];
  }

  function fill(pattern, slots) {
    return pattern.replace(/\{(\w+)\}/g, function (slot, name) {
      return name in slots ? slots[name] : slot;
    });
  }

  /** "3 stories", in the plural form the edition's language gives the count. */
  function countText(count) {
    var forms = strings.storyCount;
    return fill(forms[new Intl.PluralRules(lang).select(count)] || forms.other, { count: count });
  }

  function element(name, className, text) {
    var made = document.createElement(name);
    if (className) made.className = className;
    if (text !== undefined) made.textContent = text;
    return made;
  }

  /** `text` as nodes, each word the search matched (the index's folded form of it) in a <mark>. */
  function marked(text, matched) {
    var fragment = document.createDocumentFragment();
    var pattern = /[\p{L}\p{N}\p{M}]+/gu;
    var last = 0;
    var found;
    while ((found = pattern.exec(text)) !== null) {
      if (!matched.has(words.foldWord(found[0]))) continue;
      fragment.append(text.slice(last, found.index), element("mark", "", found[0]));
      last = found.index + found[0].length;
    }
    fragment.append(text.slice(last));
    return fragment;
  }

  /** One result as the story lists print a story: headline linked, lead, date and dateline. */
  function resultItem(story, matched) {
    var item = element("li", "story-item");
    var heading = element("h2");
    var link = element("a");
    link.href = story.url;
    link.append(marked(story.headline, matched));
    heading.append(link);
    var lead = element("p", "lead");
    lead.append(marked(story.lead, matched));
    var meta = element("p", "meta");
    var time = element("time", "", story.date);
    time.dateTime = story.datetime;
    meta.append(time, " ", element("span", "place", story.dateline));
    item.append(heading, lead, meta);
    return item;
  }

  function say(text) {
    status.textContent = text;
    results.replaceChildren();
  }

  function show(query, found, shown) {
    say(fill(strings.searchSummary, { stories: countText(found.length), query: query }));
    var list = element("ol", "story-list");
    shown.forEach(function (result) {
      var shard = window.searchIndex.stories[words.storyShardOf(result.id)];
      var story = shard[result.id % words.STORIES_PER_SHARD];
      list.append(resultItem(story, new Set(result.terms)));
    });
    results.append(list);
    if (found.length > shown.length) {
      // The next results are a link, a search of its own: the address says what is shown.
      var more = element("a", "search-more", strings.searchMore);
      var next = new URLSearchParams({ q: query, shown: String(shown.length + words.RESULTS_PER_PAGE) });
      more.href = "?" + next.toString();
      var paragraph = element("p");
      paragraph.append(more);
      results.append(paragraph);
    }
  }

  function search(query, count) {
    say(strings.searchLoading);
    load("meta.js")
      .then(function () {
        var keys = words.termShardsFor(query, window.searchIndex.meta.shards);
        return Promise.all(
          keys.map(function (key) {
            return load("terms/" + words.shardFileName(key) + ".js");
          }),
        ).then(function () {
          return keys;
        });
      })
      .then(function (keys) {
        // The engine gets the index as the build serialised it, with only the postings of the loaded shards.
        var postings = [].concat.apply(
          [],
          keys.map(function (key) {
            return window.searchIndex.terms[key];
          }),
        );
        var index = words.engineIndex(window.searchIndex.meta, postings);
        var found = words.ranked(MiniSearch.loadJS(index, words.ENGINE_OPTIONS).search(query));
        var shown = found.slice(0, count);
        var shards = Array.from(
          new Set(
            shown.map(function (result) {
              return words.storyShardOf(result.id);
            }),
          ),
        );
        return Promise.all(
          shards.map(function (shard) {
            return load("stories/" + shard + ".js");
          }),
        ).then(function () {
          if (found.length === 0) say(fill(strings.searchNone, { query: query }));
          else show(query, found, shown);
        });
      })
      .catch(function () {
        say(strings.searchFailed);
      });
  }

  var params = new URLSearchParams(window.location.search);
  var query = (params.get("q") || "").trim();
  var count = Math.max(words.RESULTS_PER_PAGE, parseInt(params.get("shown") || "", 10) || 0);
  if (query !== "") {
    input.value = query;
    // The switch to another edition's search page searches the same words there.
    document.querySelectorAll(".language-switch a").forEach(function (link) {
      link.setAttribute("href", link.getAttribute("href").split("?")[0] + "?q=" + encodeURIComponent(query));
    });
    search(query, count);
  }
})();
