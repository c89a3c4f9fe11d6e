// Whether bytes are well-formed UTF-8: what the HTTP layer accepts, and what the redaction engine's
// pattern scan may read as text.
#pragma once

#include <cstddef>
#include <string_view>

namespace reilu {

// The length of the character that starts at s[at] (at < s.size()), or 0 if the bytes there are no
// well-formed UTF-8: no overlong forms, surrogates or values past U+10FFFF.
size_t Utf8SequenceLength(std::string_view s, size_t at);
bool IsValidUtf8(std::string_view s);

}  // namespace reilu
