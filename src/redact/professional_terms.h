// Words of the trade that are written like names: systems, products, methods and programmes that
// applicants list as skills (Wilma, Primus, Montessori, KiVa, Excel, Power BI...). They are never
// redacted as names, in any inflection ("Wilmaan", "Primuksen", "Excelissä"), unless they are the
// applicant's own name.
#pragma once

#include <string_view>

namespace reilu::redact {

// `folded`: the word lower-cased (Fold). True for a listed term or a Finnish inflection of one.
bool IsProfessionalTerm(std::string_view folded);

// An English month or weekday name, or a month's abbreviation ("june", "friday", "jan"): a date in
// a CV, a name only beside another ("June Carter"). `folded` as above.
bool IsCalendarWord(std::string_view folded);

// A company form ("Oy", "AB", "Ltd"): a word before it is the company's name, which may be a
// person's ("Virtanen Consulting Oy"). `folded` as above.
bool IsCompanyForm(std::string_view folded);

// A skill or tool that is also a given name or surname ("Ruby", "Julia", "Jenkins", "Kafka"):
// "used Ruby daily" names a language, "Ruby Virtanen" a person. Such a word is a name only beside
// another name. In Finnish also inflected ("Rubya", "Jenkinsiä"). `folded` as above.
bool IsSkillAlsoAName(std::string_view folded, std::string_view lang);

// The head word of an institution's or workplace's name ("University", "Hospital", "Akademi",
// "yliopistossa", "Savonia-ammattikorkeakoulu"): a capitalised word beside it is part of the
// institution's name ("Lagos University Teaching Hospital", "Åbo Akademi"), not a person's.
// `folded` as above.
bool IsInstitutionWord(std::string_view folded);

}  // namespace reilu::redact
