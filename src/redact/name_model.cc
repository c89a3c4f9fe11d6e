#include "redact/name_model.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <unordered_map>

#include "redact/text_util.h"

namespace reilu::redact {

namespace {

constexpr std::uint32_t kBuckets = 1u << NameModel::kBits;

std::uint64_t Fnv(std::uint64_t h, std::string_view s) {
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

constexpr std::uint64_t kFnvStart = 14695981039346656037ull;

std::uint64_t WordHash(std::string_view s) { return Fnv(kFnvStart, s); }

// What the word lists are kept under: the hash of the folded word (folded in a buffer per thread,
// as the lists are asked about most words of a text).
std::uint64_t FoldedHash(std::string_view word) {
  thread_local std::string folded;
  FoldInto(word, folded);
  return WordHash(folded);
}

bool IsLowerAt(std::string_view w, size_t i) {
  auto c = static_cast<unsigned char>(w[i]);
  if (c >= 'a' && c <= 'z') return true;
  return c >= 0x80 && !IsCapitalAt(w, i) && (c & 0xC0) != 0x80;  // other letters count as lower case
}

// "Virtanen" → "Xx", "AB-123" → "X-d", "e-mail" → "x-x": character classes, repeats collapsed, at
// most eight. Written into `out` (no allocation: it is asked of every token near a candidate).
std::string_view Shape(std::string_view w, char (&out)[8]) {
  size_t n = 0;
  for (size_t i = 0; i < w.size(); ++i) {
    auto c = static_cast<unsigned char>(w[i]);
    if ((c & 0xC0) == 0x80) continue;  // continuation byte
    char k;
    if (c < 0x80) {  // most characters: no decoding
      k = c >= 'A' && c <= 'Z' ? 'X' : c >= 'a' && c <= 'z' ? 'x' : c >= '0' && c <= '9' ? 'd' : static_cast<char>(c);
    } else {
      k = IsCapitalAt(w, i) ? 'X' : IsLowerAt(w, i) ? 'x' : static_cast<char>(c);
    }
    if (n == 0 || out[n - 1] != k) out[n++] = k;
    if (n >= 8) break;
  }
  return std::string_view(out, n);
}

bool AllCaps(std::string_view w) {
  bool any = false;
  for (size_t i = 0; i < w.size(); ++i) {
    if (IsLowerAt(w, i)) return false;
    any = any || IsCapitalAt(w, i);
  }
  return any;
}

// The last `n` characters (not bytes) of `w`.
std::string_view Suffix(std::string_view w, size_t n) {
  size_t i = w.size();
  while (i > 0 && n > 0) {
    --i;
    if ((static_cast<unsigned char>(w[i]) & 0xC0) != 0x80) --n;
  }
  return w.substr(i);
}

std::string_view Prefix(std::string_view w, size_t n) {
  size_t i = 0;
  while (i < w.size() && n > 0) {
    ++i;
    while (i < w.size() && (static_cast<unsigned char>(w[i]) & 0xC0) == 0x80) ++i;
    --n;
  }
  return w.substr(0, i);
}

bool EndsSentence(std::string_view token) {
  return token == "." || token == "!" || token == "?" || token == ":" || token == "\"" || token == "-" ||
         token == "*" || token == "•" || token == "|";
}

std::uint64_t ClassCodeHash(const WordClasses& c) {
  char code[4] = {'.', '.', '.', '.'};
  if (c.first_name) code[0] = 'F';
  if (c.surname) code[1] = 'S';
  if (c.place) code[2] = 'P';
  if (c.other) code[3] = 'O';
  return WordHash(std::string_view(code, 4));
}

char DictCode(WordKnowledge::Dictionary d) {
  switch (d) {
    case WordKnowledge::Dictionary::kCommon:
      return 'C';
    case WordKnowledge::Dictionary::kProper:
      return 'P';
    case WordKnowledge::Dictionary::kUnknown:
      return 'U';
    case WordKnowledge::Dictionary::kNotAsked:
      return '-';
  }
  return '-';
}

std::uint32_t Bucket(std::uint64_t h) { return static_cast<std::uint32_t>(h >> (64 - NameModel::kBits)); }

// Latin-1 (the Swedish word list) to UTF-8.
std::string Latin1ToUtf8(std::string_view s) {
  std::string out;
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

void Put32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

}  // namespace

Tokens Tokenize(std::string_view text) { return Tokenize(text, SplitWords(text)); }

Tokens Tokenize(std::string_view text, const std::vector<Word>& words) {
  Tokens out;
  // About one token in five bytes of a letter: growing the vectors costs page faults and copies.
  out.tokens.reserve(text.size() / 4 + 16);
  out.line_break_before.reserve(text.size() / 4 + 16);
  size_t previous_end = 0;
  auto push = [&](size_t start, size_t end) {
    bool line_break = text.substr(previous_end, start - previous_end).find('\n') != std::string_view::npos;
    out.tokens.push_back(Token{start, end});
    out.line_break_before.push_back(line_break);
    previous_end = end;
  };
  for (const auto& w : words) {
    for (size_t i = previous_end; i < w.start; ++i) {
      auto c = static_cast<unsigned char>(text[i]);
      if (c > ' ') push(i, i + 1);
    }
    push(w.start, w.end);
  }
  for (size_t i = previous_end; i < text.size(); ++i) {
    if (static_cast<unsigned char>(text[i]) > ' ') push(i, i + 1);
  }
  return out;
}

bool StartsSentence(std::string_view text, const Tokens& tokens, size_t i) {
  if (i == 0 || tokens.line_break_before[i]) return true;
  const Token& p = tokens.tokens[i - 1];
  return EndsSentence(text.substr(p.start, p.end - p.start));
}

// ---- WordKnowledge ----------------------------------------------------------------------------

namespace {

std::uint64_t NonZero(std::uint64_t h) { return h == 0 ? 1 : h; }

}  // namespace

WordKnowledge::HashSet::HashSet(const std::vector<std::uint64_t>& hashes) {
  size_t size = 16;
  while (size < 2 * hashes.size()) size *= 2;  // at most half full: short probes
  slots_.assign(size, 0);
  for (std::uint64_t h : hashes) {
    h = NonZero(h);
    for (size_t i = h & (size - 1);; i = (i + 1) & (size - 1)) {
      if (slots_[i] == h) break;
      if (slots_[i] == 0) {
        slots_[i] = h;
        ++count_;
        break;
      }
    }
  }
}

bool WordKnowledge::HashSet::Contains(std::uint64_t h) const {
  if (count_ == 0) return false;
  h = NonZero(h);
  const size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    if (slots_[i] == h) return true;
    if (slots_[i] == 0) return false;
  }
}

WordKnowledge::WordKnowledge(std::string_view lang) {
  std::vector<std::uint64_t> common, proper, titled;
  std::vector<std::string> files;
  if (lang == "en") files = {"/usr/share/dict/american-english", "/usr/share/dict/british-english"};
  if (lang == "sv") files = {"/usr/share/dict/swedish"};
  for (const auto& path : files) {
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) {
      if (line.empty()) continue;
      if (lang == "sv") line = Latin1ToUtf8(line);
      if (auto apostrophe = line.find('\''); apostrophe != std::string::npos) continue;  // "Muskegon's"
      std::string folded = Fold(line);
      bool capital = StartsWithCapital(line);
      (capital ? proper : common).push_back(WordHash(folded));
      // Written like a name: a capital, then lower case ("Obama", not "API" or "McDonald").
      if (capital && folded.substr(1) == line.substr(1)) titled.push_back(WordHash(folded));
    }
  }
  common_ = HashSet(common);
  proper_ = HashSet(proper);
  titled_ = HashSet(titled);
  morphology_ = lang == "fi" ? FinnishMorphology() : SwedishEnglishNameLexicon();
}

const WordKnowledge& WordKnowledge::For(std::string_view lang) {
  static const WordKnowledge fi("fi"), sv("sv"), en("en");
  return lang == "sv" ? sv : lang == "en" ? en : fi;
}

WordKnowledge::Dictionary WordKnowledge::Lookup(std::string_view word) const {
  if (common_.empty() && proper_.empty()) return Dictionary::kNotAsked;  // no fold for nothing to ask
  return LookupFolded(FoldedHash(word));
}

bool WordKnowledge::CommonInAnyLanguage(std::string_view word) {
  // Asked of most lower-case words of a Swedish or English text: no lookup of the languages by
  // name, and the word folded once.
  static const WordKnowledge* const kAll[] = {&For("fi"), &For("sv"), &For("en")};
  const std::uint64_t h = FoldedHash(word);
  for (const WordKnowledge* knowledge : kAll) {
    if (knowledge->LookupFolded(h) == Dictionary::kCommon) return true;
  }
  return false;
}

bool WordKnowledge::GivenNameInAnyLanguage(std::string_view lower) {
  if (lower.empty() || lower[0] < 'a' || lower[0] > 'z') return false;
  std::string word;
  CapitaliseInto(lower, word);
  for (const char* lang : {"fi", "sv", "en"}) {
    if (For(lang).Classes(word).first_name) return true;
  }
  return false;
}

WordKnowledge::Dictionary WordKnowledge::LookupFolded(std::uint64_t h) const {
  if (common_.empty() && proper_.empty()) return Dictionary::kNotAsked;
  if (common_.Contains(h)) return Dictionary::kCommon;
  if (proper_.Contains(h)) return Dictionary::kProper;
  return Dictionary::kUnknown;
}

bool WordKnowledge::ProperToo(std::string_view word) const { return proper_.Contains(FoldedHash(word)); }

bool WordKnowledge::NameOnly(std::string_view word) const {
  std::uint64_t h = FoldedHash(word);
  return titled_.Contains(h) && !common_.Contains(h);
}

WordClasses WordKnowledge::Classes(std::string_view word) const {
  return morphology_ ? morphology_->Classify(word) : WordClasses{};
}

// ---- Features ---------------------------------------------------------------------------------

namespace {

// Features are combinations of per-token string hashes and the template's number, mixed by
// multiply-xorshift: each string is hashed once per token, however many features use it.
std::uint32_t Combine(std::uint64_t id, std::uint64_t a, std::uint64_t b = 0) {
  std::uint64_t x = a + ((b << 23) | (b >> 41)) * 0x9E3779B97F4A7C15ull + id * 0xC2B2AE3D27D4EB4Full;
  x ^= x >> 29;
  x *= 0xBF58476D1CE4E5B9ull;
  x ^= x >> 32;
  return Bucket(x * 0x94D049BB133111EBull);
}

struct TokenHashes {
  std::uint64_t word, shape, suffix[4], prefix2, prefix3, classes, dict, position;
};

// What the features know of a word whatever its place (all but `position`): its folded form's
// hashes and what the dictionaries say. Most tokens near a candidate are the same few words and
// marks (",", "ja", "the"), and a name met once comes again: each thread remembers the words it
// has read, per language, and forgets them all when there are many.
class WordHashMemo {
 public:
  static WordHashMemo& ForThread(const WordKnowledge& knowledge) {
    thread_local std::vector<std::pair<const WordKnowledge*, std::unique_ptr<WordHashMemo>>> memos;
    for (auto& [owner, memo] : memos) {
      if (owner == &knowledge) return *memo;
    }
    return *memos.emplace_back(&knowledge, std::make_unique<WordHashMemo>()).second;
  }
  // The word's hashes, computed by `make` the first time.
  template <typename Make>
  const TokenHashes& Get(std::string_view word, Make&& make) {
    if (auto it = words_.find(word); it != words_.end()) return it->second;
    if (words_.size() >= kLimit) words_.clear();
    return words_.emplace(std::string(word), make()).first->second;
  }

