// The demo organisation for `reilu serve --demo`: enough to click through the whole flow.
#include <cstdio>

#include "app/app.h"
#include "crypto/crypto.h"

namespace reilu::app {

namespace {

constexpr const char* kDemoPassword = "reilu-demo-2026";

struct DemoApplicant {
  const char* first;
  const char* last;
  const char* email;
  int months;
  const char* skill;
};

// A second recruitment already in screening (closed, texts released, partly scored), so the review
// desk, the ranking and the shortlist can be tried at once.
Status SeedScreening(store::Store& store, const FreeTextRedactor& redactor, OrgId org, UnitId unit, UserId hr,
                     const std::vector<UserId>& reviewers, UnixTime now) {
  Recruitment r;
  r.org_id = org;
  r.unit_id = unit;
  r.owner_id = hr;
  r.languages = {"fi", "sv", "en"};
  r.title = {{"fi", "Kirjastonhoitaja"}, {"sv", "Bibliotekarie"}, {"en", "Librarian"}};
  r.description = {{"fi", "Kaupunginkirjasto hakee kirjastonhoitajaa lasten ja nuorten palveluihin."},
                   {"sv", "Stadsbiblioteket söker en bibliotekarie för barn- och ungdomstjänster."},
                   {"en", "The city library is looking for a librarian for children's and youth services."}};
  r.employment = Employment{EmploymentRelation::kTyosuhde, EmploymentTerm::kPermanent, {}, {}};
  r.criteria = {{"experience",
                 {{"fi", "Kokemus kirjastotyöstä"}, {"sv", "Erfarenhet av biblioteksarbete"}, {"en", "Library work"}},
                 2,
                 {{"fi", "1 = ei kokemusta, 5 = monipuolinen kokemus"},
                  {"sv", "1 = ingen erfarenhet, 5 = mångsidig erfarenhet"},
                  {"en", "1 = none, 5 = varied experience"}}},
                {"reading",
                 {{"fi", "Lukemisen edistäminen"}, {"sv", "Läsfrämjande"}, {"en", "Reading promotion"}},
                 1,
                 {{"fi", "1 = ei näyttöä, 5 = omia hankkeita"},
                  {"sv", "1 = inga belägg, 5 = egna projekt"},
                  {"en", "1 = no evidence, 5 = own projects"}}}};
  r.questions = {{"idea",
                  {{"fi", "Miten innostaisit nuoria lukemaan?"},
                   {"sv", "Hur skulle du få unga att läsa?"},
                   {"en", "How would you get young people to read?"}},
                  true,
                  "reading"}};
  r.deadline = now + 3600;
  r.reviewer_ids = reviewers;
  r.anonymous = true;
  auto rec = store.CreateRecruitment(r, now);
  if (!rec) return rec.error();
  auto saved = store.GetRecruitment(org, *rec);
  if (!saved) return saved.error();
  saved->state = RecruitmentState::kPublished;
  saved->published_at = now;
  REILU_TRY(store.UpdateRecruitment(*saved, std::nullopt, now));
  struct Applicant {
    const char* first;
    const char* last;
    int months;
    const char* idea;
  };
  std::vector<ApplicationId> ids;
  for (const auto& a : {Applicant{"Helmi", "Koskinen", 96, "Lukudiplomi ja pelikerho, jossa luetaan pelien tarinoita."},
                        Applicant{"Oskar", "Sundström", 40, "Lukupiiri, jossa nuoret valitsevat kirjat itse."},
                        Applicant{"Amina", "Warsame", 60, "Sarjakuvapaja ja kirjailijavierailut kouluille."},
                        Applicant{"Jari", "Heikkilä", 12, "Äänikirjat ja podcastit lukemisen tueksi."},
                        Applicant{"Sofia", "Berg", 150, "Kirjavinkkaus yläkouluissa ja some-kampanja."}}) {
    store::NewApplication app;
    app.recruitment = &*saved;
    std::string first = a.first, last = a.last;
    app.submission.identity = Identity{first,
                                       last,
                                       first + "." + last + "@example.fi",
                                       "+358 50 765 4321",
                                       "1990-06-01",
                                       "",
                                       "Kirjastokatu 3",
                                       "96100",
                                       "Rovaniemi",
                                       "suomi",
                                       "Suomi",
                                       "fi"};
    app.submission.merits.experience = {{"Kirjastovirkailija", "Kaupunginkirjasto", a.months}};
    app.submission.merits.education = {{"bachelor", "Kirjasto- ja tietopalvelut", "Seinäjoen ammattikorkeakoulu"}};
    app.submission.merits.skills = {"Kirjavinkkaus", "Finna"};
    app.submission.free_text.cover_letter =
        "Olen " + first + " " + last + ". Olen työskennellyt kirjastossa ja ohjannut lukupiirejä.";
    app.submission.free_text.answers = {{"idea", a.idea}};
    app.redaction_proposal =
        redactor.Redact(app.submission.free_text, app.submission.identity, ReviewersLanguage(*app.recruitment));
    auto res = store.SubmitApplication(app, now);
    if (!res) return res.error();
    ids.push_back(res->receipt.application_id);
    if (app.redaction_proposal) {
      REILU_TRY(store.ReleaseRedaction(org, *rec, ids.back(), *app.redaction_proposal, hr,
                                       store::RedactionReleaseNote{"demo_unchecked", false, 0, 0}, now));
    }
  }
  saved = store.GetRecruitment(org, *rec);
  if (!saved) return saved.error();
  saved->state = RecruitmentState::kClosed;
  REILU_TRY(store.UpdateRecruitment(*saved, std::nullopt, now));
  // The second reviewer has scored everyone; the first reviewer has work left.
  for (size_t i = 0; i < ids.size(); ++i) {
    int experience = 1 + static_cast<int>((i * 2 + 3) % 5), reading = 1 + static_cast<int>((i * 3 + 1) % 5);
    std::vector<Score> scores = {{ids[i], reviewers.back(), "experience", experience, "Kokemus näkyy ansioissa."},
                                 {ids[i], reviewers.back(), "reading", reading, ""}};
    REILU_TRY(store.SaveScores(org, *rec, reviewers.back(), scores, now));
  }
  return OkStatus();
}

}  // namespace

Status SeedDemo(store::Store& store, const FreeTextRedactor& redactor) {
  auto orgs = store.ListOrganisations();
  if (!orgs) return orgs.error();
  UnixTime now = Now();
  if (orgs->empty()) {
    auto org = store.CreateOrganisation("Demokaupunki", AnonymityPolicy{}, now);
    if (!org) return org.error();
    auto unit = store.CreateUnit(*org, "Sivistyspalvelut");
    if (!unit) return unit.error();
    auto hash = crypto::HashPassword(kDemoPassword);
    if (!hash) return hash.error();
    UserId hr = 0;
    std::vector<UserId> reviewers;
    for (auto [name, display, role] : std::initializer_list<std::tuple<const char*, const char*, Role>>{
             {"admin", "Demo Admin", Role::kAdmin},
             {"hr", "Henna HR", Role::kHr},
             {"reviewer", "Reijo Reviewer", Role::kReviewer},
             {"reviewer2", "Riikka Reviewer", Role::kReviewer},
             {"registry", "Kirjaamo", Role::kRegistry},
             {"auditor", "Auditor", Role::kAuditor}}) {
      User u;
      u.org_id = *org;
      u.username = name;
      u.display_name = display;
      u.email = std::string(name) + "@demo.reilu.invalid";
      u.role = role;
      auto id = store.CreateUser(u, *hash, 0, now);
      if (!id) return id.error();
      if (role == Role::kHr) hr = *id;
      if (role == Role::kReviewer) reviewers.push_back(*id);
    }
    Recruitment r;
    r.org_id = *org;
    r.unit_id = *unit;
    r.owner_id = hr;
    r.languages = {"fi", "sv", "en"};
    r.title = {{"fi", "Luokanopettaja"}, {"sv", "Klasslärare"}, {"en", "Class teacher"}};
    r.description = {{"fi", "Haemme luokanopettajaa vakituiseen virkaan."},
                     {"sv", "Vi söker en klasslärare till en ordinarie tjänst."},
                     {"en", "We are looking for a class teacher for a permanent post."}};
    r.employment = Employment{EmploymentRelation::kVirka, EmploymentTerm::kPermanent, {}, {}};
    r.criteria = {{"experience",
                   {{"fi", "Opetuskokemus"}, {"sv", "Undervisningserfarenhet"}, {"en", "Teaching experience"}},
                   3,
                   {{"fi", "1 = ei kokemusta, 3 = muutama vuosi, 5 = pitkä ja monipuolinen kokemus"},
                    {"sv", "1 = ingen erfarenhet, 3 = några år, 5 = lång och mångsidig erfarenhet"},
                    {"en", "1 = none, 3 = a few years, 5 = long and varied experience"}}},
                  {"education",
                   {{"fi", "Koulutus"}, {"sv", "Utbildning"}, {"en", "Education"}},
                   2,
                   {{"fi", "1 = ei kelpoisuutta, 3 = kelpoinen, 5 = kelpoinen ja lisäopintoja"},
                    {"sv", "1 = ej behörig, 3 = behörig, 5 = behörig med tilläggsstudier"},
                    {"en", "1 = not qualified, 3 = qualified, 5 = qualified with further studies"}}}};
    r.questions = {{"motivation",
                    {{"fi", "Miksi haet tätä tehtävää?"}, {"sv", "Varför söker du?"}, {"en", "Why do you apply?"}},
                    true,
                    "experience"}};
    r.deadline = now + 30 * 24 * 3600;
    r.reviewer_ids = reviewers;
    r.anonymous = true;
    auto rec = store.CreateRecruitment(r, now);
    if (!rec) return rec.error();
    auto saved = store.GetRecruitment(*org, *rec);
    if (!saved) return saved.error();
    saved->state = RecruitmentState::kPublished;
    saved->published_at = now;
    REILU_TRY(store.UpdateRecruitment(*saved, std::nullopt, now));
    for (const auto& a : {DemoApplicant{"Aino", "Virtanen", "aino.virtanen@example.fi", 84, "Montessori"},
                          DemoApplicant{"Mikael", "Lindqvist", "mikael.lindqvist@example.fi", 30, "ICT in teaching"},
                          DemoApplicant{"Fatima", "Hassan", "fatima.hassan@example.fi", 120, "Special education"}}) {
      store::NewApplication app;
      app.recruitment = &*saved;
      app.submission.identity =
          Identity{a.first, a.last,  a.email, "+358 40 123 4567", "1985-04-12", "", "Koulukatu 1", "98100", "Kemijärvi",
                   "suomi", "Suomi", "fi"};
      app.submission.merits.experience = {{"Luokanopettaja", "Kunta", a.months}};
      app.submission.merits.education = {{"master", "Kasvatustiede", "Lapin yliopisto"}};
      app.submission.merits.skills = {a.skill};
      app.submission.free_text.cover_letter = "Olen " + std::string(a.first) + " " + a.last +
                                              " ja asun Kemijärvellä. Opetan mielelläni alakoulussa; vahvuuteni on " +
                                              a.skill + ".";
      app.submission.free_text.answers = {{"motivation", "Haluan opettaa. Terveisin " + std::string(a.first)}};
      app.redaction_proposal =
          redactor.Redact(app.submission.free_text, app.submission.identity, ReviewersLanguage(*app.recruitment));
      auto res = store.SubmitApplication(app, now);
      if (!res) return res.error();
    }
    REILU_TRY(SeedScreening(store, redactor, *org, *unit, hr, reviewers, now));
  }
  return OkStatus();
}

void PrintDemoBanner(const std::string& base_url) {
  std::printf("\nReilu is running at %s\n", base_url.c_str());
  std::printf("Demo logins (password for each: %s):\n", kDemoPassword);
  std::printf("  admin      organisation admin\n  hr         HR specialist, owns the demo recruitments\n");
  std::printf(
      "  reviewer   hiring manager / reviewer (sees pseudonyms only until lift)\n  reviewer2  second reviewer\n");
  std::printf("  registry   registry office (kirjaamo)\n  auditor    audit log\n\n");
  std::fflush(stdout);
}

}  // namespace reilu::app
