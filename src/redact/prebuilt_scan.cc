// The default engine's pattern scan as the build compiled it (reilu_pattern_scan_gen), built into
// the program; pattern_scan.cc reads it if it is of the program's patterns and fits the CPU.
#include <cstddef>

asm(".section .rodata\n.balign 16\n.global reilu_pattern_scan_begin\nreilu_pattern_scan_begin:\n.incbin "
    "\"" REILU_PATTERN_SCAN "\"\n.global reilu_pattern_scan_end\nreilu_pattern_scan_end:\n.previous");

extern "C" const char reilu_pattern_scan_begin[];
extern "C" const char reilu_pattern_scan_end[];

extern "C" const char* reilu_prebuilt_pattern_scan(size_t* size) {
  *size = static_cast<size_t>(reilu_pattern_scan_end - reilu_pattern_scan_begin);
  return reilu_pattern_scan_begin;
}
