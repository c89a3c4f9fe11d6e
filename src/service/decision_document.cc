#include "service/decision_document.h"

#include <algorithm>

#include <cstdio>

#include "core/finnish_calendar.h"
#include "notify/calendar.h"
#include "service/mail.h"

namespace reilu::service {

namespace {

std::string Score(double weighted) {
  if (weighted <= 0) return "–";
  char text[16];
  std::snprintf(text, sizeof text, "%.2f", weighted);
  std::string s = text;
  for (char& c : s) c = c == '.' ? ',' : c;  // decimal comma in all three languages' documents here
  return s;
}

// Where the selection stands: each offer (the selected, and a reserve it went to) with its answer
// and the conditions the selection depends on. Only the kind of a condition and whether it is met,
// never a finding.
template <typename Who>
void AcceptanceSection(Document& doc, const DecisionDocumentInput& in, std::string_view lang, const Who& who) {
  auto say = [&](std::string_view fi, std::string_view sv, std::string_view en) {
    return InLanguage(lang, fi, sv, en);
  };
  std::vector<Acceptance> offers = in.acceptances;
  for (const auto& [id, outcome] : in.decision->outcomes) {
    const bool recorded =
        std::any_of(offers.begin(), offers.end(), [&](const Acceptance& a) { return a.application_id == id; });
    if (outcome == Outcome::kSelected && !recorded)
      offers.push_back(Acceptance{id, AcceptanceState::kOffered, {}, 0, 0});
  }
  if (offers.empty()) return;
  auto condition_text = [&](const SelectionCondition& c) {
    std::string kind = c.kind == "health_check"
                           ? say("terveydentilaa koskeva selvitys", "utredning om hälsotillstånd", "a health check")
                       : c.kind == "criminal_record"
                           ? say("rikostaustaote", "straffregisterutdrag", "a criminal-record extract")
                           : c.note;
    std::string state = !c.met   ? say("odottaa", "väntar", "pending")
                        : *c.met ? say("täyttynyt", "uppfyllt", "met")
                                 : say("ei täyttynyt", "inte uppfyllt", "not met");
    return kind + " (" + state + ")";
  };
  DocumentTable table{{say("Hakija", "Sökande", "Applicant"), say("Vastaus", "Svar", "Answer"),
                       say("Valinnan ehdot", "Villkor för valet", "Conditions")},
                      {}};
  for (const auto& a : offers) {
    std::string answer = a.state == AcceptanceState::kAccepted
                             ? say("otti vastaan ", "tog emot ", "accepted ") + FinnishDayText(a.answered_at)
                         : a.state == AcceptanceState::kDeclined
                             ? say("ei ottanut vastaan ", "tackade nej ", "declined ") + FinnishDayText(a.answered_at)
                             : say("ei vielä vastannut", "har ännu inte svarat", "no answer yet");
    std::string conditions;
    for (const auto& c : a.conditions) conditions += (conditions.empty() ? "" : "; ") + condition_text(c);
    table.rows.push_back(
        {who(a.application_id), answer, conditions.empty() ? say("ei ehtoja", "inga villkor", "none") : conditions});
  }
  doc.Heading(
      say("Valinnan vastaanottaminen ja ehdot", "Mottagande av valet och villkor", "Acceptance and conditions"));
  doc.Paragraph(
      say("Valinta vahvistuu, kun valittu ottaa tehtävän vastaan ja valinnan ehdot täyttyvät. Tilanne "
          "asiakirjan tulostuspäivänä:",
          "Valet blir slutgiltigt när den valda tar emot tjänsten och villkoren för valet uppfylls. Läget "
          "den dag dokumentet skrevs ut:",
          "The selection becomes final when the selected person accepts and the conditions are met. As of "
          "the day this document was printed:"));
  doc.Table(std::move(table));
}

}  // namespace

Document SelectionDecisionDocument(const DecisionDocumentInput& in, std::string_view lang) {
  auto say = [&](std::string_view fi, std::string_view sv, std::string_view en) {
    return InLanguage(lang, fi, sv, en);
  };
  const Recruitment& r = *in.recruitment;
  const Decision& d = *in.decision;
  const std::string title = TitleIn(r, lang);
  auto pseudonym_of = [&](const ApplicationId& id) {
    for (const auto& a : in.applications) {
      if (a.id == id) return a.pseudonym;
    }
    return std::string("?");
  };
  auto who = [&](const ApplicationId& id) {
    auto name = in.names.find(id);
    return name != in.names.end() ? name->second + " (" + pseudonym_of(id) + ")" : pseudonym_of(id);
  };

  Document doc;
  doc.lang = std::string(lang);
  doc.organisation = in.organisation;
  doc.diary_number = r.diary_number;
  doc.title = say("Valintapäätös: ", "Beslut om val: ", "Selection decision: ") + title;
  doc.date = FinnishDayText(d.decided_at);

  std::string relation = r.employment.relation == EmploymentRelation::kVirka
                             ? say("virkasuhde", "tjänsteförhållande", "public-office post")
                             : say("työsuhde", "arbetsavtalsförhållande", "employment contract");
  std::string term = r.employment.term == EmploymentTerm::kPermanent
                         ? say("toistaiseksi voimassa oleva", "tills vidare", "permanent")
                         : say("määräaikainen", "visstid", "fixed-term") + " (" + r.employment.fixed_term_ground + ")";
  doc.Heading(say("Asia", "Ärende", "Matter"));
  doc.Paragraph(say("Tehtävä: ", "Tjänst: ", "Post: ") + title + ". " +
                say("Palvelussuhde: ", "Anställning: ", "Type: ") + relation + ", " + term + ". " +
                say("Hakuaika päättyi ", "Ansökningstiden gick ut ", "Applications closed ") +
                FinnishDayText(r.deadline) + ". " + say("Hakemuksia ", "Ansökningar ", "Applications: ") +
                std::to_string(in.applications.size()) + ". " +
                (r.anonymous ? say("Hakemukset käsiteltiin nimettömästi haastatteluvalintaan asti.",
                                   "Ansökningarna behandlades anonymt fram till valet av intervjuade.",
                                   "Applications were processed anonymously until the interviewees were chosen.")
                             : say("Hakemuksia ei käsitelty nimettömästi: ", "Ansökningarna behandlades inte anonymt: ",
                                   "Applications were not processed anonymously: ") +
                                   r.anonymity_exception_reason));

  doc.Heading(say("Päätös", "Beslut", "Decision"));
  std::string selected, reserve;
  for (const auto& [id, outcome] : d.outcomes) {
    if (outcome == Outcome::kSelected) selected += (selected.empty() ? "" : ", ") + who(id);
    if (outcome == Outcome::kReserve) reserve += (reserve.empty() ? "" : ", ") + who(id);
  }
  doc.Paragraph(
      selected.empty()
          ? say("Tehtävään ei valita ketään.", "Ingen väljs till tjänsten.", "No one is selected for the post.")
          : say("Tehtävään valitaan ", "Till tjänsten väljs ", "Selected for the post: ") + selected + ".");
  if (!reserve.empty()) doc.Paragraph(say("Varalle valitaan ", "Som reserv väljs ", "Reserve: ") + reserve + ".");

  doc.Heading(say("Perustelut", "Motivering", "Reasoning"));
  doc.Paragraph(ReasoningIn(d, lang));

  doc.Heading(say("Hakijayhteenveto", "Sammanställning av sökande", "Summary of applicants"));
  DocumentTable summary{{say("Hakija", "Sökande", "Applicant"), say("Koulutus", "Utbildning", "Education"),
                         say("Työkokemus (kk)", "Arbetserfarenhet (mån)", "Experience (months)"),
                         say("Pisteet", "Poäng", "Score"), say("Kelpoisuus", "Behörighet", "Eligibility"),
                         say("Sija", "Placering", "Rank"), say("Ratkaisu", "Avgörande", "Outcome")},
                        {}};
  std::vector<std::pair<std::string, std::string>> not_eligible;  // pseudonym, the requirement missed
  // The ranked ones in their order, then those outside the ranking (found not eligible), so that
  // every applicant the decision concerns is in the summary.
  std::vector<std::pair<const AnonymousApplication*, const RankedApplication*>> rows;
  for (const auto& ranked : in.ranking) {
    for (const auto& a : in.applications) {
      if (a.id == ranked.application_id) rows.emplace_back(&a, &ranked);
    }
  }
  for (const auto& a : in.applications) {
    const bool ranked = std::any_of(in.ranking.begin(), in.ranking.end(),
                                    [&](const RankedApplication& x) { return x.application_id == a.id; });
    if (!ranked && d.outcomes.count(a.id)) rows.emplace_back(&a, nullptr);
  }
  for (const auto& [app, ranked] : rows) {
    std::string education;
    for (const auto& e : app->merits.education) {
      education += (education.empty() ? "" : "; ") + e.level + (e.field.empty() ? "" : ", " + e.field);
    }
    int months = 0;
    for (const auto& e : app->merits.experience) months += e.months;
    auto outcome = d.outcomes.find(app->id);
    std::string result = outcome == d.outcomes.end()             ? "–"
                         : outcome->second == Outcome::kSelected ? say("Valittu", "Vald", "Selected")
                         : outcome->second == Outcome::kReserve  ? say("Varalla", "Reserv", "Reserve")
                                                                 : "–";
    std::string eligible = "–";
    if (auto e = in.eligibility.find(app->id); e != in.eligibility.end()) {
      eligible = e->second.eligible ? say("kelpoinen", "behörig", "eligible")
                                    : say("ei kelpoinen", "inte behörig", "not eligible");
      if (!e->second.eligible) not_eligible.emplace_back(app->pseudonym, e->second.reason);
    }
    summary.rows.push_back({app->pseudonym, education.empty() ? "–" : education, std::to_string(months),
                            ranked ? Score(ranked->weighted_score) : "–", eligible,
                            ranked && ranked->rank ? std::to_string(ranked->rank) : "–", result});
  }
  doc.Table(std::move(summary));
  // Why an applicant was found not eligible: what a rectification request would ask first.
  if (!not_eligible.empty()) {
    DocumentTable reasons{
        {say("Hakija", "Sökande", "Applicant"),
         say("Kelpoisuusvaatimus, joka ei täyty", "Behörighetskrav som inte uppfylls", "Requirement not met")},
        {}};
    for (auto& [pseudonym, reason] : not_eligible) reasons.rows.push_back({pseudonym, reason});
    doc.Heading(say("Kelpoisuus", "Behörighet", "Eligibility"));
    doc.Table(std::move(reasons));
  }

  AcceptanceSection(doc, in, lang, who);

  doc.Heading(say("Oikaisuvaatimusohje", "Anvisning för omprövningsbegäran", "How to request rectification"));
  doc.Paragraph(
      say("Tähän päätökseen tyytymätön asianosainen voi tehdä kirjallisen oikaisuvaatimuksen (kuntalaki 134 §). "
          "Oikaisuvaatimus osoitetaan kirjaamoon: ",
          "Den som är part och missnöjd med beslutet kan skriftligen begära omprövning (kommunallagen 134 §). "
          "Begäran lämnas till registratorskontoret: ",
          "A party not satisfied with this decision may make a written request for rectification (Local "
          "Government Act, section 134). The request is sent to the registry office: ") +
      (in.registry_contact.empty() ? in.organisation : in.organisation + ", " + in.registry_contact) +
      say(". Se on tehtävä 14 päivän kuluessa päätöksen tiedoksisaannista. Sähköpostitse tiedoksi saaneen katsotaan "
          "saaneen päätöksestä tiedon kolmantena päivänä viestin lähettämisestä; viimeinen päivä on ",
          ". Den ska lämnas inom 14 dagar från delfåendet. Den som fått beslutet per e-post anses ha fått del "
          "av det den tredje dagen efter att meddelandet sändes; sista dagen är ",
          ", within 14 days of receiving the decision. A decision sent by e-mail is taken to be "
          "received on the third day after it was sent; the last day is ") +
      notify::FormatDate(d.appeal_ends) + ".");
  doc.Paragraph(
      say("Oikaisuvaatimuksesta on käytävä ilmi päätös, johon haetaan oikaisua, miten sitä halutaan muutettavaksi "
          "ja millä perusteilla, sekä tekijän nimi ja yhteystiedot. Hakija voi lisäksi pyytää selvityksen "
          "valinnan perusteista (tasa-arvolaki 10 §).",
          "Av begäran ska framgå vilket beslut den gäller, hur beslutet ska ändras och på vilka grunder, samt "
          "namn och kontaktuppgifter för den som begär omprövning. Sökande kan också begära en redogörelse för "
          "grunderna för valet (jämställdhetslagen 10 §).",
          "The request must say which decision it concerns, how the decision should be changed and on what "
          "grounds, and the name and contact details of the person making it. An applicant may also ask for "
          "an explanation of the grounds of the selection (Equality Act, section 10)."));
  return doc;
}

}  // namespace reilu::service
