#include "service/report_document.h"

#include <cstdio>

#include "core/finnish_calendar.h"

namespace reilu::service {

namespace {

std::string Share(const ComplianceReport::TermCounts& c) {
  std::int64_t all = c.anonymous + c.not_anonymous;
  if (all == 0) return "–";
  char text[16];
  std::snprintf(text, sizeof text, "%.0f %%", 100.0 * static_cast<double>(c.anonymous) / static_cast<double>(all));
  return text;
}

// "Ajanjakso: 1.1.2026 – 25.11.2026. " (the reports always come with the end of their period).
std::string PeriodText(const ReportScope& scope, std::string_view lang) {
  return InLanguage(lang, "Ajanjakso: ", "Period: ", "Period: ") + (scope.from ? FinnishDayText(scope.from) : "…") +
         " – " + FinnishDayText(scope.to) + ". ";
}

}  // namespace

Document ComplianceDocument(const ComplianceReport& report, const std::string& organisation, std::string_view lang,
                            UnixTime now) {
  auto say = [&](std::string_view fi, std::string_view sv, std::string_view en) {
    return InLanguage(lang, fi, sv, en);
  };
  Document doc;
  doc.lang = std::string(lang);
  doc.organisation = organisation;
  doc.title = say("Nimettömän rekrytoinnin toteutuminen", "Hur anonym rekrytering har genomförts",
                  "Anonymous recruitment: compliance report");
  doc.date = FinnishDayText(now);
  doc.Paragraph(PeriodText(report.scope, lang) + say("Rekrytoinnit, joiden ilmoitus julkaistiin ajanjaksolla.",
                                                     "Rekryteringar vars annons publicerades under perioden.",
                                                     "Recruitments whose advertisement was published in the period."));

  doc.Heading(say("Rekrytoinnit keston ja nimettömyyden mukaan", "Rekryteringar enligt längd och anonymitet",
                  "Recruitments by term and anonymity"));
  DocumentTable by_term{{say("Kesto", "Längd", "Term"), say("Nimettömiä", "Anonyma", "Anonymous"),
                         say("Ei nimettömiä", "Inte anonyma", "Not anonymous"),
                         say("Osuus nimettömiä", "Andel anonyma", "Share anonymous")},
                        {}};
  by_term.rows.push_back({say("Vakituiset", "Tillsvidare", "Permanent"), std::to_string(report.permanent.anonymous),
                          std::to_string(report.permanent.not_anonymous), Share(report.permanent)});
  by_term.rows.push_back({say("Määräaikaiset", "Visstid", "Fixed-term"), std::to_string(report.fixed_term.anonymous),
                          std::to_string(report.fixed_term.not_anonymous), Share(report.fixed_term)});
  doc.Table(std::move(by_term));

  doc.Heading(say("Vakituiset virat ja toimet, joita ei käsitelty nimettömästi",
                  "Tillsvidare tjänster och befattningar som inte behandlades anonymt",
                  "Permanent posts not processed anonymously"));
  DocumentTable exceptions{{say("Rekrytointi", "Rekrytering", "Recruitment"), say("Kesto", "Längd", "Term"),
                            say("Peruste", "Motivering", "Reason")},
                           {}};
  bool permanent_open = false;
  for (const auto& r : report.recruitments) {
    if (r.anonymous) continue;
    permanent_open = permanent_open || r.term == "permanent";
    exceptions.rows.push_back({r.title,
                               r.term == "permanent" ? say("Vakituinen", "Tillsvidare", "Permanent")
                                                     : say("Määräaikainen", "Visstid", "Fixed-term"),
                               r.exception_reason});
  }
  doc.Paragraph(permanent_open
                    ? say("Ajanjaksolla on vakituisia rekrytointeja, joita ei käsitelty nimettömästi; ne "
                          "ovat alla olevassa taulukossa.",
                          "Under perioden finns tillsvidare rekryteringar som inte behandlades anonymt; de "
                          "finns i tabellen nedan.",
                          "In the period, permanent posts were processed openly; they are in the table below.")
                    : say("Ei yhtään: jokainen vakituinen rekrytointi käsiteltiin nimettömästi.",
                          "Ingen: varje tillsvidare rekrytering behandlades anonymt.",
                          "None: every permanent post was processed anonymously."));
  doc.Heading(say("Poikkeukset perusteluineen", "Undantag med motivering", "Exceptions with their reasons"));
  if (exceptions.rows.empty()) {
    doc.Paragraph(say("Ei poikkeuksia.", "Inga undantag.", "No exceptions."));
  } else {
    doc.Table(std::move(exceptions));
  }

  doc.Heading(say("Rekrytoinnit", "Rekryteringar", "Recruitments"));
  DocumentTable list{
      {say("Rekrytointi", "Rekrytering", "Recruitment"), say("Nimetön", "Anonym", "Anonymous"),
       say("Julkaistu", "Publicerad", "Published"), say("Haku päättyi", "Ansökan slutade", "Deadline"),
       say("Hakemuksia", "Ansökningar", "Applications"),
       say("Anonymiteetti purettu", "Anonymitet hävd", "Anonymity lifted"), say("Päätös", "Beslut", "Decision")},
      {}};
  for (const auto& r : report.recruitments) {
    list.rows.push_back(
        {r.title, r.anonymous ? say("kyllä", "ja", "yes") : say("ei", "nej", "no"), FinnishDayText(r.published_at),
         FinnishDayText(r.deadline), std::to_string(r.applications),
         std::to_string(r.lifted) + (r.first_lift_at ? " (" + FinnishDayText(r.first_lift_at) + ")" : ""),
         r.decided_at ? FinnishDayText(*r.decided_at) : "–"});
  }
  if (list.rows.empty()) {
    doc.Paragraph(say("Ajanjaksolla ei julkaistu rekrytointeja.", "Inga rekryteringar publicerades under perioden.",
                      "No recruitments were published in the period."));
  } else {
    doc.Table(std::move(list));
  }

  doc.Heading(say("Tunnistetietojen luovutukset ja käyttöoikeudet",
                  "Utlämnande av identitetsuppgifter och behörigheter", "Identity reads and access"));
  doc.Paragraph(say("Kirjaamon tietopyyntöjen perusteella luettuja hakijoiden tunnistetietoja: ",
                    "Sökandes identitetsuppgifter som registratorskontoret läst på grund av begäranden: ",
                    "Applicants' identities read by the registry office for records requests: ") +
                std::to_string(report.registry_identity_reads) + ".");
  if (!report.identity_role_grants.empty()) {
    DocumentTable grants{{say("Aika", "Tid", "Time"), say("Käyttäjä", "Användare", "Account"),
                          say("Rooli", "Roll", "Role"), say("Luonut", "Skapad av", "Granted by")},
                         {}};
    for (const auto& g : report.identity_role_grants) {
      grants.rows.push_back({FinnishDayText(g.at), g.user_name, g.role,
                             g.granted_by ? g.granted_by_name : say("ylläpito", "driften", "operator")});
    }
    doc.Table(std::move(grants));
  }
  return doc;
}

std::string DimensionName(const std::string& dimension, std::string_view lang) {
  if (dimension == "gender") return InLanguage(lang, "Sukupuoli", "Kön", "Gender");
  if (dimension == "age_band") return InLanguage(lang, "Ikäryhmä", "Åldersgrupp", "Age group");
  return InLanguage(lang, "Äidinkieli", "Modersmål", "Mother tongue");
}

std::string GroupName(const std::string& dimension, const std::string& group, std::string_view lang) {
  if (group == "not_given") return InLanguage(lang, "Ei kerrottu", "Inte angett", "Not given");
  if (group == "woman") return InLanguage(lang, "Nainen", "Kvinna", "Woman");
  if (group == "man") return InLanguage(lang, "Mies", "Man", "Man");
  if (group == "other") return InLanguage(lang, "Muu", "Annat", "Other");
  if (group == "under_30") return InLanguage(lang, "Alle 30", "Under 30", "Under 30");
  if (group == "60_plus") return InLanguage(lang, "60 tai yli", "60 eller över", "60 or over");
  if (group == "fi" && dimension == "language_group") return InLanguage(lang, "Suomi", "Finska", "Finnish");
  if (group == "sv" && dimension == "language_group") return InLanguage(lang, "Ruotsi", "Svenska", "Swedish");
  std::string text = group;  // "30_44" → "30–44"
  if (auto at = text.find('_'); at != std::string::npos) text.replace(at, 1, "\xE2\x80\x93");
  return text;
}

Document EqualityDocument(const EqualityReport& report, const std::string& organisation, std::string_view lang,
                          UnixTime now) {
  auto say = [&](std::string_view fi, std::string_view sv, std::string_view en) {
    return InLanguage(lang, fi, sv, en);
  };
  Document doc;
  doc.lang = std::string(lang);
  doc.organisation = organisation;
  doc.title = say("Tasa-arvon seuranta: kuka eteni mihinkin vaiheeseen",
                  "Jämställdhetsuppföljning: hur långt sökande kom", "Equality monitoring: who reached which stage");
  doc.date = FinnishDayText(now);
  const std::string hidden = "<" + std::to_string(kSmallestShown);
  doc.Paragraph(PeriodText(report.scope, lang) + say("Rekrytointeja ", "Rekryteringar ", "Recruitments: ") +
                std::to_string(report.recruitments) + ". " +
                say("Luvut hakijoiden vapaaehtoisesti ja suostumuksella antamista tilastotiedoista. Alle viiden "
                    "hakemuksen lukuja ja ryhmiä ei näytetä. Peruutetut hakemukset eivät ole mukana.",
                    "Talen kommer från statistik som sökande gett frivilligt och med samtycke. Tal och grupper under "
                    "fem ansökningar visas inte. Återtagna ansökningar ingår inte.",
                    "From statistics applicants gave voluntarily and with consent. Counts and groups under five "
                    "applications are not shown. Withdrawn applications are left out."));
  auto cell = [&](const std::optional<int>& n) { return n ? std::to_string(*n) : hidden; };
  for (const auto& d : EqualityDimensions()) {
    doc.Heading(DimensionName(d.name, lang));
    const std::string anon = say("nimetön", "anonym", "anonymous"), open = say("muu", "annan", "other");
    // Per side: applied, eligible, shortlisted, selected (the interviewed are in the CSV and JSON).
    std::vector<std::string> header{say("Ryhmä", "Grupp", "Group")};
    for (const auto& side : {anon, open}) {
      for (const auto& stage :
           {say("Hakeneet", "Sökte", "Applied"), say("Kelpoiset", "Behöriga", "Eligible"),
            say("Haastatteluun", "Till intervju", "Shortlisted"), say("Valitut", "Valda", "Selected")}) {
        header.push_back(stage + " (" + side + ")");
      }
    }
    DocumentTable table{header, {}};
    for (const auto& row : report.rows) {
      if (row.dimension != d.name) continue;
      std::vector<std::string> cells{GroupName(d.name, row.group, lang)};
      for (const FunnelCounts* c : {&row.anonymous, &row.not_anonymous}) {
        for (const auto* n : {&c->applied, &c->eligible, &c->shortlisted, &c->selected}) {
          cells.push_back(row.suppressed ? hidden : cell(*n));
        }
      }
      table.rows.push_back(std::move(cells));
    }
    doc.Table(std::move(table));
  }
  return doc;
}

}  // namespace reilu::service
