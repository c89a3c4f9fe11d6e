// Build step: writes the default engine's pattern scan (PatternScan::Serialized) to the file named
// by its argument, which prebuilt_scan.cc builds into the programs, so that none compiles it at
// run time.
#include <cstdio>
#include <fstream>

#include "redact/regex_recognizer.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: reilu_pattern_scan_gen OUTPUT\n");
    return 2;
  }
  const std::string bytes = reilu::redact::PatternScan::Serialized(reilu::redact::MakePatternRecognizer()->Patterns());
  std::ofstream out(argv[1], std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return out ? 0 : 1;
}
