"""ingest: corpus files -> Article records (read, decode, validate, strip page furniture).

Stage contract: :func:`iter_corpus` yields one :class:`kg.models.Article` per article of a corpus
folder, in a stable order; every offset the later stages give points into ``Article.body``.

* :mod:`kg.ingest.corpus`: the corpus folder: which files are articles, duplicates, skipping;
* :mod:`kg.ingest.readers`: one reader per format (txt/md, html, jsonl, json);
* :mod:`kg.ingest.header`: front matter and JSON properties -> header values;
* :mod:`kg.ingest.article`: header values and body -> the checked Article record;
* :mod:`kg.ingest.furniture`: the page's furniture lines, removed from the body;
* :mod:`kg.ingest.masthead`: byline, date line, title line, wire dateline and author bio;
* :mod:`kg.ingest.normalise`: the one text form (NFC, plain spaces, no invisible characters);
* :mod:`kg.ingest.data`: the lexicon lists and gazetteer names the rules read.
"""

from kg.ingest.corpus import corpus_files, iter_corpus, read_file

__all__ = ["corpus_files", "iter_corpus", "read_file"]
