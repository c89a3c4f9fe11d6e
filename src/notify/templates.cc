#include "notify/templates.h"

#include "notify/calendar.h"

namespace reilu::notify {

namespace {

std::string Duration(int minutes, std::string_view lang) {
  std::string n = std::to_string(minutes);
  return InLanguage(lang, n + " min", n + " min", n + " minutes");
}

}  // namespace

std::string NoticeLanguage(std::string_view lang) {
  if (lang == "sv" || lang == "en") return std::string(lang);
  return "fi";
}

Text ReceiptText(std::string_view lang, const std::string& job_title, const std::string& reference,
                 const std::string& status_link, bool anonymous) {
  // Only an anonymous recruitment may promise anonymity; the others say who sees the application.
  std::string how_fi = anonymous ? "Hakemukset käsitellään nimettöminä: arvioijat eivät näe nimeäsi eivätkä muita "
                                   "henkilötietojasi ennen kuin sinut kutsutaan haastatteluun."
                                 : "Tätä rekrytointia ei käsitellä nimettömänä: hakemuksen käsittelijät näkevät "
                                   "nimesi ja yhteystietosi.";
  std::string how_sv = anonymous ? "Ansökningarna behandlas anonymt: bedömarna ser inte ditt namn eller andra "
                                   "personuppgifter innan du kallas till intervju."
                                 : "Denna rekrytering behandlas inte anonymt: de som behandlar ansökningarna ser ditt "
                                   "namn och dina kontaktuppgifter.";
  std::string how_en = anonymous ? "Applications are reviewed anonymously: the reviewers do not see your name or other "
                                   "personal details unless you are invited to an interview."
                                 : "This recruitment is not processed anonymously: those who handle the applications "
                                   "see your name and contact details.";
  return {InLanguage(lang, "Hakemuksesi on vastaanotettu: " + job_title, "Din ansökan har tagits emot: " + job_title,
                     "We have received your application: " + job_title),
          InLanguage(
              lang,
              "Kiitos hakemuksestasi.\n\nTehtävä: " + job_title + "\nViitekoodi: " + reference + "\n\n" + how_fi +
                  "\n\nVoit seurata hakemuksesi tilaa ja tarvittaessa perua hakemuksen tästä linkistä:\n" +
                  status_link + "\n\nÄlä jaa linkkiä muille.\n",
              "Tack för din ansökan.\n\nTjänst: " + job_title + "\nReferenskod: " + reference + "\n\n" + how_sv +
                  "\n\nDu kan följa din ansökan och vid behov återta den via denna länk:\n" + status_link +
                  "\n\nDela inte länken med andra.\n",
              "Thank you for your application.\n\nPosition: " + job_title + "\nReference code: " + reference + "\n\n" +
                  how_en + "\n\nYou can follow your application and withdraw it if needed with this link:\n" +
                  status_link + "\n\nDo not share the link.\n")};
}

Text StatusLinksText(std::string_view lang, const std::vector<StatusLinkLine>& lines) {
  std::string list;
  for (const auto& l : lines) list += "\n" + l.job_title + " (" + l.reference + ")\n" + l.status_link + "\n";
  return {
      InLanguage(lang, "Linkit hakemuksiisi", "Länkar till dina ansökningar", "Links to your applications"),
      InLanguage(lang,
                 "Pyysit linkit hakemuksiisi. Tällä sähköpostiosoitteella lähetetyt hakemukset:\n" + list +
                     "\nÄlä jaa linkkejä muille. Jos et pyytänyt tätä viestiä, voit jättää sen huomiotta.\n",
                 "Du bad om länkarna till dina ansökningar. Ansökningar som skickats med denna e-postadress:\n" + list +
                     "\nDela inte länkarna med andra. Om du inte bad om detta meddelande kan du bortse "
                     "från det.\n",
                 "You asked for the links to your applications. Applications sent with this e-mail address:\n" + list +
                     "\nDo not share the links. If you did not ask for this message, you can ignore it.\n")};
}

Text InterviewInvitationText(std::string_view lang, const std::string& job_title, UnixTime starts_at, int minutes,
                             const std::string& location, const std::string& status_link, const std::string& contact) {
  std::string when = FormatLocalDateTime(starts_at, lang);
  const std::string fi_change =
      contact.empty() ? "ota yhteyttä työpaikkailmoituksen yhteyshenkilöön" : "ota yhteyttä: " + contact;
  const std::string sv_change = contact.empty() ? "kontakta annonsens kontaktperson" : "kontakta: " + contact;
  const std::string en_change = contact.empty() ? "contact the person named in the job ad" : "contact: " + contact;
  return {InLanguage(lang, "Kutsu haastatteluun: " + job_title, "Inbjudan till intervju: " + job_title,
                     "Invitation to an interview: " + job_title),
          InLanguage(lang,
                     "Sinut kutsutaan haastatteluun.\n\nTehtävä: " + job_title + "\nAika: " + when +
                         " (Suomen aikaa), " + Duration(minutes, lang) + "\nPaikka: " + location +
                         "\n\nKalenterikutsu on liitteenä. Jos aika ei sovi, " + fi_change +
                         ". Tähän viestiin ei voi vastata.\n\nHakemuksesi tila: " + status_link + "\n",
                     "Du kallas till intervju.\n\nTjänst: " + job_title + "\nTid: " + when + " (finsk tid), " +
                         Duration(minutes, lang) + "\nPlats: " + location +
                         "\n\nKalenderinbjudan finns som bilaga. Om tiden inte passar, " + sv_change +
                         ". Det går inte att svara på detta meddelande.\n\nDin ansökan: " + status_link + "\n",
                     "You are invited to an interview.\n\nPosition: " + job_title + "\nTime: " + when +
                         " (Finnish time), " + Duration(minutes, lang) + "\nPlace: " + location +
                         "\n\nA calendar invitation is attached. If the time does not suit you, " + en_change +
                         ". Replies to this message are not read.\n\nYour application: " + status_link + "\n")};
}

Text InterviewerNoticeText(const std::string& job_title, const std::string& pseudonym, UnixTime starts_at, int minutes,
                           const std::string& location) {
  return {"Haastattelu / Intervju / Interview: " + job_title,
          "Haastattelu: hakija " + pseudonym + ", " + FormatLocalDateTime(starts_at, "fi") + ", " +
              Duration(minutes, "fi") + ", " + location + ".\nIntervju: sökande " + pseudonym + ", " +
              FormatLocalDateTime(starts_at, "sv") + ".\n" + "Interview: applicant " + pseudonym + ", " +
              FormatLocalDateTime(starts_at, "en") +
              ".\n\nHakemus ja haastattelumuistiinpanot ovat Reilussa. / Ansökan finns i Reilu. / The "
              "application is in Reilu.\n"};
}

Text ShortlistNoticeText(const std::string& job_title, const std::vector<std::string>& pseudonyms) {
  std::string list;
  for (const auto& p : pseudonyms) list += "- " + p + "\n";
  return {"Haastatteluun valitut / Kallade till intervju / Shortlist: " + job_title,
          "Haastatteluun on valittu (pseudonyymit) / Till intervju har valts / The shortlist:\n" + list +
              "\nArvioinnin pisteet on lukittu. / Poängen är låsta. / The screening scores are now final.\n"};
}

Text DecisionNoticeText(std::string_view lang, const std::string& job_title, Outcome outcome,
                        const std::string& decided_on, const std::string& appeal_ends,
                        const std::string& rectification_to, const std::string& status_link,
                        const std::string& not_eligible_because) {
  std::string fi_result, sv_result, en_result;
  switch (outcome) {
    case Outcome::kSelected:
      fi_result = "Sinut on valittu tehtävään. Onnittelut! Otamme sinuun yhteyttä työsuhteen aloittamisesta.";
      sv_result = "Du har valts till tjänsten. Grattis! Vi kontaktar dig om anställningens början.";
      en_result = "You have been selected for the position. Congratulations! We will contact you about starting.";
      break;
    case Outcome::kReserve:
      fi_result = "Sinut on valittu varalle. Jos valittu ei ota tehtävää vastaan, otamme sinuun yhteyttä.";
      sv_result = "Du har valts som reserv. Om den valda inte tar emot tjänsten kontaktar vi dig.";
      en_result = "You have been chosen as the reserve. If the selected person declines, we will contact you.";
      break;
    case Outcome::kNotSelected:
      fi_result = "Valitettavasti sinua ei valittu tehtävään. Kiitos kiinnostuksestasi.";
      sv_result = "Tyvärr valdes du inte till tjänsten. Tack för ditt intresse.";
      en_result = "Unfortunately you were not selected for the position. Thank you for your interest.";
      break;
  }
  if (!not_eligible_because.empty()) {
    fi_result += " Hakemuksesi ei täyttänyt tehtävän kelpoisuusvaatimuksia: " + not_eligible_because + ".";
    sv_result += " Din ansökan uppfyllde inte behörighetskraven för tjänsten: " + not_eligible_because + ".";
    en_result += " Your application did not meet the formal requirements of the post: " + not_eligible_because + ".";
  }
  std::string fi_date = FormatDate(decided_on), end = FormatDate(appeal_ends);
  return {
      InLanguage(lang, "Valintapäätös: " + job_title, "Beslut om val: " + job_title,
                 "Selection decision: " + job_title),
      InLanguage(lang,
                 fi_result + "\n\nTehtävä: " + job_title + "\nPäätös tehty: " + fi_date +
                     "\n\nOikaisuvaatimusohje: päätökseen tyytymätön voi tehdä kirjallisen oikaisuvaatimuksen "
                     "viimeistään " +
                     end + ". Oikaisuvaatimus osoitetaan: " + rectification_to +
                     ". Siitä on käytävä ilmi, mihin päätökseen haetaan oikaisua, miten sitä halutaan muutettavaksi ja "
                     "millä perusteilla, sekä tekijän nimi ja yhteystiedot. Voit pyytää selvityksen valinnan "
                     "perusteista (tasa-arvolaki 10 §, yhdenvertaisuuslaki).\n\n"
                     "Hakemuksesi tila: " +
                     status_link + "\n",
                 sv_result + "\n\nTjänst: " + job_title + "\nBeslutet fattat: " + fi_date +
                     "\n\nAnvisning för omprövningsbegäran: den som är missnöjd med beslutet kan lämna in en "
                     "skriftlig omprövningsbegäran senast " +
                     end + ". Begäran lämnas till: " + rectification_to +
                     ". Av den ska framgå vilket beslut den gäller, hur beslutet ska ändras och på vilka grunder, "
                     "samt namn och kontaktuppgifter. Du kan begära en redogörelse för grunderna för valet "
                     "(jämställdhetslagen 10 §).\n\n"
                     "Din ansökan: " +
                     status_link + "\n",
                 en_result + "\n\nPosition: " + job_title + "\nDecision made: " + fi_date +
                     "\n\nHow to appeal: if you are not satisfied with the decision, you can send a written "
                     "request for rectification by " +
                     end + ". Send it to: " + rectification_to +
                     ". Say which decision it concerns, how it should be changed and why, and give your name and "
                     "contact details. You can ask for an explanation of the grounds of the selection (Equality Act, "
                     "section 10).\n\nYour application: " +
                     status_link + "\n")};
}

Text WithdrawalText(std::string_view lang, const std::string& job_title, const std::string& reference) {
  return {InLanguage(lang, "Hakemus peruttu: " + job_title, "Ansökan återtagen: " + job_title,
                     "Application withdrawn: " + job_title),
          InLanguage(lang, "Olet perunut hakemuksesi " + reference + " tehtävään " + job_title + ".\n",
                     "Du har återtagit din ansökan " + reference + " till tjänsten " + job_title + ".\n",
                     "You have withdrawn your application " + reference + " for " + job_title + ".\n")};
}

Text AmendmentText(std::string_view lang, const std::string& job_title, const std::string& reference,
                   UnixTime deadline_at, const std::string& status_link) {
  const std::string deadline = FormatLocalDateTime(deadline_at, lang);
  return {InLanguage(lang, "Hakemustasi muutettiin: " + job_title, "Din ansökan har ändrats: " + job_title,
                     "Your application was changed: " + job_title),
          InLanguage(lang,
                     "Hakemuksesi " + reference + " tehtävään " + job_title +
                         " on nyt muutettu. Hakemuksesta käsitellään uusin versio.\n\nVoit muuttaa hakemusta " +
                         deadline + " asti tästä linkistä:\n" + status_link +
                         "\n\nJos et itse muuttanut hakemusta, ota yhteyttä työnantajaan.\n",
                     "Din ansökan " + reference + " till tjänsten " + job_title +
                         " har nu ändrats. Den senaste versionen behandlas.\n\nDu kan ändra ansökan till " + deadline +
                         " via denna länk:\n" + status_link +
                         "\n\nOm du inte själv ändrade ansökan, kontakta arbetsgivaren.\n",
                     "Your application " + reference + " for " + job_title +
                         " has now been changed. The latest version is the one processed.\n\nYou can change it until " +
                         deadline + " through this link:\n" + status_link +
                         "\n\nIf you did not change the application yourself, contact the employer.\n")};
}

Text DraftLinkText(std::string_view lang, const std::string& job_title, const std::string& draft_link,
                   UnixTime deadline_at) {
  const std::string deadline = FormatLocalDateTime(deadline_at, lang);
  return {
      InLanguage(lang, "Hakemusluonnoksesi: " + job_title, "Ditt ansökningsutkast: " + job_title,
                 "Your draft application: " + job_title),
      InLanguage(lang,
                 "Tallensit hakemusluonnoksen tehtävään " + job_title +
                     ". Voit jatkaa hakemuksen täyttämistä tästä linkistä millä tahansa laitteella:\n" + draft_link +
                     "\n\nLuonnosta ei ole lähetetty työnantajalle: hakemus lähtee vasta, kun lähetät sen. "
                     "Luonnos poistetaan, kun hakuaika päättyy (" +
                     deadline + ").\n\nÄlä jaa linkkiä muille.\n",
                 "Du sparade ett ansökningsutkast till tjänsten " + job_title +
                     ". Du kan fortsätta fylla i ansökan via denna länk på vilken enhet som helst:\n" + draft_link +
                     "\n\nUtkastet har inte skickats till arbetsgivaren: ansökan skickas först när du skickar "
                     "den. Utkastet raderas när ansökningstiden går ut (" +
                     deadline + ").\n\nDela inte länken med andra.\n",
                 "You saved a draft application for " + job_title +
                     ". You can go on filling it in on any device through this link:\n" + draft_link +
                     "\n\nThe draft has not been sent to the employer: the application goes only when you send "
                     "it. The draft is deleted when the application period ends (" +
                     deadline + ").\n\nDo not share the link.\n")};
}

}  // namespace reilu::notify
