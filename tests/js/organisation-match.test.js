// The organisation pickers' matching (static/js/organisation-match.js), run by node's own test runner.
// tests/test_javascript.py runs this file in every `make test`, so a failure here fails the suite.
const test = require('node:test')
const assert = require('node:assert/strict')
const { prepare, search, normalise } = require('../../static/js/organisation-match.js')

const REGISTER = [
  'Age UK & Friends',
  'Café Nour',
  'Mind in Northbrook',
  'Northbrook and District NHS Trust',
  'Northbrook Borough Council',
  'Northbrook CVS',
  "Northbrook Men's Shed",
  "Northbrook Women's Aid",
  'Riverside Trust (withdrawn)',
  'Smith and Sons Community Interest Company',
  'Zoë’s Place'
].map((label, index) => ({ value: String(index + 1), label }))
const prepared = prepare(REGISTER)

function labels (query) {
  return search(prepared, query).map(item => item.label)
}

test('words can come in any order', () => {
  assert.deepEqual(labels('cvs northbrook'), ['Northbrook CVS'])
  assert.deepEqual(labels('council borough'), ['Northbrook Borough Council'])
})

test('case does not matter', () => {
  assert.deepEqual(labels('NORTHBROOK cvs'), ['Northbrook CVS'])
})

test('accents do not matter, either way round', () => {
  assert.deepEqual(labels('cafe'), ['Café Nour'])
  assert.deepEqual(labels('CAFÉ nour'), ['Café Nour'])
  assert.deepEqual(labels('zoes'), ['Zoë’s Place'])
})

test('"&" and "and" are the same, and "and" may be left out', () => {
  assert.deepEqual(labels('age uk and friends'), ['Age UK & Friends'])
  assert.deepEqual(labels('age uk & friends'), ['Age UK & Friends'])
  assert.deepEqual(labels('smith & sons'), ['Smith and Sons Community Interest Company'])
  assert.deepEqual(labels('smith sons'), ['Smith and Sons Community Interest Company'])
  assert.deepEqual(labels('northbrook district'), ['Northbrook and District NHS Trust'])
})

test('apostrophes and punctuation do not matter', () => {
  assert.deepEqual(labels('mens shed'), ["Northbrook Men's Shed"])
  assert.deepEqual(labels("men's shed"), ["Northbrook Men's Shed"])
  assert.deepEqual(labels('women’s aid'), ["Northbrook Women's Aid"])
})

test('every word typed must be in the name', () => {
  assert.deepEqual(labels('northbrook hospice'), [])
  assert.deepEqual(labels('xyz'), [])
})

test('whole words and the start of the name rank first; parts of words still match', () => {
  const found = labels('mens')
  assert.equal(found[0], "Northbrook Men's Shed")
  assert.ok(found.includes("Northbrook Women's Aid"), 'a part of a word matches too, lower down')
  assert.deepEqual(labels('brook cvs'), ['Northbrook CVS'])
  assert.equal(labels('northbrook')[0], 'Northbrook and District NHS Trust') // then by name, as given
  assert.equal(labels('mind')[0], 'Mind in Northbrook')
})

test('withdrawn organisations are found, marked as withdrawn', () => {
  assert.deepEqual(labels('riverside'), ['Riverside Trust (withdrawn)'])
})

test('nothing typed finds nothing', () => {
  assert.deepEqual(labels(''), [])
  assert.deepEqual(labels('   '), [])
  assert.deepEqual(labels('!'), [])
})

test('filler words count when nothing else is typed', () => {
  assert.deepEqual(labels('&'), ['Age UK & Friends', 'Northbrook and District NHS Trust', 'Smith and Sons Community Interest Company'])
})

test('the search gives back the items it was given, values and all', () => {
  assert.deepEqual(search(prepared, 'cvs'), [{ value: '6', label: 'Northbrook CVS' }])
})

test('normalise makes one plain spelling', () => {
  assert.equal(normalise('  Zoë’s  Café & Bar! '), 'zoes cafe and bar')
})

// The same table the register import's Python test reads (tests/signatories/imports/test_name_folding.py).
const FOLDS = require('./name-folding.json').folds

test('names fold as the register import folds them', () => {
  for (const [name, folded] of FOLDS) {
    assert.equal(normalise(name), folded, `normalise(${JSON.stringify(name)})`)
  }
})

test('a curly apostrophe finds a name typed with a straight one, and the other way round', () => {
  const found = search(prepare([{ value: '1', label: "St John's Church" }, { value: '2', label: 'St John’s Hall' }]), 'st john’s')
  assert.deepEqual(found.map(item => item.value), ['1', '2'])
})

test('a name wholly in another script is found by its own letters, and only it', () => {
  const items = prepare([{ value: '1', label: 'جمعية الخير' }, { value: '2', label: 'مركز النور' }, { value: '3', label: 'Northbrook CVS' }])
  assert.deepEqual(search(items, 'الخير').map(item => item.value), ['1'])
  assert.deepEqual(search(items, 'مركز').map(item => item.value), ['2'])
})

test('Welsh letters are found typed with or without their accent', () => {
  const items = prepare([{ value: '1', label: 'Tŷ Hafan' }, { value: '2', label: 'Menter Iaith Gŵyr' }])
  assert.deepEqual(search(items, 'ty hafan').map(item => item.value), ['1'])
  assert.deepEqual(search(items, 'gŵyr').map(item => item.value), ['2'])
})
