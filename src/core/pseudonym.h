// Pseudonyms stand for applicants while a recruitment is anonymous. They come from a random
// source only: never from the name, e-mail or arrival order, so they carry no information.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "core/application.h"

namespace reilu {

// Fills the span with unpredictable bytes (libsodium in production; seeded in tests).
using RandomSource = std::function<void(std::span<std::uint8_t>)>;

// "KTR-482": three letters and three digits, easy to say aloud in a meeting; ~10^7 values.
std::string MakePseudonym(const RandomSource& random);

// Random identifiers and applicant reference codes, same source.
ApplicationId MakeApplicationId(const RandomSource& random);  // 32 hex characters
std::string MakeReference(const RandomSource& random);        // "R-XXXX-XXXX-XXXX", Crockford base32

// Keyed hash of (reviewer, application) used as the sort key: the same reviewer always sees the
// same order, different reviewers see independent orders, and no order follows arrival.
using OrderKeyFn = std::function<std::string(UserId reviewer, const ApplicationId& application)>;
void OrderForReviewer(std::vector<AnonymousApplication>& applications, UserId reviewer, const OrderKeyFn& key);

}  // namespace reilu
