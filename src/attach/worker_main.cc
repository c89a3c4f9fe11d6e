// reilu-attach-worker: reads one attachment on stdin and answers on stdout (attach/worker.h).
#include <unistd.h>

#include "attach/worker.h"

int main(int argc, char** argv) {
  // Nothing the server had open is this process's business.
  ::close_range(3, ~0U, 0);
  return reilu::attach::RunWorker(argc > 1 ? argv[1] : "");
}
