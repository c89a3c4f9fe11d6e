#!/usr/bin/env python3
"""Cues in first-person sentences written by other people.

Two seeded random samples of first-person sentences from the training splits of the NER corpora
(../shared/corpus/ner: English tweets, Finnish news, blogs and fiction), 150 a language each. Each
sentence in which the writer tells something of themselves that a reviewer must not read (family,
health, age, origin, residence, gender) was labelled by hand once, before the engine was run on
the sample; the label is the word or words that carry the cue. This tool runs `reilu redact` on
each labelled sentence and says whether every labelled word is hidden.

The corpora stay in ../shared (they are not copied here); the sentences are printed from there.
Usage: bench/cue_sample.py REILU_BINARY [CORPUS_DIR]   (skips, and says so, where the corpus is absent)
"""
import json
import os
import random
import re
import subprocess
import sys

PER_LANGUAGE = 150
FIRST_PERSON = {
    "en": re.compile(r"(?i)(^| )(i|i'm|im|my|me|we|our|us|myself)( |$)"),
    "fi": re.compile(r"(?i)(^| )(minä|mä|mun|minun|minulla|mulla|minulle|minua|olen|olin|me|meidän|meillä|meille)( |$)|\w+(ni|mme) "),
}
SPLITS = {"en": "en/wnut17.train.conll", "fi": "fi/turku-ner.train.tsv"}
# Sentence number in each sample (from 1) -> the words that carry the cue, labelled by hand before
# the engine was run on that sample. The second sample is drawn from what the first left, after the
# fixes the first one led to: its first run is the untuned figure for them.
SAMPLES = [
    ("first sample (2026-11-27; untuned: 9 of 27 before the disclosure rules, 14 of 27 after; the fixes since "
     "were made on it)", 20261127, {
        "en": {3: ["sons"], 21: ["Coolum"], 28: ["accident"], 48: ["school run"], 57: ["Dad"], 63: ["16"],
               67: ["dad"], 77: ["mom"], 118: ["kill myself"], 124: ["grandma"], 134: ["son"],
               144: ["knee surgery"], 145: ["children"], 147: ["panic attack"], 149: ["son"]},
        "fi": {42: ["viisikymppisenä"], 44: ["hormonikännissä"], 49: ["sairaalassa"], 60: ["mustia"],
               65: ["mieheni"], 67: ["Isäni"], 69: ["miehestäni"], 96: ["veljen"], 125: ["pojalleni"],
               127: ["tyttö"], 131: ["Miehen"], 141: ["mieheni"]},
    }),
    ("second sample (2026-11-27, after the first one's fixes; untuned first run: 18 of 24; the fixes since were made on it)", 20261128, {
        "en": {4: ["boyfriend"], 5: ["mom"], 6: ["Wrawby"], 24: ["dad"], 28: ["mother"], 50: ["Son"],
               94: ["sister"], 102: ["Brazil"], 117: ["twin"], 124: ["God"], 130: ["San Mateo"], 145: ["mom"]},
        "fi": {25: ["lapsia"], 37: ["lääkärissäkin"], 52: ["Äidin"], 67: ["isoisä"], 75: ["mieheltäni"],
               82: ["kolmekymppisistä"], 100: ["äidilleni"], 107: ["armeijassa"], 113: ["Sisareni"],
               116: ["poikaani"], 136: ["lapseni"], 139: ["miehenä"]},
    }),
]


def sentences(path):
    out, current = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                if current:
                    out.append(" ".join(current))
                    current = []
                continue
            token = line.split("\t")[0]
            if token != "-DOCSTART-":
                current.append(token)
    if current:
        out.append(" ".join(current))
    return out


def first_person_sentences(corpus, lang):
    return [s for s in sentences(os.path.join(corpus, SPLITS[lang])) if FIRST_PERSON[lang].search(s)]


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    reilu = sys.argv[1]
    corpus = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "../../shared/corpus/ner")
    if not all(os.path.exists(os.path.join(corpus, p)) for p in SPLITS.values()):
        print(f"cue sample: skipped, the NER corpora are not at {corpus}")
        return
    pools = {lang: first_person_sentences(corpus, lang) for lang in ("en", "fi")}
    taken = {lang: set() for lang in pools}
    for title, seed, labels in SAMPLES:
        random.seed(seed)
        total = hidden_total = 0
        for lang in ("en", "fi"):
            picked = random.sample([s for s in pools[lang] if s not in taken[lang]], PER_LANGUAGE)
            hidden = 0
            for number, words in sorted(labels[lang].items()):
                text = picked[number - 1]
                result = json.loads(subprocess.run([reilu, "redact", "--lang", lang], input=text.encode(),
                                                   capture_output=True, check=True).stdout)
                spans = [(s["start"], s["end"]) for s in result["spans"]]
                raw = text.encode()

                def covered(word):
                    at = raw.find(word.encode())
                    return at >= 0 and any(a <= at and at + len(word.encode()) <= b for a, b in spans)

                ok = all(covered(w) for w in words)
                hidden += ok
                print(f"{lang} {number:3} {'hidden' if ok else 'LEAKED'}  {', '.join(words)}  | {result['redacted'][:140]}")
            print(f"{lang}: {hidden} of {len(labels[lang])} cue sentences hidden")
            total += len(labels[lang])
            hidden_total += hidden
            taken[lang].update(picked)
        print(f"cue sample: {hidden_total} of {total} cue sentences hidden, {title}")

if __name__ == "__main__":
    main()
