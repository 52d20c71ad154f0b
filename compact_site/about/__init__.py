"""What every UK public-sector service publishes about itself: the accessibility statement, the privacy notice, the
cookies page, the contact page and ``/.well-known/security.txt``, with the details officers fill in for their area."""
