// The trained name models, built into the binary from src/redact/models/ (one file per language,
// made by `reilu train-names`), so that the server needs no model files at run time.
#include "redact/name_model.h"

#ifdef REILU_NAME_MODEL_DIR
#define REILU_EMBED(symbol, file)                                                                                    \
  asm(".section .rodata\n.balign 16\n.global " #symbol "_begin\n" #symbol "_begin:\n.incbin \"" REILU_NAME_MODEL_DIR \
      "/" file "\"\n.global " #symbol "_end\n" #symbol "_end:\n.previous\n")
REILU_EMBED(reilu_names_fi, "names-fi.bin");
REILU_EMBED(reilu_names_sv, "names-sv.bin");
REILU_EMBED(reilu_names_en, "names-en.bin");
extern "C" const char reilu_names_fi_begin[], reilu_names_fi_end[];
extern "C" const char reilu_names_sv_begin[], reilu_names_sv_end[];
extern "C" const char reilu_names_en_begin[], reilu_names_en_end[];
#endif

namespace reilu::redact {

namespace {

std::optional<NameModel> Load(std::string_view lang) {
#ifdef REILU_NAME_MODEL_DIR
  std::string_view bytes =
      lang == "fi"
          ? std::string_view(reilu_names_fi_begin, static_cast<size_t>(reilu_names_fi_end - reilu_names_fi_begin))
      : lang == "sv"
          ? std::string_view(reilu_names_sv_begin, static_cast<size_t>(reilu_names_sv_end - reilu_names_sv_begin))
          : std::string_view(reilu_names_en_begin, static_cast<size_t>(reilu_names_en_end - reilu_names_en_begin));
  return NameModel::Parse(bytes);
#else
  (void)lang;
  return std::nullopt;
#endif
}

}  // namespace

const NameModel* NameModel::Builtin(std::string_view lang) {
  static const std::optional<NameModel> fi = Load("fi"), sv = Load("sv"), en = Load("en");
  const auto& m = lang == "fi" ? fi : lang == "sv" ? sv : en;
  return m ? &*m : nullptr;
}

}  // namespace reilu::redact
