#include "service/records.h"

#include <set>

#include "core/finnish_calendar.h"
#include "core/selection.h"
#include "service/mail.h"
#include "service/work.h"

namespace reilu::service {

namespace {

Status RequireRegistry(const User& actor) {
  return CheckRole(actor, {Role::kRegistry}, "Public-records requests are handled by the registry office.");
}

// Who may see a request: the registry office and the auditor of the organisation, and the owner of
// the recruitment it is about.
bool MaySeeRequest(const User& actor, const Recruitment& r) {
  if (!actor.active || actor.org_id != r.org_id) return false;
  if (actor.role == Role::kRegistry || actor.role == Role::kAuditor) return true;
  return IsRecruitmentOwner(actor, r);
}

std::string Today(Context& ctx) { return IsoDate(FinnishDate(ctx.now())); }

// The request and its recruitment, for the registry office acting on it.
Result<RecordsRequestFile> LoadForRegistry(Context& ctx, const User& actor, RecordsRequestId id) {
  REILU_TRY(RequireRegistry(actor));
  return LoadRecordsRequest(ctx, actor, id);
}

}  // namespace

Result<RecordsRequest> RegisterRecordsRequest(Context& ctx, const User& actor, RecordsRequest request) {
  REILU_TRY(RequireRegistry(actor));
  auto r = ctx.store.GetRecruitment(actor.org_id, request.recruitment_id);
  if (!r) return MakeError(ErrorCode::kNotFound, "Recruitment not found.", "recruitment_id");
  if (r->state == RecruitmentState::kDraft) {
    return MakeError(ErrorCode::kConflict, "A draft is not a public document yet.", "recruitment_id");
  }
  request.org_id = actor.org_id;
  request.registered_by = actor.id;
  request.decision = RecordsDecision::kOpen;
  request.ground.clear();
  request.explanation.clear();
  request.answered_on.clear();
  request.decided_by = 0;
  REILU_TRY(ValidateNewRecordsRequest(request, Today(ctx)));
  auto id = ctx.store.CreateRecordsRequest(request, ctx.now());
  if (!id) return id.error();
  request.id = *id;
  return request;
}

Result<std::vector<RecordsRequest>> ListRecordsRequests(Context& ctx, const User& actor) {
  const bool whole_org = actor.role == Role::kRegistry || actor.role == Role::kAuditor;
  if (!actor.active || (!whole_org && actor.role != Role::kHr)) {
    return MakeError(ErrorCode::kForbidden, "Public-records requests are handled by the registry office.");
  }
  auto all = ctx.store.ListRecordsRequests(actor.org_id);
  if (!all || whole_org) return all;
  auto recruitments = ctx.store.ListRecruitments(actor.org_id);
  if (!recruitments) return recruitments.error();
  std::set<RecruitmentId> owned;
  for (const auto& r : *recruitments) {
    if (IsRecruitmentOwner(actor, r)) owned.insert(r.id);
  }
  std::vector<RecordsRequest> own;
  for (auto& request : *all) {
    if (owned.count(request.recruitment_id)) own.push_back(std::move(request));
  }
  return own;
}

Result<RecordsRequestFile> LoadRecordsRequest(Context& ctx, const User& actor, RecordsRequestId id) {
  auto request = ctx.store.GetRecordsRequest(actor.org_id, id);
  if (!request) return request.error();
  auto r = ctx.store.GetRecruitment(actor.org_id, request->recruitment_id);
  if (!r) return r.error();
  if (!MaySeeRequest(actor, *r)) return MakeError(ErrorCode::kNotFound, "Records request not found.");
  auto log = ctx.store.ListDisclosures(actor.org_id, id);
  if (!log) return log.error();
  return RecordsRequestFile{std::move(*request), std::move(*r), std::move(*log)};
}

Result<RecordsRequest> DecideRecordsRequest(Context& ctx, const User& actor, RecordsRequestId id,
                                            RecordsDecision decision, const std::string& ground,
                                            const std::string& explanation) {
  auto file = LoadForRegistry(ctx, actor, id);
  if (!file) return file.error();
  REILU_TRY(ValidateRecordsDecision(file->request, decision, ground, explanation));
  RecordsRequest decided = file->request;
  decided.decision = decision;
  decided.ground = ground;
  decided.explanation = explanation;
  decided.answered_on = Today(ctx);
  decided.decided_by = actor.id;
  REILU_TRY(ctx.store.DecideRecordsRequest(decided, ctx.now()));
  return decided;
}

Result<IdentityAccess> RegistryAccess(Context& ctx, const User& actor, const Recruitment& recruitment,
                                      const ApplicationId& application, RecordsRequestId request_id) {
  std::optional<RecordsRequest> request;
  if (request_id != 0) {
    auto found = ctx.store.GetRecordsRequest(actor.org_id, request_id);
    if (!found && found.error().code != ErrorCode::kNotFound) return found.error();
    if (found) request = std::move(*found);
  }
  AccessQuery query{actor, recruitment, application, false, {}, false, request ? &*request : nullptr};
  return IdentityGate::Request(query);
}

namespace {

// The accesses for the applications of the request's recruitment that a list shows (withdrawn
// ones are neither listed nor read).
Result<std::vector<IdentityAccess>> AccessesForAll(Context& ctx, const User& actor, const RecordsRequestFile& file) {
  auto apps = ctx.store.ListAnonymous(actor.org_id, file.recruitment.id);
  if (!apps) return apps.error();
  std::vector<IdentityAccess> reads;
  for (const auto& a : *apps) {
    if (a.withdrawn) continue;  // not listed, so not read
    AccessQuery query{actor, file.recruitment, a.id, false, {}, false, &file.request};
    auto access = IdentityGate::Request(query);
    if (!access) return access.error();
    reads.push_back(std::move(*access));
  }
  return reads;
}

}  // namespace

Result<std::vector<ListedApplicant>> DiscloseApplicantList(Context& ctx, const User& actor, RecordsRequestId id) {
  auto file = LoadForRegistry(ctx, actor, id);
  if (!file) return file.error();
  REILU_TRY(CheckMayDisclose(file->request, DisclosureKind::kApplicantList, file->recruitment, ctx.now()));
  auto reads = AccessesForAll(ctx, actor, *file);
  if (!reads) return reads.error();
  std::vector<ListedApplicant> list;
  Disclosure disclosure{0, id, DisclosureKind::kApplicantList, {}, actor.id, 0};
  REILU_TRY(ctx.store.Disclose(
      actor.org_id, disclosure, *reads,
      [&](const std::vector<IdentifiedApplication>& read) -> Status {
        list = ApplicantList(read, file->request.wish_overrides);
        return OkStatus();
      },
      ctx.now()));
  return list;
}

Status OverrideNonDisclosureWish(Context& ctx, const User& actor, RecordsRequestId id, const ApplicationId& application,
                                 const std::string& ground) {
  auto file = LoadForRegistry(ctx, actor, id);
  if (!file) return file.error();
  REILU_TRY(ValidateWishOverride(file->request, ground));
  return ctx.store.OverrideWish(actor.org_id, id, application, ground, actor.id, ctx.now());
}

Result<MaskedCopy> DiscloseMaskedCopy(Context& ctx, const User& actor, RecordsRequestId id,
                                      const ApplicationId& application) {
  auto file = LoadForRegistry(ctx, actor, id);
  if (!file) return file.error();
  REILU_TRY(CheckMayDisclose(file->request, DisclosureKind::kMaskedCopy, file->recruitment, ctx.now()));
  AccessQuery query{actor, file->recruitment, application, false, {}, false, &file->request};
  auto access = IdentityGate::Request(query);
  if (!access) return access.error();
  MaskedCopy copy;
  const std::string lang = ReviewersLanguage(file->recruitment);
  Disclosure disclosure{0, id, DisclosureKind::kMaskedCopy, application, actor.id, 0};
  REILU_TRY(ctx.store.Disclose(
      actor.org_id, disclosure, {*access},
      [&](const std::vector<IdentifiedApplication>& read) -> Status {
        const IdentifiedApplication& full = read.front();
        auto review =
            ctx.redactor.Review(full.free_text, full.original_merits.value_or(full.anonymous.merits), full.identity);
        if (!review) {
          return MakeError(ErrorCode::kRedactionUnavailable,
                           "The secret parts could not be found automatically; mask this copy by hand.");
        }
        copy = MaskForDisclosure(full, *review, lang);
        return MaskMerits(
            copy, [&](std::string_view value) { return ctx.redactor.FindSpans(value, full.identity); }, lang);
      },
      ctx.now()));
  return copy;
}

namespace {

std::string DecisionWords(RecordsDecision d, std::string_view lang) {
  switch (d) {
    case RecordsDecision::kDisclose:
      return InLanguage(lang, "Asiakirjat annetaan. Salassa pidettävät osat on poistettu.",
                        "Handlingarna lämnas ut. Sekretessbelagda delar har tagits bort.",
                        "The documents are disclosed. Secret parts have been removed.");
    case RecordsDecision::kPartly:
      return InLanguage(lang, "Asiakirjat annetaan osittain. Pyyntö hylätään muilta osin.",
                        "Handlingarna lämnas ut delvis. Begäran avslås i övrigt.",
                        "The documents are disclosed in part. The rest of the request is refused.");
    case RecordsDecision::kRefuse:
      return InLanguage(lang, "Pyyntö hylätään.", "Begäran avslås.", "The request is refused.");
    case RecordsDecision::kOpen:
      break;
  }
  return InLanguage(lang, "Pyyntöä ei ole vielä ratkaistu.", "Begäran har inte avgjorts ännu.",
                    "The request has not been decided yet.");
}

}  // namespace

Result<RecordsDecisionDocument> RecordsDecisionText(Context& ctx, const User& actor, RecordsRequestId id,
                                                    std::string_view lang) {
  auto file = LoadRecordsRequest(ctx, actor, id);
  if (!file) return file.error();
  const RecordsRequest& q = file->request;
  if (q.decision == RecordsDecision::kOpen) {
    return MakeError(ErrorCode::kConflict, "The request has not been decided yet.");
  }
  auto org = ctx.store.GetOrganisation(actor.org_id);
  if (!org) return org.error();
  auto decider = ctx.store.GetUser(actor.org_id, q.decided_by);
  const std::string decided_by = decider ? decider->display_name : "";
  const std::string title = TitleIn(file->recruitment, lang);
  RecordsDecisionDocument doc;
  doc.title = InLanguage(lang, "Päätös asiakirjapyyntöön", "Beslut om begäran att få ta del av handlingar",
                         "Decision on a request for public documents");
  doc.paragraphs.push_back(org->name);
  doc.paragraphs.push_back(InLanguage(lang, "Asia: ", "Ärende: ", "Matter: ") + q.subject);
  doc.paragraphs.push_back(InLanguage(lang, "Pyytäjä: ", "Den som begärt: ", "Requested by: ") + q.requester +
                           (q.requester_contact.empty() ? "" : " (" + q.requester_contact + ")"));
  doc.paragraphs.push_back(InLanguage(lang, "Pyyntö saapunut: ", "Begäran inkom: ", "Request received: ") +
                           q.received_on + ". " + InLanguage(lang, "Haku: ", "Rekrytering: ", "Recruitment: ") + title);
  doc.paragraphs.push_back(InLanguage(lang, "Päätös: ", "Beslut: ", "Decision: ") + DecisionWords(q.decision, lang));
  if (!q.ground.empty()) {
    doc.paragraphs.push_back(InLanguage(lang, "Oikeusperuste: ", "Rättslig grund: ", "Legal ground: ") + q.ground);
  }
  if (!q.explanation.empty()) {
    doc.paragraphs.push_back(InLanguage(lang, "Perustelut: ", "Motivering: ", "Reasons: ") + q.explanation);
  }
  for (const auto& [app, ground] : q.wish_overrides) {
    doc.paragraphs.push_back(InLanguage(lang, "Hakijan toive nimen salassapidosta ei estä nimen antamista: ",
                                        "Sökandens önskan om att namnet inte lämnas ut hindrar inte utlämnandet: ",
                                        "An applicant's wish that the name not be given does not prevent it: ") +
                             ground);
  }
  doc.paragraphs.push_back(
      InLanguage(lang, "Päivämäärä: ", "Datum: ", "Date: ") + q.answered_on +
      (decided_by.empty() ? ""
                          : ". " + InLanguage(lang, "Ratkaisija: ", "Beslutsfattare: ", "Decided by: ") + decided_by));
  if (q.decision != RecordsDecision::kDisclose) {
    // Kuntalaki 134 § (oikaisuvaatimus, 14 days) and the deemed day of receipt of an e-mailed
    // decision (the third day after sending); a last day on a weekend or holiday moves forward.
    const std::string by = AppealPeriodEnd(ctx.now());
    doc.paragraphs.push_back(InLanguage(
        lang,
        "Oikaisuvaatimusohje: Tähän päätökseen tyytymätön voi tehdä kirjallisen oikaisuvaatimuksen. "
        "Oikaisuvaatimus osoitetaan: " +
            org->name +
            ", kirjaamo. Määräaika on 14 päivää päätöksen tiedoksisaannista. Sähköpostilla "
            "lähetetyn päätöksen katsotaan tulleen tiedoksi kolmantena päivänä lähettämisestä ja "
            "kirjeellä lähetetyn seitsemäntenä päivänä, jollei muuta näytetä; sähköpostilla tänään "
            "lähetetyssä päätöksessä määräaika päättyy " +
            by +
            ". Oikaisuvaatimuksesta tulee käydä ilmi vaatimus ja sen perustelut sekä tekijän nimi ja yhteystiedot.",
        "Anvisning för omprövningsbegäran: Den som är missnöjd med beslutet kan lämna in en skriftlig "
        "omprövningsbegäran till " +
            org->name +
            ", registratorskontoret. Tiden är 14 dagar från delfåendet. Ett beslut som sänts per "
            "e-post anses delgivet den tredje dagen efter att det sändes och ett brev den sjunde "
            "dagen, om inte annat visas; för ett beslut som e-postas i dag går tiden ut " +
            by + ". Av begäran ska framgå yrkandet med grunder samt avsändarens namn och kontaktuppgifter.",
        "How to request rectification: If you are not satisfied with this decision, you can send a written "
        "request for rectification to " +
            org->name +
            ", registry office. The time limit is 14 days from receiving the decision. A decision "
            "sent by e-mail is deemed received on the third day after sending and a letter on the "
            "seventh day, unless shown otherwise; for a decision e-mailed today the time limit ends " +
            by + ". State what you ask for and why, and your name and contact details."));
  }
  return doc;
}

}  // namespace reilu::service
