// Place names that Finnish morphology does not know: the Swedish names of Finnish municipalities
// ("Jakobstad", "Närpes", "Helsingfors"), Swedish towns, and the world's countries, regions and
// cities as Debian's iso-codes and tzdata list them ("Nigeria", "Leeds", "Lagos"). An employer or
// school that names one tells where someone lives or comes from.
#pragma once

#include <string_view>

namespace reilu::redact {

// Is this one word (any case) a known place, also in the Swedish or English genitive
// ("Jakobstads", "London's")? Loaded on first use; what Debian's files hold is added where present.
bool IsKnownPlace(std::string_view word);

// A place in any form: one IsKnownPlace knows, a country's Swedish or Finnish name ("Syrien",
// "Bosnien"), or one libvoikko reads as a place in any Finnish inflection ("Eritreasta",
// "Kangasalan", "Viron"); not an employer ("Accenture") or a verb.
bool NamesAPlace(std::string_view word);

}  // namespace reilu::redact
