#include "core/audit.h"

namespace reilu {

namespace {

void AppendField(std::string& out, std::string_view value) {
  out += std::to_string(value.size());
  out += ':';
  out += value;
  out += ';';
}

}  // namespace

std::string CanonicalAuditBytes(const AuditEntry& e) {
  std::string out = "reilu-audit-v1;";
  AppendField(out, std::to_string(e.seq));
  AppendField(out, std::to_string(e.org_id));
  AppendField(out, std::to_string(e.at));
  AppendField(out, std::to_string(e.actor_id));
  AppendField(out, e.action);
  AppendField(out, std::to_string(e.recruitment_id));
  AppendField(out, e.application_id);
  AppendField(out, e.detail);
  AppendField(out, e.prev_hash);
  return out;
}

void SealAuditEntry(AuditEntry& e, const AuditEntry* previous, const HashFn& hash) {
  e.seq = previous ? previous->seq + 1 : 1;
  e.prev_hash = previous ? previous->hash : kGenesisHash;
  e.hash = hash(CanonicalAuditBytes(e));
}

std::optional<std::int64_t> FindChainBreak(const std::vector<AuditEntry>& chain, const HashFn& hash) {
  const AuditEntry* previous = nullptr;
  for (const auto& e : chain) {
    std::int64_t expected_seq = previous ? previous->seq + 1 : 1;
    const std::string& expected_prev = previous ? previous->hash : kGenesisHash;
    if (e.seq != expected_seq || e.prev_hash != expected_prev || e.hash != hash(CanonicalAuditBytes(e))) {
      return e.seq;
    }
    previous = &e;
  }
  return std::nullopt;
}

}  // namespace reilu
