#!/usr/bin/env python3
"""Builds the labelled redaction evaluation set (eval.jsonl) in the corpus format of
shared/corpus/README.md, plus a "names" field: the applicant's own names, as the intake knows them.

Documents are assembled from hand-written sentences in the style of cover letters, CV text and
application answers (fi/sv/en). Identifying slots are labelled with UTF-8 byte offsets. The seed is
fixed so the file is reproducible: python3 make_eval_set.py > eval.jsonl
"""
import json
import random

rng = random.Random(20261125)

PEOPLE = {  # first, last, {form: text} of Finnish inflections used in the templates
    "fi": [("Aino", "Virtanen", "Virtasen"), ("Matti", "Korhonen", "Korhosen"), ("Aulikki", "Nieminen", "Niemisen"),
           ("Juha", "Mäkinen", "Mäkisen"), ("Satu", "Hämäläinen", "Hämäläisen"), ("Ahmed", "Hassan", "Hassanin"),
           ("Anna-Liisa", "Laine", "Laineen"), ("Pekka", "Heikkinen", "Heikkisen"), ("Leena", "Koskinen", "Koskisen"),
           ("Mikko", "Järvinen", "Järvisen")],
    "sv": [("Erik", "Lindqvist", "Lindqvists"), ("Maria", "Johansson", "Johanssons"), ("Anders", "Nyström", "Nyströms"),
           ("Ida", "Sjöberg", "Sjöbergs"), ("Fatima", "Ali", "Alis"), ("Johan", "Holmström", "Holmströms")],
    "en": [("Sarah", "Thompson", "Thompson's"), ("James", "O'Brien", "O'Brien's"), ("Priya", "Sharma", "Sharma's"),
           ("Daniel", "Okafor", "Okafor's"), ("Emily", "Clarke", "Clarke's"), ("Mohammed", "Rahman", "Rahman's")],
}
OTHERS = {"fi": ["Pekka Korpela", "Riitta Salonen", "Jari Lehtonen"], "sv": ["Karin Berg", "Lars Ek"],
          "en": ["Tom Baker", "Linda Grant"]}
PHONES = ["040 123 4567", "+358 50 765 4321", "044-987 6543", "09 310 1234", "+46 70 123 45 67", "+44 20 7946 0958"]
HETUS = ["131052-308T", "010594Y9032", "020502E902X", "311280-999J"]
STREETS = {"fi": [("Koulukatu 5 A 3", "98100 Kemijärvi"), ("Mannerheimintie 12 B 7", "00100 Helsinki"), ("Rantatie 4", "90100 Oulu")],
           "sv": [("Storgatan 12", "123 45 Stockholm"), ("Strandvägen 3", "00130 Helsingfors")],
           "en": [("221 Baker Street", "00100 Helsinki"), ("14 Mill Road", "20100 Turku")]}
PLACES = {"fi": ["Kemijärvellä", "Rovaniemellä", "Oulussa", "Helsingissä"], "sv": ["Vasa", "Borgå", "Stockholm"],
          "en": ["Tampere", "Turku", "Espoo"]}
ROLES = {"fi": ["luokanopettajan", "sairaanhoitajan", "kirjastonhoitajan", "talouspäällikön", "suunnittelijan"],
         "sv": ["klasslärare", "sjuksköterska", "bibliotekarie", "ekonomichef"],
         "en": ["class teacher", "nurse", "librarian", "finance manager"]}
EMPLOYERS = {"fi": ["Oulun kaupungilla", "Lapin sairaanhoitopiirissä", "Kelassa", "Tampereen yliopistossa"],
             "sv": ["Vasa stad", "Åbo Akademi", "Borgå stad"], "en": ["Espoo city", "the University of Turku", "Nokia"]}


