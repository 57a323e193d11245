// What the tests that kill docker-mlist with SIGKILL at random moments
// share: the kill itself, a seed to replay a run, and the checks of the
// store the kill left behind.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "support/docker_cli.h"
#include "support/server_process.h"

namespace mlist::testing {

// The names in dir, which the command under test may be changing; none
// when it does not exist (yet, or any more).
std::set<std::string> DirNames(const std::string& dir);

// Kills p with SIGKILL and reaps it. Returns false when it had already
// ended by itself.
bool KillNow(ServerProcess& p);

// The seed of the random kill times: $MLIST_CRASH_SEED to replay a run,
// else a random one (print it).
unsigned CrashSeed();

// Fails the calling test for anything under <config_dir>/manifests that
// is not a list folder of whole records, each strict JSON that decodes
// as docker's record.
void ExpectWholeRecords(const std::string& config_dir);

// `docker manifest inspect FLAGS... LIST` and `docker mlist inspect
// FLAGS... LIST` in cli's config directory: fails the calling test
// unless both end alike with the same output, and returns that output;
// "" when neither finds the list, locally or in the registry.
std::string InspectBoth(const DockerCli& cli, const std::string& list,
                        const std::vector<std::string>& flags = {});

}  // namespace mlist::testing
