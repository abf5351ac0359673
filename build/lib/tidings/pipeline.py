"""The batch function: RawDocuments in, DocumentResults out. Pure apart from the models it
loads once, so the same code runs in a loop, in worker processes or on a cluster."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from typing import TYPE_CHECKING

from . import copies
from .coding import code_doc, code_document, issuer_of
from .config import Options
from .errors import DocumentError
from .extract import extract
from .kb import load_kb
from .lexicon import load_lexicon
from .nlp import load_pipeline
from .page import read_page
from .records import Article, DocumentResult, EventMention, Failure, RawDocument

if TYPE_CHECKING:
    from spacy.tokens import Doc


# the first generation's allocation threshold while batches are coded: a parsed article makes
# tens of thousands of short-lived objects, and Python's default (700) collects every few words
BATCH_GC_THRESHOLD = 20_000


@contextmanager
def batch_collection() -> Iterator[None]:
    """Python's garbage collector tuned for coding batches (fewer young-generation passes over
    the objects of a parse), restored afterwards. The models' objects are frozen once loaded
    (`Pipeline`), so a pass only walks what the batch made."""
    old = gc.get_threshold()
    gc.set_threshold(BATCH_GC_THRESHOLD, *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


def extract_article(raw: RawDocument, min_chars: int) -> Article | Failure:
    """Clean text and metadata of a document, or the failure that says why not (no models)."""
    try:
        return extract(raw, min_chars)
    except DocumentError as e:
        return Failure(raw.origin, e.stage, e.reason, raw.source_id)
    except Exception as e:  # noqa: BLE001  (an extractor's surprise spoils this document only)
        return Failure(raw.origin, "extract", f"unexpected error ({type(e).__name__}: {e})", raw.source_id)


class Pipeline:
    """Extraction, NLP and coding with the models loaded once."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self.kb = load_kb()
        self.lexicon = load_lexicon()
        self.nlp = load_pipeline(options.model, self.kb)
        # the models are loaded for good: keep their objects out of every later garbage
        # collection, which otherwise walks them again and again while documents are coded
        gc.freeze()

    def extract(self, raw: RawDocument) -> Article | Failure:
        return extract_article(raw, self.options.min_chars)

    def process(self, batch: Sequence[RawDocument]) -> list[DocumentResult]:
        """Code a batch; a document that fails becomes a failure result, never an exception."""
        with batch_collection():
            articles = [self.extract(raw) for raw in batch]
            return self.code_articles(articles)

    def code_articles(self, items: Sequence[Article | Failure]) -> list[DocumentResult]:
        items = [self._too_long(a) if isinstance(a, Article) else a for a in items]
        ok = [a for a in items if isinstance(a, Article)]
        docs = iter(self._parse([a.text for a in ok]))
        results: list[DocumentResult] = []
        for item in items:
            if isinstance(item, Failure):
                results.append(DocumentResult(None, failure=item))
                continue
            doc = next(docs)
            if isinstance(doc, Exception):
                failure = Failure(
                    item.origin,
                    "nlp",
                    f"the language model failed on it ({type(doc).__name__}: {doc})",
                    item.source_id,
                )
                results.append(DocumentResult(item, failure=failure))
                continue
            results.append(self._code_one(item, doc))
        return results

    def _too_long(self, article: Article) -> Article | Failure:
        if len(article.text) <= self.nlp.max_length:
            return article
        return Failure(
            article.origin,
            "nlp",
            f"article text is {len(article.text):,} characters, over the "
            f"{self.nlp.max_length:,} the language model takes; split it",
            article.source_id,
        )

    def _parse(self, texts: list[str]) -> list[Doc | Exception]:
        """The parsed texts, in order; when the batch fails, each text alone, so that only the
        text at fault becomes an exception in the list."""
        n_process = self.options.processes if len(texts) >= 2 * self.options.processes else 1
        try:
            return list(self.nlp.pipe(texts, batch_size=max(1, len(texts) // n_process), n_process=n_process))
        except Exception:  # noqa: BLE001
            parsed: list[Doc | Exception] = []
            for t in texts:
                try:
                    parsed.append(self.nlp(t))
                except Exception as e:  # noqa: BLE001
                    parsed.append(e)
            return parsed

    def _code_one(self, article: Article, doc: Doc) -> DocumentResult:
        try:
            page = read_page(article.text, article.title, article.published)
            if article.published is None and page.dateline is not None and page.dateline.date is not None:
                # a page without a publication date in its metadata is dated by its dateline
                article = replace(article, published=page.dateline.date)
            events, actors = code_document(
                doc,
                self.kb,
                self.lexicon,
                article.published,
                page=page,
                issuer=issuer_of(self.kb, article.outlet),
                outlet=article.outlet,
            )
            # the wire-copy band keys are computed here, where the work is parallel, not in the store
            bands = tuple(copies.bands(copies.shingles_of(article.text)))
        except Exception as e:  # a coding bug must not sink the batch; it is reported
            failure = Failure(article.origin, "code", f"{type(e).__name__}: {e}", article.source_id)
            return DocumentResult(article, failure=failure)
        return DocumentResult(article, tuple(events), actors=tuple(actors), bands=bands)

    def code_texts(self, texts: Iterable[tuple[str, object]]) -> list[list[EventMention]]:
        """Code bare texts with optional publication dates (no extraction, no store)."""
        pairs = list(texts)
        out = []
        for (_, published), doc in zip(
            pairs, self.nlp.pipe([t for t, _ in pairs], batch_size=self.options.batch_size), strict=True
        ):
            out.append(code_doc(doc, self.kb, self.lexicon, published))  # type: ignore[arg-type]
        return out
