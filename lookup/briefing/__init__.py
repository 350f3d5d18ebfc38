"""Trainers' briefings generated from the exercise knowledge: the full cultural briefing, a
one-page smart card and a quiz, in each working language, as HTML or print-ready PDF.

One job per module: `facts` reads the store for one audience and language, `quiz` builds and
scores questions, `labels` holds every word that is not knowledge, `formatting` writes dates and
keeps mixed-direction text in order, `ramadan` says whether the exercise overlaps Ramadan,
`render` fills the Jinja2 templates, `pdf` lays HTML out with WeasyPrint, `build` ties them
together for the CLI (`liaison briefing`) and the API (/v1/briefings).
"""
