// Sample applications, one per language, written for this purpose (fictional people): what the
// engine reads once at start-up (Engine::Warm) so that the work libraries do lazily on their first
// texts is not paid by an applicant's. RE2 builds its automata's states from the bytes it reads,
// and on a process's first few kilobytes that was most of the patterns' cost.
#pragma once

#include <string_view>

namespace reilu::redact {

// The sample for "fi", "sv" or "en"; empty for any other language.
std::string_view WarmUpText(std::string_view lang);

}  // namespace reilu::redact
