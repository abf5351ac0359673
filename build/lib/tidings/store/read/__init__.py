"""The read side of the store, shared by the CLI, the API, the web pages and the exports, so
they all show the same records:

names.py    which canonical actors a name, acronym, code or id may mean
records.py  an event as an output record: actors, reports, evidence
events.py   events filtered, counted, paged, looked up; the timeline of two actors (dyad)
actors.py   actors by number of events, and one actor's profile
stats.py    counts, failures and the workbench's figures
"""
