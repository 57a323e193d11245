#include "support/docker_cli.h"

#include <filesystem>

#include "support/paths.h"
#include "support/secrets.h"

namespace mlist::testing {

namespace fs = std::filesystem;

DockerCli::DockerCli() {
  fs::create_directories(dir_.Join("cli-plugins"));
  fs::copy_file(PluginBinary(), dir_.Join("cli-plugins/docker-mlist"));
}

base::ProcessResult DockerCli::Docker(
    const std::vector<std::string>& args,
    const std::vector<std::string>& env) const {
  std::vector<std::string> argv = {"docker"};
  argv.insert(argv.end(), args.begin(), args.end());
  return Run(argv, env);
}

base::ProcessResult DockerCli::Plugin(
    const std::vector<std::string>& args,
    const std::vector<std::string>& env) const {
  std::vector<std::string> argv = {dir_.Join("cli-plugins/docker-mlist")};
  argv.insert(argv.end(), args.begin(), args.end());
  return Run(argv, env);
}

base::ProcessResult DockerCli::Run(std::vector<std::string> argv,
                                   const std::vector<std::string>& env) const {
  base::ProcessOptions options;
  // A clean slate: nothing from the caller's docker setup leaks in.
  options.env = {"DOCKER_CONFIG=" + dir_.path(),
                 "DOCKER_CLI_PLUGIN_ORIGINAL_CLI_COMMAND",
                 "DOCKER_CLI_PLUGIN_SOCKET",
                 "DOCKER_AUTH_CONFIG",
                 "DOCKER_HOST",
                 "DOCKER_CONTEXT",
                 "DOCKER_CLI_HINTS=false"};
  options.env.insert(options.env.end(), env.begin(), env.end());
  options.timeout = std::chrono::seconds(60);
  base::ProcessResult result = base::RunProcess(argv, options);
  ExpectNoSecret("the standard output of " + argv[0], result.out);
  ExpectNoSecret("the standard error of " + argv[0], result.err);
  return result;
}

bool HaveDocker() {
  return !base::LookPath("docker").empty();
}

}  // namespace mlist::testing
