// Ages ("45-vuotias", "45 år gammal", "aged 45", "45 years old"), birth years ("syntynyt 1979",
// "född 1979", "born in 1979") and dates of birth.
#include "redact/regex_recognizer.h"

namespace reilu::redact {

std::unique_ptr<Recognizer> MakeAgeRecognizer() {
  const std::string edge = R"((?:^|[^\p{L}\d]))";
  return std::make_unique<RegexRecognizer>(std::vector<PatternRule>{
      // Finnish: "45-vuotias", "45 vuotta täyttänyt", "olen 45 v."
      {edge + R"((\d{1,3}\s?-?\s?vuotia\p{L}*))", EntityType::kAge, 0.95, {}},
      {edge + R"((\d{1,3}\s+vuotta\s+täyttänyt))", EntityType::kAge, 0.9, {}},
      // "Olen 35v.", "Ikä: 35", "Ålder: 35", "Age: 35".
      {R"((?i)(?:^|[^\p{L}])(?:olen|olin)\s+(\d{1,3}\s?-?v\.?)(?:[^\p{L}\d]|$))", EntityType::kAge, 0.9, {}},
      // "oon" is spoken Finnish for "olen", as typed on a phone ("moi oon 28v"): a rule of its own,
      // as "oon" also ends many Finnish words ("Kuopioon") and each rule that looks for it costs
      // the scan.
      {R"((?i)(?:^|[^\p{L}])oon\s+(\d{2}\s?-?v\.?)(?:[^\p{L}\d]|$))", EntityType::kAge, 0.9, {}},
      {R"((?i)(?:^|[^\p{L}])(?:ikä|ålder|age)\s*:\s*(\d{1,3})(?:[^\d]|$))", EntityType::kAge, 0.9, {}},
      // An age by its decade: "in my late forties", "nelikymppinen", "yli viidenkympin", "i
      // 40-årsåldern", "I'm over fifty", "jag är över femtio" (not "over fifty employees").
      {R"((?i)(?:^|[^\p{L}])((?:in\s+my\s+(?:early\s+|mid\s+|late\s+)?(?:twenties|thirties|forties|fifties|sixties|\d0s))|(?:kaksi|kolme|kolmi|neljä|neli|viisi|kuusi|seitsemän|kahden|kolmen|neljän|viiden|kuuden|seitsemän)kymp\p{L}*|i\s+\d0-årsåldern|(?:I\s+am|I'm|being|now|jag\s+är|nu)\s+(?:over|past|nearly|almost|över|nästan|snart)\s+(?:forty|fifty|sixty|seventy|fyrtio|femtio|sextio|sjuttio|[4-7]0)(?:\s+år)?))",
       EntityType::kAge,
       0.85,
       {}},
      // The year one finished school tells one's age: "ylioppilaaksi vuonna 1983", "tog studenten
      // 1983", "graduated from high school in 1983".
      {R"((?i)(?:^|[^\p{L}])((?:ylioppilaaksi|ylioppilas|tog\s+studenten|studentexamen|graduated\s+from\s+high\s+school|high\s+school\s+diploma)(?:\s+\p{L}+){0,2}?\s+(?:19|20)\d{2}))",
       EntityType::kAge,
       0.8,
       {}},
      // "I am 52 and...", "I'm 30." (not "I am 24/7 available").
      // ...and in a reference: "She is 58 but".
      {R"((?i)(?:^|[^\p{L}])(?:I\s+am|I'm|Im|she\s+is|he\s+is|she's|he's)\s+(\d{2})(?:[ \t.,;!)]|$))",
       EntityType::kAge,
       0.85,
       {}},
      // Swedish: "45 år gammal", "45-årig"; plain "5 år" is experience, not age.
      {edge + R"((\d{1,3}\s?(?:år\s+gammal|-?åri\p{L}+)))", EntityType::kAge, 0.95, {}},
      // "jag är 52 år", and after one's name "jag heter Anna och är 52 år".
      {R"((?i)(?:jag|och|hon|han|hen)\s+är\s+(\d{1,3}\s+år))", EntityType::kAge, 0.9, {}},
      // "Jag är 29, nygift", "Olen 29, naimisissa": an age alone before a comma or a full stop.
      {R"((?i)(?:^|[^\p{L}])(?:jag\s+är|olen)\s+(\d{2})(?:[ \t]*[,.;!)]|[ \t]*$))", EntityType::kAge, 0.85, {}},
      // An age right after one's name in an introduction: "I'm Tom, 41, dad of three", "nimeni on
      // Jussi, 28 v.", "jag heter Erik, 52, och" (not after "olen" or "jag är", words so frequent
      // that the rule would cost the scan 7 %).
      {R"((?i)(?:^|[^\p{L}])(?:I\s+am|I'm|Im|my\s+name\s+is|nimeni\s+on|jag\s+heter)\s+\p{L}+(?:\s+\p{L}\.?)?,\s*(\d{2}(?:\s?v\.?|\s+år)?)(?:[ \t]*[,.;!)]|[ \t]+(?:and|ja|och|with)\b|[ \t]*$))",
       EntityType::kAge,
       0.85,
       {}},
      // "täytin juuri 40 vuotta", "fyllde 50 år", "turned 40": a birthday is an age.
      // "Täytän ensi kuussa 62", "fyller i år 50": a time may come between.
      {R"((?i)(?:täytin|täytän|täyttänyt|fyllde|fyller|turned|turning)\s+(?:juuri\s+|just\s+|nyss\s+)?(?:(?:ensi|tänä|tällä|i|nästa|this|next|in)\s+\p{L}+\s+)?(\d{1,3}(?:\s+(?:vuotta|år|years))?)(?:[^\d]|$))",
       EntityType::kAge,
       0.9,
       {}},
      // A birthday to come: "I'll be 18 in June", "jag blir 17 i maj" (a time after the number, so
      // that "I'll be 30 minutes late" is none).
      {R"((?i)(?:^|[^\p{L}])(?:(?:I'll|I\s+will)\s+be|jag\s+blir)\s+(\d{1,3})\s+(?:in|on|next|this|by|soon|i|nästa|om|till)\s)",
       EntityType::kAge,
       0.85,
       {}},
      // "a senior citizen" tells an age; of anybody ("services for senior citizens") it is the work:
      // unsure.
      {R"((?i)(?:^|[^\p{L}])(senior\s+citizens?|pensioner|eläkeläi\p{L}*|pensionär\p{L}*)(?:[^\p{L}]|$))",
       EntityType::kAge,
       0.5,
       {}},
      // English.
      {R"((?i)(?:^|[^\p{L}])((?:aged\s+\d{1,3})|(?:\d{1,3}[\s\-]years?[\s\-]old)|(?:\d{1,3}-year-old)))",
       EntityType::kAge,
       0.95,
       {}},
      // Birth years.
      {R"((?i)(?:^|[^\p{L}])((?:syntynyt|synt\.|s\.|född|f\.|synnyin|föddes|born(?:\s+in)?)\s+(?:\p{Lu}\p{L}+\s+)?(?:vuonna\s+|år\s+)?(?:\d{1,2}\.\s?\d{1,2}\.\s?)?(?:19|20)\d{2}))",
       EntityType::kAge,
       0.9,
       {}},
      {R"((?:^|[^\d])((?:19|20)\d{2})\s*(?:syntynyt|født|född))", EntityType::kAge, 0.85, {}},
      // Dates with month names after a birth cue: "born on 7 March 1985", "född den 7 mars 1985".
      {R"((?i)((?:born(?:\s+on)?|född(?:\s+den)?|syntynyt)\s+(?:\d{1,2}(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December|januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|tammikuuta|helmikuuta|maaliskuuta|huhtikuuta|toukokuuta|kesäkuuta|heinäkuuta|elokuuta|syyskuuta|lokakuuta|marraskuuta|joulukuuta)\s+(?:19|20)\d{2}|(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},?\s+(?:19|20)\d{2})))",
       EntityType::kBirthDate,
       0.95,
       {}},
      // ISO and numeric dates right after a birth cue: "syntynyt 1985-06-14", "född 14.6.1985".
      {R"((?i)(?:^|[^\p{L}])((?:syntynyt|synt\.|född|born(?:\s+on)?)\s+(?:(?:19|20)\d{2}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}[./](?:19|20)\d{2})))",
       EntityType::kBirthDate,
       0.95,
       {}},
      // Dates of birth written out after a cue.
      {R"((?i)(?:syntymäaika|syntymäpäivä|födelsedatum|date of birth|born on|DOB)[:\s]+(\d{1,2}[./\-]\d{1,2}[./\-](?:19|20)?\d{2}|(?:19|20)\d{2}-\d{2}-\d{2}))",
       EntityType::kBirthDate,
       0.95,
       {}},
  });
}

}  // namespace reilu::redact
