"""The read side for the screens: lists, a household profile, a project's consent tally.

Every list is fetched in two steps so a table over 20,000 households stays quick:
``*_ids`` returns the ordered ids matching a filter (one narrow, indexed query), and
``*_rows`` returns the display rows of just the ids a view is about to show. Queries
select only the columns a screen needs and never load ORM objects; none of them writes.

- ``households``: the household list (search and filters) and one household's profile;
- ``timeline``: a household's history (newest first) and what is planned or open;
- ``work``: visits, adjustments (maatwerkafspraken) and actions with overdue flags;
- ``projects``: projects, their roster, partners, dwellings and the consent tally.
"""
