"""Event coding: PLOVER events from the sentences of one annotated document.

For each trigger of the lexicon a clause is read as `who did what to whom`: the source is
the clause's subject (the agent in the passive, the governing verb's subject for a noun
trigger such as "At a working session with X, Y said ..."), the recipient follows the
trigger's frame (direct object or a preposition). Negated, hypothetical, habitual and
background uses are not coded; future cooperative acts become AGREE, future retreats
CONCEDE and announced coercion THREATEN (PLOVER rules 3-5, 10).

The package, in the order a sentence meets it: ``document`` (the document's sentences and the
article's rules), ``triggers`` (a sentence's triggers, or the classifier), ``lookup`` (the
lexicon), ``clauses`` (the clause's mood), ``arguments`` (who and whom), ``judgements`` (what
a verb of judging accuses), ``unnamed`` (the doer a passive leaves unnamed), ``timing`` and
``places`` (when and where), ``record`` (the event record); ``context`` and ``words`` are
shared by all.
"""

from __future__ import annotations

from .context import Context
from .document import code_doc, code_document, issuer_of

__all__ = ["Context", "code_doc", "code_document", "issuer_of"]
