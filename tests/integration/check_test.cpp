// docker mlist check against real registries, run through docker's CLI:
// what it prints, what it leaves behind, what it costs, and how it fails
// when it cannot check at all.
#include <gtest/gtest.h>

#include <chrono>
#include <iostream>
#include <map>
#include <regex>

#include "manifest/scratch_images.h"
#include "reference/reference.h"
#include "registry/registry_error.h"
#include "support/cli_text.h"
#include "support/crypto.h"
#include "support/docker_cli.h"
#include "support/registry.h"
#include "support/server_process.h"
#include "support/temp_dir.h"

namespace mlist::testing {
namespace {

using manifest::ScratchKind;
using reference::Parse;

// The scratch id a check announces on its first line.
std::string ScratchId(const std::string& out) {
  static const std::regex kFirst(
      R"(^Checking \S+ \(scratch tag mlist-check-([0-9a-f]{8})\)\n)");
  std::smatch m;
  return std::regex_search(out, m, kFirst) ? m[1].str() : "";
}

// What check prints when the registry has everything.
std::string AllYes(const std::string& repo, const std::string& id,
                   const std::string& cleanup) {
  return "Checking " + repo + " (scratch tag mlist-check-" + id + ")\n" +
         "Docker manifest list:    Yes\n"
         "OCI image index:         Yes\n"
         "Cross-repository mount:  Yes\n"
         "Annotations:             Yes\n"
         "Clean-up:                " +
         cleanup + "\n";
}

// Every manifest check pushes for id: 2 Docker images, 2 OCI images and
// the 3 lists.
std::vector<std::string> ScratchManifests(const std::string& id) {
  std::vector<std::string> digests;
  for (auto kind : {ScratchKind::kDockerList, ScratchKind::kOciIndex,
                    ScratchKind::kAnnotatedIndex}) {
    auto list = manifest::BuildScratchList(kind, id);
    digests.push_back(list.digest);
    if (kind != ScratchKind::kAnnotatedIndex) {
      for (const auto& image : list.images) {
        digests.push_back(image.descriptor.digest);
      }
    }
  }
  return digests;
}

void Login(const DockerCli& cli, const TestRegistry& r) {
  WriteFile(cli.config_dir() + "/config.json",
            "{\"auths\":{\"" + r.host_port() + "\":{\"auth\":\"" +
                Base64(r.user() + ":" + r.password()) + "\"}}}");
}

// Expects that nothing check pushed into repo (and its sibling) is left
// but the shared empty layer.
void ExpectCleanedUp(const TestRegistry& r, const std::string& repo,
                     const std::string& id) {
  registry::Session session(AsUserOf(r));
  auto base = Parse(repo);
  try {
    session.GetManifest(Parse(repo + ":mlist-check-" + id));
    ADD_FAILURE() << "the scratch tag is still there";
  } catch (const registry::RegistryError& e) {
    EXPECT_EQ(e.status(), 404) << e.what();
  }
  for (const auto& digest : ScratchManifests(id)) {
    EXPECT_FALSE(session.HeadManifest(Parse(repo + "@" + digest))) << digest;
  }
  auto blobs = manifest::ScratchBlobs(id);
  for (size_t i = 0; i + 1 < blobs.size(); ++i) {
    EXPECT_FALSE(session.HeadBlob(base, blobs[i].digest)) << "config " << i;
  }
  auto sibling = Parse(repo + "-mlist-check-" + id);
  EXPECT_FALSE(session.HeadBlob(sibling, blobs.back().digest));
  EXPECT_TRUE(session.HeadBlob(base, blobs.back().digest));
}

struct Flavour {
  const char* name;
  TestRegistryOptions (*options)();
};

class CheckFlavourTest : public ::testing::TestWithParam<Flavour> {};

TEST_P(CheckFlavourTest, SaysYesToEverythingAndCleansUp) {
  TestRegistry r(GetParam().options());
  DockerCli cli;
  Login(cli, r);
  std::string repo = r.host_port() + "/team/app";
  auto result = cli.Docker({"mlist", "check", "--insecure", repo});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "");
  std::string id = ScratchId(result.out);
  ASSERT_NE(id, "") << result.out;
  EXPECT_EQ(result.out, AllYes(repo, id, "deleted 7 manifests, 3 blobs"));
  // What the Yes lines rest on: three lists stored under the scratch tag
  // and read back, and every DELETE accepted.
  std::map<std::string, size_t> tag_requests;
  std::string tag = "/v2/team/app/manifests/mlist-check-" + id;
  for (const auto& entry : r.AccessLog()) {
    if (entry.target == tag) {
      ++tag_requests[entry.method + " " + std::to_string(entry.status)];
    }
    if (entry.method == "DELETE") {
      EXPECT_EQ(entry.status, 202) << entry.target;
    }
  }
  EXPECT_EQ(tag_requests,
            (std::map<std::string, size_t>{{"PUT 201", 3}, {"GET 200", 3}}));
  ExpectCleanedUp(r, repo, id);
}

INSTANTIATE_TEST_SUITE_P(
    Registries, CheckFlavourTest,
    ::testing::Values(Flavour{"Plain", &TestRegistryOptions::Plain},
                      Flavour{"Basic", &TestRegistryOptions::Basic},
                      Flavour{"Token", &TestRegistryOptions::Token}),
    [](const auto& info) { return std::string(info.param.name); });

class CheckTest : public ::testing::Test {
 protected:
  base::ProcessResult Check(const TestRegistry& r, const std::string& repo,
                            std::vector<std::string> before = {}) {
    return cli_.Docker(Cat(
        before, {"mlist", "check", "--insecure", r.host_port() + "/" + repo}));
  }

