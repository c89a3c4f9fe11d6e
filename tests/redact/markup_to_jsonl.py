#!/usr/bin/env python3
"""Converts the marked-up sets (handwritten.txt, cv_style.txt) to JSONL with UTF-8 byte offsets."""
import json
import re
import sys

CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"


def with_checksum(code):
    # DDMMYY?NNN -> DDMMYY?NNNC
    digits = int(code[:6] + code[7:10])
    return code + CHECK[digits % 31]


def convert(path):
    docs, current = [], None
    for line in open(path, encoding="utf-8").read().split("\n"):
        if line.startswith("#") and current is None:
            continue
        if line.startswith("=== "):
            if current:
                docs.append(current)
            head, _, names_part = line[4:].partition(" names=")
            parts = head.split()
            names = [n.strip() for n in names_part.split(";") if n.strip()]
            current = {"id": parts[0], "lang": parts[1], "names": names, "lines": []}
        elif current is not None:
            current["lines"].append(line)
    if current:
        docs.append(current)
    out = []
    for d in docs:
        raw = "\n".join(d["lines"]).strip("\n")
        text, spans, pos = b"", [], 0
        for m in re.finditer(r"\{\{([A-Z_]+)\|(.*?)\}\}", raw):
            text += raw[pos:m.start()].encode()
            value = m.group(2)
            if value.startswith("auto:"):
                value = with_checksum(value[5:])
            start = len(text)
            text += value.encode()
            spans.append({"start": start, "end": len(text), "type": m.group(1)})
            pos = m.end()
        text += raw[pos:].encode()
        out.append({"id": d["id"], "lang": d["lang"], "names": d["names"], "text": text.decode(), "spans": spans})
    return out


if __name__ == "__main__":
    here = sys.argv[1] if len(sys.argv) > 1 else "tests/redact"
    for source, target in [("handwritten.txt", "eval_handwritten.jsonl"), ("cv_style.txt", "eval_cv_style.jsonl")]:
        with open(f"{here}/{target}", "w", encoding="utf-8") as f:
            for d in convert(f"{here}/{source}"):
                f.write(json.dumps(d, ensure_ascii=False) + "\n")
