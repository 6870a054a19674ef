#!/usr/bin/env python3
"""Give the search engines Debian's Norwegian hunspell dictionaries (packages hunspell-no, hyphen-no).

    python3 tools/search_dictionaries.py postgres [DIR]         -> DIR (default $(pg_config --sharedir)/tsearch_data)
                                                                   /hub_{nb,nn}.affix, .dict
    python3 tools/search_dictionaries.py opensearch CONFIG_DIR  -> CONFIG_DIR/hunspell/hub_{nb,nn}/hub_{nb,nn}.{aff,dic}

The files are converted the way each engine reads them: UTF-8 (Debian ships ISO-8859-1), accents folded as
search.lexicon.fold does (kafé → kafe; æ, ø, å kept), duplicate entries merged. Standard library only, so tools/
postgres.sh can run it before the virtualenv exists. Licence of the word lists: see docs/search-dictionaries.md.
"""

import os
import subprocess
import sys
import unicodedata

SOURCE_DIRS = ("/usr/share/hunspell", "/usr/share/myspell/dicts")
DICTIONARIES = {"hub_nb": "nb_NO", "hub_nn": "nn_NO"}
KEEP = set("æøåÆØÅ")


def fold(text):
    if text.isascii():
        return text
    out = []
    for char in text:
        if char in KEEP or ord(char) < 128:
            out.append(char)
        else:
            out.append("".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)) or char)
    return "".join(out)


def source(name):
    for folder in [os.environ.get("SEARCH_HUNSPELL_DIR", "")] + list(SOURCE_DIRS):
        if folder and os.path.exists(os.path.join(folder, name + ".aff")):
            return os.path.join(folder, name + ".aff"), os.path.join(folder, name + ".dic")
    return None


def encoding(aff_path):
    with open(aff_path, "rb") as fh:
        for raw in fh:
            if raw.startswith(b"SET "):
                return raw.split()[1].decode("ascii").replace("ISO8859", "ISO-8859")
    return "ISO-8859-1"


def converted(name):
    """(affix lines, dictionary lines) in UTF-8 with accents folded, or None when the package is missing."""
    files = source(name)
    if files is None:
        return None
    aff_path, dic_path = files
    enc = encoding(aff_path)
    with open(aff_path, encoding=enc, errors="replace") as fh:
        affix = ["SET UTF-8" if line.startswith("SET ") else fold(line.rstrip("\n")) for line in fh]
    entries = {}
    with open(dic_path, encoding=enc, errors="replace") as fh:
        next(fh, None)
        for line in fh:
            word, _, flags = fold(line.strip()).partition("/")
            if word:
                merged = entries.get(word, "")
                entries[word] = merged + "".join(f for f in flags if f not in merged)
    words = [w + ("/" + f if f else "") for w, f in entries.items()]
    return affix, words


def write(path, lines):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    os.replace(tmp, path)


def postgres(target=None):
    if not target:
        sharedir = subprocess.run(["pg_config", "--sharedir"], capture_output=True, text=True, check=True).stdout
        target = os.path.join(sharedir.strip(), "tsearch_data")
    for name, upstream in DICTIONARIES.items():
        data = converted(upstream)
        if data is None:
            print(
                f"search dictionaries: {upstream} not installed (apt-get install hunspell-no); skipped", file=sys.stderr
            )
            continue
        affix, words = data
        write(os.path.join(target, name + ".affix"), affix)
        write(os.path.join(target, name + ".dict"), words)  # PostgreSQL's ispell template needs no count line
    return 0


def opensearch(config_dir):
    for name, upstream in DICTIONARIES.items():
        data = converted(upstream)
        if data is None:
            print(
                f"search dictionaries: {upstream} not installed (apt-get install hunspell-no); skipped", file=sys.stderr
            )
            continue
        affix, words = data
        folder = os.path.join(config_dir, "hunspell", name)
        os.makedirs(folder, exist_ok=True)
        write(os.path.join(folder, name + ".aff"), affix)
        write(os.path.join(folder, name + ".dic"), [str(len(words)), *words])
    return 0


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "postgres":
        sys.exit(postgres(sys.argv[2] if len(sys.argv) > 2 else None))
    if len(sys.argv) >= 3 and sys.argv[1] == "opensearch":
        sys.exit(opensearch(sys.argv[2]))
    print(__doc__, file=sys.stderr)
    sys.exit(2)
