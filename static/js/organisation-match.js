// Forgiving matching of organisation names, for the organisation pickers (organisation-picker.js).
// Case, accents, "&" or "and", apostrophes, punctuation and word order do not matter: "cvs northbrook" finds
// "Northbrook CVS", "cafe" finds "Café Nour", "age uk and" finds "Age UK & Friends"; names in other scripts
// keep their letters. Each word typed must appear in the name: best as a whole word, then as the start of a
// word, then anywhere.
// Loaded in the browser (window.CompactOrganisationMatch) and by node's test runner (tests/js/).
(function (root, factory) {
  if (typeof module === 'object' && module.exports) {
    module.exports = factory()
  } else {
    root.CompactOrganisationMatch = factory()
  }
})(this, function () {
  'use strict'

  // Words that say nothing on their own: ignored in what is typed unless nothing else is typed.
  var FILLER = ['and', 'the', 'of']

  // Folded as the register import folds names (fold in signatories/imports/names.py; both are tested on
  // tests/js/name-folding.json): apostrophes dropped, accents on Latin letters dropped, letters of any other
  // script kept (their marks are often vowels), anything else a space.
  var APOSTROPHES = /['\u2018\u2019\u02bc\u2032`\u00b4]/g
  var LATIN_MARKS = /(\p{Script=Latin})\p{Mn}+/gu
  var NOT_LETTERS = /[^\p{L}\p{N}\p{M}]+/gu

  function normalise (text) {
    return String(text)
      .replace(APOSTROPHES, '')
      .normalize('NFKD')
      .toLowerCase()
      .replace(/&/g, ' and ')
      .replace(LATIN_MARKS, '$1')
      .replace(NOT_LETTERS, ' ')
      .normalize('NFC')
      .trim()
  }

  function words (text) {
    var normal = normalise(text)
    return normal ? normal.split(' ') : []
  }

  // items: [{label: "Northbrook CVS", ...}] -> the same items, each with what matching needs worked out once.
  function prepare (items) {
    return items.map(function (item) {
      return { item: item, text: ' ' + normalise(item.label) + ' ', words: words(item.label) }
    })
  }

  function termScore (entry, term) {
    if (entry.words.indexOf(term) !== -1) return 3
    if (entry.text.indexOf(' ' + term) !== -1) return 2
    if (entry.text.indexOf(term) !== -1) return 1
    return 0
  }

  // The items matching what was typed, best first (then in the order given, which is by name).
  function search (prepared, query) {
    var terms = words(query)
    var meaningful = terms.filter(function (term) { return FILLER.indexOf(term) === -1 })
    if (meaningful.length) terms = meaningful
    if (!terms.length) return []
    var phrase = ' ' + normalise(query)
    var found = []
    prepared.forEach(function (entry, position) {
      var score = 0
      for (var i = 0; i < terms.length; i++) {
        var points = termScore(entry, terms[i])
        if (!points) return
        score += points
      }
      if (entry.text.indexOf(phrase) === 0) score += 10 // the name starts with what was typed
      else if (entry.text.indexOf(phrase) !== -1) score += 5 // or has it, in that order
      found.push({ entry: entry, score: score, position: position })
    })
    found.sort(function (a, b) { return b.score - a.score || a.position - b.position })
    return found.map(function (match) { return match.entry.item })
  }

  return { normalise: normalise, prepare: prepare, search: search }
})
