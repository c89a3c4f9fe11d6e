#include "redact/literal_matcher.h"

namespace reilu::redact {

std::int32_t LiteralMatcher::Child(std::int32_t node, unsigned char c) const {
  if (node == 0) return root_[c];
  for (std::int32_t k = nodes_[static_cast<size_t>(node)].first_child; k >= 0;
       k = nodes_[static_cast<size_t>(k)].next_sibling) {
    if (nodes_[static_cast<size_t>(k)].byte == c) return k;
  }
  return -1;
}

LiteralMatcher::LiteralMatcher(const std::vector<std::string>& needles) {
  size_t total = 1;
  for (const auto& n : needles) total += n.size();
  nodes_.reserve(total);
  root_.fill(-1);
  nodes_.emplace_back();
  for (size_t index = 0; index < needles.size(); ++index) {
    std::int32_t node = 0;
    for (char ch : needles[index]) {
      auto c = static_cast<unsigned char>(ch);
      std::int32_t child = Child(node, c);
      if (child < 0) {
        child = static_cast<std::int32_t>(nodes_.size());
        Node n;
        n.byte = c;
        n.next_sibling = nodes_[static_cast<size_t>(node)].first_child;
        nodes_.push_back(n);
        nodes_[static_cast<size_t>(node)].first_child = child;
        if (node == 0) root_[c] = child;
      }
      node = child;
    }
    lengths_.push_back(needles[index].size());
    auto& out = nodes_[static_cast<size_t>(node)].output;
    if (out < 0) out = static_cast<std::int32_t>(index);  // duplicates: the first one reports
  }
  // Breadth first, so a node's failure link (a shorter string) is complete before the node. Nodes
  // are visited in the order of a queue kept as a vector of indices.
  std::vector<std::int32_t> queue;
  queue.reserve(nodes_.size());
  for (std::int32_t k = nodes_[0].first_child; k >= 0; k = nodes_[static_cast<size_t>(k)].next_sibling) {
    queue.push_back(k);
  }
  for (size_t head = 0; head < queue.size(); ++head) {
    std::int32_t node = queue[head];
    for (std::int32_t child = nodes_[static_cast<size_t>(node)].first_child; child >= 0;
         child = nodes_[static_cast<size_t>(child)].next_sibling) {
      unsigned char c = nodes_[static_cast<size_t>(child)].byte;
      std::int32_t f = nodes_[static_cast<size_t>(node)].fail;
      std::int32_t target = Child(f, c);
      while (target < 0 && f != 0) {
        f = nodes_[static_cast<size_t>(f)].fail;
        target = Child(f, c);
      }
      Node& n = nodes_[static_cast<size_t>(child)];
      n.fail = target < 0 ? 0 : target;
      // A node that ends no needle of its own reports the longest needle among its suffixes.
      if (n.output < 0) n.output = nodes_[static_cast<size_t>(n.fail)].output;
      queue.push_back(child);
    }
  }
}

void LiteralMatcher::FindLongestAtEachEnd(std::string_view text,
                                          const std::function<void(size_t, size_t)>& found) const {
  std::int32_t node = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    // At the root, most bytes start no needle (names begin with few letters, most of them
    // capitals): those are passed by in a tight loop, and the root reports nothing.
    if (node == 0) {
      while (i < text.size() && root_[static_cast<unsigned char>(text[i])] < 0) ++i;
      if (i == text.size()) break;
    }
    auto c = static_cast<unsigned char>(text[i]);
    std::int32_t next = Child(node, c);
    while (next < 0 && node != 0) {
      node = nodes_[static_cast<size_t>(node)].fail;
      next = Child(node, c);
    }
    node = next < 0 ? 0 : next;
    std::int32_t out = nodes_[static_cast<size_t>(node)].output;
    if (out >= 0) {
      size_t length = lengths_[static_cast<size_t>(out)];
      found(static_cast<size_t>(out), i + 1 - length);
    }
  }
}

}  // namespace reilu::redact
