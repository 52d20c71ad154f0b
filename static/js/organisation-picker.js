// Choosing organisations by typing, with GOV.UK's accessible-autocomplete (static/dist/accessible-autocomplete.js)
// and the forgiving matching of organisation-match.js. Both enhance markup that works without JavaScript:
// - select[data-module="compact-organisation-select"]: one organisation. The select stays in the form, hidden,
//   and is set from what is chosen; the type-ahead takes the select's id, so its label and the error summary's
//   link lead to it.
// - [data-module="compact-organisation-picker"]: several organisations, as checkboxes grouped by sector. They stay
//   in the form, hidden, ticked and unticked to match a type-ahead ("Add an organisation") and a list of the
//   chosen organisations, each with a "Remove" button.
(function (window, document) {
  'use strict'

  var autocomplete = window.accessibleAutocomplete
  var Match = window.CompactOrganisationMatch

  function escapeHtml (text) {
    return String(text).replace(/[&<>"']/g, function (character) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[character]
    })
  }

  // Options are {value, label}; the library also hands back a plain string for a select's first value.
  var templates = {
    inputValue: function (option) { return option ? (typeof option === 'string' ? option : option.label) : '' },
    suggestion: function (option) { return escapeHtml(typeof option === 'string' ? option : option.label) }
  }

  // The hint and error messages the field had stay linked to the type-ahead, whatever the library does
  // with aria-describedby as the person types.
  function keepDescribedBy (input, ids) {
    if (!ids) return
    var wanted = ids.split(/\s+/).filter(Boolean)
    function apply () {
      var current = (input.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean)
      var missing = wanted.filter(function (id) { return current.indexOf(id) === -1 })
      if (missing.length) input.setAttribute('aria-describedby', current.concat(missing).join(' '))
    }
    apply()
    new window.MutationObserver(apply).observe(input, { attributes: true, attributeFilter: ['aria-describedby'] })
  }

  function sameName (a, b) {
    return Match.normalise(a) === Match.normalise(b)
  }

  function enhanceSelect (select) {
    var options = Array.prototype.filter.call(select.options, function (option) { return option.value })
      .map(function (option) { return { value: option.value, label: option.textContent.trim() } })
    var prepared = Match.prepare(options)
    var describedBy = select.getAttribute('aria-describedby')
    var hasError = select.classList.contains('govuk-select--error')
    var id = select.id

    // What the person typed decides: a name that is not an organisation chooses none, so a filter shows
    // everything and a required field says "Select …" rather than keeping an earlier choice.
    function chooseFromText () {
      var input = document.getElementById(id)
      var text = input ? input.value.trim() : ''
      var chosen = options.filter(function (option) { return text && sameName(option.label, text) })[0]
      select.value = chosen ? chosen.value : ''
    }

    autocomplete.enhanceSelectElement({
      selectElement: select,
      source: function (query, populate) { populate(Match.search(prepared, query)) },
      defaultValue: '',
      autoselect: true,
      templates: templates,
      inputClasses: hasError ? 'compact-autocomplete__input--error' : null,
      tNoResults: function () { return 'No organisations match' },
      onConfirm: function (option) {
        if (option && option.value) select.value = option.value
        else chooseFromText()
      }
    })
    keepDescribedBy(document.getElementById(id), describedBy)
    if (select.form) select.form.addEventListener('submit', chooseFromText)
  }

  function element (tag, attributes, text) {
    var node = document.createElement(tag)
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]) })
    if (text) node.textContent = text
    return node
  }

  function enhancePicker (root) {
    var groups = root.querySelector('.compact-organisation-picker__groups')
    if (!groups) return
    var fieldset = root.querySelector('fieldset')
    var id = root.getAttribute('data-field-id')
    var items = Array.prototype.map.call(groups.querySelectorAll('input[type="checkbox"]'), function (box) {
      var label = groups.querySelector('label[for="' + box.id + '"]')
      return { value: box.value, label: label.textContent.trim(), box: box, labelElement: label }
    })
    var prepared = Match.prepare(items)
    var onlyChosenMatch = false
    var chosen = items.filter(function (item) { return item.box.checked })

    // The type-ahead takes the field's id from the first checkbox, so the error summary's link lands on it.
    items[0].box.id = id + '_1'
    items[0].labelElement.setAttribute('for', id + '_1')

    var picker = element('div', { class: 'compact-organisation-picker__enhanced' })
    picker.appendChild(element('label', { class: 'govuk-label', for: id }, 'Add an organisation'))
    var typeahead = element('div', { class: 'compact-organisation-picker__typeahead' })
    picker.appendChild(typeahead)
    var heading = element('p', { class: 'govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-2', id: id + '-chosen' }, 'Chosen organisations')
    var none = element('p', { class: 'govuk-body compact-organisation-picker__none' }, 'None chosen yet.')
    var list = element('ul', { class: 'govuk-list compact-organisation-picker__chosen', 'aria-labelledby': id + '-chosen' })
    var status = element('div', { class: 'govuk-visually-hidden', role: 'status', 'aria-live': 'polite' })
    picker.appendChild(heading)
    picker.appendChild(none)
    picker.appendChild(list)
    picker.appendChild(status)
    fieldset.insertBefore(picker, groups)
    groups.hidden = true

    function announce (message) {
      status.textContent = ''
      window.setTimeout(function () { status.textContent = message }, 50)
    }

    function count () {
      return chosen.length === 1 ? '1 organisation chosen.' : chosen.length + ' organisations chosen.'
    }

    function draw () {
      list.textContent = ''
      none.hidden = chosen.length > 0
      chosen.forEach(function (item) {
        var row = element('li', { class: 'compact-organisation-picker__item' })
        row.appendChild(element('span', { class: 'compact-organisation-picker__name' }, item.label))
        var remove = element('button', {
          type: 'button',
          class: 'govuk-button govuk-button--secondary compact-organisation-picker__remove',
          'data-value': item.value
        }, 'Remove')
        remove.appendChild(element('span', { class: 'govuk-visually-hidden' }, ' ' + item.label))
        remove.addEventListener('click', function () { removeItem(item) })
        row.appendChild(remove)
        list.appendChild(row)
      })
    }

    function removeItem (item) {
      var index = chosen.indexOf(item)
      item.box.checked = false
      chosen.splice(index, 1)
      draw()
      var buttons = list.querySelectorAll('button')
      var next = buttons[Math.min(index, buttons.length - 1)]
      ;(next || document.getElementById(id)).focus()
      announce(item.label + ' removed. ' + count())
    }

    function clearInput () {
      var input = document.getElementById(id)
      input.value = ''
      input.dispatchEvent(new window.Event('input', { bubbles: true }))
    }

    autocomplete({
      element: typeahead,
      id: id,
      name: '',
      source: function (query, populate) {
        var matches = Match.search(prepared, query)
        var left = matches.filter(function (item) { return !item.box.checked })
        onlyChosenMatch = matches.length > 0 && left.length === 0
        populate(left)
      },
      autoselect: true,
      confirmOnBlur: false,
      templates: templates,
      inputClasses: root.classList.contains('govuk-form-group--error') ? 'compact-autocomplete__input--error' : null,
      tNoResults: function () { return onlyChosenMatch ? 'Already chosen' : 'No organisations match' },
      onConfirm: function (item) {
        if (!item || item.box.checked) return
        item.box.checked = true
        chosen.push(item)
        draw()
        announce(item.label + ' added. ' + count())
        window.setTimeout(clearInput, 0) // after the library has put the name in the box
      }
    })

    var input = document.getElementById(id)
    keepDescribedBy(input, fieldset.getAttribute('aria-describedby'))
    // Enter chooses from the list; with no list open it must not send the whole form half-filled.
    input.addEventListener('keydown', function (event) {
      if (event.key === 'Enter') event.preventDefault()
    })
    draw()
  }

  window.CompactOrganisationPicker = {
    initAll: function (scope) {
      if (!autocomplete || !Match) return
      scope = scope || document
      Array.prototype.forEach.call(scope.querySelectorAll('select[data-module="compact-organisation-select"]'), enhanceSelect)
      Array.prototype.forEach.call(scope.querySelectorAll('[data-module="compact-organisation-picker"]'), enhancePicker)
    }
  }
})(window, document)
