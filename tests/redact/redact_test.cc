#include "redact/redact.h"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <thread>
#include <tuple>

#include "core/redaction.h"
#include "redact/evaluation.h"
#include "redact/free_text_redactor.h"
#include "redact/morphology.h"
#include "redact/place_gazetteer.h"
#include "redact/warm_up.h"

namespace reilu::redact {
namespace {

std::vector<std::string> Found(const std::string& text, EntityType type, const std::vector<std::string>& names = {},
                               const std::string& lang = "fi") {
  static const Engine engine = Engine::Default();
  std::vector<std::string> out;
  for (const auto& s : engine.Analyze(text, Context{lang, names})) {
    if (s.type == type) out.push_back(text.substr(s.start, s.end - s.start));
  }
  return out;
}

using Strings = std::vector<std::string>;

TEST(IdCodeTest, FinnishChecksumAndAllCenturySigns) {
  EXPECT_TRUE(IsValidFinnishIdCode("131052-308T"));
  EXPECT_FALSE(IsValidFinnishIdCode("131052-308U"));  // wrong control character
  EXPECT_FALSE(IsValidFinnishIdCode("310252-308T"));  // 31 February
  // The same birth date and number under each century sign of its century share the control char.
  for (char sign : std::string("-YXWVU")) {
    std::string code = "131052" + std::string(1, sign) + "308T";
    EXPECT_TRUE(IsValidFinnishIdCode(code)) << code;
  }
  for (char sign : std::string("ABCDEF")) {
    std::string code = "010594" + std::string(1, sign) + "9998";  // 010594Y9998 is a valid 1900s code
    EXPECT_EQ(IsValidFinnishIdCode(code), IsValidFinnishIdCode("010594Y9998")) << code;
  }
  EXPECT_TRUE(IsValidFinnishIdCode("010594Y9032"));
  EXPECT_TRUE(IsValidFinnishIdCode("020502E902X"));
  EXPECT_FALSE(IsValidFinnishIdCode("131052G308T"));  // G is no century sign
}

TEST(IdCodeTest, FoundInTextOnlyWhenValid) {
  EXPECT_EQ(Found("Hetu: 131052-308T.", EntityType::kIdCode), Strings{"131052-308T"});
  EXPECT_TRUE(Found("Tilausnumero 131052-308U", EntityType::kIdCode).empty());
  EXPECT_EQ(Found("Personnummer 811218-9876 finns", EntityType::kIdCode, {}, "sv"), Strings{"811218-9876"});
  EXPECT_EQ(Found("pnr 198112189876.", EntityType::kIdCode, {}, "sv"), Strings{"198112189876"});
  EXPECT_TRUE(Found("Ordernummer 811218-9875", EntityType::kIdCode, {}, "sv").empty());
}

TEST(ContactTest, EmailsPhonesUrls) {
  EXPECT_EQ(Found("Sähköposti: matti.meikalainen@kunta.fi.", EntityType::kEmail),
            Strings{"matti.meikalainen@kunta.fi"});
  EXPECT_EQ(Found("Soita 040 123 4567 tai", EntityType::kPhone), Strings{"040 123 4567"});
  EXPECT_EQ(Found("puh. +358 40 1234567.", EntityType::kPhone), Strings{"+358 40 1234567"});
  EXPECT_EQ(Found("tel 09-123 4567", EntityType::kPhone), Strings{"09-123 4567"});
  EXPECT_EQ(Found("call +44 20 7946 0958 now", EntityType::kPhone, {}, "en"), Strings{"+44 20 7946 0958"});
  EXPECT_TRUE(Found("Budjetti 2 000 000 euroa vuonna 2023", EntityType::kPhone).empty());
  EXPECT_EQ(Found("Profiili: https://www.linkedin.com/in/mattim ja", EntityType::kUrl),
            Strings{"https://www.linkedin.com/in/mattim"});
  EXPECT_EQ(Found("see github.com/mattim", EntityType::kUrl, {}, "en"), Strings{"github.com/mattim"});
}

// What the applicant gave on the form is found wherever it stands in their own text: the home
// municipality inflected, the phone however it is spaced, the other values as written.
TEST(KnownValuesTest, TheApplicantsOwnValuesAreFoundAsGivenAndInflected) {
  static const Engine engine = Engine::Default();
  Context context{"fi", {"Helmi Koskinen"}};
  context.known_places = {"Rovaniemi"};
  context.known_values = {{EntityType::kPhone, "+358 50 765 4321"},
                          {EntityType::kPostal, "96100"},
                          {EntityType::kEmail, "Helmi.Koskinen@example.fi"},
                          {EntityType::kAddress, "Kirjastokatu 3"}};
  const std::string text =
      "Asun Rovaniemellä osoitteessa Kirjastokatu 3, 96100 ROVANIEMI. Puh. 050-765 4321, "
      "helmi.koskinen@example.fi. Työskentelin Rovaniemen kirjastossa 961000 tunnin ajan.";
  std::vector<std::pair<EntityType, std::string>> found;
  for (const auto& s : engine.Analyze(text, context)) found.emplace_back(s.type, text.substr(s.start, s.end - s.start));
  // A span of `type` that covers `value` (a cue may widen it: "Asun Rovaniemellä").
  auto has = [&](EntityType type, const std::string& value) {
    return std::any_of(found.begin(), found.end(),
                       [&](const auto& f) { return f.first == type && f.second.find(value) != std::string::npos; });
  };
  EXPECT_TRUE(has(EntityType::kResidence, "Rovaniemellä")) << [&] {
    std::string all;
    for (const auto& [type, value] : found) all += std::string(EntityTypeName(type)) + ":" + value + "|";
    return all;
  }();
  EXPECT_TRUE(has(EntityType::kResidence, "Rovaniemen"));
  EXPECT_TRUE(has(EntityType::kPhone, "050-765 4321"));
  EXPECT_TRUE(has(EntityType::kEmail, "helmi.koskinen@example.fi"));
  std::string all;
  for (const auto& [type, value] : found) all += value + "|";
  EXPECT_NE(all.find("96100"), std::string::npos) << all;
  EXPECT_NE(all.find("Kirjastokatu 3"), std::string::npos) << all;
  EXPECT_EQ(all.find("961000"), std::string::npos) << all;  // a longer number is not the postal code
}

// A CV's heading in capitals on the line after the name is not part of the name; a surname in
// capitals on the name's own line (an EU document's style) is.
TEST(KnownValuesTest, AHeadingInCapitalsIsNoPartOfTheNameAbove) {
  // A CV's first lines, checked as the product checks an attachment (told the form's values).
  const EngineRedactor redactor;
  Identity who;
  who.first_name = "Aino";
  who.last_name = "Toivonen";
  who.municipality = "Joensuu";
  who.language = "fi";
  const std::string cv = "Aino Toivonen\nANSIOLUETTELO\nRantatie 17, 80100 Joensuu\n";
  EXPECT_EQ(redactor.ApplySpans(cv, *redactor.FindSpans(cv, who), "fi"), "[NIMI]\nANSIOLUETTELO\n[OSOITE], [OSOITE]\n");
  // On the name's own line a surname in capitals is part of it.
  EXPECT_EQ(Found("Komission puolesta Franz FISCHLER", EntityType::kPerson), Strings{"Franz FISCHLER"});
}

// Places voikko does not know: the Swedish names of Finnish municipalities, Swedish towns, and the
// world's countries, regions and cities from Debian's iso-codes and tzdata; never an ordinary word.
TEST(PlaceGazetteerTest, KnowsPlacesVoikkoDoesNot) {
  for (const char* place : {"Jakobstad", "Jakobstads", "Närpes", "helsingfors", "Göteborgs", "Mariehamn", "Leeds",
                            "London's", "Nigeria", "Lagos", "Somalia", "Uusimaa", "Stockholm"}) {
    EXPECT_TRUE(IsKnownPlace(place)) << place;
  }
  // The countries' Swedish and Finnish names from iso-codes' catalogues, each part of one joined by
  // hyphens (for NamesAPlace: the name model was trained with what IsKnownPlace knows).
  for (const char* place : {"Syrien", "Irak", "Tyskland", "Bosnien", "Hercegovina", "Syyria", "Kiina"}) {
    EXPECT_TRUE(NamesAPlace(place)) << place;
  }
  for (const char* word : {"Central", "Reading", "Consulting", "Kirjasto", "Oy", "Wilma", "Virtanen"}) {
    EXPECT_FALSE(IsKnownPlace(word)) << word;
  }
}

// An employer or school that names a place is flagged for the owner's look, in Swedish and
// English as in Finnish.
TEST(PlaceGazetteerTest, EmployersThatNameAPlaceAreFlagged) {
  const EngineRedactor redactor;
  Identity who;
  who.first_name = "Anna";
  who.last_name = "Björklund";
  who.language = "sv";
  Merits merits;
  merits.experience = {
      {"Lärare", "Jakobstads stad", 48}, {"Teacher", "Leeds City Council", 24}, {"Lärare", "Kaupunginkirjasto", 12}};
  merits.education = {{"master", "Pedagogik", "Åbo Akademi"}};
  auto review = redactor.Review(FreeText{}, merits, who);
  ASSERT_TRUE(review.has_value());
  std::vector<std::string> flagged;
  for (const auto& f : review->merit_flags) flagged.push_back(f.value + ": " + f.reason);
  EXPECT_EQ(flagged, (std::vector<std::string>{"Jakobstads stad: names_a_place", "Leeds City Council: names_a_place",
                                               "Åbo Akademi: names_a_place"}));
}

TEST(AddressTest, StreetsAndPostalCodes) {
  EXPECT_EQ(Found("Asuin ennen osoitteessa Mannerheimintie 5 A 3, 00100 Helsinki", EntityType::kAddress),
            Strings{"Mannerheimintie 5 A 3"});
  EXPECT_EQ(Found("Asuin ennen osoitteessa Mannerheimintie 5 A 3, 00100 Helsinki", EntityType::kPostal),
            Strings{"00100 Helsinki"});
  // After a personal-details label the whole value is one address (field_recognizer.cc).
  EXPECT_EQ(Found("Osoite: Mannerheimintie 5 A 3, 00100 Helsinki", EntityType::kAddress),
            Strings{"Mannerheimintie 5 A 3, 00100 Helsinki"});
  EXPECT_EQ(Found("Jag bor på Storgatan 12, 123 45 Stockholm", EntityType::kAddress, {}, "sv"),
            Strings{"Storgatan 12"});
  EXPECT_EQ(Found("at 221 Baker Street", EntityType::kAddress, {}, "en"), Strings{"221 Baker Street"});
  // The post town before a UK postcode is part of it.
  EXPECT_EQ(Found("Flat 3, 27 Hyde Park Road, Leeds LS6 1AE", EntityType::kPostal, {}, "en"), Strings{"Leeds LS6 1AE"});
  EXPECT_TRUE(Found("Työskentelin Kaupunginkirjastossa 5 vuotta", EntityType::kAddress).empty());
}

TEST(AgeTest, AgesAndBirthYearsNotExperience) {
  EXPECT_EQ(Found("Olen 45-vuotias sairaanhoitaja", EntityType::kAge), Strings{"45-vuotias"});
  EXPECT_EQ(Found("45-vuotiaana aloitin", EntityType::kAge), Strings{"45-vuotiaana"});
  EXPECT_EQ(Found("Jag är 38 år gammal", EntityType::kAge, {}, "sv"), Strings{"38 år gammal"});
  EXPECT_TRUE(Found("Jag har 5 år erfarenhet", EntityType::kAge, {}, "sv").empty());
  EXPECT_EQ(Found("I am a 52-year-old nurse", EntityType::kAge, {}, "en"), Strings{"52-year-old"});
  EXPECT_EQ(Found("aged 29, I moved", EntityType::kAge, {}, "en"), Strings{"aged 29"});
  EXPECT_EQ(Found("Olen syntynyt vuonna 1979 Oulussa", EntityType::kAge), Strings{"syntynyt vuonna 1979"});
  EXPECT_TRUE(Found("Minulla on 10 vuoden kokemus", EntityType::kAge).empty());
  EXPECT_EQ(Found("Syntymäaika: 12.4.1985", EntityType::kBirthDate), Strings{"12.4.1985"});
}

TEST(KnownNameTest, FinnishInflectionsOfTheApplicantsName) {
  Strings names = {"Aulikki Virtanen", "Matti"};
  for (const std::string form : {"Virtanen", "Virtasen", "Virtaselle", "Virtasta", "Virtasella", "Aulikki", "Aulikille",
                                 "Aulikin", "Matin", "Matille", "Mattia", "Matti"}) {
    EXPECT_EQ(Found("Terveisin " + form + ".", EntityType::kPerson, names), Strings{form}) << form;
  }
  // Near misses are not the applicant's name (the morphology recognizer may still know them as names).
  for (const std::string other : {"Mattila", "Virta", "Aula", "Mattolaiturilla"}) {
    std::vector<Span> spans;
    MakeKnownNameRecognizer()->Find("Terveisin " + other + ".", Context{"fi", names}, spans);
    EXPECT_TRUE(spans.empty()) << other;
  }
}

TEST(KnownNameTest, CaseInsensitiveHyphenatedAndPossessive) {
  Strings names = {"Anna-Liisa Öhman"};
  EXPECT_EQ(Found("ANNA-LIISAN työ", EntityType::kPerson, names), Strings{"ANNA-LIISAN"});
  EXPECT_EQ(Found("öhmanille", EntityType::kPerson, names), Strings{"öhmanille"});
  EXPECT_EQ(Found("Liisan kanssa", EntityType::kPerson, names), Strings{"Liisan"});
  EXPECT_EQ(Found("Anna's work", EntityType::kPerson, names, "en"), Strings{"Anna's"});
}

TEST(ContextNameTest, NamesAnnouncedByContext) {
  EXPECT_EQ(Found("Suosittelijani on esihenkilöni Pekka Korpela.", EntityType::kPerson), Strings{"Pekka Korpela"});
  EXPECT_EQ(Found("Min referens är min chef Karin Berg.", EntityType::kPerson, {}, "sv"), Strings{"Karin Berg"});
  EXPECT_EQ(Found("My referee is my manager Tom Baker.", EntityType::kPerson, {}, "en"), Strings{"Tom Baker"});
  EXPECT_TRUE(Found("Esihenkilönä vastasin kahdeksan hengen tiimistä.", EntityType::kPerson).empty());
}

// A title says a name follows, also one that is an everyday word; the title goes with the name, as
// it may tell the person's gender. Before these, "Dr" was taken for a name and "Cox", "Green",
// "Jordan" were left for every reviewer to read.
TEST(ContextNameTest, NamesAfterATitle) {
  EXPECT_EQ(Found("I met Dr. Cox yesterday.", EntityType::kPerson, {}, "en"), Strings{"Dr. Cox"});
  EXPECT_EQ(Found("Thank you, Mr. Green, for the reference.", EntityType::kPerson, {}, "en"), Strings{"Mr. Green"});
  EXPECT_EQ(Found("Ms Jordan supervised my thesis.", EntityType::kPerson, {}, "en"), Strings{"Ms Jordan"});
  EXPECT_EQ(Found("My referee is Prof. Lily Grant at the university.", EntityType::kPerson, {}, "en"),
            Strings{"Prof. Lily Grant"});
  EXPECT_EQ(Found("Jag arbetade med Dr. Berg och Fru Lind.", EntityType::kPerson, {}, "sv"),
            (Strings{"Dr. Berg", "Fru Lind"}));
  EXPECT_EQ(Found("Tapasin rouva Niskasen ja herra Grünbergin.", EntityType::kPerson),
            (Strings{"rouva Niskasen", "herra Grünbergin"}));
  // Not a title: a product written in capitals, a salutation, a title inside another word.
  EXPECT_TRUE(Found("I use MS Office. Dear Sir or Madam,", EntityType::kPerson, {}, "en").empty());
  EXPECT_TRUE(Found("We visited Notre-Dame Cathedral.", EntityType::kPerson, {}, "en").empty());
}

// A fixed lexicon standing in for voikko, so the ambiguity rules are tested on their own.
class FakeMorphology final : public Morphology {
 public:
  WordClasses Classify(std::string_view w) const override {
    if (w == "Virtanen" || w == "Virtasen") return {false, true, false, false};
    if (w == "Anna") return {true, false, false, true};      // also the verb antaa
    if (w == "Satu") return {true, false, false, true};      // also the noun satu
    if (w == "Mattilan") return {false, true, true, false};  // also a place
    if (w == "Espoossa") return {false, false, true, false};
    return {};
  }
};

// What the lexicon finds, as the engine keeps it (a full name is one span).
std::vector<std::string> LexiconNames(const std::string& text, const Morphology* m) {
  Engine engine;
  engine.Add(MakeLexiconNameRecognizer(m));
  std::vector<std::string> out;
  for (const auto& s : engine.Analyze(text, Context{"fi", {}})) out.push_back(text.substr(s.start, s.end - s.start));
  return out;
}

TEST(LexiconNameTest, AmbiguousFormsCountOnlyWhereCapitalisationMeansSomething) {
  FakeMorphology m;
  EXPECT_EQ(LexiconNames("Anna palautetta. Kysyin Virtasen mielipidettä.", &m), Strings{"Virtasen"});
  EXPECT_EQ(LexiconNames("Kävin Mattilan kanssa kurssin.", &m), Strings{"Mattilan"});
  EXPECT_EQ(LexiconNames("Työskentelin Espoossa.", &m), Strings{});
  EXPECT_EQ(LexiconNames("Satu Virtanen opetti minua.", &m), Strings{"Satu Virtanen"});
  EXPECT_EQ(LexiconNames("Satu kertoo kuninkaasta. Luin Satu-kirjan.", &m), Strings{});
  EXPECT_EQ(LexiconNames("Kysyin Virtasen mielipidettä.", nullptr), Strings{});  // no morphology: nothing
  std::vector<Span> english;
  MakeLexiconNameRecognizer(&m)->Find("I asked Virtanen.", Context{"en", {}}, english);
  EXPECT_TRUE(english.empty());
}

// The words for the peoples of the world's countries are nationality cues that the owner looks at
// before release: Finnish in any inflection and compound, English with a capital and in the plural,
// also inside a text of another language. Not the host country's people, not an English word that
// is also a language's name (a skill), not a lower-case English word.
TEST(CueTest, ThePeoplesOfTheWorldAreUnsureNationalityCues) {
  static const auto recognizer = MakeNationalityRecognizer();
  auto found = [](const std::string& text) {
    std::vector<Span> spans;
    recognizer->Find(text, Context{"fi", {}}, spans);
    std::vector<std::string> out;
    for (const auto& s : spans) {
      EXPECT_EQ(s.type, EntityType::kNationality);
      EXPECT_LT(s.confidence, kSureSpan);
      out.push_back(text.substr(s.start, s.end - s.start));
    }
    return out;
  };
  EXPECT_EQ(found("- Nigerian nursing diploma 2016"), Strings{"Nigerian"});
  EXPECT_EQ(found("Olen somalialainen ja asun Oulussa."), Strings{"somalialainen"});
  EXPECT_EQ(found("Nigerialaisena sairaanhoitajana tiedän, mitä tarkoitan."), Strings{"Nigerialaisena"});
  EXPECT_EQ(found("Työskentelin itävaltalaisessa yrityksessä."), Strings{"itävaltalaisessa"});
  EXPECT_EQ(found("Olen eritrealaissyntyinen."), Strings{"eritrealaissyntyinen"});
  EXPECT_EQ(found("I worked with Ghanaians and Kenyans."), (Strings{"Ghanaians", "Kenyans"}));
  EXPECT_TRUE(found("Suomalainen työelämä ja suomalaiset kollegat ovat tuttuja.").empty());
  EXPECT_TRUE(found("Languages: Polish (fluent), German (good), Finnish (native)").empty());
  EXPECT_TRUE(found("the canadian winter; Kalalainen; palaisin; kylälaista").empty());
  // Swedish: adjectives with their endings and the people's nouns; a language's name stays a skill.
  EXPECT_EQ(found("Jag har somaliskt ursprung och eritreanska vänner."), (Strings{"somaliskt", "eritreanska"}));
  EXPECT_EQ(found("Somaliern och irakierna i laget"), (Strings{"Somaliern", "irakierna"}));
  EXPECT_TRUE(found("Språk: svenska, finska, somaliska, tyska. Jag är svensk och finsk.").empty());
  // In the engine, in a Finnish CV's English line.
  EXPECT_EQ(Found("Koulutus\n- Nigerian nursing diploma 2016", EntityType::kNationality), Strings{"Nigerian"});
}

TEST(LexiconNameTest, VoikkoFindsInflectedNamesItKnows) {
  ASSERT_NE(FinnishMorphology(), nullptr) << "libvoikko with voikko-fi is installed by scripts/install-deps";
  EXPECT_EQ(Found("Kävin Mattilan kanssa kurssin.", EntityType::kPerson), Strings{"Mattilan"});
  EXPECT_EQ(Found("Lähetin viestin Aulikille eilen.", EntityType::kPerson), Strings{"Aulikille"});
  EXPECT_EQ(Found("Anna palautetta. Asun nyt muualla.", EntityType::kPerson), Strings{});
  EXPECT_EQ(Found("Työskentelin Nokialla ja Helsingin yliopistossa.", EntityType::kPerson), Strings{});
  EXPECT_EQ(Found("Opiskelin Ahmedin ja Liisa Korhosen kanssa.", EntityType::kPerson),
            (Strings{"Ahmedin", "Liisa Korhosen"}));
}

// The server's threads share one memo of libvoikko's answers: threads asking about the same words
// at once all get the answers one thread alone gets.
TEST(LexiconNameTest, VoikkoAnswersAreTheSameFromManyThreads) {
  const Morphology* finnish = FinnishMorphology();
  ASSERT_NE(finnish, nullptr);
  const std::vector<std::string> words = {"Mattilan",  "Aulikille", "Helsingissä", "Anna",        "Korhonen",
                                          "Anna-Mari", "Nokialla",  "Xqzvw",       "Tampereelta", "Liisa"};
  auto answers = [&](int offset) {
    std::vector<std::tuple<bool, bool, bool, bool>> out;
    for (size_t i = 0; i < words.size(); ++i) {
      const auto c = finnish->Classify(words[(i + static_cast<size_t>(offset)) % words.size()]);
      out.emplace_back(c.first_name, c.surname, c.place, c.other);
    }
    std::rotate(out.rbegin(), out.rbegin() + offset % static_cast<int>(words.size()), out.rend());
    return out;
  };
  const auto alone = answers(0);
  EXPECT_TRUE(std::get<0>(alone[9]));  // Liisa
  EXPECT_TRUE(std::get<2>(alone[2]));  // Helsingissä
  std::vector<std::thread> threads;
  std::vector<std::vector<std::tuple<bool, bool, bool, bool>>> results(8);
  for (int t = 0; t < 8; ++t) threads.emplace_back([&, t] { results[static_cast<size_t>(t)] = answers(t); });
  for (auto& t : threads) t.join();
  for (const auto& r : results) EXPECT_EQ(r, alone);
}

// Each thread keeps the words it asked last in a small table in front of the shared memo: with
// thousands of other words asked in between, taking the same places, every answer is still the
// word's own.
TEST(LexiconNameTest, VoikkoAnswersStayEachWordsOwnAmongManyWords) {
  const Morphology* finnish = FinnishMorphology();
  ASSERT_NE(finnish, nullptr);
  auto classes = [&](const std::string& w) {
    const auto c = finnish->Classify(w);
    return std::make_tuple(c.first_name, c.surname, c.place, c.other, c.verb, c.nominative);
  };
  const std::vector<std::string> words = {"Liisa", "Korhosen", "Helsingissä", "Anna", "kävelin", "Tampereelta"};
  std::vector<std::tuple<bool, bool, bool, bool, bool, bool>> first;
  for (const auto& w : words) first.push_back(classes(w));
  EXPECT_TRUE(std::get<0>(first[0]));  // Liisa: a first name
  EXPECT_TRUE(std::get<2>(first[2]));  // Helsingissä: a place
  const auto nothing = std::make_tuple(false, false, false, false, false, false);
  for (int i = 0; i < 20000; ++i) {
    ASSERT_EQ(classes("Xqv" + std::to_string(i)), nothing) << i;
    if (i % 97 == 0) {
      for (size_t k = 0; k < words.size(); ++k) ASSERT_EQ(classes(words[k]), first[k]) << words[k] << " after " << i;
    }
  }
}

TEST(LexiconNameTest, SwedishAndEnglishNamesFromTheBuiltInLexicon) {
  EXPECT_EQ(Found("Jag träffade Karin och Anders på mötet.", EntityType::kPerson, {}, "sv"),
            (Strings{"Karin", "Anders"}));
  EXPECT_EQ(Found("Det var Lindbergs idé.", EntityType::kPerson, {}, "sv"), Strings{"Lindbergs"});
  EXPECT_EQ(Found("I met Grace at the conference.", EntityType::kPerson, {}, "en"), Strings{"Grace"});
  EXPECT_TRUE(Found("Will you come? Grace under pressure matters.", EntityType::kPerson, {}, "en").empty());
  EXPECT_TRUE(Found("We improved the intake process.", EntityType::kPerson, {}, "en").empty());
}

TEST(KnownNameTest, EStemGenitive) {
  EXPECT_EQ(Found("Laineen perhe", EntityType::kPerson, {"Laine"}), Strings{"Laineen"});
}

TEST(CueTest, QuasiIdentifiers) {
  EXPECT_EQ(Found("Olin äitiyslomalla vuonna 2019", EntityType::kGender), Strings{"äitiyslomalla"});
  EXPECT_EQ(Found("Äidinkieleni on ruotsi.", EntityType::kLanguage), Strings{"Äidinkieleni on ruotsi"});
  EXPECT_TRUE(Found("Puhun sujuvaa ruotsia ja englantia.", EntityType::kLanguage).empty());
  // A CV's field list says it in the nominative; the school subject of the same name is not a cue.
  EXPECT_EQ(Found("Äidinkieli: viro", EntityType::kLanguage), Strings{"Äidinkieli: viro"});
  EXPECT_TRUE(Found("Opetan äidinkieli ja kirjallisuus -oppiainetta.", EntityType::kLanguage).empty());
  EXPECT_EQ(Found("Olen naimisissa ja minulla on kolme lasta", EntityType::kFamily),
            (Strings{"naimisissa", "kolme lasta"}));
  EXPECT_EQ(Found("Kahden lapsen äitinä osaan järjestää asiat.", EntityType::kFamily), Strings{"Kahden lapsen äitinä"});
  // A CV's field list: "Family: two children" (the number of children, as "två barn" is).
  EXPECT_EQ(Found("Family: two children", EntityType::kFamily, {}, "en"), Strings{"two children"});
  EXPECT_EQ(Found("Jag är gift och har två barn.", EntityType::kFamily, {}, "sv"),
            (Strings{"är gift och har två barn"}));
  EXPECT_EQ(Found("Jag är 34 år och gift.", EntityType::kFamily, {}, "sv"), Strings{"gift"});
  EXPECT_TRUE(Found("Jag ansvarade för barn- och ungdomsverksamheten.", EntityType::kFamily, {}, "sv").empty());
  EXPECT_EQ(Found("Olen syntyjään virolainen.", EntityType::kNationality), Strings{"syntyjään virolainen"});
  EXPECT_EQ(Found("I am a British citizen.", EntityType::kNationality, {}, "en"), Strings{"a British citizen"});
  EXPECT_TRUE(Found("Rakensimme maahanmuuttajille neuvontapisteen.", EntityType::kNationality).empty());
  // Origin as a background, in each language; not a background of another kind.
  EXPECT_EQ(Found("Minulla on nigerialainen tausta.", EntityType::kNationality), Strings{"nigerialainen tausta"});
  EXPECT_EQ(Found("Olen virolaista syntyperää.", EntityType::kNationality), Strings{"virolaista syntyperää"});
  EXPECT_EQ(Found("Olen virolaistaustainen sairaanhoitaja.", EntityType::kNationality), Strings{"virolaistaustainen"});
  EXPECT_TRUE(Found("Minulla on tekninen tausta ja kaupallinen koulutus.", EntityType::kNationality).empty());
  EXPECT_EQ(Found("Jag har utländsk bakgrund.", EntityType::kNationality, {}, "sv"), Strings{"utländsk bakgrund"});
  EXPECT_TRUE(Found("Jag har teknisk bakgrund.", EntityType::kNationality, {}, "sv").empty());
  EXPECT_EQ(Found("I have a Nigerian background and love nursing.", EntityType::kNationality, {}, "en"),
            Strings{"a Nigerian background"});
  EXPECT_EQ(Found("I am of Somali descent.", EntityType::kNationality, {}, "en"), Strings{"of Somali descent"});
  EXPECT_TRUE(
      Found("I have a strong technical background and an IT background.", EntityType::kNationality, {}, "en").empty());
  EXPECT_EQ(Found("Olen aktiivinen seurakunnan jäsen.", EntityType::kReligion),
            Strings{"aktiivinen seurakunnan jäsen"});
  EXPECT_EQ(Found("I have type 1 diabetes.", EntityType::kHealth, {}, "en"), Strings{"type 1 diabetes"});
  EXPECT_EQ(Found("Muutimme viime vuonna Kuopioon.", EntityType::kResidence),
            Strings{"Muutimme viime vuonna Kuopioon"});
  EXPECT_EQ(Found("My mother tongue is Arabic.", EntityType::kLanguage, {}, "en"),
            Strings{"My mother tongue is Arabic"});
  EXPECT_EQ(Found("Asun Kemijärvellä", EntityType::kResidence), Strings{"Asun Kemijärvellä"});
  EXPECT_EQ(Found("I was on sick leave", EntityType::kHealth, {}, "en"), Strings{"sick leave"});
  EXPECT_EQ(Found("Jag är kristen", EntityType::kReligion, {}, "sv"), Strings{"kristen"});
  // "MS" is a disease where one says one has it; in a CV's skills it is Microsoft's.
  EXPECT_EQ(Found("I have MS, which is well controlled.", EntityType::kHealth, {}, "en"), Strings{"I have MS"});
  EXPECT_EQ(Found("Sairastan MS-tautia.", EntityType::kHealth), Strings{"Sairastan MS-tautia"});
  EXPECT_EQ(Found("Jag har MS.", EntityType::kHealth, {}, "sv"), Strings{"Jag har MS"});
  EXPECT_TRUE(Found("Osaan MS Office -ohjelmat ja MS Excelin.", EntityType::kHealth).empty());
  EXPECT_TRUE(Found("I have MS Office and MS Teams skills.", EntityType::kHealth, {}, "en").empty());
}

// Cues as applicants write them, from sentences written for this in a style the sets do not use
// (their first run left each of these for the reviewers to read).
// The spans of `type` the engine is sure of (left: the ones it is not, which HR is asked to look at).
std::pair<Strings, Strings> SureAndUnsure(const std::string& text, EntityType type, const std::string& lang = "fi") {
  static const Engine engine = Engine::Default();
  std::pair<Strings, Strings> out;
  for (const auto& s : engine.Analyze(text, Context{lang, {}})) {
    if (s.type != type) continue;
    (s.confidence >= kSureSpan ? out.first : out.second).push_back(text.substr(s.start, s.end - s.start));
  }
  return out;
}

// A fourth batch of applicant-style sentences (tests/redact/probes.txt): 15 of 30 leaked a cue at
// the first run, said in passing in forms the phrases did not know. A personal matter next to the
// writer's own word is sure, wherever it stands in the sentence.
TEST(DisclosureTest, APersonalMatterTiedToTheWriter) {
  using P = std::pair<Strings, Strings>;
  EXPECT_EQ(SureAndUnsure("Following my stroke last spring I recovered.", EntityType::kHealth, "en"),
            (P{{"stroke"}, {}}));
  EXPECT_EQ(SureAndUnsure("I manage my insulin myself.", EntityType::kHealth, "en"), (P{{"insulin"}, {}}));
  EXPECT_EQ(SureAndUnsure("I have had a mild heart attack.", EntityType::kHealth, "en"), (P{{"heart attack"}, {}}));
  EXPECT_EQ(SureAndUnsure("Being deaf, I use sign language.", EntityType::kHealth, "en"), (P{{"deaf"}, {}}));
  EXPECT_EQ(SureAndUnsure("Minulla todettiin viime vuonna uniapnea.", EntityType::kHealth), (P{{"uniapnea"}, {}}));
  EXPECT_EQ(SureAndUnsure("Sairauteni ei haittaa työtä.", EntityType::kHealth), (P{{"Sairauteni"}, {}}));
  EXPECT_EQ(SureAndUnsure("Sedan min utbrändhet arbetar jag deltid.", EntityType::kHealth, "sv"),
            (P{{"utbrändhet"}, {}}));
  EXPECT_EQ(SureAndUnsure("Jag har en kronisk sjukdom.", EntityType::kHealth, "sv"), (P{{"sjukdom"}, {}}));
  EXPECT_EQ(SureAndUnsure("With my three kids I plan well.", EntityType::kFamily, "en"), (P{{"my three kids"}, {}}));
  EXPECT_EQ(SureAndUnsure("I fled with my family.", EntityType::kFamily, "en"), (P{{"my family"}, {}}));
  EXPECT_EQ(SureAndUnsure("Puolisoni ja lapseni muuttavat myös.", EntityType::kFamily),
            (P{{"Puolisoni", "lapseni"}, {}}));
  EXPECT_EQ(SureAndUnsure("Olen isä kahdelle teinille.", EntityType::kFamily), (P{{"isä"}, {}}));
  EXPECT_EQ(SureAndUnsure("Min yngsta dotter börjar skolan.", EntityType::kFamily, "sv"),
            (P{{"Min yngsta dotter"}, {}}));
  // "Our" and "-mme" are a teacher's too ("our children learn by playing"): hidden, for a look.
  EXPECT_EQ(SureAndUnsure("Our children learn by playing.", EntityType::kFamily, "en"), (P{{}, {"Our children"}}));
  EXPECT_EQ(SureAndUnsure("Hoidin kolmea lastamme kotona.", EntityType::kFamily), (P{{}, {"lastamme"}}));
  EXPECT_EQ(SureAndUnsure("Efter ledigheten med tvillingarna söker jag jobb.", EntityType::kFamily, "sv"),
            (P{{}, {"tvillingarna"}}));
  EXPECT_EQ(SureAndUnsure("We moved when our one-year-old daughter was born.", EntityType::kFamily, "en"),
            (P{{"our one-year-old daughter"}, {}}));
  // The same matter with the work after it is the work: not the writer's.
  EXPECT_TRUE(SureAndUnsure("I led my diabetes patients' groups.", EntityType::kHealth, "en").first.empty());
  EXPECT_TRUE(SureAndUnsure("My family services team won a prize.", EntityType::kFamily, "en").first.empty());
  EXPECT_TRUE(SureAndUnsure("My mother tongue is Finnish.", EntityType::kFamily, "en").first.empty());
  EXPECT_TRUE(SureAndUnsure("I was a mother tongue teacher.", EntityType::kFamily, "en").first.empty());
  EXPECT_TRUE(SureAndUnsure("Äidinkieleni on suomi.", EntityType::kFamily).first.empty());
  EXPECT_TRUE(SureAndUnsure("I have worked with stroke patients.", EntityType::kHealth, "en").first.empty());
  EXPECT_TRUE(SureAndUnsure("Min syn på ledarskap är enkel.", EntityType::kHealth, "sv").first.empty());
  EXPECT_TRUE(SureAndUnsure("I know MS Office well.", EntityType::kHealth, "en").first.empty());
  EXPECT_TRUE(SureAndUnsure("Minulla on hivenen kokemusta.", EntityType::kHealth).first.empty());
}

// A condition, a child or religion said of nobody in particular is as often the work: hidden, but
// unsure, so the text waits for HR's look instead of bulk release.
TEST(DisclosureTest, AMatterOfNobodyInParticularIsUnsure) {
  using P = std::pair<Strings, Strings>;
  EXPECT_EQ(SureAndUnsure("I coordinated the diabetes outpatient clinic.", EntityType::kHealth, "en"),
            (P{{}, {"diabetes"}}));
  EXPECT_EQ(SureAndUnsure("My thesis studied burnout among nurses.", EntityType::kHealth, "en"), (P{{}, {"burnout"}}));
  EXPECT_EQ(SureAndUnsure("Ohjasin lapsia päiväkodissa.", EntityType::kFamily), (P{{}, {"lapsia"}}));
  EXPECT_EQ(SureAndUnsure("Olen uskonnon opettaja.", EntityType::kReligion), (P{{}, {"uskonnon"}}));
  EXPECT_EQ(SureAndUnsure("Jag undervisade i religion.", EntityType::kReligion, "sv"), (P{{}, {"religion"}}));
  // ...and sure where the writer says it is theirs.
  EXPECT_EQ(SureAndUnsure("I have type 1 diabetes.", EntityType::kHealth, "en"), (P{{"type 1 diabetes"}, {}}));
}

// The other leaks of the fourth batch, by their general form.
TEST(CueTest, TheFourthBatchsForms) {
  EXPECT_EQ(Found("I grew up on a farm outside Kraków before university.", EntityType::kNationality, {}, "en"),
            Strings{"Kraków"});
  EXPECT_EQ(Found("I fled Syria in 2015.", EntityType::kNationality, {}, "en"), Strings{"Syria"});
  EXPECT_EQ(Found("Jag flydde från Eritrea.", EntityType::kNationality, {}, "sv"), Strings{"Eritrea"});
  EXPECT_EQ(Found("I came as an asylum seeker.", EntityType::kNationality, {}, "en"), Strings{"asylum seeker"});
  EXPECT_EQ(Found("Kuulun helluntaiseurakuntaan.", EntityType::kReligion), Strings{"Kuulun helluntaiseurakuntaan"});
  EXPECT_EQ(Found("Jag är uppvuxen i en frikyrklig familj.", EntityType::kReligion, {}, "sv"), Strings{"frikyrklig"});
  EXPECT_EQ(Found("Vaikka olen jo yli viidenkympin, opin nopeasti.", EntityType::kAge), Strings{"viidenkympin"});
  EXPECT_EQ(Found("I'm over fifty and keen.", EntityType::kAge, {}, "en"), Strings{"I'm over fifty"});
  EXPECT_TRUE(Found("I managed over fifty people.", EntityType::kAge, {}, "en").empty());
}

// The fifth batch (written after the disclosure rules): 15 of 30 still leaked. Their general forms.
TEST(CueTest, TheFifthBatchsForms) {
  EXPECT_EQ(Found("A bit about me: mum of a toddler, runner.", EntityType::kFamily, {}, "en"),
            Strings{"mum of a toddler"});
  EXPECT_EQ(Found("Lyhyesti: kahden koululaisen äiti.", EntityType::kFamily), Strings{"kahden koululaisen äiti"});
  EXPECT_EQ(Found("Kort om mig: småbarnsförälder.", EntityType::kFamily, {}, "sv"), Strings{"småbarnsförälder"});
  EXPECT_EQ(Found("Jag är 29, nygift och glad.", EntityType::kFamily, {}, "sv"), Strings{"nygift"});
  EXPECT_EQ(Found("Jag är 29, nygift och glad.", EntityType::kAge, {}, "sv"), Strings{"29"});
  EXPECT_EQ(Found("Because I use a hearing implant, I prefer captions.", EntityType::kHealth, {}, "en"),
            Strings{"hearing implant"});
  EXPECT_EQ(Found("Käytän sisäkorvaistutetta.", EntityType::kHealth), Strings{"sisäkorvaistutetta"});
  EXPECT_EQ(Found("Eftersom jag har ett cochleaimplantat föredrar jag text.", EntityType::kHealth, {}, "sv"),
            Strings{"cochleaimplantat"});
  EXPECT_EQ(Found("Täytän ensi kuussa 62.", EntityType::kAge), Strings{"62"});
  EXPECT_TRUE(Found("The team turned 2019 into a record year.", EntityType::kAge, {}, "en").empty());
  EXPECT_EQ(Found("Jään eläkkeelle kolmen vuoden päästä.", EntityType::kAge), Strings{"Jään eläkkeelle"});
  EXPECT_EQ(Found("Olen kasvanut uskovaisessa kodissa ja käyn rukouspiirissä.", EntityType::kReligion),
            (Strings{"uskovaisessa", "rukouspiirissä"}));
  EXPECT_EQ(Found("Toimin moskeijan läksykerhossa.", EntityType::kReligion), Strings{"moskeijan"});
  EXPECT_EQ(Found("Jag hjälper till i moskéns läxhjälp.", EntityType::kReligion, {}, "sv"), Strings{"moskéns"});
  // Leaving a place may be leaving an employer: a known place only, unsure.
  using P = std::pair<Strings, Strings>;
  EXPECT_EQ(SureAndUnsure("I left Eritrea at seventeen.", EntityType::kNationality, "en"), (P{{}, {"Eritrea"}}));
  EXPECT_EQ(SureAndUnsure("Jag lämnade Somalia som tonåring.", EntityType::kNationality, "sv"), (P{{}, {"Somalia"}}));
  EXPECT_TRUE(SureAndUnsure("I left Accenture in 2020.", EntityType::kNationality, "en").second.empty());
}

// Batch 6 of the probes: typed on a phone, in lower case, with spoken Finnish ("oon", "syntyny");
// 16 of its 30 sentences leaked a cue at the first run.
TEST(CueTest, TheSixthBatchsForms) {
  EXPECT_EQ(Found("asun nykyään mieheni kanssa lahdessa mut", EntityType::kResidence),
            Strings{"asun nykyään mieheni kanssa lahdessa"});
  EXPECT_EQ(Found("muutetaan ens kesänä kuopioon", EntityType::kResidence), Strings{"muutetaan ens kesänä kuopioon"});
  EXPECT_EQ(Found("jag bor i vasa med min sambo", EntityType::kResidence, {}, "sv"), Strings{"bor i vasa"});
  EXPECT_EQ(Found("live in espoo with my partner", EntityType::kResidence, {}, "en"), Strings{"live in espoo"});
  EXPECT_EQ(Found("moved here from kenya in 2018", EntityType::kNationality, {}, "en"), Strings{"from kenya"});
  EXPECT_EQ(Found("oon syntyny irakissa ja tullu", EntityType::kNationality), Strings{"syntyny irakissa"});
  EXPECT_EQ(Found("im originally polish but", EntityType::kNationality, {}, "en"), Strings{"im originally polish"});
  EXPECT_EQ(Found("äidinkieli arabia, puhun myös suomea", EntityType::kLanguage), Strings{"äidinkieli arabia"});
  EXPECT_EQ(Found("moi oon 28v ja etsin töitä", EntityType::kAge), Strings{"28v"});
  EXPECT_EQ(Found("hej jag heter anna och är 52 år", EntityType::kAge, {}, "sv"), Strings{"52 år"});
  EXPECT_EQ(Found("hi im tom, 41, dad of three", EntityType::kAge, {}, "en"), Strings{"41"});
  EXPECT_EQ(Found("hi im tom, 41, dad of three", EntityType::kPerson, {}, "en"), Strings{"tom"});
  EXPECT_EQ(Found("terv. jussi", EntityType::kPerson), Strings{"jussi"});
  EXPECT_EQ(Found("moi oon jussi ja etsin töitä", EntityType::kPerson), Strings{"jussi"});
  EXPECT_TRUE(Found("olen valmis aloittamaan heti", EntityType::kPerson).empty());
  EXPECT_EQ(Found("olen aino, 28 ja asun täällä", EntityType::kAge), Strings{"28"});
  EXPECT_EQ(Found("thanks, maria k.", EntityType::kPerson, {}, "en"), Strings{"maria k."});
  EXPECT_EQ(Found("käyn kirkossa joka sunnuntai", EntityType::kReligion), Strings{"käyn kirkossa"});
  EXPECT_EQ(Found("i cant do fridays (i keep shabbat)", EntityType::kReligion, {}, "en"), Strings{"i keep shabbat"});
  EXPECT_EQ(Found("kuulen huonosti toisella korvalla", EntityType::kHealth), Strings{"kuulen huonosti"});
  EXPECT_EQ(Found("i'm gay and would like to know", EntityType::kGender, {}, "en"), Strings{"i'm gay"});
  // Written after the first run, none with a cue: the new forms take none of them.
  for (auto [text, lang] :
       std::vector<std::pair<std::string, std::string>>{{"asun lähellä työpaikkaa ja pääsen pyörällä", "fi"},
                                                        {"asun vuokralla kerrostalossa", "fi"},
                                                        {"muutamme pian isompaan asuntoon", "fi"},
                                                        {"äidinkieli ja kirjallisuus oli lempiaineeni", "fi"},
                                                        {"kuulen mielelläni lisää tehtävästä", "fi"},
                                                        {"terveisin hakija", "fi"},
                                                        {"oon tottunu tekemään vuorotyötä", "fi"},
                                                        {"bor i lägenhet nära stationen", "sv"},
                                                        {"i live in hope that this works out", "en"},
                                                        {"we moved to hybrid work in 2020", "en"},
                                                        {"im originally a nurse by training", "en"},
                                                        {"thanks, looking forward to hearing from you", "en"},
                                                        {"i built the app from scratch", "en"},
                                                        {"i am sure i can do this", "en"}}) {
    EXPECT_TRUE(Engine::Default().Analyze(text, Context{lang, {}}).empty()) << text;
  }
}

// Batch 7 of the probes: references, the applicant in the third person; 16 of its 22 sentences
// leaked a cue at the first run, 8 of them by a gendered pronoun alone.
TEST(CueTest, TheSeventhBatchsForms) {
  EXPECT_EQ(Found("He came to Finland from Syria in 2015.", EntityType::kNationality, {}, "en"), Strings{"Syria"});
  EXPECT_EQ(Found("Hän muutti Suomeen Irakista vuonna 2015.", EntityType::kNationality), Strings{"Irakista"});
  EXPECT_EQ(Found("She has three young children and still never missed a shift.", EntityType::kFamily, {}, "en"),
            Strings{"three young children"});
  EXPECT_EQ(Found("Hänellä on kaksi pientä lasta, mutta", EntityType::kFamily), Strings{"kaksi pientä lasta"});
  EXPECT_EQ(Found("She is 58 but has more energy.", EntityType::kAge, {}, "en"), Strings{"58"});
  EXPECT_EQ(Found("Han är 61 år men vill fortsätta.", EntityType::kAge, {}, "sv"), Strings{"61 år"});
  using P = std::pair<Strings, Strings>;
  EXPECT_EQ(SureAndUnsure("Hänen miehensä on töissä samassa kaupungissa.", EntityType::kFamily, "fi"),
            (P{{}, {"miehensä"}}));
  EXPECT_EQ(SureAndUnsure("Han bor i Karleby med sin familj.", EntityType::kFamily, "sv"), (P{{}, {"sin familj"}}));
  // The work, not one's own: children one works with, and a stay in the host country.
  EXPECT_TRUE(Found("She has worked with children for ten years.", EntityType::kFamily, {}, "en").empty());
  EXPECT_TRUE(Found("Minulla on kokemusta lapsista.", EntityType::kFamily).empty());
  EXPECT_TRUE(Found("She moved from Finland to our unit.", EntityType::kNationality, {}, "en").empty());
  // Batch 8: one's own medication is health, medication rounds are the work.
  EXPECT_TRUE(Found("Mehmet supervised my medication rounds.", EntityType::kHealth, {}, "en").empty());
  EXPECT_EQ(Found("Since my medication was changed I sleep better.", EntityType::kHealth, {}, "en"),
            Strings{"medication"});
}

// Batch 9 of the probes: young people's first jobs, and coming back to work after children,
// illness or retirement; 20 of its 30 sentences leaked a cue at the first run.
TEST(CueTest, TheNinthBatchsForms) {
  // The school year one is in tells one's age; a birthday to come too.
  EXPECT_EQ(Found("Olen yhdeksäsluokkalainen ja etsin kesätyötä.", EntityType::kAge), Strings{"yhdeksäsluokkalainen"});
  EXPECT_EQ(Found("Käyn lukion toista vuotta.", EntityType::kAge), Strings{"Käyn lukion toista vuotta"});
  EXPECT_EQ(Found("Jag går i nian och vill sommarjobba.", EntityType::kAge, {}, "sv"), Strings{"Jag går i nian"});
  EXPECT_EQ(Found("I'm in Year 11 and looking for weekend work.", EntityType::kAge, {}, "en"),
            Strings{"I'm in Year 11"});
  EXPECT_EQ(Found("I'll be 18 in June, so I can work evenings.", EntityType::kAge, {}, "en"), Strings{"18"});
  EXPECT_EQ(Found("As a recent retiree I'd enjoy a few shifts.", EntityType::kAge, {}, "en"),
            Strings{"As a recent retiree"});
  EXPECT_TRUE(Found("I'll be 30 minutes late on Monday.", EntityType::kAge, {}, "en").empty());
  EXPECT_TRUE(Found("I taught Year 11 maths and worked with retirees.", EntityType::kAge, {}, "en").empty());
  // Staying home with the children tells a gender; parental leave in any form.
  EXPECT_EQ(Found("Olin kotiäitinä viisi vuotta.", EntityType::kGender), Strings{"kotiäitinä"});
  EXPECT_EQ(Found("Hoitovapaani päättyy helmikuussa.", EntityType::kGender), Strings{"Hoitovapaani"});
  EXPECT_EQ(Found("I've been a stay-at-home mum since 2020.", EntityType::kGender, {}, "en"),
            Strings{"stay-at-home mum"});
  // A permit or a visa tells that one is no citizen (or the work of arranging them: unsure); an
  // exchange student in the host country too, not one abroad.
  using P = std::pair<Strings, Strings>;
  EXPECT_EQ(SureAndUnsure("Oleskelulupani on voimassa vuoden loppuun.", EntityType::kNationality, "fi"),
            (P{{}, {"Oleskelulupani"}}));
  EXPECT_EQ(SureAndUnsure("I handled work permits for our seasonal staff.", EntityType::kNationality, "en"),
            (P{{}, {"work permits"}}));
  EXPECT_EQ(Found("Olen vaihto-oppilaana Suomessa kevääseen asti.", EntityType::kNationality),
            Strings{"vaihto-oppilaana Suomessa"});
  EXPECT_TRUE(Found("Olin vaihto-oppilaana Saksassa lukiossa.", EntityType::kNationality).empty());
  // Confirmation camps are a church's (unsure: a parish youth worker's work too); one's own church.
  EXPECT_EQ(SureAndUnsure("Olin viime kesänä isosena rippileirillä.", EntityType::kReligion, "fi"),
            (P{{}, {"isosena rippileirillä"}}));
  EXPECT_EQ(Found("I volunteer with my church's youth group.", EntityType::kReligion, {}, "en"),
            Strings{"my church's"});
  // A cancer that tells a gender is hidden whole.
  EXPECT_EQ(Found("I'm back after treatment for breast cancer.", EntityType::kHealth, {}, "en"),
            Strings{"breast cancer"});
  // Where one lives after three words, the place with its capital; not the host country.
  EXPECT_EQ(Found("Asun vielä vanhempieni luona Kontiolahdella.", EntityType::kResidence),
            Strings{"Asun vielä vanhempieni luona Kontiolahdella"});
  EXPECT_TRUE(Found("Asun ja työskentelen Suomessa.", EntityType::kResidence).empty());
}

// Batch 10 of the probes: why one applies now; 11 of its 24 sentences leaked a cue at the first run.
TEST(CueTest, TheTenthBatchsForms) {
  EXPECT_EQ(Found("Som mormor till fem vet jag hur viktigt det är.", EntityType::kFamily, {}, "sv"),
            Strings{"mormor till fem"});
  EXPECT_EQ(Found("As a grandmother of four, I know children.", EntityType::kFamily, {}, "en"),
            Strings{"a grandmother of four"});
  EXPECT_EQ(Found("I'm a carer for my elderly mother.", EntityType::kFamily, {}, "en"), Strings{"my elderly mother"});
  EXPECT_EQ(Found("My husband's job is moving us to Tampere.", EntityType::kResidence, {}, "en"),
            Strings{"moving us to Tampere"});
  EXPECT_EQ(Found("I was born in the Netherlands.", EntityType::kNationality, {}, "en"), Strings{"Netherlands"});
  // An integration course: one's own, or the work of teaching there (unsure either way).
  using P = std::pair<Strings, Strings>;
  EXPECT_EQ(SureAndUnsure("Olen käynyt kotoutumiskoulutuksen.", EntityType::kNationality, "fi"),
            (P{{}, {"kotoutumiskoulutuksen"}}));
  EXPECT_EQ(SureAndUnsure("Jag läser finska på kurs för invandrare.", EntityType::kNationality, "sv"),
            (P{{}, {"kurs för invandrare"}}));
  // Where a degree is from: a place, unsure (a merit like any school); not a university's name.
  EXPECT_EQ(SureAndUnsure("Sain lääkärin tutkintoni Ukrainassa.", EntityType::kNationality, "fi"),
            (P{{}, {"Ukrainassa"}}));
  EXPECT_EQ(SureAndUnsure("Jag tog min läkarexamen i Irak.", EntityType::kNationality, "sv"), (P{{}, {"Irak"}}));
  EXPECT_EQ(SureAndUnsure("I graduated from Aalto University in 2010.", EntityType::kNationality, "en"), (P{{}, {}}));
  EXPECT_EQ(SureAndUnsure("I trained in Excel and Power BI.", EntityType::kNationality, "en"), (P{{}, {}}));
  // A licensing authority is no person.
  EXPECT_TRUE(Found("Valviran laillistus on vireillä.", EntityType::kPerson).empty());
}

// Batch 11 of the probes: a CV's block of personal details, as templates from many countries ask
// for them; 22 of its 30 lines leaked at the first run.
TEST(FieldTest, APersonalDetailsValueIsHiddenAsItsLabelsKind) {
  EXPECT_EQ(Found("Gender: Female", EntityType::kGender, {}, "en"), Strings{"Female"});
  EXPECT_EQ(Found("Religion: Islam", EntityType::kReligion, {}, "en"), Strings{"Islam"});
  EXPECT_EQ(Found("Passport No: AB1234567", EntityType::kIdCode, {}, "en"), Strings{"AB1234567"});
  EXPECT_EQ(Found("Date of Birth: 14th August 1990", EntityType::kBirthDate, {}, "en"), Strings{"14th August 1990"});
  EXPECT_EQ(Found("Height: 175 cm, Weight: 70 kg", EntityType::kHealth, {}, "en"), Strings{"175 cm, Weight: 70 kg"});
  EXPECT_EQ(Found("Hemort: Nykarleby", EntityType::kResidence, {}, "sv"), Strings{"Nykarleby"});
  EXPECT_EQ(Found("Födelseort: Mogadishu", EntityType::kNationality, {}, "sv"), Strings{"Mogadishu"});
  EXPECT_EQ(Found("  • Siviilisääty: naimisissa, kaksi lasta", EntityType::kFamily),
            Strings{"naimisissa, kaksi lasta"});
  EXPECT_EQ(Found("Father’s Name: Muhammad Aslam", EntityType::kPerson, {}, "en"), Strings{"Muhammad Aslam"});
  // The label is no name, whichever recognizer thought so.
  EXPECT_TRUE(Found("Födelseort: Mogadishu", EntityType::kPerson, {}, "sv").empty());
  // A table's cell on the next line; items after " | "; a value ends where a sentence begins.
  EXPECT_EQ(Found("Marital Status:\nMarried\n", EntityType::kFamily, {}, "en"), Strings{"Married"});
  EXPECT_EQ(Found("Age: 34 | Gender: Male", EntityType::kGender, {}, "en"), Strings{"Male"});
  EXPECT_EQ(Found("Personnummer: 150588-4564. Telefon 040 222 1188.", EntityType::kIdCode, {}, "sv"),
            Strings{"150588-4564"});
  // Skills and work are no personal details; a label only at a line's start (or an item's).
  for (EntityType type : {EntityType::kLanguage, EntityType::kNationality, EntityType::kIdCode}) {
    EXPECT_TRUE(Found("Languages: English (fluent), Finnish (B2)\nDriving licence: B", type, {}, "en").empty());
  }
  EXPECT_TRUE(Found("We talked about it. Religion: not a subject here.", EntityType::kReligion, {}, "en").empty());
  EXPECT_TRUE(Found("Religion:\n\nI have worked for ten years as a planner of services in a large city.",
                    EntityType::kReligion, {}, "en")
                  .empty());
  // A full stop at the value's end is the sentence's.
  EXPECT_EQ(Found("Hetu: 131052-308T.", EntityType::kIdCode), Strings{"131052-308T"});
  // Where a job was is as often an employer's place as one's own: unsure.
  using P = std::pair<Strings, Strings>;
  EXPECT_EQ(SureAndUnsure("Location: Tampere", EntityType::kResidence, "en"), (P{{}, {"Tampere"}}));
  // A mother tongue in a skills line, in brackets.
  EXPECT_EQ(Found("Languages: Urdu (native), English (fluent)", EntityType::kLanguage, {}, "en"),
            Strings{"Urdu (native)"});
}

// Batch 12 of the probes: where else one is found online; 11 of its 22 sentences leaked at the first
// run, and three services' names were taken for names.
TEST(UrlTest, HandlesSitesAndAccountsNamedAfterTheirService) {
  EXPECT_EQ(Found("Löydät minut Instagramista nimellä @ainon.kuvat", EntityType::kUrl), Strings{"@ainon.kuvat"});
  EXPECT_EQ(Found("My blog (jussinkeittio.blogspot.com) shows my cooking.", EntityType::kUrl, {}, "en"),
            Strings{"jussinkeittio.blogspot.com"});
  EXPECT_EQ(Found("Pidän blogia osoitteessa aino-kirjoittaa.fi", EntityType::kUrl), Strings{"aino-kirjoittaa.fi"});
  EXPECT_EQ(Found("You can also reach me on Skype: aino.virtanen85", EntityType::kUrl, {}, "en"),
            Strings{"aino.virtanen85"});
  EXPECT_EQ(Found("Skype-tunnukseni on jussi.virtanen77", EntityType::kUrl), Strings{"jussi.virtanen77"});
  EXPECT_EQ(Found("GitHub: jvirtanen\nDiscord: jussi#4821", EntityType::kUrl, {}, "en"),
            (Strings{"jvirtanen", "jussi#4821"}));
  // An e-mail address's "@" is no handle; a public site named alone, a word after a service's name,
  // "ASP.NET" and the services themselves are nothing.
  EXPECT_EQ(Found("maria@example.com", EntityType::kUrl, {}, "en"), Strings{});
  EXPECT_TRUE(Found("Näin ilmoituksen Duunitori.fi:ssä ja kela.fi:stä.", EntityType::kUrl).empty());
  EXPECT_TRUE(Found("Instagram is a great tool, and I know ASP.NET.", EntityType::kUrl, {}, "en").empty());
  EXPECT_TRUE(
      Found("Vastasin kunnan somekanavista (Instagram, TikTok) ja käytän Skypeä.", EntityType::kPerson).empty());
}

// Batch 13 of the probes: names in odd places; 2 of its 15 lines leaked at the first run.
TEST(ContextNameTest, FileNamesAndNamesWithAnApostrophe) {
  EXPECT_EQ(Found("My CV is in the file cv-siobhan-oconnor.pdf.", EntityType::kPerson, {}, "en"),
            Strings{"cv-siobhan-oconnor.pdf"});
  EXPECT_EQ(Found("Liitteenä CV_Aino_Virtanen_2024.pdf ja suosituskirje.", EntityType::kPerson),
            Strings{"CV_Aino_Virtanen_2024.pdf"});
  EXPECT_TRUE(Found("Liitteenä CV_2024.pdf ja tutkintotodistus.pdf.", EntityType::kPerson).empty());
  EXPECT_EQ(Found("Thanks to Ms O'Connor-Byrne for the reference.", EntityType::kPerson, {}, "en"),
            Strings{"Ms O'Connor-Byrne"});
  EXPECT_EQ(Found("Thanks to Mrs McDonald.", EntityType::kPerson, {}, "en"), Strings{"Mrs McDonald"});
}

// Batch 14 of the probes: Finland's minorities and the languages of one's home; 15 of its 18
// sentences leaked at the first run.
TEST(CueTest, MinoritiesAndTheLanguagesOfOnesHome) {
  EXPECT_EQ(Found("Olen saamelainen ja puhun pohjoissaamea.", EntityType::kNationality), Strings{"saamelainen"});
  EXPECT_EQ(Found("Olen saamelainen ja puhun pohjoissaamea.", EntityType::kLanguage), Strings{"pohjoissaamea"});
  EXPECT_EQ(Found("Romanina tiedän, miltä syrjintä tuntuu.", EntityType::kNationality), Strings{"Romanina"});
  EXPECT_EQ(Found("Som finlandssvensk vill jag jobba på svenska.", EntityType::kNationality, {}, "sv"),
            Strings{"finlandssvensk"});
  EXPECT_EQ(Found("Jag är same och talar nordsamiska.", EntityType::kNationality, {}, "sv"), Strings{"Jag är same"});
  EXPECT_EQ(Found("Venäjänkielisenä ymmärrän asiakkaita.", EntityType::kLanguage), Strings{"Venäjänkielisenä"});
  EXPECT_EQ(Found("My father is Finnish and my mother is Thai.", EntityType::kNationality, {}, "en"),
            (Strings{"Finnish", "Thai"}));
  EXPECT_EQ(Found("As a person of colour in Finland I stand out.", EntityType::kNationality, {}, "en"),
            Strings{"person of colour"});
  EXPECT_EQ(Found("Finnish Sign Language is my first language.", EntityType::kLanguage, {}, "en"),
            Strings{"Finnish Sign Language is my first language"});
  // "the same", a father who is kind, Sámi as a course: nothing.
  EXPECT_TRUE(
      Found("I did the same at my father's firm; my father is kind.", EntityType::kNationality, {}, "en").empty());
  EXPECT_TRUE(Found("Olen suorittanut saamen kielen alkeiskurssin.", EntityType::kLanguage).empty());
}

// Batch 15 of the probes: political parties and trade unions; all 12 of its sentences leaked at
// the first run.
TEST(CueTest, PartiesAndTradeUnions) {
  EXPECT_EQ(Found("Olen kaupunginvaltuutettu (kok.) ja lautakunnan jäsen.", EntityType::kAffiliation),
            Strings{"(kok.)"});
  EXPECT_EQ(Found("Olin SDP:n ehdokkaana kuntavaaleissa.", EntityType::kAffiliation), Strings{"SDP"});
  EXPECT_EQ(Found("Jag sitter i stadsfullmäktige för Svenska folkpartiet.", EntityType::kAffiliation, {}, "sv"),
            Strings{"Svenska folkpartiet"});
  EXPECT_EQ(Found("I am an active member of the Finns Party.", EntityType::kAffiliation, {}, "en"),
            Strings{"Finns Party"});
  using P = std::pair<Strings, Strings>;
  EXPECT_EQ(SureAndUnsure("I served as a shop steward for my trade union.", EntityType::kAffiliation, "en"),
            (P{{}, {"shop steward", "trade union"}}));
  // The work around a council, green areas and the town centre are none.
  EXPECT_TRUE(Found("Valmistelin kaupunginvaltuuston esityslistat ja vihreiden alueiden suunnitelman.",
                    EntityType::kAffiliation)
                  .empty());
  EXPECT_TRUE(
      Found("I prepared the agendas for the city council in the centre.", EntityType::kAffiliation, {}, "en").empty());
  // Secret in a copy given out under the public-records act, as a personal circumstance.
  EXPECT_EQ(Placeholder(EntityType::kAffiliation, "fi"), "[JÄSENYYS]");
}

// A reference letter says the applicant's gender in every pronoun.
TEST(PronounTest, GenderedPronounsAreHiddenAndOnlyAsWords) {
  EXPECT_EQ(
      Found("She has been a valued member of our team and I recommend her warmly.", EntityType::kGender, {}, "en"),
      (Strings{"She", "her"}));
  EXPECT_EQ(Found("He is reliable, and his patients trust him.", EntityType::kGender, {}, "en"),
            (Strings{"He", "his", "him"}));
  EXPECT_EQ(Found("Hon har arbetat hos oss och jag rekommenderar henne varmt.", EntityType::kGender, {}, "sv"),
            (Strings{"Hon", "henne"}));
  // An English reference in a Finnish application, and Finnish "he" (they), which tells nothing.
  EXPECT_EQ(Found("Suosittelija kirjoitti: She is a natural leader.", EntityType::kGender), Strings{"She"});
  EXPECT_TRUE(Found("He asuvat Oulussa ja hän on luotettava.", EntityType::kGender).empty());
  // Swedish "hen" is nobody's gender; a pronoun inside another word is none.
  EXPECT_TRUE(Found("Hen har arbetat hos oss.", EntityType::kGender, {}, "sv").empty());
  EXPECT_EQ(Found("She finished the other theme there.", EntityType::kGender, {}, "en"), Strings{"She"});
}

// First-person sentences by other people (a seeded random sample of the NER corpora's training
// splits, 27 with a cue in 300): 13 leaked at the first run. Their general forms, and what the
// same sample showed hidden that should not be.
TEST(CueTest, FormsFromTextByOtherPeople) {
  EXPECT_EQ(Found("Looking for somewhere to live around Coolum.", EntityType::kResidence, {}, "en"),
            Strings{"live around Coolum"});
  EXPECT_EQ(Found("After my accident in Feb I changed.", EntityType::kHealth, {}, "en"), Strings{"accident"});
  EXPECT_EQ(Found("Im 16 and a freshman again.", EntityType::kAge, {}, "en"), Strings{"16"});
  EXPECT_EQ(Found("The reason i tried to kill myself.", EntityType::kHealth, {}, "en"),
            Strings{"tried to kill myself"});
  EXPECT_EQ(Found("My grandma always tells me so.", EntityType::kFamily, {}, "en"), Strings{"My grandma"});
  EXPECT_EQ(Found("Olen Viron kansalainen.", EntityType::kNationality), Strings{"Viron kansalainen"});
  EXPECT_EQ(Found("Kansalaisuus: Viro", EntityType::kNationality), Strings{"Kansalaisuus: Viro"});
  using P = std::pair<Strings, Strings>;
  EXPECT_EQ(SureAndUnsure("Busy weeks with travel and knee surgery.", EntityType::kHealth, "en"),
            (P{{}, {"knee surgery"}}));
  EXPECT_EQ(SureAndUnsure("I had a panic attack at work.", EntityType::kHealth, "en"), (P{{"panic attack"}, {}}));
  EXPECT_EQ(SureAndUnsure("Staff training on panic attacks.", EntityType::kHealth, "en"), (P{{}, {"panic attacks"}}));
  EXPECT_EQ(SureAndUnsure("Söin veljen kanssa.", EntityType::kFamily), (P{{}, {"veljen"}}));
  // "mies", "nainen" of anybody are unsure; of oneself, sure.
  EXPECT_EQ(SureAndUnsure("Tuohon mies vastasi.", EntityType::kGender), (P{{}, {"mies"}}));
  EXPECT_EQ(SureAndUnsure("Olen 35-vuotias mies.", EntityType::kGender), (P{{"mies"}, {}}));
  EXPECT_EQ(SureAndUnsure("I am a male nurse.", EntityType::kGender, "en"), (P{{"male"}, {}}));
  EXPECT_TRUE(Found("I am the man for the job.", EntityType::kGender, {}, "en").empty());
  // Citizens of nobody in particular, and prayer of anybody, are unsure.
  EXPECT_EQ(SureAndUnsure("Opetin kansalaisopistossa.", EntityType::kNationality), (P{{}, {"kansalaisopistossa"}}));
  EXPECT_EQ(SureAndUnsure("A week full of prayer from friends.", EntityType::kReligion, "en"), (P{{}, {"prayer"}}));
  // A full stop with spaces around it is no e-mail address's dot.
  EXPECT_TRUE(Found("He forgot his jacket at school . Today he did not.", EntityType::kEmail, {}, "en").empty());
  EXPECT_EQ(Found("Mail x at example dot com, please.", EntityType::kEmail, {}, "en"), Strings{"x at example dot com"});
  EXPECT_EQ(Found("Posti: x(at)example(dot)fi", EntityType::kEmail), Strings{"x(at)example(dot)fi"});
  EXPECT_EQ(Found("Write to x [at] example.com today.", EntityType::kEmail, {}, "en"), Strings{"x [at] example.com"});
  // A second sample, drawn after the fixes above: 18 of 24 hidden at its first run. Its general forms.
  EXPECT_EQ(SureAndUnsure("Man my twin wanna act fake today.", EntityType::kFamily, "en"), (P{{"my twin"}, {}}));
  EXPECT_EQ(SureAndUnsure("Näin kuvan, kun isoisä antaa mulle piiskaa.", EntityType::kFamily), (P{{}, {"isoisä"}}));
  EXPECT_EQ(SureAndUnsure("Armeijassa ollessani en pitänyt sulkeisista.", EntityType::kGender),
            (P{{}, {"Armeijassa"}}));
  EXPECT_EQ(SureAndUnsure("Suoritin varusmiespalveluksen 2015.", EntityType::kGender),
            (P{{}, {"varusmiespalveluksen"}}));
  // "a senior citizen" is an age, not a nationality; a move does not reach across "and".
  EXPECT_EQ(SureAndUnsure("I am a senior citizen.", EntityType::kAge, "en"), (P{{}, {"senior citizen"}}));
  EXPECT_TRUE(SureAndUnsure("I am a senior citizen.", EntityType::kNationality, "en").first.empty());
  EXPECT_EQ(Found("I am a British citizen.", EntityType::kNationality, {}, "en"), Strings{"a British citizen"});
  EXPECT_TRUE(Found("Haluaisin palata lapsuuteen ja pelata Playstationia.", EntityType::kResidence).empty());
  EXPECT_EQ(Found("Muutimme viime vuonna Kuopioon.", EntityType::kResidence),
            Strings{"Muutimme viime vuonna Kuopioon"});
  // An unsure cue word is not searched for elsewhere: "isää" does not take "sisään".
  EXPECT_TRUE(Found("Jos isää ei hoideta, hän kuolee vuoden sisään.", EntityType::kFamily) == Strings{"isää"});
}

TEST(CueTest, CuesWrittenAsApplicantsWriteThem) {
  EXPECT_EQ(Found("I was born in 1985 in Lagos and moved here.", EntityType::kNationality, {}, "en"), Strings{"Lagos"});
  EXPECT_EQ(Found("Jag är född 1988 i Göteborg.", EntityType::kNationality, {}, "sv"), Strings{"Göteborg"});
  EXPECT_EQ(Found("Synnyin Tampereella.", EntityType::kNationality), Strings{"Tampereella"});
  EXPECT_EQ(Found("Synnyin Tampereella vuonna 1990.", EntityType::kAge), Strings{"Synnyin Tampereella vuonna 1990"});
  EXPECT_EQ(Found("Olen 35v. ja asun täällä.", EntityType::kAge), Strings{"35v."});
  EXPECT_EQ(Found("Ikä: 35", EntityType::kAge), Strings{"35"});
  EXPECT_EQ(Found("I am a wheelchair user.", EntityType::kHealth, {}, "en"), Strings{"wheelchair"});
  EXPECT_EQ(Found("I left the army after my heart surgery.", EntityType::kHealth, {}, "en"),
            Strings{"after my heart surgery"});
  EXPECT_EQ(Found("I speak Somali as my first language.", EntityType::kLanguage, {}, "en"),
            Strings{"Somali as my first language"});
  EXPECT_EQ(Found("I am a native speaker of Tigrinya.", EntityType::kLanguage, {}, "en"),
            Strings{"native speaker of Tigrinya"});
  EXPECT_EQ(Found("Somaliska är mitt modersmål.", EntityType::kLanguage, {}, "sv"),
            Strings{"Somaliska är mitt modersmål"});
  EXPECT_EQ(Found("I wear a hijab at work.", EntityType::kReligion, {}, "en"), Strings{"hijab"});
  EXPECT_EQ(Found("Olen muslimi ja käytän huivia.", EntityType::kReligion), (Strings{"muslimi", "käytän huivia"}));
  EXPECT_EQ(Found("Mieheni on lääkäri.", EntityType::kFamily), Strings{"Mieheni"});
  EXPECT_EQ(Found("Min man och jag bor här.", EntityType::kFamily, {}, "sv"), Strings{"Min man"});
  EXPECT_EQ(Found("Olen eläkkeellä oleva opettaja.", EntityType::kAge), Strings{"Olen eläkkeellä"});
  // A second batch, written after the rules above and before running them: 15 of 32 sentences
  // still leaked; these are their general forms.
  EXPECT_EQ(Found("I grew up in Mogadishu.", EntityType::kNationality, {}, "en"), Strings{"Mogadishu"});
  EXPECT_EQ(Found("I was born and raised in Glasgow.", EntityType::kNationality, {}, "en"), Strings{"Glasgow"});
  EXPECT_EQ(Found("Kasvoin Mogadishussa.", EntityType::kNationality), Strings{"Mogadishussa"});
  EXPECT_EQ(Found("Jag växte upp i Mogadishu.", EntityType::kNationality, {}, "sv"), Strings{"Mogadishu"});
  EXPECT_EQ(Found("As a mum of three, I plan well.", EntityType::kFamily, {}, "en"), Strings{"a mum of three"});
  EXPECT_EQ(Found("Som trebarnsmamma vet jag det.", EntityType::kFamily, {}, "sv"), Strings{"trebarnsmamma"});
  EXPECT_EQ(Found("After my divorce I moved.", EntityType::kFamily, {}, "en"), Strings{"my divorce"});
  EXPECT_EQ(Found("Erosin viime vuonna.", EntityType::kFamily), Strings{"Erosin"});
  EXPECT_EQ(Found("I am 52 and still learning.", EntityType::kAge, {}, "en"), Strings{"52"});
  EXPECT_TRUE(Found("I am 24/7 available.", EntityType::kAge, {}, "en").empty());
  EXPECT_EQ(Found("My wife and I relocated to Tampere.", EntityType::kResidence, {}, "en"),
            Strings{"relocated to Tampere"});
  EXPECT_EQ(Found("Käytän kuulokojetta.", EntityType::kHealth), Strings{"kuulokojetta"});
  EXPECT_EQ(Found("Som jude arbetar jag inte på lördagar.", EntityType::kReligion, {}, "sv"), Strings{"jude"});
  EXPECT_EQ(Found("Hemma talar vi farsi.", EntityType::kLanguage, {}, "sv"), Strings{"Hemma talar vi farsi"});
  EXPECT_EQ(Found("I grew up speaking Farsi.", EntityType::kLanguage, {}, "en"), Strings{"grew up speaking Farsi"});
  EXPECT_EQ(Found("Minulla on Kenian passi.", EntityType::kNationality), Strings{"Kenian passi"});
  // A third batch, again written before running: 26 of 30 sentences leaked. The general forms of
  // some (the rest are in docs/redaction.md's known gaps).
  EXPECT_EQ(Found("Having lived in Espoo for ten years, I know it.", EntityType::kResidence, {}, "en"),
            Strings{"lived in Espoo"});
  EXPECT_EQ(Found("Olen asunut Espoossa kymmenen vuotta.", EntityType::kResidence), Strings{"asunut Espoossa"});
  EXPECT_EQ(Found("Jag har bott i Esbo i tio år.", EntityType::kResidence, {}, "sv"), Strings{"bott i Esbo"});
  EXPECT_TRUE(Found("Jag har bott i Finland i tio år.", EntityType::kResidence, {}, "sv").empty());
  EXPECT_EQ(Found("I am a proud father of twin boys.", EntityType::kFamily, {}, "en"),
            Strings{"a proud father of twin boys"});
  EXPECT_EQ(Found("Olen kaksospoikien ylpeä isä.", EntityType::kFamily), Strings{"kaksospoikien ylpeä isä"});
  EXPECT_EQ(Found("Jag är stolt pappa till tvillingpojkar.", EntityType::kFamily, {}, "sv"),
            Strings{"stolt pappa till tvillingpojkar"});
  EXPECT_EQ(Found("I came as a refugee from Syria.", EntityType::kNationality, {}, "en"),
            Strings{"refugee from Syria"});
  EXPECT_EQ(Found("Tulin Suomeen pakolaisena Syyriasta.", EntityType::kNationality), Strings{"pakolaisena Syyriasta"});
  EXPECT_EQ(Found("I am in my late forties.", EntityType::kAge, {}, "en"), Strings{"in my late forties"});
  EXPECT_EQ(Found("Olen nelikymppinen.", EntityType::kAge), Strings{"nelikymppinen"});
  EXPECT_EQ(Found("Jag är i 40-årsåldern.", EntityType::kAge, {}, "sv"), Strings{"i 40-årsåldern"});
  EXPECT_EQ(Found("Valmistuin ylioppilaaksi vuonna 1983.", EntityType::kAge), Strings{"ylioppilaaksi vuonna 1983"});
  EXPECT_EQ(Found("Jag tog studenten 1983.", EntityType::kAge, {}, "sv"), Strings{"tog studenten 1983"});
  EXPECT_EQ(Found("Due to my rheumatism I stand.", EntityType::kHealth, {}, "en"), Strings{"rheumatism"});
  EXPECT_EQ(Found("Menin juuri kihloihin.", EntityType::kFamily), Strings{"kihloihin"});
  EXPECT_EQ(Found("My pastor, Rev. Matthew Okonkwo, will give a reference.", EntityType::kReligion, {}, "en"),
            Strings{"pastor"});
  EXPECT_EQ(Found("Min kyrkoherde ger gärna referens.", EntityType::kReligion, {}, "sv"), Strings{"kyrkoherde"});
  EXPECT_EQ(Found("I recently got engaged and will marry in June.", EntityType::kFamily, {}, "en"),
            (Strings{"got engaged", "will marry"}));
  EXPECT_EQ(Found("Olen kotoisin Pohjois-Karjalasta, Joensuusta.", EntityType::kNationality),
            Strings{"Olen kotoisin Pohjois-Karjalasta, Joensuusta"});
  EXPECT_EQ(Found("Olen kotoisin Oulusta, mutta asun nyt muualla.", EntityType::kNationality),
            Strings{"Olen kotoisin Oulusta"});
  EXPECT_EQ(Found("I am fluent in Polish, which I spoke at home as a child.", EntityType::kLanguage, {}, "en"),
            Strings{"Polish, which I spoke at home"});
  EXPECT_EQ(Found("Puhun puolaa, jota puhuimme kotona.", EntityType::kLanguage),
            Strings{"puolaa, jota puhuimme kotona"});
  // Where one comes from needs a place with a capital; moving needs the place on the same line and
  // the verb as a word of its own.
  EXPECT_TRUE(Found("I come from a family of teachers.", EntityType::kNationality, {}, "en").empty());
  EXPECT_EQ(Found("I am originally from Lagos.", EntityType::kNationality, {}, "en"),
            Strings{"I am originally from Lagos"});
  EXPECT_TRUE(Found("I want to return\nIf possible.", EntityType::kResidence, {}, "en").empty());
  EXPECT_TRUE(Found("Please remove Finnish text.", EntityType::kResidence, {}, "en").empty());
  // Where one lives needs a place with a capital: not "we live by our values", "lives matter".
  EXPECT_EQ(Found("I live in Wellington.", EntityType::kResidence, {}, "en"), Strings{"I live in Wellington"});
  EXPECT_TRUE(Found("We live by our values; black lives matter.", EntityType::kResidence, {}, "en").empty());
  // Not the applicant's: a referee's retirement, a pension company, a birth year alone, a line
  // break between a name and the next line's sentence.
  EXPECT_TRUE(Found("2. Jari Pöyhönen, rehtori (eläkkeellä), puh. 040 123", EntityType::kAge).empty());
  EXPECT_TRUE(Found("Työskentelin Eläkeyhtiö Varmassa.", EntityType::kAge).empty());
  EXPECT_TRUE(Found("I was born in 1985.", EntityType::kNationality, {}, "en").empty());
  EXPECT_EQ(Found("Sarah Thompson\nMy mother tongue is Arabic.", EntityType::kLanguage, {}, "en"),
            Strings{"My mother tongue is Arabic"});
}

TEST(ApplyTest, TypedPlaceholdersInTheTextsLanguageAndNoFragments) {
  static const Engine engine = Engine::Default();
  std::string text = "Olen Matti Virtanen, 045 678 9012. Virtasen perhe.";
  auto spans = engine.Analyze(text, Context{"fi", {"Matti Virtanen"}});
  // A full name becomes one placeholder: the count of names is not shown either.
  EXPECT_EQ(Apply(text, spans, "fi"), "Olen [NIMI], [PUHELIN]. [NIMI] [PERHE].");
  EXPECT_EQ(Placeholder(EntityType::kPerson, "sv"), "[NAMN]");
  EXPECT_EQ(Placeholder(EntityType::kPerson, "en"), "[NAME]");
  // A span that ends inside a word is widened: no case ending is left behind.
  std::string word = "Virtasella";
  EXPECT_EQ(Apply(word, {Span{0, 7, EntityType::kPerson, 1.0}}, "fi"), "[NIMI]");
}

TEST(ApplyTest, PropertyNoDetectedSpanTextSurvives) {
  static const Engine engine = Engine::Default();
  std::mt19937 rng(20261125);
  const std::vector<std::string> pieces = {"Olen ",
                                           "Aino Virtanen",
                                           ", ",
                                           "45-vuotias",
                                           " ja asun ",
                                           "Kemijärvellä",
                                           ". ",
                                           "Puh. ",
                                           "040 123 4567",
                                           " ",
                                           "aino@example.fi",
                                           " Virtasen",
                                           " äitiyslomalla",
                                           "131052-308T",
                                           " 00100 Helsinki",
                                           "Koulukatu 7",
                                           " työkokemus ",
                                           "Excel",
                                           "\n",
                                           "Äidinkieleni on ruotsi",
                                           "https://x.com/ainov"};
  for (int round = 0; round < 300; ++round) {
    std::string text;
    int n = 1 + static_cast<int>(rng() % 12);
    for (int i = 0; i < n; ++i) text += pieces[rng() % pieces.size()];
    auto spans = engine.Analyze(text, Context{"fi", {"Aino Virtanen"}});
    std::string redacted = Apply(text, spans, "fi");
    for (const auto& s : spans) {
      std::string leaked = text.substr(s.start, s.end - s.start);
      EXPECT_EQ(redacted.find(leaked), std::string::npos) << "'" << leaked << "' survived in: " << redacted;
    }
  }
}

TEST(LanguageTest, DetectsFiSvEn) {
  EXPECT_EQ(DetectLanguage("Olen kiinnostunut tehtävästä ja minulla on kokemusta"), "fi");
  EXPECT_EQ(DetectLanguage("Jag är intresserad av tjänsten och har erfarenhet"), "sv");
  EXPECT_EQ(DetectLanguage("I am interested in the position and have experience"), "en");
}

TEST(EngineTest, SpansAreSortedAndDisjointOnArbitraryBytes) {
  static const Engine engine = Engine::Default();
  std::mt19937 rng(7);
  for (int round = 0; round < 200; ++round) {
    std::string text(static_cast<size_t>(rng() % 200), '\0');
    for (auto& c : text) c = static_cast<char>("aÄ0-+@. \n9Virtasen"[rng() % 19]);
    auto spans = engine.Analyze(text, Context{"fi", {"Virtanen"}});
    for (size_t i = 0; i < spans.size(); ++i) {
      EXPECT_LT(spans[i].start, spans[i].end);
      EXPECT_LE(spans[i].end, text.size());
      if (i > 0) {
        EXPECT_LE(spans[i - 1].end, spans[i].start);
      }
    }
  }
}

// The start-up samples (warm_up.h) are read so that RE2 builds the states ordinary applications
// need: each must be an application with what the patterns look for, and reading them changes no
// later answer.
TEST(WarmUpTest, EachLanguageHasASampleApplicationWithWhatThePatternsLookFor) {
  static const Engine engine = Engine::Default();
  for (const char* lang : {"fi", "sv", "en"}) {
    std::string_view sample = WarmUpText(lang);
    ASSERT_GT(sample.size(), 800u) << lang;
    EXPECT_EQ(sample.find("\n@"), std::string_view::npos) << lang << ": runs into the next sample";
    EXPECT_EQ(DetectLanguage(std::string(sample)), lang);
    std::set<EntityType> types;
    for (const auto& s : engine.Analyze(sample, Context{lang, {}})) types.insert(s.type);
    for (EntityType t : {EntityType::kPerson, EntityType::kPhone, EntityType::kEmail, EntityType::kAddress,
                         EntityType::kPostal, EntityType::kAge, EntityType::kFamily}) {
      EXPECT_TRUE(types.count(t)) << lang << " sample has no " << EntityTypeName(t);
    }
  }
  EXPECT_TRUE(WarmUpText("de").empty());
  EXPECT_TRUE(WarmUpText("").empty());
}

TEST(WarmUpTest, WarmingChangesNoAnswer) {
  const std::string text =
      "Olen 45-vuotias ja asun Tampereella. Esihenkilöni Maija Virtanen, p. 040 123 4567, "
      "maija@example.fi.\n\nMin chef Lena Andersson, Storgatan 5, 65100 Vasa.";
  const Engine cold = Engine::Default();
  auto before = cold.Analyze(text, Context{"fi", {}});
  const Engine warm = Engine::Default();
  warm.Warm();
  auto after = warm.Analyze(text, Context{"fi", {}});
  ASSERT_EQ(before.size(), after.size());
  for (size_t i = 0; i < before.size(); ++i) {
    EXPECT_EQ(before[i].start, after[i].start);
    EXPECT_EQ(before[i].end, after[i].end);
    EXPECT_EQ(before[i].type, after[i].type);
  }
  EXPECT_GE(before.size(), 5u);
}

}  // namespace
}  // namespace reilu::redact

