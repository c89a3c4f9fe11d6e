#include "app/periodic_job.h"

namespace reilu::app {

PeriodicJob::PeriodicJob(std::chrono::seconds first, std::chrono::seconds every, std::function<void()> run) {
  thread_ = std::thread([this, first, every, run = std::move(run)] {
    std::chrono::seconds wait = first;
    std::unique_lock lock(mutex_);
    while (!wake_.wait_for(lock, wait, [this] { return stopping_; })) {
      lock.unlock();
      run();
      lock.lock();
      wait = every;
    }
  });
}

PeriodicJob::~PeriodicJob() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

}  // namespace reilu::app
