// The demo organisation for `reilu serve --demo`: enough to click through the whole flow.
#include <cstdio>
#include <optional>

#include "app/app.h"
#include "pdf/pdf.h"
#include "service/admin.h"
#include "service/applications.h"
#include "service/intake.h"
#include "service/recruitments.h"
#include "service/redaction.h"
#include "service/screening.h"
#include "service/work.h"

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

// A one-page CV as an applicant might attach it: name and contact details at the top.
std::optional<SubmittedAttachment> DemoCv(const Identity& who, const std::string& experience) {
  Document cv;
  cv.title = who.first_name + " " + who.last_name;
  cv.Paragraph(who.email + " · " + who.phone + " · " + who.street_address + ", " + who.postal_code + " " +
               who.municipality);
  cv.Heading("Työkokemus").Paragraph(experience);
  cv.Heading("Koulutus").Paragraph("Kirjasto- ja tietopalvelut (AMK)");
  auto pdf = pdf::Render(cv);
  if (!pdf) return std::nullopt;
  return SubmittedAttachment{"CV_" + who.last_name + ".pdf", std::move(*pdf)};
}

// Submits one demo applicant's application through the public intake.
Status Apply(service::Context& ctx, RecruitmentId job, Submission submission) {
  auto submitted = service::SubmitApplication(ctx, service::SubmitRequest{job, std::move(submission), {}, {}});
  if (!submitted) return submitted.error();
  return OkStatus();
}

// A second recruitment already in screening (closed, texts released, partly scored), so the review
// desk, the ranking and the shortlist can be tried at once.
// The decision is made by a named decision-maker (`decision_maker`), who sees nothing until the
// shortlist.
Status SeedScreening(service::Context& ctx, UnitId unit, const User& hr, const std::vector<User>& reviewers,
                     const User& decision_maker) {
  Recruitment r;
  r.unit_id = unit;
  r.languages = {"fi", "sv", "en"};
  r.title = {{"fi", "Kirjastonhoitaja"}, {"sv", "Bibliotekarie"}, {"en", "Librarian"}};
  r.description = {{"fi", "Kaupunginkirjasto hakee kirjastonhoitajaa lasten ja nuorten palveluihin."},
                   {"sv", "Stadsbiblioteket söker en bibliotekarie för barn- och ungdomstjänster."},
                   {"en", "The city library is looking for a librarian for children's and youth services."}};
  r.employment = Employment{EmploymentRelation::kTyosuhde, EmploymentTerm::kPermanent, {}, {}};
  r.accepts_attachments = ctx.attachments != nullptr;
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
  r.deadline = ctx.now() + 3600;
  for (const auto& reviewer : reviewers) r.reviewer_ids.push_back(reviewer.id);
  r.decision_maker_id = decision_maker.id;
  auto created = service::CreateRecruitment(ctx, hr, r, {});
  if (!created) return created.error();
  const RecruitmentId rec = created->id;
  auto published = service::PublishRecruitment(ctx, hr, rec);
  if (!published) return published.error();
  struct Applicant {
    const char* first;
    const char* last;
    int months;
    const char* idea;
  };
  for (const auto& a : {Applicant{"Helmi", "Koskinen", 96, "Lukudiplomi ja pelikerho, jossa luetaan pelien tarinoita."},
                        Applicant{"Oskar", "Sundström", 40, "Lukupiiri, jossa nuoret valitsevat kirjat itse."},
                        Applicant{"Amina", "Warsame", 60, "Sarjakuvapaja ja kirjailijavierailut kouluille."},
                        Applicant{"Jari", "Heikkilä", 12, "Äänikirjat ja podcastit lukemisen tueksi."},
                        Applicant{"Sofia", "Berg", 150, "Kirjavinkkaus yläkouluissa ja some-kampanja."}}) {
    Submission app;
    std::string first = a.first, last = a.last;
    app.identity = Identity{first,
                            last,
                            first + "." + last + "@example.fi",
                            "+358 50 765 4321",
                            "",  // birth date, gender: the demo organisation does not ask them
                            "",
                            "Kirjastokatu 3",
                            "96100",
                            "Rovaniemi",
                            "",  // mother tongue, nationality: not asked either (data minimisation)
                            "",
                            "fi"};
    app.merits.experience = {{"Kirjastovirkailija", "Kaupunginkirjasto", a.months}};
    app.merits.education = {{"bachelor", "Kirjasto- ja tietopalvelut", "Humanistinen ammattikorkeakoulu"}};
    app.merits.skills = {"Kirjavinkkaus", "Finna"};
    app.free_text.cover_letter =
        "Olen " + first + " " + last + ". Olen työskennellyt kirjastossa ja ohjannut lukupiirejä.";
    app.free_text.answers = {{"idea", a.idea}};
    // The first applicant sends a CV too (when this server reads attachments).
    if (r.accepts_attachments && first == "Helmi") {
      if (auto cv = DemoCv(app.identity, "Kirjastovirkailija, kaupunginkirjasto, 8 vuotta")) {
        app.attachments.push_back(std::move(*cv));
      }
    }
    REILU_TRY(Apply(ctx, rec, std::move(app)));
  }
  auto closed = service::CloseRecruitment(ctx, hr, rec);
  if (!closed) return closed.error();
  // Released without a person's check, and the audit log says so.
  auto released = service::ReleaseUnflagged(ctx, hr, rec, {}, "demo_unchecked");
  if (!released) return released.error();
  auto recruitment = service::LoadOwned(ctx, hr, rec, "The demo's HR specialist owns the recruitment.");
  if (!recruitment) return recruitment.error();
  auto apps = service::InCallerOrder(ctx, reviewers.back(), *recruitment);
  if (!apps) return apps.error();
  // The second reviewer has scored everyone; the first reviewer has work left.
  for (size_t i = 0; i < apps->size(); ++i) {
    int experience = 1 + static_cast<int>((i * 2 + 3) % 5), reading = 1 + static_cast<int>((i * 3 + 1) % 5);
    const ApplicationId& id = (*apps)[i].id;
    std::vector<Score> scores = {{id, 0, "experience", experience, "Kokemus näkyy ansioissa."},
                                 {id, 0, "reading", reading, ""}};
    REILU_TRY(service::SaveScores(ctx, reviewers.back(), rec, id, std::move(scores)));
  }
  return OkStatus();
}

}  // namespace

