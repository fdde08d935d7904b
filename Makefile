# Convenience wrappers; tasks.py does the work (it needs nothing but Python 3.11+).
.PHONY: analyze test setup
analyze:
	python3 tasks.py analyze
test:
	python3 tasks.py test
setup:
	python3 tasks.py setup
