// Quality metrics of the engine on labelled documents (the corpus JSONL format), shared by the
// bench/redact tool and the regression test.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "redact/name_model.h"
#include "redact/redact.h"

namespace reilu::redact {

struct LabelledSpan {
  size_t start, end;
  std::string type;
};

struct LabelledDoc {
  std::string id, lang, text;
  std::vector<std::string> names;  // the applicant's own names, when known
  std::vector<LabelledSpan> spans;
};

// Parses one JSONL line; false when it is not a labelled document.
bool ParseLabelledDoc(std::string_view line, LabelledDoc& out);
// Every labelled document of a JSONL file (none when it cannot be read).
std::vector<LabelledDoc> LoadLabelledDocs(const std::string& path);

struct Evaluation {
  std::map<std::string, int> gold, found, predicted, predicted_correct;
  size_t clean_words = 0, clean_redacted = 0;
  // Ordinary words hidden only by spans the engine is unsure of: HR is asked to look at those
  // before release (core/redaction.h, kSureSpan), so they are the over-redaction HR can mend.
  size_t clean_redacted_unsure = 0;
  // Documents with an unsure span: they wait for HR, and bulk release leaves them out.
  size_t documents = 0, documents_needing_a_look = 0;
  std::vector<std::string> misses;           // "id TYPE: text"
  std::map<std::string, int> over_redacted;  // ordinary words that were redacted, with counts

  double Recall(const std::string& type) const;
  double Precision(const std::string& type) const;
  double DirectRecall() const;   // PERSON, ID_CODE, PHONE, EMAIL, URL, ADDRESS, POSTAL, BIRTH_DATE
  double QuasiRecall() const;    // the other cues
  double OverRedaction() const;  // share of non-identifying words redacted
};

// A gold span counts as found when every word in it is redacted.
Evaluation Evaluate(const Engine& engine, const std::vector<LabelledDoc>& docs);

// For each of `tokens` (sorted, of `text`), whether a PERSON span of the engine covers it whole:
// how the NER corpora's name mentions are scored (bench/ner and the dev-split test).
std::vector<bool> TokensInPersonSpans(const Engine& engine, std::string_view text, const std::vector<Token>& tokens,
                                      std::string_view lang);

}  // namespace reilu::redact