Status SeedDemo(service::Context& ctx) {
  auto seeded = service::AnyOrganisation(ctx);
  if (!seeded) return seeded.error();
  if (*seeded) return OkStatus();
  auto org = service::CreateOrganisation(ctx, "Demokaupunki", AnonymityPolicy{});
  if (!org) return org.error();
  auto unit = service::CreateUnitAsOperator(ctx, *org, "Sivistyspalvelut");
  if (!unit) return unit.error();
  User hr, decision_maker;
  std::vector<User> reviewers;
  for (auto [name, display, role] : std::initializer_list<std::tuple<const char*, const char*, Role>>{
           {"admin", "Demo Admin", Role::kAdmin},
           {"hr", "Henna HR", Role::kHr},
           {"reviewer", "Reijo Reviewer", Role::kReviewer},
           {"reviewer2", "Riikka Reviewer", Role::kReviewer},
           {"registry", "Kirjaamo", Role::kRegistry},
           {"decision", "Päivi Päättäjä", Role::kDecisionMaker},
           {"auditor", "Auditor", Role::kAuditor}}) {
    User u;
    u.username = name;
    u.display_name = display;
    u.email = std::string(name) + "@demo.reilu.invalid";
    u.role = role;
    auto created = service::CreateUserAsOperator(ctx, *org, u, kDemoPassword);
    if (!created) return created.error();
    if (role == Role::kHr) hr = *created;
    if (role == Role::kReviewer) reviewers.push_back(*created);
    if (role == Role::kDecisionMaker) decision_maker = *created;
  }
  Recruitment r;
  r.unit_id = *unit;
  r.languages = {"fi", "sv", "en"};
  r.accepts_attachments = ctx.attachments != nullptr;
  r.title = {{"fi", "Luokanopettaja"}, {"sv", "Klasslärare"}, {"en", "Class teacher"}};
  r.description = {{"fi",
                    "Haemme luokanopettajaa vakituiseen virkaan.\n\nKoulussamme on noin 300 oppilasta ja "
                    "40 aikuista. Painotamme liikuntaa ja luontoa."},
                   {"sv",
                    "Vi söker en klasslärare till en ordinarie tjänst.\n\nVår skola har cirka 300 elever och "
                    "40 vuxna. Vi betonar idrott och natur."},
                   {"en",
                    "We are looking for a class teacher for a permanent post.\n\nOur school has about 300 "
                    "pupils and 40 adults. We emphasise sport and nature."}};
  r.ad.qualifications = {{"fi", "Luokanopettajan kelpoisuus (asetus 986/1998, 4 §)."},
                         {"sv", "Behörighet som klasslärare (förordning 986/1998, 4 §)."},
                         {"en", "Qualified as a class teacher (Decree 986/1998, section 4)."}};
  r.ad.salary = {
      {"fi", "OVTES:n mukaan"}, {"sv", "Enligt UKTA"}, {"en", "According to the teachers' collective agreement"}};
  r.ad.working_hours = {{"fi", "Opetusvelvollisuus 24 tuntia viikossa"},
                        {"sv", "Undervisningsskyldighet 24 timmar i veckan"},
                        {"en", "24 teaching hours a week"}};
  r.ad.location = {{"fi", "Keskustan koulu"}, {"sv", "Centrumskolan"}, {"en", "Central school"}};
  r.ad.starts = {{"fi", "1.8.2027"}, {"sv", "1.8.2027"}, {"en", "1 August 2027"}};
  r.ad.contact_name = "Ritva Rehtorinen";
  r.ad.contact_title = {{"fi", "Rehtori"}, {"sv", "Rektor"}, {"en", "Head teacher"}};
  r.ad.contact_phone = "+358 40 000 0000";
  r.ad.contact_email = "rehtori@demokaupunki.example";
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
  r.deadline = ctx.now() + 30 * 24 * 3600;
  for (const auto& reviewer : reviewers) r.reviewer_ids.push_back(reviewer.id);
  auto created = service::CreateRecruitment(ctx, hr, r, {});
  if (!created) return created.error();
  auto published = service::PublishRecruitment(ctx, hr, created->id);
  if (!published) return published.error();
  for (const auto& a : {DemoApplicant{"Aino", "Virtanen", "aino.virtanen@example.fi", 84, "Montessori"},
                        DemoApplicant{"Mikael", "Lindqvist", "mikael.lindqvist@example.fi", 30, "ICT in teaching"},
                        DemoApplicant{"Fatima", "Hassan", "fatima.hassan@example.fi", 120, "Special education"}}) {
    Submission app;
    app.identity = Identity{a.first, a.last, a.email, "+358 40 123 4567", "", "", "Koulukatu 1", "98100", "Kemijärvi",
                            "",      "",     "fi"};
    app.merits.experience = {{"Luokanopettaja", "Kunta", a.months}};
    app.merits.education = {{"master", "Kasvatustiede", "Lapin yliopisto"}};
    app.merits.skills = {a.skill};
    app.free_text.cover_letter = "Olen " + std::string(a.first) + " " + a.last +
                                 " ja asun Kemijärvellä. Opetan mielelläni alakoulussa; vahvuuteni on " + a.skill + ".";
    app.free_text.answers = {{"motivation", "Haluan opettaa. Terveisin " + std::string(a.first)}};
    REILU_TRY(Apply(ctx, created->id, std::move(app)));
  }
  REILU_TRY(SeedScreening(ctx, *unit, hr, reviewers, decision_maker));
  return SeedHistory(ctx, *unit, hr, reviewers);
}

void PrintDemoBanner(const std::string& base_url) {
  std::printf("\nReilu is running at %s\n", base_url.c_str());
  std::printf("Demo logins (password for each: %s):\n", kDemoPassword);
  std::printf("  admin      organisation admin\n  hr         HR specialist, owns the demo recruitments\n");
  std::printf(
      "  reviewer   hiring manager / reviewer (sees pseudonyms only until lift)\n  reviewer2  second reviewer\n");
  std::printf("  decision   decision-maker of the librarian post (sees it once interviewees are chosen)\n");
  std::printf("  registry   registry office (kirjaamo)\n  auditor    audit log\n\n");
  std::fflush(stdout);
}

}  // namespace reilu::app
