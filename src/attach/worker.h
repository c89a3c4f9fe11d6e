// Where untrusted files are parsed: a separate process, `reilu-attach-worker`, started for each
// file with a CPU-time and memory limit and killed when it overruns its wall-clock time. A file
// that crashes or stalls the parser costs one child process, never the server.
#pragma once

#include <chrono>
#include <filesystem>

#include "attach/attachment.h"

namespace reilu::attach {

class WorkerConverter final : public AttachmentConverter {
 public:
  explicit WorkerConverter(std::filesystem::path worker, std::chrono::milliseconds timeout = std::chrono::seconds(30))
      : worker_(std::move(worker)), timeout_(timeout) {}
  Result<Extracted> Extract(std::string_view bytes) const override;
  Result<std::string> Render(std::string_view original, const std::vector<Cover>& covers,
                             const RenditionOptions& words) const override;
  Result<std::string> PagePicture(std::string_view original, int page) const override;

 private:
  Result<std::string> Run(const char* command, std::string_view input) const;
  std::filesystem::path worker_;
  std::chrono::milliseconds timeout_;
};

// The same in this process: for tests of the formats and the fuzzer only.
class InProcessConverter final : public AttachmentConverter {
 public:
  Result<Extracted> Extract(std::string_view bytes) const override { return attach::Extract(bytes); }
  Result<std::string> Render(std::string_view original, const std::vector<Cover>& covers,
                             const RenditionOptions& words) const override;
  Result<std::string> PagePicture(std::string_view original, int page) const override {
    return RenderPagePicture(original, page);
  }
};

// `reilu-attach-worker` beside the running executable.
std::filesystem::path WorkerBesideThisProgram();

// The worker's side of the protocol (worker_main.cc): reads stdin, answers on stdout.
int RunWorker(const char* command);

}  // namespace reilu::attach
