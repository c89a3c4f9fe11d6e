// Finds every place where any of a set of literal strings occurs, in one pass over the text
// (Aho–Corasick). The engine uses it to redact every other occurrence of a string once found, so
// that the work grows with the text's length, not with the number of names times the text.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace reilu::redact {

class LiteralMatcher {
 public:
  // REQUIRES: no needle is empty.
  explicit LiteralMatcher(const std::vector<std::string>& needles);

  // Calls `found(needle_index, start)` for each position where a needle ends, with the longest
  // needle ending there (a shorter one ending at the same place lies inside it). Left to right.
  void FindLongestAtEachEnd(std::string_view text, const std::function<void(size_t, size_t)>& found) const;

 private:
  // Children as a sibling list in one array: names use few distinct bytes per node, and one
  // allocation for the whole trie keeps short texts cheap.
  struct Node {
    std::int32_t first_child = -1;
    std::int32_t next_sibling = -1;
    std::int32_t fail = 0;
    std::int32_t output = -1;  // the longest needle that is a suffix of this node's string
    unsigned char byte = 0;
  };
  std::int32_t Child(std::int32_t node, unsigned char c) const;

  std::vector<Node> nodes_;
  std::array<std::int32_t, 256> root_;  // the root's children by byte: most bytes of a text start there
  std::vector<size_t> lengths_;
};

}  // namespace reilu::redact
