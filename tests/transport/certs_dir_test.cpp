#include "transport/certs_dir.h"

#include <gtest/gtest.h>

#include "base/error.h"
#include "support/temp_dir.h"

namespace mlist::transport {
namespace {

using testing::TempDir;
using testing::WriteFile;

TEST(CertsDir, ReadsCasAndClientPairFromBothRoots) {
  TempDir etc, config;
  WriteFile(etc.Join("reg:5000/ca.crt"), "x");
  WriteFile(config.Join("reg:5000/extra.crt"), "x");
  WriteFile(config.Join("reg:5000/client.cert"), "x");
  WriteFile(config.Join("reg:5000/client.key"), "x");
  WriteFile(config.Join("other:5000/ignored.crt"), "x");
  auto tls = CertsDirTls({etc.path(), config.path()}, "reg:5000");
  EXPECT_EQ(tls.ca_files,
            (std::vector<std::string>{etc.Join("reg:5000/ca.crt"),
                                      config.Join("reg:5000/extra.crt")}));
  EXPECT_EQ(tls.cert_file, config.Join("reg:5000/client.cert"));
  EXPECT_EQ(tls.key_file, config.Join("reg:5000/client.key"));
  EXPECT_TRUE(tls.verify);
}

TEST(CertsDir, MissingFolderMeansSystemCasOnly) {
  TempDir root;
  auto tls = CertsDirTls({root.path()}, "nothing:1");
  EXPECT_TRUE(tls.ca_files.empty());
  EXPECT_EQ(tls.cert_file, "");
}

TEST(CertsDir, CertWithoutKeyIsAnError) {
  TempDir root;
  WriteFile(root.Join("reg/client.cert"), "x");
  try {
    CertsDirTls({root.path()}, "reg");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              "missing key " + root.Join("reg/client.key") +
                  " for client certificate " + root.Join("reg/client.cert"));
  }
}

TEST(CertsDir, IPv6FolderUsesBrackets) {
  TempDir root;
  WriteFile(root.Join("[::1]:5000/ca.crt"), "x");
  Url url = ParseUrl("https://[::1]:5000/v2/");
  auto tls = CertsDirTls({root.path()}, url.HostPort());
  EXPECT_EQ(tls.ca_files.size(), 1u);
}

}  // namespace
}  // namespace mlist::transport
