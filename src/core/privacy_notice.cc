#include "core/privacy_notice.h"

namespace reilu {

namespace {

std::string FieldName(const std::string& field, std::string_view lang) {
  if (field == "birth_date") return InLanguage(lang, "syntymäaika", "födelsedatum", "birth date");
  if (field == "gender") return InLanguage(lang, "sukupuoli", "kön", "gender");
  if (field == "nationality") return InLanguage(lang, "kansalaisuus", "medborgarskap", "nationality");
  return InLanguage(lang, "äidinkieli", "modersmål", "mother tongue");
}

}  // namespace

PrivacyNotice ComposePrivacyNotice(const std::string& organisation, const std::string& own_text,
                                   const RetentionPolicy& retention, const std::vector<CollectedField>& collected,
                                   std::string_view lang) {
  PrivacyNotice n;
  n.title = InLanguage(lang, "Tietosuojaseloste: rekrytointi", "Dataskyddsbeskrivning: rekrytering",
                       "Privacy notice: recruitment") +
            " – " + organisation;
  if (!own_text.empty()) {
    n.sections.push_back({InLanguage(lang, "Rekisterinpitäjä", "Personuppgiftsansvarig", "Controller"), own_text});
  }
  n.sections.push_back(
      {InLanguage(lang, "Käsittelyn tarkoitus", "Ändamål", "Purpose"),
       organisation + InLanguage(lang,
                                 " käsittelee hakemuksia valitakseen tehtävään sopivimman hakijan. Nimettömässä "
                                 "haussa arvioijat eivät näe henkilötietojasi ennen kuin nimettömyys puretaan "
                                 "kirjatulla päätöksellä.",
                                 " behandlar ansökningar för att välja den lämpligaste sökanden. I en anonym "
                                 "rekrytering ser bedömarna inte dina personuppgifter förrän anonymiteten hävs genom "
                                 "ett registrerat beslut.",
                                 " processes applications to choose the best-suited applicant. In an anonymous "
                                 "recruitment the reviewers do not see your personal details until a recorded "
                                 "decision lifts the anonymity.")});
  std::string data = InLanguage(lang,
                                "Nimi, sähköposti, puhelin, osoite, asiointikieli, koulutus, työkokemus, taidot ja "
                                "hakemusteksti.",
                                "Namn, e-post, telefon, adress, kontaktspråk, utbildning, arbetserfarenhet, "
                                "färdigheter och ansökningstext.",
                                "Name, e-mail, phone, address, language of contact, education, work experience, skills "
                                "and the application text.");
  if (collected.empty()) {
    data += InLanguage(lang, " Syntymäaikaa, sukupuolta, kansalaisuutta tai äidinkieltä ei kysytä.",
                       " Födelsedatum, kön, medborgarskap eller modersmål frågas inte.",
                       " Birth date, gender, nationality and mother tongue are not asked.");
  }
  for (const auto& c : collected) {
    data +=
        " " + FieldName(c.field, lang) + InLanguage(lang, ": peruste ", ": grund ", ": basis ") + c.legal_basis + ".";
  }
  n.sections.push_back({InLanguage(lang, "Mitä tietoja käsitellään", "Vilka uppgifter", "What data"), data});
  n.sections.push_back(
      {InLanguage(lang, "Julkisuus", "Offentlighet", "Publicity"),
       InLanguage(
           lang,
           "Hakemukset ovat julkisia asiakirjoja. Hakuajan päätyttyä kuka tahansa voi pyytää hakijoiden nimet ja "
           "hakemukset; salassa pidettävät tiedot, kuten henkilötunnus, terveystiedot ja yhteystiedot, "
           "poistetaan. Voit pyytää, ettei nimeäsi anneta hakijaluettelossa.",
           "Ansökningar är offentliga handlingar. Efter ansökningstiden kan vem som helst begära sökandenas "
           "namn och ansökningarna; sekretessbelagda uppgifter, som personbeteckning, hälsouppgifter och "
           "kontaktuppgifter, tas bort. Du kan begära att ditt namn inte lämnas ut i sökandeförteckningen.",
           "Applications are public documents. After the application period anyone may ask for the "
           "applicants' names and the applications; secret details such as the personal identity code, health "
           "information and contact details are removed. You can ask that your name is not given out in the "
           "list of applicants.")});
  const std::string others = std::to_string(retention.others_years);
  const std::string selected = std::to_string(retention.selected_years);
  n.sections.push_back(
      {InLanguage(lang, "Säilytysaika", "Bevarandetid", "Retention"),
       InLanguage(lang, "Muiden kuin valittujen hakemukset hävitetään ", "Ansökningar av andra än de valda gallras ",
                  "Applications of those not selected are disposed of ") +
           others +
           InLanguage(lang, " vuoden kuluttua valintapäätöksen lainvoimaisuudesta. ",
                      " år efter att beslutet om val vunnit laga kraft. ",
                      " years after the selection decision becomes final. ") +
           (retention.selected_years == 0
                ? InLanguage(lang, "Valittujen hakemukset säilytetään pysyvästi arkistonmuodostussuunnitelman mukaan.",
                             "De valdas ansökningar bevaras varaktigt enligt arkivbildningsplanen.",
                             "The selected applicants' applications are kept permanently under the archive plan.")
                : InLanguage(lang, "Valittujen hakemukset hävitetään ", "De valdas ansökningar gallras ",
                             "The selected applicants' applications are disposed of ") +
                      selected + InLanguage(lang, " vuoden kuluttua.", " år efteråt.", " years after.")) +
           InLanguage(lang, " Haastattelumuistiinpanot hävitetään ", " Anteckningar från intervjuer gallras ",
                      " Interview notes are disposed of ") +
           std::to_string(retention.interview_notes_years) +
           InLanguage(lang, " vuoden kuluttua. Valintapäätös säilytetään pysyvästi.",
                      " år efteråt. Beslutet om val bevaras varaktigt.",
                      " years after. The selection decision is kept permanently.")});
  n.sections.push_back(
      {InLanguage(lang, "Oikeutesi", "Dina rättigheter", "Your rights"),
       InLanguage(
           lang,
           "Voit ladata kaikki tietosi hakemuksesi tilasivulta, myös tiedon siitä, kuka on katsonut "
           "henkilötietojasi. Voit pyytää virheellisen tiedon oikaisemista samalla sivulla ja tehdä valituksen "
           "tietosuojavaltuutetulle.",
           "Du kan ladda ner alla dina uppgifter på din ansökans statussida, även vem som har sett dina "
           "personuppgifter. Du kan begära rättelse av felaktiga uppgifter på samma sida och klaga hos "
           "dataombudsmannen.",
           "You can download all your data from your application's status page, including who has seen your "
           "personal details. You can ask for incorrect data to be corrected on the same page and complain to the Data "
           "Protection Ombudsman.")});
  return n;
}

}  // namespace reilu
