// Content-coding for responses built at run time (the UI's files are compressed at build time).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "http/http.h"

namespace reilu::http {

// Smaller bodies go as they are: the gzip header and the work cost more than they save.
inline constexpr std::size_t kMinCompressedBody = 1024;

// Whether the client takes `coding` (a plain token match in Accept-Encoding; "q=0" refusals are
// not sent by browsers for gzip or br).
bool AcceptsEncoding(const Request& req, std::string_view coding);

// `body` as a gzip member (RFC 1952), at zlib's default level.
std::string Gzip(std::string_view body);

// Answers with a gzip body when the client takes it and the body is worth it; marks the answer as
// varying by Accept-Encoding either way. `compressed` gives the gzip bytes, kept and shared (so a
// caller compresses once); it is asked only when they are used.
template <typename Compressed>
void EncodeBody(const Request& req, Response& res, Compressed&& compressed) {
  res.headers.emplace_back("Vary", "Accept-Encoding");
  if (res.Body().size() < kMinCompressedBody || !AcceptsEncoding(req, "gzip")) return;
  res.shared_body = compressed();
  res.body.clear();
  res.headers.emplace_back("Content-Encoding", "gzip");
}

}  // namespace reilu::http
