"""Qt table models: thin adapters over the query results of ``renodesk.core.queries``.

Each model names its columns as constants, translates its headers, offers the
record id and the row itself through custom roles, and never writes: a change a
person makes in place (an adjustment's status, an action ticked off) is emitted as
a signal for the page to carry out as a use case.
"""
