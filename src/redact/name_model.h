// A learned recognizer of person names in Finnish, Swedish and English: an averaged perceptron over
// hashed token features (the word, its affixes and shape, capitalisation, position in the sentence,
// its neighbours, what dictionaries and Finnish morphology say of it, and the decision on the word
// before). Trained by `reilu train-names` from openly licensed NER corpora; the trained weights ship
// inside the binary (see NOTICE for the corpora and their licences).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "redact/morphology.h"
#include "redact/text_util.h"

namespace reilu::redact {

struct Token {
  size_t start = 0;  // byte offsets into the text, end exclusive
  size_t end = 0;
};

// Tokens as the corpora have them: words (as SplitWords finds them) and each other visible
// character on its own. `breaks[i]` is true when a line break lies between token i-1 and i.
struct Tokens {
  std::vector<Token> tokens;
  std::vector<bool> line_break_before;
};
Tokens Tokenize(std::string_view text);
// The same from the text's words as SplitWords found them.
Tokens Tokenize(std::string_view text, const std::vector<Word>& words);
// Does token i begin a sentence (the first, after a line break, or after . ! ? : " - * • |)?
bool StartsSentence(std::string_view text, const Tokens& tokens, size_t i);

// What the features know of a word besides its letters, per language: for Finnish, libvoikko's
// classes; for Swedish and English, Debian's word lists (/usr/share/dict: a lower-case entry is an
// ordinary word, a capitalised one a proper noun) and the built-in name lexicon.
class WordKnowledge {
 public:
  enum class Dictionary { kUnknown, kCommon, kProper, kNotAsked };
  // One per language, loaded on first use; "fi", "sv" or "en".
  static const WordKnowledge& For(std::string_view lang);
  Dictionary Lookup(std::string_view word) const;
  // Is the word an everyday word in any language's list (kCommon for one of them)? Folded once.
  static bool CommonInAnyLanguage(std::string_view word);
  // Whether a word written in lower case ("jussi", "maria") is a given name in any of the three
  // languages' lexicons, asked with its capital.
  static bool GivenNameInAnyLanguage(std::string_view lower);
  // The same for a word already folded and hashed as the features hash it.
  Dictionary LookupFolded(std::uint64_t folded_hash) const;
  // Is the word also listed with a capital, as a proper noun ("Trump", "Bill" beside "trump",
  // "bill")? Lookup answers kCommon for those.
  bool ProperToo(std::string_view word) const;
  // Is the word listed only as a proper noun written like a name ("Obama", "Kevin"; not "API", not
  // "bill")? Such a word in lower case is still a name ("thanks obama").
  bool NameOnly(std::string_view word) const;
  WordClasses Classes(std::string_view word) const;
  bool HasWordList() const { return !common_.empty(); }

 private:
  explicit WordKnowledge(std::string_view lang);
  // Hashes of folded words, in open addressing: a lookup reads one or two cache lines, where a
  // binary search over the 100 000 words of a list read seventeen.
  class HashSet {
   public:
    explicit HashSet(const std::vector<std::uint64_t>& hashes);
    HashSet() = default;
    bool Contains(std::uint64_t h) const;
    bool empty() const { return count_ == 0; }

   private:
    std::vector<std::uint64_t> slots_;  // 0: empty (a hash of 0 is stored as 1)
    size_t count_ = 0;
  };
  HashSet common_, proper_;
  HashSet titled_;  // proper nouns with a capital and lower case after it
  const Morphology* morphology_ = nullptr;
};

struct LabelledSentence;
struct TrainingOptions;

class NameModel {
 public:
  static constexpr int kBits = 20;  // 2^20 hashed feature buckets

  // The model shipped for `lang` ("fi", "sv", "en"), or nullptr if this build has none.
  static const NameModel* Builtin(std::string_view lang);
  // Parses the serialised form (see Serialize); nothing when it is malformed.
  static std::optional<NameModel> Parse(std::string_view bytes);
  std::string Serialize() const;

