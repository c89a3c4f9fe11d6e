// Attachments on a labelled set of CV-style documents made here (36: fi/sv/en, PDF and DOCX, with
// the applicant's name, contacts, birth date, address and photo, and references to other people):
// recall per type and over-redaction as the product runs it (the engine told the applicant's form
// values), then pages per second for reading + redaction + rendering, in this process.
// Usage: bench/attachments [--write DIR] [--show N]   (DIR gets the documents and their labels, to
// look at; N prints document N as reviewers get it)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "attach/attachment.h"
#include "redact/free_text_redactor.h"
#include "support/sample_documents.h"

using namespace reilu;

namespace {

struct Label {
  std::string type;  // engine type names: PERSON, EMAIL, PHONE, ...
  std::string value;
  // The field name before the value ("Syntynyt "): covering it with the value or not is neither a
  // miss nor over-redaction.
  std::string field = {};
};

struct LabelledCv {
  std::string lang;
  bool pdf = true;
  Identity identity;
  std::vector<std::string> lines;  // the document's text, line by line (header first)
  std::vector<Label> labels;       // every identifying value in it
  std::string bytes;
};

struct People {
  std::vector<const char*> first, last, towns, streets, employers, schools, tongues;
  const char *title, *profile, *experience, *education, *languages, *references, *born, *tongue_label, *family;
};

const People& PeopleOf(const std::string& lang) {
  static const People fi{{"Aino", "Eero", "Helmi", "Ilkka", "Kaisa", "Lauri", "Minna", "Oskari", "Riikka", "Sami"},
                         {"Aaltonen", "Heikkinen", "Kallio", "Laaksonen", "Mäkelä", "Nieminen", "Ojala", "Rantanen",
                          "Salminen", "Toivonen"},
                         {"Tampere", "Kuopio", "Lahti", "Vaasa", "Joensuu", "Hämeenlinna"},
                         {"Koivukuja 4 B 12", "Rantatie 17", "Myllykatu 3 A 5", "Kirkkokatu 21"},
                         {"Lahden kaupunki", "Pirkanmaan hyvinvointialue", "Kesko Oyj", "Kuopion kaupunki"},
                         {"Tampereen yliopisto", "Savonia-ammattikorkeakoulu", "Jyväskylän yliopisto"},
                         {"suomi", "somali", "viro"},
                         "ANSIOLUETTELO",
                         "Olen kokenut sosiaalialan ammattilainen, joka viihtyy ihmisten parissa.",
                         "Työkokemus",
                         "Koulutus",
                         "Kielitaito",
                         "Suosittelijat",
                         "Syntynyt",
                         "Äidinkieli",
                         "Perhe: kaksi lasta"};
  static const People sv{{"Astrid", "Björn", "Elsa", "Fredrik", "Ingrid", "Johan", "Karin", "Lars", "Maja", "Nils"},
                         {"Andersson", "Bergström", "Ekholm", "Forsman", "Holmberg", "Lindgren", "Nyberg", "Sandberg",
                          "Sjöblom", "Wallin"},
                         {"Vasa", "Jakobstad", "Borgå", "Ekenäs", "Karleby", "Närpes"},
                         {"Strandvägen 7", "Skolgatan 12 A 3", "Kyrkogatan 5", "Björkvägen 9"},
                         {"Vasa stad", "Borgå stad", "Svenska Yle", "Österbottens välfärdsområde"},
                         {"Åbo Akademi", "Yrkeshögskolan Novia", "Helsingfors universitet"},
                         {"svenska", "arabiska", "finska"},
                         "MERITFÖRTECKNING",
                         "Jag är en erfaren socionom som trivs i arbete med människor.",
                         "Arbetserfarenhet",
                         "Utbildning",
                         "Språkkunskaper",
                         "Referenser",
                         "Född",
                         "Modersmål",
                         "Familj: två barn"};
  static const People en{
      {"Amelia", "Daniel", "Grace", "Henry", "Isla", "Jacob", "Lily", "Oliver", "Ruby", "Samuel"},
      {"Bennett", "Carter", "Dawson", "Fletcher", "Hughes", "Kendall", "Marsh", "Palmer", "Reid", "Turner"},
      {"Espoo", "Helsinki", "Turku", "Oulu", "Vantaa", "Kerava"},
      {"Mannerheimintie 12 A 4", "Hämeentie 33", "Itäinen Pitkäkatu 8", "Aleksanterinkatu 15"},
      {"City of Espoo", "Nokia Oyj", "Finnair", "Helsinki University Hospital"},
      {"University of Helsinki", "Aalto University", "Metropolia University of Applied Sciences"},
      {"English", "Somali", "Russian"},
      "CURRICULUM VITAE",
      "I am an experienced social worker who enjoys working with people.",
      "Work experience",
      "Education",
      "Languages",
      "References",
      "Born",
      "Mother tongue",
      "Family: two children"};
  return lang == "sv" ? sv : lang == "en" ? en : fi;
}

template <typename T>
const T& Pick(const std::vector<T>& from, std::mt19937& random) {
  return from[random() % from.size()];
}

LabelledCv MakeCv(const std::string& lang, bool pdf, std::mt19937& random) {
  const People& p = PeopleOf(lang);
  LabelledCv cv;
  cv.lang = lang;
  cv.pdf = pdf;
  Identity& who = cv.identity;
  who.first_name = Pick(p.first, random);
  who.last_name = Pick(p.last, random);
  std::string mail_first = who.first_name, mail_last = who.last_name;
  for (auto* s : {&mail_first, &mail_last}) {
    std::string ascii;
    for (size_t i = 0; i < s->size(); ++i) {
      unsigned char c = static_cast<unsigned char>((*s)[i]);
      if (c == 0xC3 && i + 1 < s->size()) {  // ä ö å → a o a
        unsigned char d = static_cast<unsigned char>((*s)[++i]);
        ascii += d == 0xB6 || d == 0x96 ? 'o' : 'a';
      } else {
        ascii += static_cast<char>(std::tolower(c));
      }
    }
    *s = ascii;
  }
  who.email = mail_first + "." + mail_last + "@example.fi";
  who.phone = "+358 4" + std::to_string(random() % 10) + " " + std::to_string(100 + random() % 900) + " " +
              std::to_string(1000 + random() % 9000);
  who.street_address = Pick(p.streets, random);
  who.postal_code = std::to_string(10000 + random() % 89999);
  who.municipality = Pick(p.towns, random);
  who.birth_date = std::to_string(1960 + random() % 40) + "-0" + std::to_string(1 + random() % 9) + "-1" +
                   std::to_string(random() % 9);
  who.language = lang;
  const std::string day = who.birth_date.substr(8, 2) + "." + std::to_string(std::stoi(who.birth_date.substr(5, 2))) +
                          "." + who.birth_date.substr(0, 4);
  const std::string reference_first = Pick(p.first, random), reference_last = Pick(p.last, random);
  const std::string reference_phone =
      "040 " + std::to_string(100 + random() % 900) + " " + std::to_string(1000 + random() % 9000);
  const std::string tongue = Pick(p.tongues, random);
  const std::string linkedin = "linkedin.com/in/" + mail_first + mail_last;
  auto line = [&](std::string text, std::vector<Label> labels = {}) {
    cv.lines.push_back(std::move(text));
    for (auto& l : labels) cv.labels.push_back(std::move(l));
  };
  const std::string name = who.first_name + " " + who.last_name;
  line(name, {{"PERSON", name}});
  line(p.title);
  line(who.street_address + ", " + who.postal_code + " " + who.municipality,
       {{"ADDRESS", who.street_address}, {"POSTAL", who.postal_code + " " + who.municipality}});
  line(who.phone + " | " + who.email, {{"PHONE", who.phone}, {"EMAIL", who.email}});
  line(linkedin, {{"URL", linkedin}});
  line(std::string(p.born) + " " + day, {{"BIRTH_DATE", day, std::string(p.born) + " "}});
  line(std::string(p.tongue_label) + ": " + tongue, {{"LANGUAGE", tongue, std::string(p.tongue_label) + ": "}});
  const std::string family(p.family);
  const size_t colon = family.find(':') + 2;
  line(family, {{"FAMILY", family.substr(colon), family.substr(0, colon)}});
  line("");
  line(p.profile);
  line("");
  line(p.experience);
  for (int i = 0; i < 3; ++i) {
    line(std::to_string(2010 + 4 * i) + "-" + std::to_string(2014 + 4 * i) + "  " + Pick(p.employers, random));
  }
  line("");
  line(p.education);
  line(std::to_string(2004 + random() % 5) + "  " + Pick(p.schools, random));
  line("");
  line(p.languages);
  line(lang == "fi"   ? "englanti (hyvä), ruotsi (tyydyttävä)"
       : lang == "sv" ? "engelska (goda), finska (nöjaktiga)"
                      : "Finnish (basic), Swedish (basic)");
  line("");
  line(p.references);
  line(reference_first + " " + reference_last + ", " + reference_phone,
       {{"PERSON", reference_first + " " + reference_last}, {"PHONE", reference_phone}});
  if (pdf) {
    cv.bytes = testing::MakePdf({{cv.lines}, /*photo=*/true});
  } else {
    // The name and contacts in the page header, as Word CV templates put them.
    std::vector<std::string> body(cv.lines.begin() + 1, cv.lines.end());
    cv.bytes = testing::MakeDocx(body, cv.lines[0], "Laatija");
  }
  return cv;
}

// A value is caught when every letter and digit of each of its occurrences lies in a span.
struct Tally {
  std::map<std::string, std::pair<int, int>> by_type;  // caught, total
  size_t clean_words = 0, clean_covered = 0;
  std::vector<std::string> misses;
  std::map<std::string, int> over;  // covered words outside the labels, by count
};

void Score(const LabelledCv& cv, const std::string& text, const std::vector<ProposedSpan>& spans, Tally& tally) {
  std::vector<bool> covered(text.size(), false), labelled(text.size(), false);
  for (const auto& s : spans) {
    for (size_t i = s.start; i < s.end && i < text.size(); ++i) covered[i] = true;
  }
  for (const auto& l : cv.labels) {
    // The field name is part of neither count.
    if (!l.field.empty()) {
      for (size_t f = text.find(l.field + l.value); f != std::string::npos; f = text.find(l.field + l.value, f + 1)) {
        for (size_t k = f; k < f + l.field.size(); ++k) labelled[k] = true;
      }
    }
    // A value after its field name is looked for there only ("finska" is also a skill further down).
    size_t at = l.field.empty() ? text.find(l.value) : text.find(l.field + l.value);
    if (!l.field.empty() && at != std::string::npos) at += l.field.size();
    auto& [caught, total] = tally.by_type[l.type];
    ++total;
    if (at == std::string::npos) {
      tally.misses.push_back(l.type + " not in the extracted text: " + l.value);
      continue;
    }
    bool all = true;
    auto next = [&](size_t from) {
      if (l.field.empty()) return text.find(l.value, from);
      size_t f = text.find(l.field + l.value, from);
      return f == std::string::npos ? f : f + l.field.size();
    };
    for (; at != std::string::npos; at = next(at + 1)) {
      for (size_t i = at; i < at + l.value.size(); ++i) {
        labelled[i] = true;
        // Letters and digits must be covered; a ":" between two covered words tells nothing.
        unsigned char c = static_cast<unsigned char>(text[i]);
        if ((std::isalnum(c) || c >= 0x80) && !covered[i]) all = false;
      }
    }
    if (all) {
      ++caught;
    } else {
      tally.misses.push_back(cv.lang + (cv.pdf ? " pdf " : " docx ") + l.type + ": " + l.value);
    }
  }
  // Words outside every label: how many the spans cover (over-redaction).
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    size_t start = i;
    while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    if (i == start) break;
    bool in_label = std::any_of(labelled.begin() + static_cast<long>(start), labelled.begin() + static_cast<long>(i),
                                [](bool b) { return b; });
    if (in_label) continue;
    ++tally.clean_words;
    if (std::any_of(covered.begin() + static_cast<long>(start), covered.begin() + static_cast<long>(i),
                    [](bool b) { return b; })) {
      ++tally.clean_covered;
      ++tally.over[text.substr(start, i - start)];
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::filesystem::path write_dir;
  int show = -1;  // --show N: print document N's text as reviewers get it
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::string(argv[i]) == "--write") write_dir = argv[i + 1];
    if (std::string(argv[i]) == "--show") show = std::stoi(argv[i + 1]);
  }
  std::mt19937 random(20261126);
  std::vector<LabelledCv> set;
  for (const char* lang : {"fi", "sv", "en"}) {
    for (int i = 0; i < 12; ++i) set.push_back(MakeCv(lang, i % 2 == 0, random));
  }
  if (!write_dir.empty()) {
    std::filesystem::create_directories(write_dir);
    for (size_t i = 0; i < set.size(); ++i) {
      const auto& cv = set[i];
      std::string stem = std::to_string(i + 1) + "-" + cv.lang + (cv.pdf ? ".pdf" : ".docx");
      std::ofstream(write_dir / stem, std::ios::binary) << cv.bytes;
      std::ofstream labels(write_dir / (stem + ".labels.txt"));
      for (const auto& l : cv.labels) labels << l.type << "\t" << l.value << "\n";
    }
  }
  const redact::EngineRedactor redactor(std::chrono::seconds(10));
  Tally tally;
  size_t pages = 0;
  std::map<std::string, std::pair<size_t, double>> speed;  // kind → pages, seconds
  for (const auto& cv : set) {
    auto started = std::chrono::steady_clock::now();
    auto extracted = attach::Extract(cv.bytes);
    if (!extracted) {
      std::fprintf(stderr, "cannot read a %s document: %s\n", cv.pdf ? "PDF" : "DOCX",
                   extracted.error().message.c_str());
      return 1;
    }
    auto spans = redactor.FindSpans(extracted->text, cv.identity);
    if (!spans) {
      std::fprintf(stderr, "the engine ran out of time\n");
      return 1;
    }
    std::vector<attachment::Cover> covers;
    for (const auto& s : *spans) covers.push_back({s.start, s.end, redactor.Label(s.type, cv.lang)});
    if (show == static_cast<int>(&cv - set.data()) + 1) {
      std::printf("%s\n", redactor.ApplySpans(extracted->text, *spans, cv.lang).c_str());
    }
    auto rendition = attach::RenderRendition(cv.bytes, *extracted, covers, {cv.lang, "Liite 1", "[KUVA]"});
    if (!rendition) {
      std::fprintf(stderr, "cannot draw the rendition: %s\n", rendition.error().message.c_str());
      return 1;
    }
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    size_t doc_pages = std::max<size_t>(1, extracted->pages.size());
    pages += doc_pages;
    auto& [kind_pages, kind_seconds] = speed[cv.pdf ? "pdf" : "docx"];
    kind_pages += doc_pages;
    kind_seconds += seconds;
    Score(cv, extracted->text, *spans, tally);
  }
  std::printf("== attachments: %zu labelled CV-style documents (fi/sv/en, PDF and DOCX), %zu pages\n", set.size(),
              pages);
  std::printf("%-12s %6s %8s\n", "type", "values", "recall");
  int caught_all = 0, total_all = 0;
  for (const auto& [type, counts] : tally.by_type) {
    std::printf("%-12s %6d %7.1f%%\n", type.c_str(), counts.second, 100.0 * counts.first / counts.second);
    caught_all += counts.first;
    total_all += counts.second;
  }
  std::printf("all values:  %.1f%% of %d caught\n", 100.0 * caught_all / total_all, total_all);
  std::printf("over-redaction: %.2f%% of %zu words outside the labels\n",
              100.0 * static_cast<double>(tally.clean_covered) / static_cast<double>(tally.clean_words),
              tally.clean_words);
  for (const auto& [kind, ps] : speed) {
    std::printf("%-4s read + redact + draw: %.1f pages/s (%zu pages in %.2f s, one core)\n", kind.c_str(),
                static_cast<double>(ps.first) / ps.second, ps.first, ps.second);
  }
  std::vector<std::pair<int, std::string>> over;
  for (const auto& [word, n] : tally.over) over.emplace_back(n, word);
  std::sort(over.rbegin(), over.rend());
  std::printf("most covered words outside the labels:");
  for (size_t i = 0; i < over.size() && i < 30; ++i) std::printf(" %s(%d)", over[i].second.c_str(), over[i].first);
  std::printf("\n");
  std::printf("misses (%zu):\n", tally.misses.size());
  for (size_t i = 0; i < tally.misses.size() && i < 25; ++i) std::printf("  %s\n", tally.misses[i].c_str());
  return 0;
}
