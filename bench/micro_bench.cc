// Micro-benchmarks of the hot pieces of intake and listing.
#include <benchmark/benchmark.h>

#include "core/pseudonym.h"
#include "crypto/crypto.h"

namespace {

void BM_SealIdentity(benchmark::State& state) {
  (void)reilu::crypto::Init();
  auto key = reilu::crypto::SecretKey::Generate();
  std::string doc(static_cast<size_t>(state.range(0)), 'x');
  for (auto _ : state) benchmark::DoNotOptimize(reilu::crypto::Seal(key, doc, "org/1/rec/2/app/abc"));
  state.SetBytesProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_SealIdentity)->Arg(512)->Arg(8192);

void BM_Pseudonym(benchmark::State& state) {
  (void)reilu::crypto::Init();
  auto random = reilu::crypto::SystemRandom();
  for (auto _ : state) benchmark::DoNotOptimize(reilu::MakePseudonym(random));
}
BENCHMARK(BM_Pseudonym);

void BM_OrderThousandForReviewer(benchmark::State& state) {
  (void)reilu::crypto::Init();
  auto key = reilu::crypto::SecretKey::Generate();
  auto random = reilu::crypto::SystemRandom();
  std::vector<reilu::AnonymousApplication> base(1000);
  for (auto& a : base) a.id = reilu::MakeApplicationId(random);
  for (auto _ : state) {
    auto apps = base;
    reilu::OrderForReviewer(apps, 7, [&](reilu::UserId r, const reilu::ApplicationId& id) {
      return reilu::crypto::KeyedHashHex(key, std::to_string(r) + "/" + id);
    });
    benchmark::DoNotOptimize(apps);
  }
}
BENCHMARK(BM_OrderThousandForReviewer);

}  // namespace

BENCHMARK_MAIN();