namespace reilu::redact {
namespace {

// Regression guard on the hand-written set: CV fragments, signatures, lists, lower-case names.
TEST(EvaluationSetTest, HandWrittenDocumentsStayCaught) {
  auto docs = LoadLabelledDocs(std::string(REILU_EVAL_DIR) + "/eval_handwritten.jsonl");
  ASSERT_GE(docs.size(), 30u);
  Evaluation e = Evaluate(Engine::Default(), docs);
  EXPECT_GE(e.DirectRecall(), 0.995);
  EXPECT_GE(e.QuasiRecall(), 0.95);
  EXPECT_LE(e.OverRedaction(), 0.02);
  for (size_t i = 0; i < e.misses.size() && i < 10; ++i) ADD_FAILURE() << "missed " << e.misses[i];
}

// Regression guard on the labelled set (see docs/redaction.md for what it does and does not show).
TEST(EvaluationSetTest, MeetsTheTargetsOnTheLabelledSet) {
  auto docs = LoadLabelledDocs(std::string(REILU_EVAL_DIR) + "/eval.jsonl");
  ASSERT_GE(docs.size(), 300u);
  Evaluation e = Evaluate(Engine::Default(), docs);
  EXPECT_GE(e.DirectRecall(), 0.995);
  EXPECT_GE(e.QuasiRecall(), 0.95);
  EXPECT_LE(e.OverRedaction(), 0.02);
  for (size_t i = 0; i < e.misses.size() && i < 10; ++i) ADD_FAILURE() << "missed " << e.misses[i];
}

}  // namespace
}  // namespace reilu::redact
