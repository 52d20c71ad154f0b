"""How organisation names are compared: folded the way people read them, alike here and in the pickers."""

import unicodedata

# Apostrophes people type or Word puts in (’ ‘ ʼ ′ ` ´): dropped, so "St John’s" and "St Johns" are one name.
APOSTROPHES = str.maketrans("", "", "'\u2018\u2019\u02bc\u2032`\u00b4")


def fold(text):
    """Text folded the way people read it, for comparing names: lower case, "&" as "and", apostrophes dropped,
    accents on Latin letters dropped ("Café Crème" → "cafe creme", "Cwm Rhŵndda" → "cwm rhwndda"), any other
    punctuation a space. Letters of other scripts stay as they are (their marks are often vowels), so a name in
    Arabic or Bengali keeps a key of its own. The organisation pickers fold in the same way
    (``normalise`` in static/js/organisation-match.js; both are tested on tests/js/name-folding.json)."""
    text = unicodedata.normalize("NFKD", str(text or "").translate(APOSTROPHES)).lower().replace("&", " and ")
    kept, after_latin = [], False
    for char in text:
        category = unicodedata.category(char)
        if category == "Mn":
            if not after_latin:
                kept.append(char)
            continue
        after_latin = category[0] == "L" and unicodedata.name(char, "").startswith("LATIN ")
        kept.append(char if category[0] in "LNM" else " ")
    return " ".join(unicodedata.normalize("NFC", "".join(kept)).split())


def name_key(name):
    """A name as we compare it (``fold``): case, accents, punctuation, "&"/"and", "Ltd"/"Limited" and a leading
    "The" do not count."""
    words = fold(name).split()
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join("ltd" if word == "limited" else word for word in words)
