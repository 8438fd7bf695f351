/*
 * Search's word rules, in one place for both sides: the build indexes stories with them
 * (src/lib/outputs/search-index.ts imports this file) and the search page reads queries with them
 * (a classic script, loaded before search.js). Plain JavaScript that runs as a classic script in a
 * browser, from disk too, and as a module in Node: it only sets `globalThis.searchWords`.
 */
(function () {
  "use strict";

  /** Letters that carry no separable accent but are searched as plain Latin ones. */
  var PLAIN_LETTERS = { "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i" };

  /**
   * A word as search compares it: lower case, without accents ("São" -> "sao"), ё as е (its
   * diaeresis is an accent to drop, like й's breve).
   */
  function foldWord(word) {
    var known = folded.get(word);
    if (known !== undefined) return known;
    var result = word
      .normalize("NFKD")
      .replace(/\p{M}+/gu, "")
      .toLowerCase()
      .replace(/[ßæœøłđðþı]/g, function (letter) {
        return PLAIN_LETTERS[letter];
      });
    folded.set(word, result);
    return result;
  }

  /** Words already folded: a story's words repeat, and folding is most of the cost of indexing them. */
  var folded = new Map();

  /**
   * The words of a text, as written: runs of letters and digits (any script), a figure with its
   * decimal point or thousands' commas one word ("1.2", "2,000"), not the figures either side.
   */
  function wordsOf(text) {
    return text.match(/\p{N}+(?:[.,]\p{N}+)+|[\p{L}\p{N}\p{M}]+/gu) || [];
  }

  /**
   * The shards a query word needs, of the index's shard keys: a word's postings are in the shard of
   * the longest key it starts with (two letters, more where a shard would be too large), so a
   * word needs the shards whose key it starts with, for itself, its longer forms and its typos
   * past the key, and, when it is shorter than a key, every shard under it, for its longer forms.
   */
  function shardsFor(folded, keys) {
    return keys.filter(function (key) {
      return folded.startsWith(key) || key.startsWith(folded);
    });
  }

  /** Every term shard a query needs, each once, in key order. */
  function termShardsFor(query, keys) {
    var needed = {};
    wordsOf(query).forEach(function (word) {
      shardsFor(foldWord(word), keys).forEach(function (key) {
        needed[key] = true;
      });
    });
    return keys.filter(function (key) {
      return needed[key];
    });
  }

  /** The stored-fields shard that holds the story numbered `id`. */
  function storyShardOf(id) {
    return Math.floor(id / STORIES_PER_SHARD);
  }

  /**
   * The engine's serialised index (MiniSearch's toJSON form) from the meta script and the postings
   * of the loaded term shards. The meta script keeps it compact: a story's number is its id, and
   * the field lengths are a column a field, as they compress best.
   */
  function engineIndex(meta, postings) {
    var documentIds = {};
    var fieldLength = {};
    for (var id = 0; id < meta.documentCount; id += 1) {
      documentIds[id] = id;
      fieldLength[id] = meta.fieldLengths.map(function (lengths) {
        return lengths[id];
      });
    }
    return {
      documentCount: meta.documentCount,
      nextId: meta.documentCount,
      documentIds: documentIds,
      fieldIds: meta.fieldIds,
      fieldLength: fieldLength,
      averageFieldLength: meta.averageFieldLength,
      storedFields: {},
      dirtCount: 0,
      serializationVersion: meta.serializationVersion,
      index: postings,
    };
  }

  /**
   * The engine's results in the order a reader sees them: the best match first, as the engine
   * scores them, and of matches scored alike the newest first (a story's number rises with its
   * date), where the engine would leave the oldest first.
   */
  function ranked(results) {
    return results.slice().sort(function (a, b) {
      return b.score - a.score || b.id - a.id;
    });
  }

  /** A shard key as a file name: a-z and 0-9 as they are, any other letter as "_" and its code point in hex. */
  function shardFileName(key) {
    return Array.from(key)
      .map(function (letter) {
        return /[a-z0-9]/.test(letter) ? letter : "_" + letter.codePointAt(0).toString(16);
      })
      .join("");
  }

  /** Stories per stored-fields shard: the results shown load only the shards that hold them. */
  var STORIES_PER_SHARD = 25;

  /** Results shown at once; "More results" shows the next as many. */
  var RESULTS_PER_PAGE = 20;

  /** The index's fields, with how much a match in each counts. */
  var FIELDS = ["headline", "lead", "body", "dateline", "date", "topics"];
  var BOOST = { headline: 3, lead: 2, topics: 2 };

  /** Whether a query word is a figure: "2013", "1.2", "2,000". */
  function isFigure(term) {
    return /^\p{N}+(?:[.,]\p{N}+)*$/u.test(term);
  }

  /** MiniSearch's options, the same when the build indexes and when the page searches. */
  var ENGINE_OPTIONS = {
    fields: FIELDS,
    storeFields: [],
    tokenize: wordsOf,
    processTerm: function (word) {
      return foldWord(word);
    },
    searchOptions: {
      boost: BOOST,
      combineWith: "AND",
      // A word finds the words it starts; a figure only itself: "1" would find 12, 19 and every 2013.
      prefix: function (term) {
        return !isFigure(term);
      },
      // One typo in a word of five letters or more; none in a figure, where one digit is another figure.
      fuzzy: function (term) {
        return !isFigure(term) && Array.from(term).length >= 5 ? 1 : 0;
      },
    },
  };

  globalThis.searchWords = Object.freeze({
    foldWord: foldWord,
    wordsOf: wordsOf,
    shardsFor: shardsFor,
    termShardsFor: termShardsFor,
    storyShardOf: storyShardOf,
    engineIndex: engineIndex,
    ranked: ranked,
    shardFileName: shardFileName,
    STORIES_PER_SHARD: STORIES_PER_SHARD,
    RESULTS_PER_PAGE: RESULTS_PER_PAGE,
    ENGINE_OPTIONS: ENGINE_OPTIONS,
  });
})();