def sentences(lang, first, last, gen, email):
    """Each sentence is a list of (text, type-or-None) pieces."""
    full = f"{first} {last}"
    other = rng.choice(OTHERS[lang])
    street, postal = rng.choice(STREETS[lang])
    place = rng.choice(PLACES[lang])
    age = str(rng.randint(23, 63))
    years = str(rng.randint(2, 25))
    role = rng.choice(ROLES[lang])
    emp = rng.choice(EMPLOYERS[lang])
    if lang == "fi":
        return [
            [("Hei! Olen ", None), (full, "PERSON"), (f" ja haen {role} tehtävää.", None)],
            [("Olen ", None), (f"{age}-vuotias", "AGE"), (" ja ", None), (f"asun {place}", "RESIDENCE"), (".", None)],
            [(f"Työskentelin {emp} {years} vuotta ja vastasin budjetista ja henkilöstöstä.", None)],
            [("Voit tavoittaa minut numerosta ", None), (rng.choice(PHONES), "PHONE"), (" tai osoitteesta ", None), (email, "EMAIL"), (".", None)],
            [("Kotiosoitteeni on ", None), (street, "ADDRESS"), (", ", None), (postal, "POSTAL"), (".", None)],
            [("Henkilötunnukseni on ", None), (rng.choice(HETUS), "ID_CODE"), (".", None)],
            [("Olin ", None), ("äitiyslomalla", "GENDER"), (" vuonna 2021, minkä jälkeen palasin tehtäviini.", None)],
            [("Olen ", None), ("naimisissa", "FAMILY"), (" ja harrastan suunnistusta.", None)],
            [("Äidinkieleni on ruotsi", "LANGUAGE"), (", ja puhun sujuvaa suomea ja englantia.", None)],
            [("Suosittelijana toimii esihenkilöni ", None), (other, "PERSON"), (".", None)],
            [(gen, "PERSON"), (" perheyritys opetti minulle asiakaspalvelua.", None)],
            [("Hallitsen Excelin, SAP:n ja Power BI:n, ja olen suorittanut johtamisen erikoisammattitutkinnon.", None)],
            [("Terveisin ", None), (full, "PERSON")],
            [("Profiilini: ", None), (f"https://www.linkedin.com/in/{first.lower()}{last.lower()}", "URL")],
            [("Olen ", None), ("syntynyt vuonna 19" + str(rng.randint(60, 99)), "AGE"), (" ", None), ("Lapissa", "NATIONALITY"),
             (".", None)],
        ]
    if lang == "sv":
        return [
            [("Hej! Jag heter ", None), (full, "PERSON"), (f" och söker tjänsten som {role}.", None)],
            [("Jag är ", None), (f"{age} år gammal", "AGE"), (" och ", None), (f"bor i {place}", "RESIDENCE"), (".", None)],
            [(f"Jag har arbetat vid {emp} i {years} år med budget och personal.", None)],
            [("Ni når mig på ", None), (rng.choice(PHONES), "PHONE"), (" eller ", None), (email, "EMAIL"), (".", None)],
            [("Min adress är ", None), (street, "ADDRESS"), (", ", None), (postal, "POSTAL"), (".", None)],
            [("Jag var ", None), ("föräldraledig", "GENDER"), (" under 2022.", None)],
            [("Jag ", None), ("är gift", "FAMILY"), (" och tycker om att segla.", None)],
            [("Mitt modersmål är finska", "LANGUAGE"), (" och jag talar flytande svenska.", None)],
            [("Min referens är min chef ", None), (other, "PERSON"), (".", None)],
            [("Jag behärskar Excel, SAP och projektledning.", None)],
            [("Med vänliga hälsningar ", None), (full, "PERSON")],
        ]
    return [
        [("Dear hiring team, my name is ", None), (full, "PERSON"), (f" and I am applying for the {role} position.", None)],
        [("I am ", None), (f"{age} years old", "AGE"), (" and ", None), (f"I live in {place}", "RESIDENCE"), (".", None)],
        [(f"I worked at {emp} for {years} years, managing budgets and a team of eight.", None)],
        [("You can reach me at ", None), (rng.choice(PHONES), "PHONE"), (" or ", None), (email, "EMAIL"), (".", None)],
        [("My address is ", None), (street, "ADDRESS"), (", ", None), (postal, "POSTAL"), (".", None)],
        [("I returned from ", None), ("maternity leave", "GENDER"), (" in 2022.", None)],
        [("I am ", None), ("married", "FAMILY"), (" and enjoy running.", None)],
        [("My mother tongue is Arabic", "LANGUAGE"), (" and I speak fluent English.", None)],
        [("My referee is my manager ", None), (other, "PERSON"), (".", None)],
        [("I am proficient in Excel, SAP and project management.", None)],
        [("Kind regards, ", None), (full, "PERSON")],
        [("Portfolio: ", None), (f"https://github.com/{first.lower()}{last.lower()}".replace("'", ""), "URL")],
    ]


def document(i, lang):
    first, last, gen = rng.choice(PEOPLE[lang])
    email = f"{first.lower()}.{last.lower()}@example.fi".replace("'", "").replace("ä", "a").replace("ö", "o")
    pool = sentences(lang, first, last, gen, email)
    chosen = [pool[0]] + rng.sample(pool[1:], k=rng.randint(3, min(8, len(pool) - 1)))
    text, spans = "", []
    for sentence in chosen:
        for piece, kind in sentence:
            start = len(text.encode())
            text += piece
            if kind:
                spans.append({"start": start, "end": len(text.encode()), "type": kind})
        text += " "
    return {"id": f"{lang}-{i:04d}", "lang": lang, "names": [f"{first} {last}"], "text": text.strip(), "spans": spans}


for n, lang in enumerate(["fi"] * 130 + ["sv"] * 90 + ["en"] * 90):
    print(json.dumps(document(n, lang), ensure_ascii=False))
