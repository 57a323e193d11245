// The real docker CLI (client only) with docker-mlist installed as its
// plugin in a throwaway config directory, and the plugin run standalone
// with the same environment. Every output is checked for the tests'
// secrets (support/secrets.h): one that shows any fails the test.
#pragma once

#include <string>
#include <vector>

#include "base/process.h"
#include "support/temp_dir.h"

namespace mlist::testing {

class DockerCli {
 public:
  // Makes a config directory with cli-plugins/docker-mlist in it.
  DockerCli();

  // The config directory (DOCKER_CONFIG for every run).
  const std::string& config_dir() const { return dir_.path(); }

  // Runs `docker ARGS...`; env adds to or removes from the environment
  // ("NAME=VALUE" / "NAME"), on top of DOCKER_CONFIG.
  base::ProcessResult Docker(const std::vector<std::string>& args,
                             const std::vector<std::string>& env = {}) const;

  // Runs `docker-mlist ARGS...` standalone, with the same environment.
  base::ProcessResult Plugin(const std::vector<std::string>& args,
                             const std::vector<std::string>& env = {}) const;

 private:
  base::ProcessResult Run(std::vector<std::string> argv,
                          const std::vector<std::string>& env) const;

  TempDir dir_;
};

// True when a docker CLI is on PATH.
bool HaveDocker();

}  // namespace mlist::testing
