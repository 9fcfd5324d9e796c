"""The review dashboard for communications staff (`sorot serve`)."""
