#include "core/pseudonym.h"

#include <algorithm>
#include <array>

namespace reilu {

namespace {

// Letters without I, O and Q, which are easily confused with digits when read aloud or printed.
constexpr std::string_view kLetters = "ABCDEFGHJKLMNPRSTUVWXYZ";
constexpr std::string_view kCrockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

// Unbiased pick from an alphabet of size n using rejection sampling on single bytes.
char Pick(const RandomSource& random, std::string_view alphabet) {
  const unsigned n = static_cast<unsigned>(alphabet.size());
  const unsigned limit = 256 - (256 % n);
  std::array<std::uint8_t, 1> b{};
  do {
    random(b);
  } while (b[0] >= limit);
  return alphabet[b[0] % n];
}

}  // namespace

std::string MakePseudonym(const RandomSource& random) {
  std::string p;
  for (int i = 0; i < 3; ++i) p += Pick(random, kLetters);
  p += '-';
  for (int i = 0; i < 3; ++i) p += Pick(random, "0123456789");
  return p;
}

ApplicationId MakeApplicationId(const RandomSource& random) {
  std::array<std::uint8_t, 16> bytes{};
  random(bytes);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id;
  for (auto b : bytes) {
    id += kHex[b >> 4];
    id += kHex[b & 15];
  }
  return id;
}

std::string MakeReference(const RandomSource& random) {
  std::string r = "R";
  for (int group = 0; group < 3; ++group) {
    r += '-';
    for (int i = 0; i < 4; ++i) r += Pick(random, kCrockford);
  }
  return r;
}

void OrderForReviewer(std::vector<AnonymousApplication>& apps, UserId reviewer, const OrderKeyFn& key) {
  std::vector<std::pair<std::string, size_t>> keys;
  keys.reserve(apps.size());
  for (size_t i = 0; i < apps.size(); ++i) keys.emplace_back(key(reviewer, apps[i].id), i);
  std::sort(keys.begin(), keys.end());
  std::vector<AnonymousApplication> ordered;
  ordered.reserve(apps.size());
  for (const auto& [k, i] : keys) ordered.push_back(std::move(apps[i]));
  apps = std::move(ordered);
}

}  // namespace reilu
