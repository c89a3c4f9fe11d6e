#include "attach/worker.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>

#include "attach/wire.h"

extern char** environ;

namespace reilu::attach {

namespace {

// What the worker answers: 'R' and the result, or 'E' and an error as JSON.
constexpr char kResult = 'R';
constexpr char kError = 'E';
constexpr size_t kMaxAnswer = 128u << 20;  // a rendition of 30 pages is a few MB

Error Unreadable() {
  return MakeError(ErrorCode::kBrokenFile, "The file could not be read. It may be damaged; save it again and retry.");
}

// Only what the worker needs from the environment: no database URL, no keys.
std::vector<std::string> WorkerEnvironment() {
  std::vector<std::string> env;
  for (char** e = environ; *e; ++e) {
    std::string_view v(*e);
    for (std::string_view keep : {"PATH=", "LANG=", "HOME=", "ASAN_OPTIONS=", "LSAN_OPTIONS=", "UBSAN_OPTIONS="}) {
      if (v.starts_with(keep)) env.emplace_back(v);
    }
  }
  return env;
}

Result<std::string> Answer(const std::string& output) {
  if (output.empty()) return Unreadable();
  if (output[0] == kResult) return output.substr(1);
  if (output[0] == kError) return ErrorFromJson(std::string_view(output).substr(1));
  return Unreadable();
}

void WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    data.remove_prefix(static_cast<size_t>(n));
  }
}

}  // namespace

Result<std::string> WorkerConverter::Run(const char* command, std::string_view input) const {
  int fds[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) {
    return MakeError(ErrorCode::kInternal, "Cannot start the attachment worker.");
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], 0);
  posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
  // poppler's warnings about odd files are not the server's log.
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  std::string path = worker_.string();
  std::vector<char*> argv = {path.data(), const_cast<char*>(command), nullptr};
  std::vector<std::string> env = WorkerEnvironment();
  std::vector<char*> envp;
  for (auto& e : env) envp.push_back(e.data());
  envp.push_back(nullptr);
  pid_t pid = 0;
  int spawned = ::posix_spawn(&pid, path.c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  ::close(fds[1]);
  if (spawned != 0) {
    ::close(fds[0]);
    return MakeError(ErrorCode::kInternal, "Cannot start the attachment worker " + path + ".");
  }
  const int fd = fds[0];
  const auto deadline = std::chrono::steady_clock::now() + timeout_;
  size_t written = 0;
  bool timed_out = false;
  std::string output;
  char buffer[65536];
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    pollfd p{fd, static_cast<short>(POLLIN | (written < input.size() ? POLLOUT : 0)), 0};
    int ready = ::poll(&p, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0) break;
    if (p.revents & POLLOUT) {
      ssize_t n = ::send(fd, input.data() + written, input.size() - written, MSG_NOSIGNAL | MSG_DONTWAIT);
      if (n > 0) written += static_cast<size_t>(n);
      if (n < 0 && errno != EAGAIN && errno != EINTR) written = input.size();  // the worker stopped reading
      if (written == input.size()) ::shutdown(fd, SHUT_WR);
    }
    if (p.revents & (POLLIN | POLLHUP | POLLERR)) {
      ssize_t n = ::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT);
      if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) break;
      if (n > 0) output.append(buffer, static_cast<size_t>(n));
      if (output.size() > kMaxAnswer) break;
    }
  }
  ::close(fd);
  ::kill(pid, SIGKILL);  // a no-op for a worker that has finished
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (timed_out) {
    return MakeError(ErrorCode::kBrokenFile, "Reading the file took too long. Save it again (or as PDF) and retry.");
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return Unreadable();
  return Answer(output);
}

Result<Extracted> WorkerConverter::Extract(std::string_view bytes) const {
  auto answer = Run("extract", bytes);
  if (!answer) return answer.error();
  return ExtractedFromJson(*answer);
}

Result<std::string> WorkerConverter::Render(std::string_view original, const std::vector<Cover>& covers,
                                            const RenditionOptions& words) const {
  std::string input = RenderRequestToJson(covers, words);
  input += '\n';
  input.append(original);
  return Run("render", input);
}

Result<std::string> WorkerConverter::PagePicture(std::string_view original, int page) const {
  std::string input = std::to_string(page);
  input += '\n';
  input.append(original);
  return Run("page", input);
}

Result<std::string> InProcessConverter::Render(std::string_view original, const std::vector<Cover>& covers,
                                               const RenditionOptions& words) const {
  auto extracted = attach::Extract(original);
  if (!extracted) return extracted.error();
  return RenderRendition(original, *extracted, covers, words);
}

std::filesystem::path WorkerBesideThisProgram() {
  std::error_code ec;
  auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  return (ec ? std::filesystem::path(".") : self.parent_path()) / "reilu-attach-worker";
}

int RunWorker(const char* command) {
  // Limits for a hostile file: CPU seconds, and (outside the sanitizer builds, whose shadow
  // memory needs terabytes of address space) memory.
  rlimit cpu{20, 21};
  ::setrlimit(RLIMIT_CPU, &cpu);
#if !defined(__SANITIZE_ADDRESS__)
  rlimit memory{1536ul << 20, 1536ul << 20};
  ::setrlimit(RLIMIT_AS, &memory);
#endif
  std::string input;
  char buffer[65536];
  const size_t cap = Limits{}.max_file_bytes + (4u << 20);
  for (;;) {
    ssize_t n = ::read(0, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    input.append(buffer, static_cast<size_t>(n));
    if (input.size() > cap) break;
  }
  std::string out;
  auto fail = [&](const Error& e) { out = kError + ErrorToJson(e); };
  std::string_view cmd(command ? command : "");
  if (cmd == "extract") {
    auto e = attach::Extract(input);
    if (e) {
      out = kResult + ExtractedToJson(*e);
    } else {
      fail(e.error());
    }
  } else if (cmd == "render") {
    size_t newline = input.find('\n');
    auto request = RenderRequestFromJson(std::string_view(input).substr(0, newline));
    if (newline == std::string::npos || !request) {
      fail(MakeError(ErrorCode::kInternal, "A garbled request to the attachment worker."));
    } else {
      std::string_view original = std::string_view(input).substr(newline + 1);
      auto e = attach::Extract(original);
      auto pdf = e ? RenderRendition(original, *e, request->first, request->second) : Result<std::string>(e.error());
      if (pdf) {
        out = kResult + *pdf;
      } else {
        fail(pdf.error());
      }
    }
  } else if (cmd == "page") {
    size_t newline = input.find('\n');
    int page = newline == std::string::npos ? 0 : std::atoi(input.substr(0, newline).c_str());
    auto png = newline == std::string::npos ? Result<std::string>(MakeError(ErrorCode::kInternal, "No page given."))
                                            : RenderPagePicture(std::string_view(input).substr(newline + 1), page);
    if (png) {
      out = kResult + *png;
    } else {
      fail(png.error());
    }
  } else {
    fail(MakeError(ErrorCode::kInternal, "Unknown worker command."));
  }
  WriteAll(1, out);
  // No exit-time work (and no leak report of the fonts' caches): the process ends here.
  std::_Exit(0);
}

}  // namespace reilu::attach