 private:
  static constexpr size_t kLimit = 1 << 14;  // about 2.5 MB per language and thread
  std::unordered_map<std::string, TokenHashes, StringHash, std::equal_to<>> words_;
};

}  // namespace

NameFeatures::NameFeatures(std::string_view text, const Tokens& tokens, const WordKnowledge& knowledge,
                           const std::vector<bool>* wanted)
    : size_(tokens.tokens.size()) {
  const size_t n = size_;
  auto is_wanted = [&](size_t i) { return !wanted || (*wanted)[i]; };
  // Only the wanted tokens and their two neighbours on each side are read below: the others'
  // strings are never hashed (most words of a letter are lower-case and far from any name), and
  // nothing is kept per token that is not read: a 1 MB text has 250 000 tokens, and arrays of
  // all of them cost more in page faults than the features themselves.
  constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
  std::vector<std::uint32_t> hash_slot(n, kNone);
  std::vector<TokenHashes> h;
  std::string lower;  // one buffer for every token's folded form
  WordHashMemo& memo = WordHashMemo::ForThread(knowledge);
  auto of_word = [&](std::string_view w) {
    FoldInto(w, lower);
    TokenHashes t{};
    t.word = WordHash(lower);
    char shape[8];
    t.shape = WordHash(Shape(w, shape));
    for (size_t k = 0; k < 4; ++k) t.suffix[k] = WordHash(Suffix(lower, k + 1));
    t.prefix2 = WordHash(Prefix(lower, 2));
    t.prefix3 = WordHash(Prefix(lower, 3));
    // Dictionaries and morphology are asked about capitalised words only: that is where a name
    // hides, and it keeps the per-word cost low.
    if (StartsWithCapital(w) && w.size() >= 2) {
      t.classes = ClassCodeHash(knowledge.Classes(w));
      t.dict = static_cast<std::uint64_t>(DictCode(knowledge.LookupFolded(t.word)));
    } else {
      t.classes = WordHash("-");
      t.dict = '-';
    }
    t.dict += AllCaps(w) ? 256 : 0;
    return t;
  };
  auto hashes = [&](size_t i) -> const TokenHashes& {
    std::uint32_t& slot = hash_slot[i];
    if (slot != kNone) return h[slot];
    slot = static_cast<std::uint32_t>(h.size());
    std::string_view w = text.substr(tokens.tokens[i].start, tokens.tokens[i].end - tokens.tokens[i].start);
    TokenHashes& t = h.emplace_back(memo.Get(w, [&] { return of_word(w); }));
    t.position = StartsSentence(text, tokens, i) ? 1 : 2;
    return t;
  };
  slot_.assign(wanted ? n : 0, kNone);
  const size_t count = wanted ? static_cast<size_t>(std::count(wanted->begin(), wanted->end(), true)) : n;
  // Each wanted token hashes itself and at most four neighbours: with room for all of them the
  // vector never moves, and the references below stay valid.
  h.reserve(std::min(n, 5 * count));
  static_.reserve(count * kStaticFeatures);
  shape_hash_.reserve(count);
  const TokenHashes none{WordHash("<none>"), WordHash("<none>"), {1, 2, 3, 4}, 5, 6, 7, 8, 9};
  for (size_t i = 0; i < n; ++i) {
    if (!is_wanted(i)) continue;
    if (wanted) slot_[i] = static_cast<std::uint32_t>(shape_hash_.size());
    const TokenHashes& t = hashes(i);
    const TokenHashes& p1 = i >= 1 ? hashes(i - 1) : none;
    const TokenHashes& p2 = i >= 2 ? hashes(i - 2) : none;
    const TokenHashes& n1 = i + 1 < n ? hashes(i + 1) : none;
    const TokenHashes& n2 = i + 2 < n ? hashes(i + 2) : none;
    shape_hash_.push_back(t.shape);
    static_.resize(static_.size() + kStaticFeatures);
    std::uint32_t* f = &static_[static_.size() - kStaticFeatures];
    f[0] = Combine(0, 0);
    f[1] = Combine(1, t.word);
    for (size_t k = 0; k < 4; ++k) f[2 + k] = Combine(2 + k, t.suffix[k]);
    f[6] = Combine(6, t.prefix2);
    f[7] = Combine(7, t.prefix3);
    f[8] = Combine(8, t.shape);
    f[9] = Combine(9, t.shape, t.position);
    f[10] = Combine(10, t.classes);
    f[11] = Combine(11, t.classes, t.position);
    f[12] = Combine(12, t.dict);
    f[13] = Combine(13, t.dict, t.position);
    f[14] = Combine(14, t.dict, t.classes);
    f[15] = Combine(15, p1.word);
    f[16] = Combine(16, p2.word);
    f[17] = Combine(17, n1.word);
    f[18] = Combine(18, n2.word);
    f[19] = Combine(19, p1.shape, t.shape);
    f[20] = Combine(20, n1.shape, t.shape);
    f[21] = Combine(21, p1.classes, t.classes);
    f[22] = Combine(22, n1.classes, t.classes);
    f[23] = Combine(23, p1.dict, t.dict);
    f[24] = Combine(24, n1.dict, t.dict);
    f[25] = Combine(25, p1.word, t.shape);
    f[26] = Combine(26, n1.word, t.shape);
    f[27] = Combine(27, p1.suffix[2], t.shape);
    f[28] = Combine(28, n1.suffix[2], t.classes);
  }
}

void NameFeatures::WithPrevious(size_t i, bool previous_is_name, std::vector<std::uint32_t>& out) const {
  const size_t slot = slot_.empty() ? i : slot_[i];
  out.assign(static_.begin() + static_cast<std::ptrdiff_t>(slot * kStaticFeatures),
             static_.begin() + static_cast<std::ptrdiff_t>((slot + 1) * kStaticFeatures));
  std::uint64_t label = i == 0 ? 0 : previous_is_name ? 1 : 2;
  out.push_back(Combine(100, label));
  out.push_back(Combine(101, label, shape_hash_[slot]));
}

// ---- Model ------------------------------------------------------------------------------------

namespace {

// "reilu-names 1 <lang> <bits> <scale> <threshold> <count>\n", then <count> pairs of a 32-bit
// bucket and a 16-bit weight, little-endian, by bucket. Floats are written in hex: exact.
constexpr std::string_view kMagic = "reilu-names";

}  // namespace

std::string NameModel::Serialize() const {
  std::uint32_t count = 0;
  for (auto w : weights_) count += w != 0;
  char header[256];
  std::snprintf(header, sizeof header, "%s 1 %s %d %a %a %u\n", kMagic.data(), lang_.c_str(), kBits,
                static_cast<double>(scale_), static_cast<double>(threshold_), count);
  std::string out = header;
  for (std::uint32_t i = 0; i < weights_.size(); ++i) {
    if (weights_[i] == 0) continue;
    Put32(out, i);
    auto w = static_cast<std::uint16_t>(weights_[i]);
    out += static_cast<char>(w & 0xFF);
    out += static_cast<char>(w >> 8);
  }
  return out;
}

std::optional<NameModel> NameModel::Parse(std::string_view bytes) {
  size_t newline = bytes.find('\n');
  if (newline == std::string_view::npos || newline > 200) return std::nullopt;
  std::string header(bytes.substr(0, newline));
  char magic[32], lang[8];
  int version = 0, bits = 0;
  double scale = 0, threshold = 0;
  unsigned count = 0;
  if (std::sscanf(header.c_str(), "%31s %d %7s %d %la %la %u", magic, &version, lang, &bits, &scale, &threshold,
                  &count) != 7) {
    return std::nullopt;
  }
  if (kMagic != magic || version != 1 || bits != kBits) return std::nullopt;
  std::string_view body = bytes.substr(newline + 1);
  if (body.size() != static_cast<size_t>(count) * 6) return std::nullopt;
  NameModel m;
  m.lang_ = lang;
  m.scale_ = static_cast<float>(scale);
  m.threshold_ = static_cast<float>(threshold);
  m.weights_.assign(kBuckets, 0);
  for (size_t k = 0; k < count; ++k) {
    const auto* p = reinterpret_cast<const unsigned char*>(body.data() + 6 * k);
    std::uint32_t index = p[0] | (p[1] << 8) | (p[2] << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
    if (index >= kBuckets) return std::nullopt;
    m.weights_[index] = static_cast<std::int16_t>(static_cast<std::uint16_t>(p[4] | (p[5] << 8)));
  }
  return m;
}

std::vector<float> NameModel::Score(std::string_view text, const Tokens& tokens, const WordKnowledge& knowledge,
                                    const std::vector<bool>* wanted) const {
  NameFeatures features(text, tokens, knowledge, wanted);
  std::vector<float> scores(features.size(), std::numeric_limits<float>::lowest());
  std::vector<std::uint32_t> f;
  bool previous = false;
  for (size_t i = 0; i < features.size(); ++i) {
    if (wanted && !(*wanted)[i]) {
      previous = false;
      continue;
    }
    features.WithPrevious(i, previous, f);
    std::int32_t sum = 0;
    for (auto b : f) sum += weights_[b];
    scores[i] = static_cast<float>(sum) * scale_;
    previous = scores[i] > threshold_;
  }
  return scores;
}

// ---- Corpora and training ---------------------------------------------------------------------

std::vector<LabelledSentence> ReadConll(const std::string& path) {
  std::vector<LabelledSentence> out;
  std::ifstream in(path);
  LabelledSentence current;
  auto flush = [&] {
    if (current.words.empty()) return;
    out.push_back(std::move(current));
    current = {};
  };
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    size_t split = line.find_last_of(" \t");
    // A blank line (or one of only spaces and tabs) ends a sentence.
    if (line.find_first_not_of(" \t") == std::string::npos || split == std::string::npos) {
      flush();
      continue;
    }
    std::string word = line.substr(0, line.find_first_of(" \t"));
    std::string tag = line.substr(split + 1);
    if (word == "-DOCSTART-") {
      flush();
      current.starts_document = true;
      continue;
    }
    // Soft hyphens and other invisible characters in the corpora are not part of a word.
    for (std::string_view invisible : {"\xC2\xAD", "\xE2\x80\x8B"}) {
      for (size_t at = word.find(invisible); at != std::string::npos; at = word.find(invisible)) {
        word.erase(at, invisible.size());
      }
    }
    if (word.empty()) continue;
    if (tag.size() > 2 && (tag.rfind("B-", 0) == 0 || tag.rfind("I-", 0) == 0)) tag = tag.substr(2);
    current.words.push_back(word);
    current.person.push_back(tag == "PER" || tag == "person");
  }
  flush();
  return out;
}

void MentionCounts::Add(const std::vector<bool>& gold, const std::vector<bool>& marked) {
  for (size_t i = 0; i < gold.size(); ++i) {
    predicted += marked[i];
    correct += marked[i] && gold[i];
  }
  for (size_t i = 0; i < gold.size();) {
    if (!gold[i]) {
      ++i;
      continue;
    }
    bool whole = true;
    size_t j = i;
    for (; j < gold.size() && gold[j]; ++j) whole = whole && marked[j];
    ++mentions;
    found += whole;
    i = j;
  }
}

std::optional<CorpusSplit> LoadCorpus(const std::string& dir, std::string_view lang) {
  CorpusSplit split;
  if (lang == "fi") {
    split.train = ReadConll(dir + "/fi/turku-ner.train.tsv");
    split.dev = ReadConll(dir + "/fi/turku-ner.dev.tsv");
  } else if (lang == "en") {
    split.train = ReadConll(dir + "/en/wnut17.train.conll");
    split.dev = ReadConll(dir + "/en/wnut17.dev.conll");
  } else if (lang == "sv") {
    // No development split is published: the last tenth of the training file is ours.
    auto all = ReadConll(dir + "/sv/webbnyheter2012.train.txt");
    size_t cut = all.size() - all.size() / 10;
    split.dev.assign(all.begin() + static_cast<std::ptrdiff_t>(cut), all.end());
    all.resize(cut);
    split.train = std::move(all);
  }
  if (split.train.empty() || split.dev.empty()) return std::nullopt;
  return split;
}

std::string JoinSentence(const LabelledSentence& s, Tokens& tokens) {
  std::string text;
  tokens = {};
  for (const auto& w : s.words) {
    if (!text.empty()) text += ' ';
    tokens.tokens.push_back(Token{text.size(), text.size() + w.size()});
    tokens.line_break_before.push_back(false);
    text += w;
  }
  return text;
}

namespace {

struct Prepared {
  std::vector<NameFeatures> features;
  std::vector<std::vector<bool>> gold;
};

Prepared Prepare(std::string_view lang, const std::vector<LabelledSentence>& sentences, size_t from, size_t to) {
  Prepared p;
  const WordKnowledge& knowledge = WordKnowledge::For(lang);
  for (size_t k = from; k < to; ++k) {
    Tokens tokens;
    std::string text = JoinSentence(sentences[k], tokens);
    p.features.emplace_back(text, tokens, knowledge);
    p.gold.push_back(sentences[k].person);
  }
  return p;
}

MentionCounts Decode(const Prepared& p, const std::vector<double>& weights, double threshold) {
  MentionCounts c;
  std::vector<std::uint32_t> f;
  for (size_t s = 0; s < p.features.size(); ++s) {
    const auto& gold = p.gold[s];
    std::vector<bool> predicted(gold.size());
    bool previous = false;
    for (size_t i = 0; i < gold.size(); ++i) {
      p.features[s].WithPrevious(i, previous, f);
      double sum = 0;
      for (auto b : f) sum += weights[b];
      predicted[i] = previous = sum > threshold;
    }
    c.Add(gold, predicted);
  }
  return c;
}

}  // namespace

NameModel TrainNameModel(std::string_view lang, const std::vector<LabelledSentence>& sentences,
                         const TrainingOptions& options) {
  const size_t held_from =
      sentences.size() - static_cast<size_t>(static_cast<double>(sentences.size()) * options.held_out);
  Prepared train = Prepare(lang, sentences, 0, held_from);
  Prepared held = Prepare(lang, sentences, held_from, sentences.size());

  // Averaged perceptron with integer updates, so training gives the same bytes on every machine:
  // w is the current weight, u the sum of (step × update), and the average is w - u / steps.
  std::vector<std::int32_t> w(kBuckets, 0);
  std::vector<std::int64_t> u(kBuckets, 0);
  std::int64_t step = 1;
  std::vector<size_t> order(train.features.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::mt19937_64 rng(20261125);
  std::vector<std::uint32_t> f;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    for (size_t k = order.size(); k > 1; --k) std::swap(order[k - 1], order[rng() % k]);  // Fisher–Yates
    for (size_t s : order) {
      const auto& gold = train.gold[s];
      bool previous = false;
      for (size_t i = 0; i < gold.size(); ++i) {
        train.features[s].WithPrevious(i, previous, f);
        std::int64_t sum = 0;
        for (auto b : f) sum += w[b];
        bool predicted = sum > 0;
        if (predicted != gold[i]) {
          int y = gold[i] ? 1 : -1;
          for (auto b : f) {
            w[b] += y;
            u[b] += step * y;
          }
        }
        previous = predicted;
        ++step;
      }
    }
  }
  std::vector<double> averaged(kBuckets);
  double largest = 0;
  for (size_t b = 0; b < kBuckets; ++b) {
    averaged[b] = static_cast<double>(w[b]) - static_cast<double>(u[b]) / static_cast<double>(step);
    largest = std::max(largest, std::fabs(averaged[b]));
  }
  NameModel model;
  model.lang_ = std::string(lang);
  model.scale_ = static_cast<float>(largest > 0 ? largest / 32767.0 : 1.0);
  model.weights_.assign(kBuckets, 0);
  std::vector<double> quantised(kBuckets);
  for (size_t b = 0; b < kBuckets; ++b) {
    model.weights_[b] = static_cast<std::int16_t>(std::lround(averaged[b] / static_cast<double>(model.scale_)));
    quantised[b] = model.weights_[b] * static_cast<double>(model.scale_);
  }
  // Names are a recall problem: the threshold is the highest one at which the held-out sentences
  // reach the target recall (at most a set distance below zero, where precision collapses).
  double chosen = 0;
  MentionCounts at_zero = Decode(held, quantised, 0);
  if (at_zero.mentions > 0 && at_zero.Recall() < options.target_recall) {
    for (double t = -largest / 200; t >= -largest * 2; t -= largest / 200) {
      MentionCounts c = Decode(held, quantised, t);
      if (c.Precision() < options.min_precision) break;
      chosen = t;
      if (c.Recall() >= options.target_recall) break;
    }
  }
  model.threshold_ = static_cast<float>(chosen);
  return model;
}

}  // namespace reilu::redact
