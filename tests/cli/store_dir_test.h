// A fresh docker configuration directory for the command-line tests, and
// the store the commands open there.
#pragma once

#include <gtest/gtest.h>

#include "cli/context.h"
#include "store/store.h"
#include "support/temp_dir.h"

namespace mlist::cli {

class StoreDirTest : public ::testing::Test {
 protected:
  store::Store Store() const {
    Context context;
    context.config.dir = dir_.path();
    return context.Store();
  }

  testing::TempDir dir_;
};

}  // namespace mlist::cli
