#include "core/audit.h"

#include <gtest/gtest.h>

#include "crypto/crypto.h"

namespace reilu {
namespace {

std::vector<AuditEntry> Chain(int n) {
  std::vector<AuditEntry> chain;
  for (int i = 0; i < n; ++i) {
    AuditEntry e;
    e.org_id = 1;
    e.at = 1700000000 + i;
    e.actor_id = 5;
    e.action = std::string(audit_action::kIdentityRead);
    e.recruitment_id = 3;
    e.application_id = "app" + std::to_string(i);
    e.detail = R"({"basis":"lifted"})";
    SealAuditEntry(e, chain.empty() ? nullptr : &chain.back(), crypto::Sha256Hex);
    chain.push_back(e);
  }
  return chain;
}

TEST(AuditChainTest, SealedChainVerifies) {
  auto chain = Chain(10);
  EXPECT_EQ(chain.front().seq, 1);
  EXPECT_EQ(chain.front().prev_hash, kGenesisHash);
  EXPECT_EQ(chain[4].prev_hash, chain[3].hash);
  EXPECT_FALSE(FindChainBreak(chain, crypto::Sha256Hex).has_value());
}

TEST(AuditChainTest, ChangedEntryIsDetected) {
  auto chain = Chain(10);
  chain[6].detail = R"({"basis":"registry_request"})";
  EXPECT_EQ(FindChainBreak(chain, crypto::Sha256Hex), 7);
}

TEST(AuditChainTest, ChangedActorOrTimeIsDetected) {
  auto chain = Chain(5);
  chain[2].actor_id = 6;
  EXPECT_EQ(FindChainBreak(chain, crypto::Sha256Hex), 3);
  chain = Chain(5);
  chain[0].at += 1;
  EXPECT_EQ(FindChainBreak(chain, crypto::Sha256Hex), 1);
}

TEST(AuditChainTest, RemovedEntryIsDetected) {
  auto chain = Chain(10);
  chain.erase(chain.begin() + 4);
  EXPECT_EQ(FindChainBreak(chain, crypto::Sha256Hex), 6);
}

TEST(AuditChainTest, ResealedTailDoesNotHideAnEdit) {
  // An attacker who edits entry 3 and recomputes its own hash still breaks entry 4's link.
  auto chain = Chain(6);
  chain[2].detail = "{}";
  chain[2].hash = crypto::Sha256Hex(CanonicalAuditBytes(chain[2]));
  EXPECT_EQ(FindChainBreak(chain, crypto::Sha256Hex), 4);
}

TEST(AuditChainTest, FieldBoundariesAreUnambiguous) {
  AuditEntry a, b;
  a.action = "ab";
  a.application_id = "c";
  b.action = "a";
  b.application_id = "bc";
  EXPECT_NE(CanonicalAuditBytes(a), CanonicalAuditBytes(b));
}

}  // namespace
}  // namespace reilu