  DockerCli cli_;
};

// distribution's default: deletes are refused, which the check says and
// does not count against the registry.
TEST_F(CheckTest, RefusedDeletesAreReportedNotFailed) {
  auto options = TestRegistryOptions::Plain();
  options.delete_enabled = false;
  TestRegistry r(options);
  auto result = Check(r, "app");
  EXPECT_EQ(result.exit_code, 0) << result.err;
  std::string id = ScratchId(result.out);
  EXPECT_EQ(result.out,
            AllYes(r.host_port() + "/app", id,
                   "refused (unsupported: The operation is unsupported., "
                   "HTTP 405); left: tag mlist-check-" +
                       id + ", 7 manifests, 3 blobs"));
  std::cout << "docker mlist check said: " << result.out;
  // The first DELETE was refused, and no other was tried.
  EXPECT_EQ(r.CountRequests("DELETE"), 1u);
  // The tag names the last list pushed: the annotated index.
  registry::Session session(AsUserOf(r));
  auto left =
      session.HeadManifest(Parse(r.host_port() + "/app:mlist-check-" + id));
  ASSERT_TRUE(left);
  EXPECT_EQ(
      left->digest,
      manifest::BuildScratchList(ScratchKind::kAnnotatedIndex, id).digest);
}

// Requests by method, from the registry's own access log.
TEST_F(CheckTest, CostsOneRequestPerStep) {
  TestRegistry r(TestRegistryOptions::Plain());
  auto result = Check(r, "app");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  std::map<std::string, size_t> methods;
  for (const auto& entry : r.AccessLog()) {
    ++methods[entry.method];
  }
  // POST: 3 uploads opened and 1 mount. PUT: 3 uploads closed, 4 images,
  // 3 lists. GET: the 3 lists read back. DELETE: 7 manifests, 3 blobs.
  EXPECT_EQ(methods,
            (std::map<std::string, size_t>{
                {"POST", 4}, {"PUT", 10}, {"GET", 3}, {"DELETE", 10}}));
  std::cout << "[ cost ] docker mlist check: " << r.AccessLog().size()
            << " requests\n";
}

// One line per request and per answer, as for the other commands; the
// plain registry is reached over HTTP after --insecure's fallback.
TEST_F(CheckTest, DebugLogShowsTheRequests) {
  TestRegistry r(TestRegistryOptions::Plain());
  auto result = Check(r, "app", {"-D"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  std::string api = "http://" + r.host_port() + "/v2/";
  for (const std::string& line : {
           "--> PUT " + api + "app/manifests/mlist-check-",
           "<-- 200 GET " + api + "app/manifests/mlist-check-",
           "<-- 201 POST " + api + "app-mlist-check-",
           "<-- 202 DELETE " + api + "app/manifests/sha256:",
           "<-- 202 DELETE " + api + "app-mlist-check-",
       }) {
    EXPECT_NE(result.err.find(line), std::string::npos) << line;
  }
}

// Refused before any request: check writes into a repository, never
// under a tag the user named.
TEST_F(CheckTest, NamesThatAreNoRepositoryAreRefused) {
  TestRegistry r(TestRegistryOptions::Plain());
  std::string host = r.host_port();
  std::string digest = "sha256:" + std::string(64, 'a');
  const std::vector<std::pair<std::string, std::string>> rows = {
      {"app:1", "checking \"" + host +
                    "/app:1\": name a repository, without a tag or digest"},
      {"app@" + digest, "checking \"" + host + "/app@" + digest +
                            "\": name a repository, without a tag or digest"},
      {"App", "error parsing repository \"" + host +
                  "/App\": invalid reference format: repository name (App) "
                  "must be lowercase"},
  };
  for (const auto& [repo, error] : rows) {
    SCOPED_TRACE(repo);
    auto result = Check(r, repo);
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_EQ(result.out, "");
    EXPECT_EQ(result.err, error + "\n");
  }
  EXPECT_EQ(r.AccessLog().size(), 0u);
}

// Nothing listens: an ordinary error, after the first line.
TEST_F(CheckTest, UnreachableRegistryIsAnOrdinaryError) {
  std::string repo = HostPort("127.0.0.1", FreePort("127.0.0.1")) + "/app";
  auto result = cli_.Docker({"mlist", "check", "--insecure", repo});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out.substr(0, result.out.find('\n')),
            "Checking " + repo + " (scratch tag mlist-check-" +
                ScratchId(result.out) + ")");
  EXPECT_EQ(result.out.find("Yes"), std::string::npos);
  EXPECT_EQ(result.err.rfind("uploading blob sha256:", 0), 0u) << result.err;
  EXPECT_NE(result.err.find("\"" + repo + "\": "), std::string::npos)
      << result.err;
}

// Anonymous users of the token registry may pull only.
TEST_F(CheckTest, RefusedCredentialsAreAnOrdinaryError) {
  TestRegistry r(TestRegistryOptions::Token());
  auto result = Check(r, "app");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out.find("Docker manifest list"), std::string::npos);
  EXPECT_EQ(result.err.rfind("uploading blob sha256:", 0), 0u) << result.err;
  EXPECT_NE(result.err.find("unauthorized: "), std::string::npos) << result.err;
  EXPECT_EQ(result.err.find(r.password()), std::string::npos);
}

}  // namespace
}  // namespace mlist::testing
