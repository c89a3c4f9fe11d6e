// Applicant self-service without an account: the reference code and the secret from the e-mailed
// link (sent in the body, never in a URL) let an applicant follow the application and withdraw it.
#include "service/applicant.h"
#include "api/handler.h"
#include "core/finnish_calendar.h"
#include "service/admin.h"
#include "service/intake.h"
#include "service/mail.h"
#include "service/rectification.h"
#include "service/selection.h"

namespace reilu::api {

Result<service::ApplicantView> IdentifyApplicantIn(ApiContext& ctx, const http::Request& req) {
  auto f = JsonFields(req);
  if (!f) return f.error();
  std::string reference, token;
  REILU_TRY(f->Str("reference", reference, true));
  REILU_TRY(f->Str("token", token, true));
  auto services = ctx.Services();
  return service::IdentifyApplicant(services, reference, token);
}

namespace {

// A changed application carries no files: its body is capped near the largest form.
constexpr size_t kAmendmentBodyLimit = 256 * 1024;

// The applicant's own data (GDPR art. 15) as a document: the application as sent, what reviewers
// see of it, and who has read the identity (role, time, basis).
Document OwnDataDocument(ApiContext& ctx, const service::ApplicantView& a, const service::OwnData& data,
                         const std::string& lang) {
  auto say = [&](std::string_view fi, std::string_view sv, std::string_view en) {
    return InLanguage(lang, fi, sv, en);
  };
  const IdentifiedApplication& app = data.application;
  Document doc;
  doc.lang = lang;
  auto services = ctx.Services();
  auto organisation = service::OrganisationOf(services, a.recruitment.org_id);
  doc.organisation = organisation ? organisation->name : "";
  doc.diary_number = a.recruitment.diary_number;
  doc.title = say("Omat tietosi: ", "Dina uppgifter: ", "Your data: ") + service::TitleIn(a.recruitment, lang);
  doc.date = FinnishDayText(ctx.now());
  doc.Paragraph(say("Hakemuksen tunnus ", "Ansökans kod ", "Application reference ") + a.record.reference + ". " +
                say("Tässä on kaikki, mitä hakemuksestasi on tallennettu, ja kuka on nähnyt henkilötietosi.",
                    "Här är allt som sparats om din ansökan och vem som har sett dina personuppgifter.",
                    "This is everything stored about your application, and who has seen your personal details."));
  const Identity& id = app.identity;
  DocumentTable identity{{say("Tieto", "Uppgift", "Field"), say("Arvo", "Värde", "Value")}, {}};
  for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{
           {say("Nimi", "Namn", "Name"), id.first_name + " " + id.last_name},
           {say("Sähköposti", "E-post", "E-mail"), id.email},
           {say("Puhelin", "Telefon", "Phone"), id.phone},
           {say("Osoite", "Adress", "Address"), id.street_address + " " + id.postal_code},
           {say("Kotikunta", "Hemkommun", "Municipality"), id.municipality},
           {say("Syntymäaika", "Födelsedatum", "Birth date"), id.birth_date},
           {say("Äidinkieli", "Modersmål", "Mother tongue"), id.mother_tongue},
           {say("Kansalaisuus", "Medborgarskap", "Nationality"), id.nationality}}) {
    if (value.find_first_not_of(' ') != std::string::npos) identity.rows.push_back({name, value});
  }
  doc.Heading(say("Henkilötiedot", "Personuppgifter", "Personal details")).Table(std::move(identity));
  const Merits& merits = app.original_merits.value_or(app.anonymous.merits);
  DocumentTable experience{{say("Tehtävä", "Uppgift", "Title"), say("Työnantaja", "Arbetsgivare", "Employer"),
                            say("Kuukautta", "Månader", "Months")},
                           {}};
  for (const auto& e : merits.experience) experience.rows.push_back({e.title, e.employer, std::to_string(e.months)});
  doc.Heading(say("Työkokemus", "Arbetserfarenhet", "Experience"));
  if (experience.rows.empty()) {
    doc.Paragraph("–");
  } else {
    doc.Table(std::move(experience));
  }
  doc.Heading(say("Hakemus sellaisena kuin lähetit sen", "Ansökan som du skickade den", "Your application as sent"))
      .Paragraph(app.free_text.cover_letter.empty() ? "–" : app.free_text.cover_letter);
  doc.Heading(say("Mitä arvioijat näkevät", "Vad bedömarna ser", "What reviewers see"))
      .Paragraph(app.anonymous.redacted
                     ? app.anonymous.redacted->cover_letter
                     : say("Hakemusta ei ole vielä annettu arvioijille.", "Ansökan har ännu inte getts till bedömarna.",
                           "The application has not been given to reviewers yet."));
  DocumentTable reads{{say("Aika", "Tid", "Time"), say("Rooli", "Roll", "Role"), say("Peruste", "Grund", "Basis")}, {}};
  for (const auto& r : data.identity_reads) reads.rows.push_back({FinnishDayText(r.at), r.role, r.basis});
  doc.Heading(say("Kuka on nähnyt henkilötietosi", "Vem har sett dina personuppgifter", "Who has seen your details"));
  if (reads.rows.empty()) {
    doc.Paragraph("–");
  } else {
    doc.Table(std::move(reads));
  }
  return doc;
}

}  // namespace

