// The generated registry configuration has the blocks distribution 2.8
// reads.
#include "support/registry_config.h"

#include <gtest/gtest.h>

namespace mlist::testing {
namespace {

TEST(RegistryConfig, PlainHasStorageAndAccessLog) {
  RegistryConfig config;
  config.storage_dir = "/tmp/s";
  config.addr = "127.0.0.1:5000";
  std::string yaml = RegistryConfigYaml(config);
  EXPECT_EQ(yaml.rfind("version: 0.1\n", 0), 0u);
  EXPECT_NE(yaml.find("  accesslog:\n    disabled: false\n"),
            std::string::npos);
  EXPECT_NE(yaml.find("    rootdirectory: \"/tmp/s\"\n  delete:\n"
                      "    enabled: true\n"),
            std::string::npos);
  EXPECT_NE(yaml.find("  addr: \"127.0.0.1:5000\"\n"), std::string::npos);
  EXPECT_EQ(yaml.find("tls:"), std::string::npos);
  EXPECT_EQ(yaml.find("auth:"), std::string::npos);
}

TEST(RegistryConfig, TokenAuthNamesTheIssuer) {
  RegistryConfig config;
  config.token_realm = "http://127.0.0.1:1/token";
  config.token_service = "svc";
  config.token_issuer = "iss";
  config.token_cert_bundle = "/tmp/b.pem";
  std::string yaml = RegistryConfigYaml(config);
  EXPECT_NE(yaml.find("auth:\n  token:\n"
                      "    realm: \"http://127.0.0.1:1/token\"\n"
                      "    service: \"svc\"\n    issuer: \"iss\"\n"
                      "    rootcertbundle: \"/tmp/b.pem\"\n"),
            std::string::npos)
      << yaml;
}

}  // namespace
}  // namespace mlist::testing
