// Cryptography for Reilu, all from libsodium: randomness, hashing, password hashing (argon2id),
// field encryption (XChaCha20-Poly1305 AEAD) and the server key that wraps per-recruitment keys.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>

#include "core/pseudonym.h"
#include "core/result.h"

namespace reilu::crypto {

// Must be called once before anything else here; safe to call again.
Status Init();

void RandomBytes(std::span<std::uint8_t> out);
RandomSource SystemRandom();
// 32 random bytes as 64 hex characters (session tokens, CSRF tokens).
std::string RandomToken();

std::string Sha256Hex(std::string_view data);
// Compares secrets (tokens) in time that does not depend on where they differ.
bool ConstantTimeEquals(std::string_view a, std::string_view b);
std::string ToHex(std::span<const std::uint8_t> bytes);

// A 256-bit secret key, wiped from memory when destroyed.
class SecretKey {
 public:
  static constexpr size_t kSize = 32;
  SecretKey();  // zero key; use Generate() or FromBytes()
  ~SecretKey();
  SecretKey(const SecretKey& other);
  SecretKey& operator=(const SecretKey& other);

  static SecretKey Generate();
  static Result<SecretKey> FromBytes(std::string_view bytes);
  std::span<const std::uint8_t, kSize> bytes() const { return bytes_; }

 private:
  std::array<std::uint8_t, kSize> bytes_{};
};

// Keyed BLAKE2b of `message`, hex; used for per-reviewer ordering keys.
std::string KeyedHashHex(const SecretKey& key, std::string_view message);

// AEAD: returns nonce || ciphertext || tag. `associated` binds the ciphertext to its place
// (organisation, recruitment, application) so a blob copied elsewhere does not decrypt.
std::string Seal(const SecretKey& key, std::string_view plaintext, std::string_view associated);
Result<std::string> Open(const SecretKey& key, std::string_view sealed, std::string_view associated);

// argon2id (libsodium's interactive limits by default; tests may lower them).
struct PasswordCost {
  unsigned long long ops;
  size_t mem_bytes;
  static PasswordCost Interactive();
  static PasswordCost ForTests();  // minimal cost, only for test fixtures
};
Result<std::string> HashPassword(std::string_view password, PasswordCost cost = PasswordCost::Interactive());
bool VerifyPassword(std::string_view stored_hash, std::string_view password);

// Reads the key file; refuses one that group or others may read.
Result<SecretKey> LoadServerKey(const std::filesystem::path& path);
// Writes a new key file (mode 0600, fsync); fails when the file exists.
Status WriteServerKey(const std::filesystem::path& path, const SecretKey& key);
// The server key wraps every recruitment key. It lives in a file created at first start with
// mode 0600; losing it makes all identity data unreadable.
Result<SecretKey> LoadOrCreateServerKey(const std::filesystem::path& path);

}  // namespace reilu::crypto
