#include "http/compress.h"

#include <zlib.h>

#include <stdexcept>

namespace reilu::http {

bool AcceptsEncoding(const Request& req, std::string_view coding) {
  const std::string accepted = req.Header("accept-encoding");
  std::size_t at = 0;
  while ((at = accepted.find(coding, at)) != std::string::npos) {
    const bool starts = at == 0 || accepted[at - 1] == ' ' || accepted[at - 1] == ',';
    const std::size_t end = at + coding.size();
    const bool ends = end == accepted.size() || accepted[end] == ',' || accepted[end] == ';' || accepted[end] == ' ';
    if (starts && ends) return true;
    at = end;
  }
  return false;
}

std::string Gzip(std::string_view body) {
  z_stream z{};
  // 15 window bits + 16: a gzip wrapper instead of zlib's.
  if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("deflateInit2 failed");
  }
  std::string out(deflateBound(&z, static_cast<uLong>(body.size())) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
  z.avail_in = static_cast<uInt>(body.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int done = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  if (done != Z_STREAM_END) throw std::runtime_error("deflate did not finish");
  return out;
}

}  // namespace reilu::http
