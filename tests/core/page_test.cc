#include "core/page.h"

#include <gtest/gtest.h>

namespace reilu {
namespace {

// A page is [cursor, cursor + limit) of the list, cut at its end; the next cursor is where the
// page ends, and there is none on the last page. A cursor past the end gives an empty last page.
TEST(PageTest, PagesCoverTheListOnceAndTheLastHasNoNextCursor) {
  auto same = [](const PageBounds& p, size_t begin, size_t end, std::optional<size_t> next) {
    return p.begin == begin && p.end == end && p.next == next;
  };
  EXPECT_TRUE(same(PageOf(10, 0, 3), 0, 3, 3));
  EXPECT_TRUE(same(PageOf(10, 9, 3), 9, 10, std::nullopt));
  EXPECT_TRUE(same(PageOf(10, 7, 3), 7, 10, std::nullopt));
  EXPECT_TRUE(same(PageOf(10, 4, 0), 4, 10, std::nullopt));  // no limit: the rest
  EXPECT_TRUE(same(PageOf(10, 25, 3), 10, 10, std::nullopt));
  EXPECT_TRUE(same(PageOf(0, 0, 5), 0, 0, std::nullopt));
  size_t seen = 0;
  std::optional<size_t> cursor = 0;
  while (cursor) {
    const PageBounds p = PageOf(11, *cursor, 4);
    EXPECT_EQ(p.begin, seen);
    seen = p.end;
    cursor = p.next;
  }
  EXPECT_EQ(seen, 11u);
}

}  // namespace
}  // namespace reilu
