#include <libvoikko/voikko.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "redact/morphology.h"

namespace reilu::redact {

namespace {

// libvoikko handles are not thread-safe: a small pool, one handle per concurrent caller.
class VoikkoMorphology final : public Morphology {
 public:
  ~VoikkoMorphology() override {
    for (VoikkoHandle* h : free_) voikkoTerminate(h);
  }

  bool Available() {
    VoikkoHandle* h = Acquire();
    if (!h) return false;
    Release(h);
    return true;
  }

  WordClasses Classify(std::string_view word) const override {
    // Analysis is the slow part (about 74 000 instructions a word), and names, places and
    // sentence-initial words repeat from one application to the next: one memo for every thread
    // of the server (each thread warming its own analysed the same words once per thread),
    // emptied when it grows large. In front of it each thread keeps the words it asked last, so
    // that threads working at once do not all take the memo's lock for every word.
    RecentWord& recent = RecentWords(word);
    if (recent.owner == id_ && recent.word == word) return recent.classes;
    WordClasses classes = Memoised(word);
    recent.owner = id_;
    recent.word.assign(word);
    recent.classes = classes;
    return classes;
  }

 private:
  static constexpr size_t kMemoLimit = 100000;

  // Which instance a thread's slot was filled for: an instance made later at a freed one's
  // address must not read its slots.
  static std::uint64_t NextId() {
    static std::atomic<std::uint64_t> next{1};
    return next++;
  }
  const std::uint64_t id_ = NextId();

  struct RecentWord {
    std::uint64_t owner = 0;
    std::string word;
    WordClasses classes;
  };

  // This thread's slot for `word`: a table of 4 096 words, a word in the slot its hash gives.
  static RecentWord& RecentWords(std::string_view word) {
    static constexpr size_t kSlots = 4096;
    thread_local std::vector<RecentWord> slots(kSlots);
    return slots[StringHash{}(word) & (kSlots - 1)];
  }

  WordClasses Memoised(std::string_view word) const {
    {
      std::shared_lock lock(memo_mutex_);
      if (auto it = memo_.find(word); it != memo_.end()) return it->second;
    }
    std::string key(word);
    WordClasses classes = Analyze(key);
    // Voikko reads a double first name as a place ("Anna-Mari", "Anna-Liisalle"): when every
    // part is a first name (the last in any case), so is the whole.
    if (!classes.first_name && key.find('-') != std::string::npos && FirstNameParts(key)) classes.first_name = true;
    std::unique_lock lock(memo_mutex_);
    if (memo_.size() > kMemoLimit) memo_.clear();
    memo_.emplace(std::move(key), classes);
    return classes;
  }

  bool FirstNameParts(const std::string& w) const {
    size_t start = 0, parts = 0;
    while (start <= w.size()) {
      size_t end = std::min(w.find('-', start), w.size());
      if (end == start || !Analyze(w.substr(start, end - start)).first_name) return false;
      ++parts;
      start = end + 1;
    }
    return parts >= 2;
  }

  WordClasses Analyze(const std::string& w) const {
    WordClasses classes;
    bool common = false, proper = false;
    auto* self = const_cast<VoikkoMorphology*>(this);
    VoikkoHandle* h = self->Acquire();
    if (!h) return classes;
    voikko_mor_analysis** analyses = voikkoAnalyzeWordCstr(h, w.c_str());
    for (size_t i = 0; analyses && analyses[i]; ++i) {
      if (char* form = voikko_mor_analysis_value_cstr(analyses[i], "SIJAMUOTO")) {
        classes.nominative = classes.nominative || std::strcmp(form, "nimento") == 0;
        voikko_free_mor_analysis_value_cstr(form);
      }
      char* cls = voikko_mor_analysis_value_cstr(analyses[i], "CLASS");
      if (!cls) {
        classes.other = common = true;
        continue;
      }
      if (std::strcmp(cls, "etunimi") == 0) {
        classes.first_name = true;
      } else if (std::strcmp(cls, "sukunimi") == 0) {
        classes.surname = true;
      } else if (std::strcmp(cls, "paikannimi") == 0) {
        classes.place = true;
      } else {
        classes.other = true;
        classes.verb = classes.verb || std::strcmp(cls, "teonsana") == 0;
        (std::strcmp(cls, "nimi") == 0 ? proper : common) = true;
      }
      voikko_free_mor_analysis_value_cstr(cls);
    }
    if (analyses) voikko_free_mor_analysis(analyses);
    self->Release(h);
    classes.other_only_proper = proper && !common;
    return classes;
  }

  VoikkoHandle* Acquire() {
    {
      std::lock_guard lock(mutex_);
      if (!free_.empty()) {
        VoikkoHandle* h = free_.back();
        free_.pop_back();
        return h;
      }
    }
    const char* error = nullptr;
    return voikkoInit(&error, "fi", nullptr);
  }
  void Release(VoikkoHandle* h) {
    std::lock_guard lock(mutex_);
    free_.push_back(h);
  }

  std::mutex mutex_;
  std::vector<VoikkoHandle*> free_;
  mutable std::shared_mutex memo_mutex_;
  mutable std::unordered_map<std::string, WordClasses, StringHash, std::equal_to<>> memo_;
};

}  // namespace

const Morphology* FinnishMorphology() {
  static VoikkoMorphology* instance = [] {
    auto* m = new VoikkoMorphology();  // lives for the process: recognizers keep pointers to it
    if (!m->Available()) {
      delete m;
      return static_cast<VoikkoMorphology*>(nullptr);
    }
    return m;
  }();
  return instance;
}

}  // namespace reilu::redact