void RegisterApplicantRoutes(http::Router& router, ApiContext& ctx) {
  router.Add(
      "POST", "/api/v1/applicant/status", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
        auto a = IdentifyApplicantIn(ctx, req);
        if (!a) return a.error();
        const Recruitment& r = a->recruitment;
        const ApplicationId& app = a->record.application_id;
        auto services = ctx.Services();
        auto standing = service::StatusOf(services, *a);
        if (!standing) return standing.error();
        json::array mine;
        for (const auto& i : standing->interviews) {
          mine.push_back(json::object{{"starts_at", i.starts_at}, {"minutes", i.minutes}, {"location", i.location}});
        }
        json::value outcome = nullptr;
        if (standing->decision) {
          outcome = json::object{{"decided_at", standing->decision->decided_at},
                                 {"appeal_ends", standing->decision->appeal_ends}};
        }
        // An offer of the post (the selected, or a reserve it went to), with its conditions.
        auto offer = service::OfferOf(services, r.org_id, r.id, app);
        if (!offer) return offer.error();
        auto own = service::RectificationsOf(services, *a);
        if (!own) return own.error();
        json::array rectifications;
        for (const auto& q : *own) rectifications.push_back(RectificationJson(q));
        return http::JsonResponse(
            200, json::object{{"reference", a->record.reference},
                              {"recruitment", {{"id", r.id}, {"title", codec::ToJson(r.title)}}},
                              {"status", standing->status},
                              {"withdrawable", standing->withdrawable},
                              {"editable", standing->editable},
                              {"deadline", r.deadline},
                              {"interviews", mine},
                              {"decision", outcome},
                              {"offer", *offer ? json::value(AcceptanceJson(**offer)) : json::value(nullptr)},
                              {"rectifications", rectifications}});
      }));

  // The applicant accepts or declines the post offered to them.
  router.Add("POST", "/api/v1/applicant/acceptance", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto a = IdentifyApplicantIn(ctx, req);
               if (!a) return a.error();
               auto f = JsonFields(req);
               if (!f) return f.error();
               if (!f->Find("accept")) return f->Invalid("accept", "is required (true or false)");
               bool accept = false;
               REILU_TRY(f->Bool("accept", accept));
               auto services = ctx.Services();
               auto answered = service::AnswerOffer(services, a->recruitment.org_id, a->recruitment.id,
                                                    a->record.application_id, accept);
               if (!answered) return answered.error();
               return http::JsonResponse(200, AcceptanceJson(*answered));
             }));

  router.Add(
      "POST", "/api/v1/applicant/withdraw", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
        auto a = IdentifyApplicantIn(ctx, req);
        if (!a) return a.error();
        auto services = ctx.Services();
        REILU_TRY(service::Withdraw(services, *a));
        return http::JsonResponse(200, json::object{{"reference", a->record.reference}, {"status", "withdrawn"}});
      }));

  // The application as sent, to change it before the deadline (identity, merits and free text as
  // the form takes them; attachments and statistics stay as they were and are not returned).
  router.Add("POST", "/api/v1/applicant/application", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto a = IdentifyApplicantIn(ctx, req);
               if (!a) return a.error();
               auto services = ctx.Services();
               auto sent = service::SentApplication(services, *a);
               if (!sent) return sent.error();
               return http::JsonResponse(200, json::object{{"recruitment_id", a->recruitment.id},
                                                           {"deadline", a->recruitment.deadline},
                                                           {"identity", codec::ToJson(sent->identity)},
                                                           {"merits", codec::ToJson(sent->merits)},
                                                           {"free_text", codec::ToJson(sent->free_text)}});
             }));

  // The changed application: {reference, token} with the same fields as a new one. It runs the
  // redaction engine, so it is limited like the preview.
  router.Add(
      "PUT", "/api/v1/applicant/application", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
        auto a = IdentifyApplicantIn(ctx, req);
        if (!a) return a.error();
        auto body = JsonBody(req);
        if (!body) return body.error();
        Submission submission;
        REILU_TRY(codec::FromJson(*body, "", submission));
        auto services = ctx.Services();
        REILU_TRY(service::AmendApplication(services, *a, std::move(submission)));
        return http::JsonResponse(200, json::object{{"reference", a->record.reference}, {"amended_at", ctx.now()}});
      }),
      http::RouteOptions{kAmendmentBodyLimit, true});

  // The applicant's own data as a JSON file (GDPR art. 15 and 20), with who has read the identity.
  router.Add("POST", "/api/v1/applicant/export", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto a = IdentifyApplicantIn(ctx, req);
               if (!a) return a.error();
               // {"format":"pdf","lang":…} in the body: the same as a document to keep or print
               // (checked before the read, which is audited).
               auto f = JsonFields(req);
               if (!f) return f.error();
               std::string format = "json", lang = "fi";
               REILU_TRY(f->Str("format", format));
               REILU_TRY(f->Str("lang", lang));
               if (format != "json" && format != "pdf") return f->Invalid("format", "must be json or pdf");
               if (!IsSupportedLanguage(lang)) return f->Invalid("lang", "must be fi, sv or en");
               auto services = ctx.Services();
               auto data = service::ExportOwnData(services, *a);
               if (!data) return data.error();
               const IdentifiedApplication& app = data->application;
               auto own = service::RectificationsOf(services, *a);
               if (!own) return own.error();
               json::array rectifications;
               for (const auto& q : *own) rectifications.push_back(RectificationJson(q));
               json::array reads;
               for (const auto& r : data->identity_reads) {
                 reads.push_back(json::object{{"at", r.at}, {"role", r.role}, {"basis", r.basis}});
               }
               json::object o{
                   {"reference", a->record.reference},
                   {"recruitment", {{"id", a->recruitment.id}, {"title", codec::ToJson(a->recruitment.title)}}},
                   {"organisation_id", a->recruitment.org_id},
                   {"withdrawn", a->record.withdrawn},
                   {"identity", codec::ToJson(app.identity)},
                   {"merits", codec::ToJson(app.original_merits.value_or(app.anonymous.merits))},
                   {"free_text", codec::ToJson(app.free_text)},
                   {"pseudonym", app.anonymous.pseudonym},
                   {"reviewers_see",
                    {{"merits", codec::ToJson(app.anonymous.merits)},
                     {"free_text", app.anonymous.redacted ? json::value(codec::ToJson(*app.anonymous.redacted))
                                                          : json::value(nullptr)}}},
                   {"identity_reads", reads},
                   {"rectifications", rectifications}};
               if (format == "pdf") {
                 return PdfResponse(OwnDataDocument(ctx, *a, *data, lang), "reilu-" + a->record.reference + ".pdf");
               }
               http::Response res = http::JsonResponse(200, o);
               res.headers.emplace_back("Content-Disposition",
                                        "attachment; filename=\"reilu-" + a->record.reference + ".json\"");
               return res;
             }));

  // The way back without the link: the links go to the address asked, if it sent any application.
  // The same answer either way.
  router.Add("POST", "/api/v1/applicant/links", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto f = JsonFields(req);
               if (!f) return f.error();
               std::string email, lang;
               REILU_TRY(ReadEmailAndLanguage(*f, email, lang));
               auto services = ctx.Services();
               REILU_TRY(service::SendStatusLinks(services, email, req.client_address, lang));
               return http::JsonResponse(202, json::object{{"sent_if_found", true}});
             }));

  router.Add("POST", "/api/v1/applicant/explanation", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto a = IdentifyApplicantIn(ctx, req);
               if (!a) return a.error();
               auto services = ctx.Services();
               auto data = service::LoadExplanation(services, a->recruitment, a->record.application_id);
               if (!data) return data.error();
               return http::JsonResponse(200, ExplanationJson(a->recruitment, a->record.application_id, *data));
             }));
}

}  // namespace reilu::api
