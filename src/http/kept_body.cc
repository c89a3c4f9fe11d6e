#include "http/kept_body.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <atomic>

namespace reilu::http {

namespace {

std::atomic<std::size_t> g_file_bytes{0};

// A sealed in-memory file with `bytes`, or -1. Sealed so that nothing can change what is sent.
int InMemoryFile(const std::string& bytes) {
  int fd = memfd_create("reilu-kept-body", MFD_CLOEXEC | MFD_ALLOW_SEALING);
  if (fd < 0) return -1;
  std::size_t written = 0;
  while (written < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n <= 0) {
      ::close(fd);
      return -1;
    }
    written += static_cast<std::size_t>(n);
  }
  if (fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_SEAL) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

}  // namespace

KeptBody::KeptBody(std::string bytes) : bytes_(std::move(bytes)) {
  if (bytes_.size() < kMinFileSize) return;
  if (g_file_bytes.fetch_add(bytes_.size()) + bytes_.size() > kMaxFileBytes) {
    g_file_bytes.fetch_sub(bytes_.size());
    return;
  }
  file_ = InMemoryFile(bytes_);
  if (file_ < 0) g_file_bytes.fetch_sub(bytes_.size());
}

KeptBody::~KeptBody() {
  if (file_ < 0) return;
  ::close(file_);
  g_file_bytes.fetch_sub(bytes_.size());
}

}  // namespace reilu::http
