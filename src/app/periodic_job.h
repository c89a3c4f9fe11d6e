// Runs a function in the background now and then (the daily disposal of what retention says is
// due); stops and joins when destroyed.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace reilu::app {

class PeriodicJob {
 public:
  PeriodicJob(std::chrono::seconds first, std::chrono::seconds every, std::function<void()> run);
  ~PeriodicJob();
  PeriodicJob(const PeriodicJob&) = delete;
  PeriodicJob& operator=(const PeriodicJob&) = delete;

 private:
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace reilu::app
