#include "service/selection.h"

#include <algorithm>

#include "codec/codec.h"
#include "crypto/crypto.h"
#include "notify/calendar.h"
#include "service/decision_document.h"
#include "service/mail.h"
#include "service/screening.h"
#include "service/work.h"

namespace reilu::service {

namespace {

// "Ritva Rehtorinen, +358 40 000 0000, rehtori@…": whom the ad names for questions.
std::string AdContact(const AdDetails& ad) {
  std::string out = ad.contact_name;
  for (const std::string* part : {&ad.contact_phone, &ad.contact_email}) {
    if (!part->empty()) out += (out.empty() ? "" : ", ") + *part;
  }
  return out;
}

}  // namespace

Result<Scheduled> ScheduleInterview(Context& ctx, const User& actor, RecruitmentId id, Interview i) {
  auto r = LoadOwned(ctx, actor, id, "Only the owner schedules interviews.");
  if (!r) return r.error();
  auto state = ctx.store.GetScreeningState(r->org_id, r->id);
  if (!state) return state.error();
  REILU_TRY(CheckInterview(actor, *r, *state, i, ctx.now()));
  auto lifts = ctx.store.GetLiftState(r->org_id, r->id);
  if (!lifts) return lifts.error();
  if (r->anonymous && !lifts->Covers(i.application_id)) {
    return MakeError(ErrorCode::kConflict, "Lift the anonymity of this applicant before inviting them.",
                     "application_id");
  }
  auto access = RequestIdentity(ctx, actor, *r, *lifts, i.application_id, "Sending the interview invitation");
  if (!access) return access.error();
  auto ref = ctx.store.ReferenceOf(r->org_id, r->id, i.application_id);
  if (!ref) return ref.error();
  auto sender = SenderFor(ctx, r->org_id);
  if (!sender) return sender.error();
  std::vector<User> interviewers;
  for (UserId interviewer : i.interviewers) {
    auto user = ctx.store.GetUser(r->org_id, interviewer);
    if (user && !user->email.empty()) interviewers.push_back(std::move(*user));
  }
  std::string pseudonym;
  store::IdentityNotices notices{
      {*access}, [&](const std::vector<IdentifiedApplication>& read) -> Result<std::vector<store::OutgoingMail>> {
        const IdentifiedApplication& full = read.front();
        pseudonym = full.anonymous.pseudonym;
        std::string lang = notify::NoticeLanguage(full.identity.language);
        std::string title = TitleIn(*r, lang);
        std::string uid = MakeApplicationId(crypto::SystemRandom()) + "@reilu";
        notify::CalendarEvent event{uid,        i.starts_at, i.minutes,       title,
                                    i.location, title,       sender->address, full.identity.email};
        std::vector<store::OutgoingMail> mails;
        auto invitation = ComposeMail(
            *sender, ctx.now(), r->org_id, r->id,
            MailParts{"interview",
                      full.identity.email,
                      notify::InterviewInvitationText(lang, title, i.starts_at, i.minutes, i.location,
                                                      StatusLink(ctx, *ref, i.application_id), AdContact(r->ad)),
                      {{"interview.ics", "text/calendar; method=REQUEST", notify::RenderIcs(event, ctx.now())}}});
        if (!invitation) return invitation.error();
        mails.push_back(std::move(*invitation));
        // Interviewers get the time and the pseudonym only, with their own calendar entry.
        for (const User& user : interviewers) {
          notify::CalendarEvent staff_event = event;
          staff_event.summary = TitleIn(*r, "fi") + " / " + pseudonym;
          staff_event.description = staff_event.summary;
          staff_event.attendee_address = user.email;
          auto mail = ComposeMail(
              *sender, ctx.now(), r->org_id, r->id,
              MailParts{
                  "interviewer",
                  user.email,
                  notify::InterviewerNoticeText(TitleIn(*r, "fi"), pseudonym, i.starts_at, i.minutes, i.location),
                  {{"interview.ics", "text/calendar; method=REQUEST", notify::RenderIcs(staff_event, ctx.now())}}});
          if (mail) mails.push_back(std::move(*mail));
        }
        return mails;
      }};
  auto created = ctx.store.CreateInterview(r->org_id, r->id, i, actor.id, notices, ctx.now());
  if (!created) return created.error();
  i.id = *created;
  return Scheduled{std::move(i), std::move(pseudonym)};
}

Status SaveInterviewNotes(Context& ctx, const User& actor, RecruitmentId id, std::int64_t interview_id,
                          std::vector<InterviewNote> notes) {
  auto r = LoadForWork(ctx, actor, id);
  if (!r) return r.error();
  auto interviews = ctx.store.ListInterviews(r->org_id, r->id);
  if (!interviews) return interviews.error();
  auto it =
      std::find_if(interviews->begin(), interviews->end(), [&](const Interview& x) { return x.id == interview_id; });
  if (it == interviews->end()) return MakeError(ErrorCode::kNotFound, "Interview not found.");
  if (notes.empty()) return MakeError(ErrorCode::kInvalidInput, "Give at least one note.", "notes");
  for (auto& n : notes) {
    n.interview_id = interview_id;
    n.author_id = actor.id;
    REILU_TRY(CheckInterviewNote(actor, *r, *it, n));
  }
  return ctx.store.SaveInterviewNotes(r->org_id, r->id, notes, ctx.now());
}

namespace {
// The owner's reason when the application was found not eligible ("" otherwise).
std::string IneligibleBecause(const ScreeningState& s, const ApplicationId& app) {
  auto it = s.eligibility.find(app);
  return it != s.eligibility.end() && !it->second.eligible ? it->second.reason : std::string();
}
}  // namespace

Result<DecisionBrief> BriefForDecision(Context& ctx, const User& actor, RecruitmentId id) {
  auto r = LoadForDecision(ctx, actor, id);
  if (!r) return r.error();
  if (!MayDecide(actor, *r) && !IsRecruitmentOwner(actor, *r)) {
    return MakeError(ErrorCode::kForbidden, "The brief is for the one who decides and the owner.");
  }
  auto state = ctx.store.GetScreeningState(r->org_id, r->id);
  if (!state) return state.error();
  if (r->anonymous && !state->frozen) {
    return MakeError(ErrorCode::kNotShortlisted,
                     "The applications are shown for the decision once the shortlist has been chosen.");
  }
  auto apps = ctx.store.ListAnonymous(r->org_id, r->id);
  if (!apps) return apps.error();
  auto scores = ctx.store.ListScores(r->org_id, r->id);
  if (!scores) return scores.error();
  auto interviews = ctx.store.ListInterviews(r->org_id, r->id);
  if (!interviews) return interviews.error();
  auto lifts = ctx.store.GetLiftState(r->org_id, r->id);
  if (!lifts) return lifts.error();
  std::map<ApplicationId, const RankedApplication*> ranked;
  const auto ranking = RankApplications(*r, *state, *scores);
  for (const auto& ra : ranking) ranked[ra.application_id] = &ra;
  DecisionBrief brief;
  brief.may_decide = MayDecide(actor, *r);
  for (const auto& a : *apps) {
    const bool in_brief = state->frozen ? state->shortlist.count(a.id) > 0 : state->IsActive(a.id);
    if (!in_brief || !state->IsActive(a.id)) continue;
    BriefEntry e{a.id, a.pseudonym, a.merits, 0, 0, {}, {}};
    if (auto it = ranked.find(a.id); it != ranked.end()) {
      e.weighted_score = it->second->weighted_score;
      e.rank = it->second->rank;
    }
    for (const auto& i : *interviews) {
      if (i.application_id == a.id) e.interviews.push_back(i.starts_at);
    }
    if (!r->anonymous || lifts->Covers(a.id)) {
      auto access = RequestIdentity(ctx, actor, *r, *lifts, a.id, "Valintapäätöksen valmistelu");
      if (!access) return access.error();
      auto read = ctx.store.ReadIdentity(*access, ctx.now());
      if (!read) return read.error();
      e.name = read->identity.first_name + " " + read->identity.last_name;
    }
    brief.applications.push_back(std::move(e));
  }
  std::sort(brief.applications.begin(), brief.applications.end(), [](const BriefEntry& x, const BriefEntry& y) {
    return (x.rank == 0 ? 1 << 30 : x.rank) < (y.rank == 0 ? 1 << 30 : y.rank);
  });
  return brief;
}

Result<Decided> Decide(Context& ctx, const User& actor, RecruitmentId id, DecisionRequest request) {
  auto r = LoadForDecision(ctx, actor, id);
  if (!r) return r.error();
  auto state = ctx.store.GetScreeningState(r->org_id, r->id);
  if (!state) return state.error();
  auto decision =
      MakeDecision(actor, *r, *state, request.outcomes, std::move(request.reasoning), ctx.now(), request.appeal_days);
  if (!decision) return decision.error();
  auto translations = CheckReasoningTranslations(*r, std::move(request.reasoning_in));
  if (!translations) return translations.error();
  decision->reasoning_in = std::move(*translations);
  auto existing = ctx.store.GetDecision(r->org_id, r->id);
  if (!existing) return existing.error();
  if (*existing) return MakeError(ErrorCode::kDecided, "The selection decision has already been made; it is final.");
  auto scores = ctx.store.ListScores(r->org_id, r->id);
  if (!scores) return scores.error();
  auto ranking = RankingJson(ctx, *r, *state, *scores);
  if (!ranking) return ranking.error();
  auto lifts = ctx.store.GetLiftState(r->org_id, r->id);
  if (!lifts) return lifts.error();
  auto sender = SenderFor(ctx, r->org_id);
  if (!sender) return sender.error();
  auto organisation = ctx.store.GetOrganisation(r->org_id);
  if (!organisation) return organisation.error();
  // Every applicant hears the outcome, in the language they applied in.
  store::IdentityNotices notices;
  std::vector<std::pair<Outcome, std::string>> recipients;  // outcome and reference, in the order of the reads
  for (const auto& [app, outcome] : decision->outcomes) {
    // A named decision-maker never reads the identities: the notices do, on the decision's account.
    auto access = IsDecisionMaker(actor, *r)
                      ? IdentityGate::ForDecisionNotice(actor, *r, app)
                      : RequestIdentity(ctx, actor, *r, *lifts, app, "Sending the selection decision notice");
    if (!access) return access.error();
    auto ref = ctx.store.ReferenceOf(r->org_id, r->id, app);
    if (!ref) return ref.error();
    notices.reads.push_back(std::move(*access));
    recipients.emplace_back(outcome, std::move(*ref));
  }
  std::string decided_on = IsoDate(ctx.now());
  std::int64_t queued = 0;
  notices.compose = [&](const std::vector<IdentifiedApplication>& read) -> Result<std::vector<store::OutgoingMail>> {
    std::vector<store::OutgoingMail> mails;
    for (size_t k = 0; k < read.size(); ++k) {
      const IdentifiedApplication& full = read[k];
      const auto& [outcome, ref] = recipients[k];
      std::string lang = notify::NoticeLanguage(full.identity.language);
      auto mail =
          ComposeMail(*sender, ctx.now(), r->org_id, r->id,
                      MailParts{"decision",
                                full.identity.email,
                                notify::DecisionNoticeText(lang, TitleIn(*r, lang), outcome, decided_on,
                                                           decision->appeal_ends, RectificationAddress(*organisation),
                                                           StatusLink(ctx, ref, full.anonymous.id),
                                                           IneligibleBecause(*state, full.anonymous.id)),
                                {}});
      if (mail) {
        mail->application_id = full.anonymous.id;
        mails.push_back(std::move(*mail));
      }
    }
    queued = static_cast<std::int64_t>(mails.size());
    return mails;
  };
  REILU_TRY(ctx.store.RecordDecision(r->org_id, r->id, *decision, codec::Serialize(*ranking), notices, ctx.now()));
  return Decided{std::move(*decision), queued};
}

namespace {

// Every offer of a decided recruitment: the recorded ones, and the decision's standing offer to a
// selected person who has no row yet.
Result<std::vector<Acceptance>> OffersOf(Context& ctx, const Recruitment& r, const Decision& d) {
  auto recorded = ctx.store.ListAcceptances(r.org_id, r.id);
  if (!recorded) return recorded.error();
  std::vector<Acceptance> offers = std::move(*recorded);
  for (const auto& [app, outcome] : d.outcomes) {
    if (outcome != Outcome::kSelected) continue;
    bool known =
        std::any_of(offers.begin(), offers.end(), [&](const Acceptance& a) { return a.application_id == app; });
    if (!known) offers.insert(offers.begin(), Acceptance{app, AcceptanceState::kOffered, {}, d.decided_at, 0});
  }
  return offers;
}

struct DecidedRecruitment {
  Recruitment recruitment;
  Decision decision;
};

Result<DecidedRecruitment> LoadDecided(Context& ctx, const User& actor, RecruitmentId id) {
  auto r = LoadForDecision(ctx, actor, id);
  if (!r) return r.error();
  if (!IsRecruitmentOwner(actor, *r) && !MayDecide(actor, *r)) {
    return MakeError(ErrorCode::kForbidden, "The owner and the decision-maker follow the acceptance.");
  }
  auto stored = ctx.store.GetDecision(r->org_id, r->id);
  if (!stored) return stored.error();
  if (!*stored) return MakeError(ErrorCode::kConflict, "The selection has not been decided yet.");
  return DecidedRecruitment{std::move(*r), (*stored)->decision};
}

}  // namespace

Result<AcceptanceView> ListAcceptances(Context& ctx, const User& actor, RecruitmentId id) {
  auto decided = LoadDecided(ctx, actor, id);
  if (!decided) return decided.error();
  auto offers = OffersOf(ctx, decided->recruitment, decided->decision);
  if (!offers) return offers.error();
  AcceptanceView view{std::move(*offers), {}};
  for (const auto& [app, outcome] : decided->decision.outcomes) {
    if (outcome != Outcome::kReserve) continue;
    bool offered = std::any_of(view.offers.begin(), view.offers.end(),
                               [&](const Acceptance& a) { return a.application_id == app; });
    if (!offered) view.reserves.push_back(app);
  }
  return view;
}

Result<Acceptance> RecordAcceptance(Context& ctx, const User& actor, RecruitmentId id, const ApplicationId& app,
                                    std::optional<AcceptanceState> state,
                                    std::optional<std::vector<SelectionCondition>> conditions) {
  auto decided = LoadDecided(ctx, actor, id);
  if (!decided) return decided.error();
  auto offers = OffersOf(ctx, decided->recruitment, decided->decision);
  if (!offers) return offers.error();
  auto it = std::find_if(offers->begin(), offers->end(), [&](const Acceptance& a) { return a.application_id == app; });
  if (it == offers->end()) return MakeError(ErrorCode::kNotFound, "The post has not been offered to this applicant.");
  Acceptance a = *it;
  if (conditions) {
    REILU_TRY(ValidateConditions(*conditions));
    a.conditions = std::move(*conditions);
  }
  if (state && *state != a.state) {
    a.state = *state;
    a.answered_at = *state == AcceptanceState::kOffered ? 0 : ctx.now();
  }
  REILU_TRY(ctx.store.SaveAcceptance(decided->recruitment.org_id, decided->recruitment.id, a, actor.id, "recorded",
                                     ctx.now()));
  return a;
}

Result<Acceptance> OfferToReserve(Context& ctx, const User& actor, RecruitmentId id, const ApplicationId& reserve) {
  auto decided = LoadDecided(ctx, actor, id);
  if (!decided) return decided.error();
  auto offers = OffersOf(ctx, decided->recruitment, decided->decision);
  if (!offers) return offers.error();
  REILU_TRY(CheckOfferToReserve(actor, decided->recruitment, decided->decision, *offers, reserve));
  Acceptance a{reserve, AcceptanceState::kOffered, {}, ctx.now(), 0};
  REILU_TRY(ctx.store.SaveAcceptance(decided->recruitment.org_id, decided->recruitment.id, a, actor.id,
                                     "offered_to_reserve", ctx.now()));
  return a;
}

Result<std::optional<Acceptance>> OfferOf(Context& ctx, OrgId org, RecruitmentId id, const ApplicationId& app) {
  auto r = ctx.store.GetRecruitment(org, id);
  if (!r) return r.error();
  auto stored = ctx.store.GetDecision(org, id);
  if (!stored) return stored.error();
  if (!*stored) return std::optional<Acceptance>();
  auto offers = OffersOf(ctx, *r, (*stored)->decision);
  if (!offers) return offers.error();
  for (auto& a : *offers) {
    if (a.application_id == app) return std::optional<Acceptance>(std::move(a));
  }
  return std::optional<Acceptance>();
}

Result<Acceptance> AnswerOffer(Context& ctx, OrgId org, RecruitmentId id, const ApplicationId& app, bool accept) {
  auto offer = OfferOf(ctx, org, id, app);
  if (!offer) return offer.error();
  if (!*offer) return MakeError(ErrorCode::kNotFound, "No offer of the post stands for this application.");
  Acceptance a = **offer;
  if (a.state != AcceptanceState::kOffered) {
    return MakeError(ErrorCode::kConflict, "The offer has been answered already.");
  }
  a.state = accept ? AcceptanceState::kAccepted : AcceptanceState::kDeclined;
  a.answered_at = ctx.now();
  REILU_TRY(ctx.store.SaveAcceptance(org, id, a, 0, "answered_by_applicant", ctx.now()));
  return a;
}

Result<std::vector<NoticeDeliveryRow>> NoticeDeliveries(Context& ctx, const User& actor, RecruitmentId id) {
  auto decided = LoadDecided(ctx, actor, id);
  if (!decided) return decided.error();
  const Recruitment& r = decided->recruitment;
  auto mail = ctx.store.ListMail(r.org_id, r.id);
  if (!mail) return mail.error();
  auto seen = ctx.store.ListNoticeDeliveries(r.org_id, r.id);
  if (!seen) return seen.error();
  auto apps = ctx.store.ListAnonymous(r.org_id, r.id);
  if (!apps) return apps.error();
  std::map<ApplicationId, std::string> pseudonyms;
  for (const auto& a : *apps) pseudonyms[a.id] = a.pseudonym;
  std::vector<NoticeDeliveryRow> out;
  for (const auto& [app, outcome] : decided->decision.outcomes) {
    NoticeDeliveryRow row{app, pseudonyms[app], outcome, "", 0, 0, 0};
    for (const auto& m : *mail) {
      if (m.kind == "decision" && m.application_id == app) {
        row.email = m.status;
        row.email_sent_at = m.sent_at;
      }
    }
    if (auto it = seen->find(app); it != seen->end()) {
      row.opened_at = it->second.opened_at;
      row.letter_sent_at = it->second.letter_sent_at;
    }
    out.push_back(std::move(row));
  }
  return out;
}

Status MarkNoticeLetter(Context& ctx, const User& actor, RecruitmentId id, const ApplicationId& app) {
  auto decided = LoadDecided(ctx, actor, id);
  if (!decided) return decided.error();
  if (!decided->decision.outcomes.count(app)) {
    return MakeError(ErrorCode::kNotFound, "The decision has no outcome for this application.");
  }
  return ctx.store.MarkNoticeLetter(decided->recruitment.org_id, decided->recruitment.id, app, actor.id, ctx.now());
}

Result<std::optional<store::StoredDecision>> DecisionOf(Context& ctx, const Recruitment& r) {
  return ctx.store.GetDecision(r.org_id, r.id);
}

Result<InterviewsView> InterviewsFor(Context& ctx, const User& actor, const Recruitment& r) {
  auto interviews = ctx.store.ListInterviews(r.org_id, r.id);
  if (!interviews) return interviews.error();
  auto notes = ctx.store.ListInterviewNotes(r.org_id, r.id);
  if (!notes) return notes.error();
  const bool owner = IsRecruitmentOwner(actor, r);
  std::erase_if(*notes, [&](const InterviewNote& n) { return !owner && n.author_id != actor.id; });
  auto apps = AnonymousById(ctx, r);
  if (!apps) return apps.error();
  return InterviewsView{std::move(*interviews), std::move(*notes), std::move(*apps)};
}

Result<ExplanationData> LoadExplanation(Context& ctx, const Recruitment& r, const ApplicationId& app) {
  auto stored = ctx.store.GetDecision(r.org_id, r.id);
  if (!stored) return stored.error();
  if (!*stored) return MakeError(ErrorCode::kConflict, "The selection has not been decided yet.");
  if (!(*stored)->decision.outcomes.contains(app)) {
    return MakeError(ErrorCode::kNotFound, "This application has no outcome.");
  }
  auto apps = AnonymousById(ctx, r);
  if (!apps) return apps.error();
  auto screening = ScreeningOf(ctx, r);
  if (!screening) return screening.error();
  auto ranking = RankApplications(r, screening->state, screening->scores);
  return ExplanationData{std::move((*stored)->decision), std::move(*apps), std::move(ranking),
                         std::move(screening->scores)};
}

Result<ExplanationData> ExplanationFor(Context& ctx, const User& actor, const Recruitment& r,
                                       const ApplicationId& app) {
  if (!IsRecruitmentOwner(actor, r) && actor.role != Role::kRegistry) {
    return MakeError(ErrorCode::kForbidden, "The owner or the registry office gives explanations.");
  }
  return LoadExplanation(ctx, r, app);
}

Result<Document> PrintDecision(Context& ctx, const User& actor, const Recruitment& r, std::string_view lang) {
  if (!IsRecruitmentOwner(actor, r) && !IsDecisionMaker(actor, r)) {
    return MakeError(ErrorCode::kForbidden, "The owner and the decision-maker print the decision.");
  }
  auto stored = ctx.store.GetDecision(r.org_id, r.id);
  if (!stored) return stored.error();
  if (!*stored) return MakeError(ErrorCode::kConflict, "The selection has not been decided yet.");
  const Decision& decision = (*stored)->decision;
  DecisionDocumentInput in;
  auto organisation = ctx.store.GetOrganisation(r.org_id);
  if (!organisation) return organisation.error();
  in.organisation = organisation->name;
  in.registry_contact = organisation->registry_contact;
  in.recruitment = &r;
  in.decision = &decision;
  auto apps = ctx.store.ListAnonymous(r.org_id, r.id);
  if (!apps) return apps.error();
  in.applications = std::move(*apps);
  auto screening = ScreeningOf(ctx, r);
  if (!screening) return screening.error();
  in.ranking = RankApplications(r, screening->state, screening->scores);
  in.eligibility = screening->state.eligibility;
  auto acceptances = ctx.store.ListAcceptances(r.org_id, r.id);
  if (!acceptances) return acceptances.error();
  in.acceptances = std::move(*acceptances);
  auto lifts = ctx.store.GetLiftState(r.org_id, r.id);
  if (!lifts) return lifts.error();
  std::vector<IdentityAccess> accesses;
  for (const auto& [app, outcome] : decision.outcomes) {
    if (outcome == Outcome::kNotSelected || (r.anonymous && !lifts->Covers(app))) continue;
    auto access = RequestIdentity(ctx, actor, r, *lifts, app, "Valintapäätöksen asiakirja (PDF)");
    if (!access) return access.error();
    accesses.push_back(std::move(*access));
  }
  auto fulls = ctx.store.ReadIdentities(accesses, ctx.now());
  if (!fulls) return fulls.error();
  for (const auto& full : *fulls) {
    in.names[full.anonymous.id] = full.identity.first_name + " " + full.identity.last_name;
  }
  return SelectionDecisionDocument(in, lang);
}

Result<std::vector<store::MailRecord>> MailLogOf(Context& ctx, const User& actor, const Recruitment& r) {
  if (!IsRecruitmentOwner(actor, r)) return MakeError(ErrorCode::kForbidden, "Only the owner sees the mail log.");
  return ctx.store.ListMail(r.org_id, r.id);
}

}  // namespace reilu::service
