// One page of a list that the caller pages through with a cursor (where the page starts) and a
// limit (0: the rest).
#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>

namespace reilu {

struct PageBounds {
  size_t begin = 0, end = 0;   // the page is items [begin, end)
  std::optional<size_t> next;  // the next page's cursor; none after the last page
};

inline PageBounds PageOf(size_t total, size_t cursor, size_t limit) {
  PageBounds page;
  page.begin = std::min(cursor, total);
  page.end = limit == 0 ? total : std::min(total, page.begin + limit);
  if (page.end < total) page.next = page.end;
  return page;
}

}  // namespace reilu
