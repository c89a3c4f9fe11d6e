#include "http/http.h"

#include <gtest/gtest.h>

#include <fstream>

#include "http/static_files.h"
#include "support/test_server.h"

namespace reilu::http {
namespace {

TEST(Utf8Test, AcceptsValidRejectsInvalid) {
  EXPECT_TRUE(IsValidUtf8("Kemijärvi Åbo 😀"));
  EXPECT_FALSE(IsValidUtf8("\xff"));
  EXPECT_FALSE(IsValidUtf8("\xc3"));              // truncated
  EXPECT_FALSE(IsValidUtf8("\xc0\xaf"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xed\xa0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xf4\x90\x80\x80"));  // past U+10FFFF
}

TEST(RouterTest, MatchesPatternsAndCapturesParams) {
  Router router;
  router.Add("GET", "/api/v1/things/{id}", [](Request& r) { return Response{200, "text/plain", r.params["id"], {}}; });
  Request req;
  req.method = "GET";
  req.path = "/api/v1/things/42";
  EXPECT_EQ(router.Dispatch(req).body, "42");
  EXPECT_EQ(router.MatchPattern(req), "/api/v1/things/{id}");
  req.method = "DELETE";
  EXPECT_EQ(router.Dispatch(req).status, 405);
  req.path = "/api/v1/other";
  EXPECT_EQ(router.Dispatch(req).status, 404);
  EXPECT_EQ(router.MatchPattern(req), "unmatched");
}

TEST(ProblemTest, CarriesStableCodeAndHidesInternalDetail) {
  auto res = ProblemResponse(MakeError(ErrorCode::kInternal, "SQL failed: table secret_stuff"));
  EXPECT_EQ(res.status, 500);
  EXPECT_EQ(res.content_type, "application/problem+json");
  EXPECT_EQ(res.body.find("secret_stuff"), std::string::npos);
  auto invalid = ProblemResponse(MakeError(ErrorCode::kInvalidInput, "bad", "identity.email"));
  EXPECT_EQ(invalid.status, 422);
  EXPECT_NE(invalid.body.find("\"code\":\"invalid_input\""), std::string::npos);
  EXPECT_NE(invalid.body.find("\"field\":\"identity.email\""), std::string::npos);
}

TEST(CookieTest, FindsNamedCookie) {
  Request req;
  req.headers["cookie"] = "a=1; reilu_session=abc; b=2";
  EXPECT_EQ(req.Cookie("reilu_session"), "abc");
  EXPECT_EQ(req.Cookie("missing"), "");
}

TEST(StaticFilesTest, ServesFilesFallsBackToTheAppAndNeverLeavesTheRoot) {
  testing::TempDir dir;
  auto root = dir.path() / "dist";
  std::filesystem::create_directories(root / "assets");
  std::ofstream(root / "index.html") << "<html><head><title>x</title></head><body></body></html>";
  std::ofstream(root / "assets" / "app-1234.js") << "console.log(1)";
  std::ofstream(dir.path() / "secret.txt") << "top secret";
  Router router;
  router.Add("GET", "/api/v1/ping", [](Request&) { return Response{200, "text/plain", "pong", {}}; });
  int nonces = 0;
  router.SetFallback(StaticFiles(root, [&] { return "nonce" + std::to_string(++nonces); }));
  auto get = [&](const std::string& path) {
    Request req;
    req.method = "GET";
    req.path = path;
    return router.Dispatch(req);
  };
  Response js = get("/assets/app-1234.js");
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(js.headers.at(0).second, "public, max-age=31536000, immutable");
  // The UI's own routes get index.html, each time with a new nonce in the page and the policy.
  for (const char* path : {"/", "/jobs/12", "/staff/recruitments/3"}) {
    Response page = get(path);
    ASSERT_EQ(page.status, 200) << path;
    std::string nonce = "nonce" + std::to_string(nonces);
    EXPECT_NE(page.body.find("<meta property=\"csp-nonce\" content=\"" + nonce + "\""), std::string::npos);
    bool has_policy = false;
    for (const auto& [name, value] : page.headers) {
      if (name == "Content-Security-Policy") {
        has_policy = true;
        EXPECT_NE(value.find("style-src 'self' 'nonce-" + nonce + "'"), std::string::npos);
        EXPECT_NE(value.find("script-src 'self';"), std::string::npos);
      }
    }
    EXPECT_TRUE(has_policy);
  }
  EXPECT_EQ(nonces, 3);
  for (const char* path : {"/../secret.txt", "/assets/../../secret.txt", "/.hidden", "/missing.js", "/a\\b"}) {
    EXPECT_EQ(get(path).status, 404) << path;
  }
  EXPECT_EQ(get("/api/v1/ping").body, "pong");
  EXPECT_EQ(get("/api/v1/nothing").status, 404);  // the API never falls back to the page
  Request post;
  post.method = "POST";
  post.path = "/jobs/12";
  EXPECT_EQ(router.Dispatch(post).status, 404);
}

// The build's compressed twins go to browsers that take them; others get the file as it is.
TEST(StaticFilesTest, CompressedTwinsGoToBrowsersThatTakeThem) {
  testing::TempDir dir;
  auto root = dir.path() / "dist";
  std::filesystem::create_directories(root / "assets");
  std::ofstream(root / "assets" / "app-1.js") << "plain";
  std::ofstream(root / "assets" / "app-1.js.gz") << "gzipped";
  std::ofstream(root / "assets" / "app-1.js.br") << "brotli";
  std::ofstream(root / "assets" / "lonely.js.gz") << "a twin without its file";
  Router router;
  router.SetFallback(StaticFiles(root, [] { return std::string("n"); }));
  auto get = [&](const std::string& path, const std::string& accept) {
    Request req;
    req.method = "GET";
    req.path = path;
    if (!accept.empty()) req.headers["accept-encoding"] = accept;
    return router.Dispatch(req);
  };
  auto header = [](const Response& r, const std::string& name) {
    for (const auto& [k, v] : r.headers) {
      if (k == name) return v;
    }
    return std::string();
  };
  Response br = get("/assets/app-1.js", "gzip, deflate, br");
  EXPECT_EQ(br.body, "brotli");
  EXPECT_EQ(header(br, "Content-Encoding"), "br");
  EXPECT_EQ(header(br, "Vary"), "Accept-Encoding");
  EXPECT_EQ(br.content_type, "text/javascript; charset=utf-8");
  Response gz = get("/assets/app-1.js", "gzip, deflate");
  EXPECT_EQ(gz.body, "gzipped");
  EXPECT_EQ(header(gz, "Content-Encoding"), "gzip");
  Response plain = get("/assets/app-1.js", "");
  EXPECT_EQ(plain.body, "plain");
  EXPECT_EQ(header(plain, "Content-Encoding"), "");
  EXPECT_EQ(header(plain, "Vary"), "Accept-Encoding");
  EXPECT_EQ(get("/assets/app-1.js", "x-gzip-not").body, "plain");  // a token, not a substring
  EXPECT_EQ(get("/assets/lonely.js", "gzip").status, 404);
}

}  // namespace
}  // namespace reilu::http
