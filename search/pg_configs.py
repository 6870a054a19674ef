"""PostgreSQL text search configurations per language: hub_nb, hub_nn (hunspell, then Snowball) and english.

`hub_nb` and `hub_nn` look each word up in the ispell dictionary built from Debian's hunspell-no files (lemmas and
the dictionary's own compound splitting: "lekser" → lekse, "språkkafeene" → språk, kafe); words it does not know
go on to the Snowball stemmer, as before. tools/search_dictionaries.py places the files in the server's
tsearch_data folder. Without them the configurations hold the Snowball stemmer alone (today's behaviour) and a
warning says so; the next `migrate` after installing them adds the dictionary (run update_index afterwards).
"""

import logging

from django.db import DatabaseError, transaction

logger = logging.getLogger("search")

CONFIGS = {"nb": "hub_nb", "nn": "hub_nn", "en": "english"}
TOKENS = "asciiword, asciihword, hword_asciipart, word, hword, hword_part"


def config_for(language):
    return CONFIGS.get(language or "nb", "hub_nb")


def _exists(cursor, table, column, name):
    cursor.execute(f"SELECT 1 FROM {table} WHERE {column} = %s", [name])  # noqa: S608 - fixed identifiers
    return cursor.fetchone() is not None


def ensure(connection):
    """Create or complete hub_nb and hub_nn; returns {language: True if the hunspell dictionary is in use}."""
    if connection.vendor != "postgresql":
        return {}
    state = {}
    with connection.cursor() as cursor:
        for lang in ("nb", "nn"):
            config, dictionary = f"hub_{lang}", f"hub_{lang}_ispell"
            if not _exists(cursor, "pg_ts_config", "cfgname", config):
                cursor.execute(f"CREATE TEXT SEARCH CONFIGURATION {config} (COPY = norwegian)")
            has_dictionary = _exists(cursor, "pg_ts_dict", "dictname", dictionary)
            if not has_dictionary:
                try:
                    with transaction.atomic(using=connection.alias):
                        cursor.execute(
                            f"CREATE TEXT SEARCH DICTIONARY {dictionary} "
                            f"(TEMPLATE = ispell, DictFile = {config}, AffFile = {config}, StopWords = norwegian)"
                        )
                    has_dictionary = True
                except DatabaseError as exc:
                    logger.warning(
                        "search: PostgreSQL has no %s hunspell files (%s); %s uses the Snowball stemmer only. "
                        "Run tools/search_dictionaries.py postgres on the database server, then migrate.",
                        lang,
                        str(exc).strip().splitlines()[0],
                        config,
                    )
            chain = f"{dictionary}, norwegian_stem" if has_dictionary else "norwegian_stem"
            cursor.execute(f"ALTER TEXT SEARCH CONFIGURATION {config} ALTER MAPPING FOR {TOKENS} WITH {chain}")
            state[lang] = has_dictionary
    return state
