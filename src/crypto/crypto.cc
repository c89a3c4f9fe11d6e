#include "crypto/crypto.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace reilu::crypto {

Status Init() {
  if (sodium_init() < 0) return MakeError(ErrorCode::kInternal, "libsodium could not be initialised.");
  return OkStatus();
}

void RandomBytes(std::span<std::uint8_t> out) { randombytes_buf(out.data(), out.size()); }

RandomSource SystemRandom() {
  return [](std::span<std::uint8_t> out) { RandomBytes(out); };
}

std::string ToHex(std::span<const std::uint8_t> bytes) {
  std::string hex(bytes.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
  hex.pop_back();
  return hex;
}

std::string RandomToken() {
  std::array<std::uint8_t, 32> b{};
  RandomBytes(b);
  return ToHex(b);
}

std::string Sha256Hex(std::string_view data) {
  std::array<std::uint8_t, crypto_hash_sha256_BYTES> out{};
  crypto_hash_sha256(out.data(), reinterpret_cast<const unsigned char*>(data.data()), data.size());
  return ToHex(out);
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

SecretKey::SecretKey() = default;
SecretKey::~SecretKey() { sodium_memzero(bytes_.data(), bytes_.size()); }
SecretKey::SecretKey(const SecretKey& other) : bytes_(other.bytes_) {}
SecretKey& SecretKey::operator=(const SecretKey& other) {
  bytes_ = other.bytes_;
  return *this;
}

SecretKey SecretKey::Generate() {
  SecretKey k;
  RandomBytes(k.bytes_);
  return k;
}

Result<SecretKey> SecretKey::FromBytes(std::string_view bytes) {
  if (bytes.size() != kSize) return MakeError(ErrorCode::kInternal, "A key must be 32 bytes.");
  SecretKey k;
  std::memcpy(k.bytes_.data(), bytes.data(), kSize);
  return k;
}

std::string KeyedHashHex(const SecretKey& key, std::string_view message) {
  std::array<std::uint8_t, 32> out{};
  crypto_generichash(out.data(), out.size(), reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                     key.bytes().data(), key.bytes().size());
  return ToHex(out);
}

std::string Seal(const SecretKey& key, std::string_view plaintext, std::string_view associated) {
  constexpr size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  std::string out(kNonce + plaintext.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
  auto* p = reinterpret_cast<unsigned char*>(out.data());
  randombytes_buf(p, kNonce);
  unsigned long long written = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(
      p + kNonce, &written, reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(),
      reinterpret_cast<const unsigned char*>(associated.data()), associated.size(), nullptr, p, key.bytes().data());
  out.resize(kNonce + written);
  return out;
}

Result<std::string> Open(const SecretKey& key, std::string_view sealed, std::string_view associated) {
  constexpr size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  if (sealed.size() < kNonce + crypto_aead_xchacha20poly1305_ietf_ABYTES) {
    return MakeError(ErrorCode::kInternal, "Encrypted data is truncated.");
  }
  const auto* p = reinterpret_cast<const unsigned char*>(sealed.data());
  std::string out(sealed.size() - kNonce - crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
  unsigned long long written = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(
          reinterpret_cast<unsigned char*>(out.data()), &written, nullptr, p + kNonce, sealed.size() - kNonce,
          reinterpret_cast<const unsigned char*>(associated.data()), associated.size(), p, key.bytes().data()) != 0) {
    return MakeError(ErrorCode::kInternal, "Encrypted data could not be authenticated.");
  }
  out.resize(written);
  return out;
}

PasswordCost PasswordCost::Interactive() {
  return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}
PasswordCost PasswordCost::ForTests() { return {crypto_pwhash_OPSLIMIT_MIN, 8192}; }

Result<std::string> HashPassword(std::string_view password, PasswordCost cost) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), cost.ops, cost.mem_bytes,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return MakeError(ErrorCode::kInternal, "Password hashing ran out of memory.");
  }
  return std::string(out);
}

bool VerifyPassword(std::string_view stored_hash, std::string_view password) {
  std::string h(stored_hash);
  return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

Result<SecretKey> LoadServerKey(const std::filesystem::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    return MakeError(ErrorCode::kNotFound, "There is no server key at " + path.string() + ".");
  }
  if ((st.st_mode & 077) != 0) {
    return MakeError(ErrorCode::kInternal, "The server key file must not be readable by group or others (chmod 600).");
  }
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return SecretKey::FromBytes(bytes);
}

Status WriteServerKey(const std::filesystem::path& path, const SecretKey& key) {
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0)
    return MakeError(ErrorCode::kInternal, std::string("Cannot create the server key file: ") + std::strerror(errno));
  auto b = key.bytes();
  bool written = ::write(fd, b.data(), b.size()) == static_cast<ssize_t>(b.size()) && ::fsync(fd) == 0;
  ::close(fd);
  if (!written) return MakeError(ErrorCode::kInternal, "Cannot write the server key file.");
  return OkStatus();
}

Result<SecretKey> LoadOrCreateServerKey(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) return LoadServerKey(path);
  SecretKey key = SecretKey::Generate();
  REILU_TRY(WriteServerKey(path, key));
  return key;
}

}  // namespace reilu::crypto
