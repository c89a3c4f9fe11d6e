#include "redact/regex_recognizer.h"

#include <cstdio>
#include <cstdlib>
#include <mutex>

namespace reilu::redact {

namespace {

RE2::Options PatternOptions() {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_log_errors(false);
  // Unicode classes and case folding make large automata; give the DFA room so it does not fall
  // back to the much slower NFA.
  options.set_max_mem(16 << 20);
  return options;
}

}  // namespace

RegexRecognizer::RegexRecognizer(std::vector<PatternRule> rules) {
  const RE2::Options options = PatternOptions();
  for (auto& rule : rules) {
    auto re = std::make_unique<RE2>(rule.pattern, options);
    // Patterns are part of the program: a broken one is a bug to stop at, in every build type.
    if (!re->ok()) {
      std::fprintf(stderr, "redact: invalid pattern %s: %s\n", rule.pattern.c_str(), re->error().c_str());
      std::abort();
    }
    compiled_.push_back(Compiled{std::move(re), std::move(rule)});
  }
}

std::unique_ptr<RegexRecognizer> RegexRecognizer::Combine(std::vector<std::unique_ptr<Recognizer>>& parts) {
  auto combined = std::unique_ptr<RegexRecognizer>(new RegexRecognizer(std::vector<PatternRule>{}));
  std::vector<std::unique_ptr<Recognizer>> others;
  for (auto& part : parts) {
    if (auto* regex = dynamic_cast<RegexRecognizer*>(part.get())) {
      // The compiled patterns move over; nothing is compiled twice.
      for (auto& c : regex->compiled_) combined->compiled_.push_back(std::move(c));
    } else {
      others.push_back(std::move(part));
    }
  }
  parts = std::move(others);
  return combined;
}

const RE2::Set* RegexRecognizer::AnyPattern() const {
  // Built on first use, so recognizers that are merged by Combine never build one of their own.
  std::call_once(any_once_, [this] {
    auto set = std::make_unique<RE2::Set>(PatternOptions(), RE2::UNANCHORED);
    for (const auto& c : compiled_) {
      if (set->Add(c.rule.pattern, nullptr) < 0) std::abort();
    }
    if (set->Compile()) any_ = std::move(set);  // too large for one automaton: every pattern runs alone
  });
  return any_.get();
}

void RegexRecognizer::Find(std::string_view text, const Context&, std::vector<Span>& out) const {
  std::vector<int> matching;
  if (const RE2::Set* any = AnyPattern()) {
    RE2::Set::ErrorInfo error;
    if (!any->Match(re2::StringPiece(text.data(), text.size()), &matching, &error)) {
      if (error.kind == RE2::Set::kNoError) return;  // no pattern matches anywhere
      matching.clear();
      for (size_t i = 0; i < compiled_.size(); ++i) matching.push_back(static_cast<int>(i));  // out of memory
    }
  } else {
    for (size_t i = 0; i < compiled_.size(); ++i) matching.push_back(static_cast<int>(i));
  }
  for (int index : matching) {
    const Compiled& c = compiled_[static_cast<size_t>(index)];
    const int groups = c.re->NumberOfCapturingGroups();
    std::vector<re2::StringPiece> match(static_cast<size_t>(groups) + 1);
    size_t pos = 0;
    while (pos <= text.size() && c.re->Match(re2::StringPiece(text.data(), text.size()), pos, text.size(),
                                             RE2::UNANCHORED, match.data(), static_cast<int>(match.size()))) {
      re2::StringPiece whole = match[0];
      re2::StringPiece hit = groups > 0 && match[1].data() ? match[1] : whole;
      size_t start = static_cast<size_t>(hit.data() - text.data());
      std::string_view found(hit.data(), hit.size());
      if (!c.rule.valid || c.rule.valid(found)) {
        out.push_back(Span{start, start + hit.size(), c.rule.type, c.rule.confidence});
      }
      size_t whole_end = static_cast<size_t>(whole.data() - text.data()) + whole.size();
      pos = whole.size() == 0 ? whole_end + 1 : whole_end;
    }
  }
}

}  // namespace reilu::redact
