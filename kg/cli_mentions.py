"""`kg mentions`: one JSON line of typed mentions per input line."""

from __future__ import annotations

import json
import sys

import click


@click.command("mentions")
@click.argument("source", default="-", type=click.File("r", encoding="utf-8", errors="replace"))
@click.option("--domain-only", is_flag=True, help="Only the pipeline's classes (no general Person/Place/Organization).")
@click.option("--tagger", type=click.Choice(["jieba", "lac"]), default="jieba", show_default=True,
              help="Where general names come from: jieba's tags, or Baidu LAC (pip install 'kg[lac]').")
def mentions(source, domain_only: bool, tagger: str) -> None:
    """Print the mentions of each line of SOURCE (a file, or - for stdin) as JSON lines.

    Each output line is {"mentions": [{"start", "end", "text", "class"}]} with character
    offsets into that input line (end exclusive) and the ontology class (Official, Person,
    Region, Place, Company, Organization, Project, Initiative).

    \b
    Example:
        echo "市委书记袁家军调研忠县。" | kg mentions
        kg mentions sentences.txt > mentions.jsonl
    """
    from kg.mentions import find_mentions

    out = sys.stdout
    for line in source:
        line = line.rstrip("\n").rstrip("\r")
        ms = find_mentions(line, general=not domain_only, tagger=tagger)
        out.write(json.dumps({"mentions": ms}, ensure_ascii=False) + "\n")
