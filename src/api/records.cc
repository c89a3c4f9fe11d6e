// The registry office's register of public-records requests (src/service/records.h):
//   POST /api/v1/records-requests                      record a request as it arrived
//   GET  /api/v1/records-requests                      the register (registry, auditor; HR: own recruitments)
//   GET  /api/v1/records-requests/{id}                 one request with its disclosure log
//   POST /api/v1/records-requests/{id}/decision        disclose, partly or refuse (with the ground)
//   POST /api/v1/records-requests/{id}/applicant-list  give out the list of applicants (logged)
//   POST /api/v1/records-requests/{id}/masked-copies   give out a masked copy of one application (logged)
//   GET  /api/v1/records-requests/{id}/decision-document?lang=  the written decision to print
#include "service/records.h"

#include <algorithm>

#include "api/handler.h"
#include "codec/codec.h"
#include "core/finnish_calendar.h"
#include "service/admin.h"
#include "service/mail.h"

namespace reilu::api {

namespace {

json::object RequestJson(const RecordsRequest& r) {
  return json::object{{"id", r.id},
                      {"recruitment_id", r.recruitment_id},
                      {"requester", r.requester},
                      {"requester_contact", r.requester_contact},
                      {"received_on", r.received_on},
                      {"subject", r.subject},
                      {"applicant_list", r.applicant_list},
                      {"applications", r.applications},
                      {"decision", RecordsDecisionName(r.decision)},
                      {"ground", r.ground},
                      {"explanation", r.explanation},
                      {"answered_on", r.answered_on},
                      {"registered_by", r.registered_by},
                      {"decided_by", r.decided_by ? json::value(r.decided_by) : json::value(nullptr)},
                      {"wish_overrides", r.wish_overrides.size()}};
}

}  // namespace

namespace {

// A masked copy as a document: the application as it stands in the public record, the secret
// parts already replaced ("[salassa pidettävä: …]") by service::DiscloseMaskedCopy.
Result<Document> MaskedCopyDocument(ApiContext& ctx, const User& actor, RecordsRequestId id, const MaskedCopy& copy,
                                    const std::string& lang) {
  auto services = ctx.Services();
  auto file = service::LoadRecordsRequest(services, actor, id);
  if (!file) return file.error();
  const Recruitment* r = &file->recruitment;
  auto organisation = service::OrganisationOf(services, actor.org_id);
  if (!organisation) return organisation.error();
  auto say = [&](std::string_view fi, std::string_view sv, std::string_view en) {
    return InLanguage(lang, fi, sv, en);
  };
  Document doc;
  doc.lang = lang;
  doc.organisation = organisation->name;
  doc.diary_number = r->diary_number;
  doc.title =
      say("Jäljennös hakemuksesta: ", "Kopia av ansökan: ", "Copy of an application: ") + service::TitleIn(*r, lang);
  doc.date = FinnishDayText(ctx.now());
  doc.Paragraph(say("Julkisuuslain mukaan salassa pidettävät tiedot on poistettu (",
                    "Uppgifter som är sekretessbelagda "
                    "enligt offentlighetslagen har tagits bort (",
                    "Information secret under the Openness Act has been "
                    "removed (") +
                std::to_string(copy.masked_parts) +
                say(" kohtaa). Asiakirjapyyntö ", " ställen). Begäran ", " places). Request ") + std::to_string(id) +
                ".");
  doc.Heading(say("Hakija", "Sökande", "Applicant"));
  doc.Paragraph(copy.name);
  doc.Heading(say("Koulutus", "Utbildning", "Education"));
  DocumentTable education{
      {say("Taso", "Nivå", "Level"), say("Ala", "Område", "Field"), say("Oppilaitos", "Läroanstalt", "Institution")},
      {}};
  for (const auto& e : copy.merits.education) education.rows.push_back({e.level, e.field, e.institution});
  if (education.rows.empty()) {
    doc.Paragraph("–");
  } else {
    doc.Table(std::move(education));
  }
  doc.Heading(say("Työkokemus", "Arbetserfarenhet", "Experience"));
  DocumentTable experience{{say("Tehtävä", "Uppgift", "Title"), say("Työnantaja", "Arbetsgivare", "Employer"),
                            say("Kuukautta", "Månader", "Months")},
                           {}};
  for (const auto& e : copy.merits.experience)
    experience.rows.push_back({e.title, e.employer, std::to_string(e.months)});
  if (experience.rows.empty()) {
    doc.Paragraph("–");
  } else {
    doc.Table(std::move(experience));
  }
  std::string skills;
  for (const auto& k : copy.merits.skills) skills += (skills.empty() ? "" : ", ") + k;
  if (!skills.empty()) doc.Heading(say("Osaaminen", "Kompetens", "Skills")).Paragraph(skills);
  doc.Heading(say("Hakemus", "Ansökan", "Cover letter")).Paragraph(copy.cover_letter.empty() ? "–" : copy.cover_letter);
  for (const auto& a : copy.answers) {
    const auto q = std::find_if(r->questions.begin(), r->questions.end(),
                                [&](const Question& x) { return x.id == a.question_id; });
    std::string asked = a.question_id;
    if (q != r->questions.end()) {
      if (auto t = q->text.find(lang); t != q->text.end()) {
        asked = t->second;
      } else if (!q->text.empty()) {
        asked = q->text.begin()->second;
      }
    }
    doc.Heading(asked).Paragraph(a.text);
  }
  return doc;
}

}  // namespace

void RegisterRecordsRoutes(http::Router& router, ApiContext& ctx) {
  router.Add("POST", "/api/v1/records-requests", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto caller = Authenticate(ctx, req);
               if (!caller) return caller.error();
               auto f = JsonFields(req);
               if (!f) return f.error();
               RecordsRequest r;
               REILU_TRY(f->Int("recruitment_id", r.recruitment_id, true));
               REILU_TRY(f->Str("requester", r.requester, true));
               REILU_TRY(f->Str("requester_contact", r.requester_contact));
               REILU_TRY(f->Str("received_on", r.received_on, true));
               REILU_TRY(f->Str("subject", r.subject, true));
               REILU_TRY(f->Bool("applicant_list", r.applicant_list));
               REILU_TRY(f->Bool("applications", r.applications));
               auto services = ctx.Services();
               auto created = service::RegisterRecordsRequest(services, caller->user, std::move(r));
               if (!created) return created.error();
               return http::JsonResponse(201, RequestJson(*created));
             }));

  router.Add("GET", "/api/v1/records-requests", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto caller = Authenticate(ctx, req);
               if (!caller) return caller.error();
               auto services = ctx.Services();
               auto list = service::ListRecordsRequests(services, caller->user);
               if (!list) return list.error();
               json::array arr;
               for (const auto& r : *list) arr.push_back(RequestJson(r));
               return http::JsonResponse(200, json::object{{"records_requests", arr}});
             }));

  router.Add("GET", "/api/v1/records-requests/{id}", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto caller = Authenticate(ctx, req);
               if (!caller) return caller.error();
               auto id = IdParam(req, "id");
               if (!id) return id.error();
               auto services = ctx.Services();
               auto file = service::LoadRecordsRequest(services, caller->user, *id);
               if (!file) return file.error();
               json::object o = RequestJson(file->request);
               json::array log;
               for (const auto& d : file->disclosures) {
                 log.push_back(json::object{{"kind", DisclosureKindName(d.kind)},
                                            {"application_id", d.application_id},
                                            {"actor", d.actor},
                                            {"at", d.at}});
               }
               o["disclosures"] = log;
               o["recruitment_title"] = service::TitleIn(file->recruitment, ReviewersLanguage(file->recruitment));
               o["application_period_over"] = ApplicationPeriodOver(file->recruitment, ctx.now());
               return http::JsonResponse(200, o);
             }));

  router.Add("POST", "/api/v1/records-requests/{id}/decision",
             Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto caller = Authenticate(ctx, req);
               if (!caller) return caller.error();
               auto id = IdParam(req, "id");
               if (!id) return id.error();
               auto f = JsonFields(req);
               if (!f) return f.error();
               std::string decision, ground, explanation;
               REILU_TRY(f->Str("decision", decision, true));
               REILU_TRY(f->Str("ground", ground));
               REILU_TRY(f->Str("explanation", explanation));
               auto parsed = ParseRecordsDecision(decision);
               if (!parsed) return f->Invalid("decision", "must be disclose, partly or refuse");
               auto services = ctx.Services();
               auto decided = service::DecideRecordsRequest(services, caller->user, *id, *parsed, ground, explanation);
               if (!decided) return decided.error();
               return http::JsonResponse(200, RequestJson(*decided));
             }));

  router.Add("POST", "/api/v1/records-requests/{id}/applicant-list",
             Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto caller = Authenticate(ctx, req);
               if (!caller) return caller.error();
               auto id = IdParam(req, "id");
               if (!id) return id.error();
               auto services = ctx.Services();
               auto list = service::DiscloseApplicantList(services, caller->user, *id);
               if (!list) return list.error();
               json::array arr;
               for (const auto& line : *list) {
                 json::object o{{"number", line.reference},
                                {"name", line.withheld ? json::value(nullptr) : json::value(line.name)},
                                {"withheld", line.withheld}};
                 // The registry decides on a withheld name by its application; an overridden one
                 // says on what ground it is given.
                 if (line.withheld) o["application_id"] = line.application_id;
                 if (!line.wish_overridden.empty()) o["wish_overridden"] = line.wish_overridden;
                 arr.push_back(std::move(o));
               }
               return http::JsonResponse(200, json::object{{"applicants", arr}});
             }));

  router.Add("POST", "/api/v1/records-requests/{id}/wish-overrides",
             Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto caller = Authenticate(ctx, req);
               if (!caller) return caller.error();
               auto id = IdParam(req, "id");
               if (!id) return id.error();
               auto f = JsonFields(req);
               if (!f) return f.error();
               std::string application, ground;
               REILU_TRY(f->Str("application_id", application, true));
               REILU_TRY(f->Str("ground", ground, true));
               auto services = ctx.Services();
               REILU_TRY(service::OverrideNonDisclosureWish(services, caller->user, *id, application, ground));
               return http::JsonResponse(201, json::object{{"application_id", application}, {"ground", ground}});
             }));

  router.Add("POST", "/api/v1/records-requests/{id}/masked-copies",
             Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto caller = Authenticate(ctx, req);
               if (!caller) return caller.error();
               auto id = IdParam(req, "id");
               if (!id) return id.error();
               auto f = JsonFields(req);
               if (!f) return f.error();
               std::string application;
               REILU_TRY(f->Str("application_id", application, true));
               auto services = ctx.Services();
               // ?format=pdf&lang=: the copy as a document to send (checked before anything is given out).
               const bool pdf = req.query.count("format") && req.query["format"] == "pdf";
               std::string lang = "fi";
               if (pdf) {
                 auto asked = DocumentLanguage(req);
                 if (!asked) return asked.error();
                 lang = *asked;
               }
               auto copy = service::DiscloseMaskedCopy(services, caller->user, *id, application);
               if (!copy) return copy.error();
               if (pdf) {
                 auto doc = MaskedCopyDocument(ctx, caller->user, *id, *copy, lang);
                 if (!doc) return doc.error();
                 return PdfResponse(*doc, "masked-copy-" + std::to_string(*id) + ".pdf");
               }
               json::array answers;
               for (const auto& a : copy->answers) {
                 answers.push_back(json::object{{"question_id", a.question_id}, {"text", a.text}});
               }
               return http::JsonResponse(200, json::object{{"application_id", application},
                                                           {"name", copy->name},
                                                           {"merits", codec::ToJson(copy->merits)},
                                                           {"cover_letter", copy->cover_letter},
                                                           {"answers", answers},
                                                           {"masked_parts", copy->masked_parts}});
             }));

  router.Add(
      "GET", "/api/v1/records-requests/{id}/decision-document",
      Wrap([&ctx](http::Request& req) -> Result<http::Response> {
        auto caller = Authenticate(ctx, req);
        if (!caller) return caller.error();
        auto id = IdParam(req, "id");
        if (!id) return id.error();
        auto chosen = DocumentLanguage(req);
        if (!chosen) return chosen.error();
        const std::string& lang = *chosen;
        auto services = ctx.Services();
        auto doc = service::RecordsDecisionText(services, caller->user, *id, lang);
        if (!doc) return doc.error();
        if (req.query.count("format") && req.query["format"] == "pdf") {
          auto organisation = service::OrganisationOf(services, caller->user.org_id);
          if (!organisation) return organisation.error();
          Document printable;
          printable.lang = lang;
          printable.organisation = organisation->name;
          printable.title = doc->title;
          printable.date = FinnishDayText(ctx.now());
          for (const auto& p : doc->paragraphs) printable.Paragraph(p);
          return PdfResponse(printable, "records-decision-" + std::to_string(*id) + ".pdf");
        }
        json::array paragraphs;
        for (const auto& p : doc->paragraphs) paragraphs.push_back(json::string(p));
        return http::JsonResponse(200, json::object{{"lang", lang}, {"title", doc->title}, {"paragraphs", paragraphs}});
      }));
}

}  // namespace reilu::api
