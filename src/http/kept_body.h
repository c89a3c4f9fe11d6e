// A response body kept and shared by many responses (a page of a kept list, its gzip twin): sent
// as it is, never copied into a response. A large one also lives in an anonymous in-memory file,
// from which the server sends it with sendfile, as nginx sends a static file: the kernel then
// hands the file's pages to the socket instead of copying the bytes into it for every response.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace reilu::http {

class KeptBody {
 public:
  // Bodies smaller than this are copied: a file and a second system call cost more than they save.
  static constexpr std::size_t kMinFileSize = 16 * 1024;
  // All in-memory files together hold at most this much (they double the kept bytes); bodies kept
  // beyond it are sent by copying.
  static constexpr std::size_t kMaxFileBytes = 64u << 20;

  explicit KeptBody(std::string bytes);
  ~KeptBody();
  KeptBody(const KeptBody&) = delete;
  KeptBody& operator=(const KeptBody&) = delete;

  const std::string& bytes() const { return bytes_; }
  // The in-memory file holding the same bytes, or -1 (small, over the limit, or not available).
  int file() const { return file_; }

 private:
  std::string bytes_;
  int file_ = -1;
};

}  // namespace reilu::http
