if (window.GOVUKFrontend && window.GOVUKFrontend.isSupported()) {
  window.GOVUKFrontend.initAll();
  window.CompactOrganisationPicker.initAll();
}