  // For each token, the score that it belongs to a person's name; tokens scoring above
  // threshold() are names. Decisions run left to right (each sees the one before).
  // `wanted`, when given, limits the work to those tokens: the others score lowest (no name) and
  // count as "not a name" for the decision after them.
  std::vector<float> Score(std::string_view text, const Tokens& tokens, const WordKnowledge& knowledge,
                           const std::vector<bool>* wanted = nullptr) const;
  float threshold() const { return threshold_; }
  const std::string& lang() const { return lang_; }

 private:
  friend NameModel TrainNameModel(std::string_view, const std::vector<LabelledSentence>&, const TrainingOptions&);
  std::string lang_;
  float scale_ = 1.0f;      // weight = stored int16 * scale
  float threshold_ = 0.0f;  // in weight units
  std::vector<std::int16_t> weights_;
};

// Feature extraction, shared by training and use: the bucket indices of every feature of token
// `i` that does not depend on earlier decisions, and those that do.
class NameFeatures {
 public:
  // Features are built for every token, or only for the `wanted` ones (the others' WithPrevious is
  // not to be called).
  NameFeatures(std::string_view text, const Tokens& tokens, const WordKnowledge& knowledge,
               const std::vector<bool>* wanted = nullptr);
  // Every feature of token i, the decision on token i-1 included.
  void WithPrevious(size_t i, bool previous_is_name, std::vector<std::uint32_t>& out) const;
  size_t size() const { return size_; }

 private:
  static constexpr size_t kStaticFeatures = 29;
  size_t size_ = 0;                        // tokens
  std::vector<std::uint32_t> slot_;        // token -> its features' place (empty: every token, in order)
  std::vector<std::uint32_t> static_;      // kStaticFeatures per wanted token
  std::vector<std::uint64_t> shape_hash_;  // per wanted token
};

// One labelled sentence of a corpus: tokens and, per token, whether it is part of a person's name.
struct LabelledSentence {
  std::vector<std::string> words;
  std::vector<bool> person;
  bool starts_document = false;  // the first sentence after a -DOCSTART- line
};
// Reads a CoNLL-style file: one "token<whitespace>tag" per line, blank lines between sentences,
// -DOCSTART- lines mark where a document starts. A tag is a person when it is PER / person with or without B-/I-.
std::vector<LabelledSentence> ReadConll(const std::string& path);
// The corpora in ../shared/corpus/ner (see its README): training sentences and development
// sentences for `lang`; Swedish has no published development split, so its last tenth is used.
// Nothing when the files are absent. Test splits are never read.
struct CorpusSplit {
  std::vector<LabelledSentence> train, dev;
};
std::optional<CorpusSplit> LoadCorpus(const std::string& dir, std::string_view lang);
// Name mentions (runs of name tokens) found whole, and name tokens marked, summed over sentences.
struct MentionCounts {
  size_t mentions = 0, found = 0, predicted = 0, correct = 0;
  // Adds one sentence: `gold` and `marked` per token. A mention counts as found when every token
  // in it is marked.
  void Add(const std::vector<bool>& gold, const std::vector<bool>& marked);
  double Recall() const { return mentions ? static_cast<double>(found) / static_cast<double>(mentions) : 0; }
  double Precision() const { return predicted ? static_cast<double>(correct) / static_cast<double>(predicted) : 1; }
};

// The sentence as text (tokens joined by spaces) with its tokens.
std::string JoinSentence(const LabelledSentence& s, Tokens& tokens);

struct TrainingOptions {
  int epochs = 8;
  double held_out = 0.1;        // the last share of sentences, used to choose the threshold
  double target_recall = 0.98;  // the threshold is the highest that reaches this on the held-out part...
  double min_precision = 0.2;   // ...unless name precision would fall below this first
};
// Trains deterministically (same corpus, same bytes out).
NameModel TrainNameModel(std::string_view lang, const std::vector<LabelledSentence>& sentences,
                         const TrainingOptions& options);

}  // namespace reilu::redact
