// A year of finished recruitments for the demo organisation, so that the council's reports show
// something real at first start. Each one runs through the same use cases as live work (intake,
// release, eligibility, scores, shortlist, lift, interviews, decision), on a clock set back to when
// it happened, so the audit log and the reports see them as they would have been.
#include <array>

#include "app/app.h"
#include "service/intake.h"
#include "service/recruitments.h"
#include "service/redaction.h"
#include "service/screening.h"
#include "service/selection.h"
#include "service/work.h"

namespace reilu::app {

namespace {

constexpr UnixTime kDay = 24 * 3600;

struct PastPost {
  const char* fi;
  const char* sv;
  const char* en;
  EmploymentTerm term;
  const char* exception;  // not anonymous, and why (nullptr: anonymous)
};

constexpr std::array<PastPost, 8> kPosts = {{
    {"Varhaiskasvatuksen opettaja", "Lärare inom småbarnspedagogik", "Early childhood teacher",
     EmploymentTerm::kPermanent, nullptr},
    {"Kirjastovirkailija", "Biblioteksfunktionär", "Library assistant", EmploymentTerm::kPermanent, nullptr},
    {"Koulunkäynninohjaaja", "Skolgångshandledare", "School assistant", EmploymentTerm::kFixedTerm, nullptr},
    {"Talouspäällikkö", "Ekonomichef", "Head of finance", EmploymentTerm::kPermanent, nullptr},
    {"Sijainen, erityisopettaja", "Vikarie, speciallärare", "Substitute special needs teacher",
     EmploymentTerm::kFixedTerm, "Kahden viikon sijaisuus alkaa heti; hakijoita ehditään käsitellä vain avoimesti."},
    {"Nuoriso-ohjaaja", "Ungdomsledare", "Youth worker", EmploymentTerm::kPermanent, nullptr},
    {"Projektikoordinaattori", "Projektkoordinator", "Project coordinator", EmploymentTerm::kFixedTerm, nullptr},
    {"Rakennustarkastaja", "Byggnadsinspektör", "Building inspector", EmploymentTerm::kPermanent, nullptr},
}};

constexpr std::array<const char*, 12> kFirstNames = {"Anna",  "Ville", "Laura", "Jussi", "Emma",  "Niklas",
                                                     "Sanna", "Ahmed", "Kaisa", "Tomi",  "Elina", "Petra"};
constexpr std::array<const char*, 12> kLastNames = {"Mäkinen",  "Nieminen", "Hämäläinen", "Laine",
                                                    "Korhonen", "Ekström",  "Salo",       "Ali",
                                                    "Lehtonen", "Kallio",   "Turunen",    "Holm"};

Submission PastApplicant(int n, const PastPost& post) {
  const std::string first = kFirstNames[n % kFirstNames.size()];
  const std::string last = kLastNames[(n * 5 + 3) % kLastNames.size()];
  Submission s;
  s.identity.first_name = first;
  s.identity.last_name = last;
  s.identity.email = first + "." + last + std::to_string(n) + "@example.fi";
  s.identity.language = n % 7 == 0 ? "sv" : "fi";
  s.merits.experience = {{post.fi, "Kunta", 12 + (n * 17) % 120}};
  s.merits.education = {{n % 4 == 0 ? "bachelor" : "master", "Hallintotiede", "Lapin yliopisto"}};
  s.merits.skills = {"Asiakaspalvelu"};
  s.free_text.cover_letter = "Olen " + first + " " + last + ". Haen tehtävää, koska työ on minulle tuttua ja tärkeää.";
  return s;
}

// One past recruitment from publication to decision; `at` is when it was published.
Status SeedPastRecruitment(service::Context& live, const PastPost& post, int index, UnitId unit, const User& hr,
                           const std::vector<User>& reviewers, UnixTime at) {
  UnixTime clock = at;
  service::Context ctx = live;
  ctx.now = [&clock] { return clock; };
  Recruitment r;
  r.unit_id = unit;
  r.languages = {"fi", "sv", "en"};
  r.title = {{"fi", post.fi}, {"sv", post.sv}, {"en", post.en}};
  r.description = {{"fi", "Demokaupunki haki tähän tehtävään viime vuonna."},
                   {"sv", "Demostaden sökte till denna uppgift förra året."},
                   {"en", "The demo city recruited for this post last year."}};
  r.employment = Employment{EmploymentRelation::kTyosuhde, post.term, {}, {}};
  if (post.term == EmploymentTerm::kFixedTerm) {
    r.employment.fixed_term_ground = "sijaisuus";
    r.employment.end_date = "2026-12-31";
  }
  r.criteria = {{"experience", {{"fi", "Kokemus"}, {"sv", "Erfarenhet"}, {"en", "Experience"}}, 2, {}}};
  r.deadline = at + 21 * kDay;
  for (const auto& reviewer : reviewers) r.reviewer_ids.push_back(reviewer.id);
  service::AnonymityWish wish;
  if (post.exception) wish = {false, std::string(post.exception)};
  auto created = service::CreateRecruitment(ctx, hr, r, wish);
  if (!created) return created.error();
  const RecruitmentId id = created->id;
  auto published = service::PublishRecruitment(ctx, hr, id);
  if (!published) return published.error();
  const int applicants = 5 + index % 3;
  for (int n = 0; n < applicants; ++n) {
    clock = at + (n + 1) * kDay;
    auto sent =
        service::SubmitApplication(ctx, service::SubmitRequest{id, PastApplicant(index * 10 + n, post), {}, {}});
    if (!sent) return sent.error();
  }
  clock = r.deadline + kDay;
  auto released = service::ReleaseUnflagged(ctx, hr, id, {}, "demo_unchecked");
  if (!released) return released.error();
  auto recruitment = service::LoadOwned(ctx, hr, id, "The demo's HR specialist owns the recruitment.");
  if (!recruitment) return recruitment.error();
  auto apps = service::InCallerOrder(ctx, hr, *recruitment);
  if (!apps) return apps.error();
  std::vector<ApplicationId> eligible;
  for (size_t i = 0; i < apps->size(); ++i) {
    const ApplicationId& app = (*apps)[i].id;
    const bool ok = i % 4 != 3;
    auto assessed = service::AssessEligibility(ctx, hr, id, app, ok, ok ? "" : "Ei ilmoituksessa vaadittua tutkintoa");
    if (!assessed) return assessed.error();
    if (!ok) continue;
    eligible.push_back(app);
    for (const auto& reviewer : reviewers) {
      const int value = 1 + static_cast<int>((i * 3 + reviewer.id) % 5);
      REILU_TRY(service::SaveScores(ctx, reviewer, id, app, {{app, 0, "experience", value, ""}}));
    }
  }
  clock += 7 * kDay;
  std::vector<ApplicationId> shortlist(eligible.begin(), eligible.begin() + std::min<size_t>(2, eligible.size()));
  auto shortlisted = service::Shortlist(ctx, hr, id, shortlist, "Parhaat pisteet kokemuksesta");
  if (!shortlisted) return shortlisted.error();
  if (created->anonymous) {
    auto lifted = service::Lift(ctx, hr, id, {}, true, "Haastatteluun kutsuttavat valittu");
    if (!lifted) return lifted.error();
  }
  for (size_t k = 0; k < shortlist.size(); ++k) {
    Interview interview;
    interview.application_id = shortlist[k];
    interview.starts_at = clock + (3 + static_cast<UnixTime>(k)) * kDay;
    interview.minutes = 45;
    interview.location = "Kaupungintalo, neuvotteluhuone 2";
    interview.interviewers = {reviewers.front().id};
    auto scheduled = service::ScheduleInterview(ctx, hr, id, interview);
    if (!scheduled) return scheduled.error();
  }
  clock += 14 * kDay;
  service::DecisionRequest decision;
  decision.reasoning = "Valittu hakija on ansioiltaan paras: pisin kokemus ja onnistunut haastattelu.";
  for (size_t k = 0; k < shortlist.size(); ++k) {
    decision.outcomes[shortlist[k]] = k == 0 ? Outcome::kSelected : Outcome::kReserve;
  }
  auto decided = service::Decide(ctx, hr, id, decision);
  if (!decided) return decided.error();
  return OkStatus();
}

}  // namespace

Status SeedHistory(service::Context& ctx, UnitId unit, const User& hr, const std::vector<User>& reviewers) {
  const UnixTime start = ctx.now() - 330 * kDay;
  for (size_t i = 0; i < kPosts.size(); ++i) {
    REILU_TRY(SeedPastRecruitment(ctx, kPosts[i], static_cast<int>(i), unit, hr, reviewers,
                                  start + static_cast<UnixTime>(i) * 36 * kDay));
  }
  return OkStatus();
}

}  // namespace reilu::app
