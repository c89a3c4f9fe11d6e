#include "crypto/crypto.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "support/test_server.h"

namespace reilu::crypto {
namespace {

class CryptoTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(Init().ok()); }
};

TEST_F(CryptoTest, SealOpenRoundTrip) {
  auto key = SecretKey::Generate();
  std::string sealed = Seal(key, "Aino Virtanen", "org/1/rec/2/app/x");
  EXPECT_EQ(sealed.find("Aino"), std::string::npos);
  auto opened = Open(key, sealed, "org/1/rec/2/app/x");
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(*opened, "Aino Virtanen");
}

TEST_F(CryptoTest, SealingTwiceGivesDifferentCiphertexts) {
  auto key = SecretKey::Generate();
  EXPECT_NE(Seal(key, "same", "ad"), Seal(key, "same", "ad"));
}

TEST_F(CryptoTest, WrongKeyContextOrTamperingFails) {
  auto key = SecretKey::Generate();
  std::string sealed = Seal(key, "secret", "ctx-a");
  EXPECT_FALSE(Open(SecretKey::Generate(), sealed, "ctx-a").ok());
  EXPECT_FALSE(Open(key, sealed, "ctx-b").ok());  // a blob moved to another application does not open
  sealed[sealed.size() / 2] ^= 1;
  EXPECT_FALSE(Open(key, sealed, "ctx-a").ok());
  EXPECT_FALSE(Open(key, "short", "ctx-a").ok());
}

TEST_F(CryptoTest, PasswordsUseArgon2id) {
  auto hash = HashPassword("a long enough password", PasswordCost::ForTests());
  ASSERT_TRUE(hash.ok());
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(VerifyPassword(*hash, "a long enough password"));
  EXPECT_FALSE(VerifyPassword(*hash, "a long enough passwore"));
  EXPECT_FALSE(VerifyPassword("garbage", "a long enough password"));
}

TEST_F(CryptoTest, ServerKeyFileIsCreatedPrivateAndReloaded) {
  testing::TempDir dir;
  auto path = dir.path() / "keys" / "reilu.key";
  auto first = LoadOrCreateServerKey(path);
  ASSERT_TRUE(first.ok());
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600);
  EXPECT_EQ(st.st_size, 32);
  auto again = LoadOrCreateServerKey(path);
  ASSERT_TRUE(again.ok());
  auto a = first->bytes(), b = again->bytes();
  EXPECT_TRUE(std::equal(a.begin(), a.end(), b.begin()));
}

TEST_F(CryptoTest, ServerKeyReadableByOthersIsRefused) {
  testing::TempDir dir;
  auto path = dir.path() / "reilu.key";
  ASSERT_TRUE(LoadOrCreateServerKey(path).ok());
  ::chmod(path.c_str(), 0644);
  EXPECT_FALSE(LoadOrCreateServerKey(path).ok());
}

TEST_F(CryptoTest, Sha256KnownAnswer) {
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace reilu::crypto

namespace reilu::crypto {
namespace {

TEST(ConstantTimeEqualsTest, ComparesContentAndLength) {
  EXPECT_TRUE(ConstantTimeEquals("abc123", "abc123"));
  EXPECT_FALSE(ConstantTimeEquals("abc123", "abc124"));
  EXPECT_FALSE(ConstantTimeEquals("abc123", "abc12"));
  EXPECT_TRUE(ConstantTimeEquals("", ""));
}

}  // namespace
}  // namespace reilu::crypto
