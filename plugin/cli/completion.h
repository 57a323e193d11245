// Shell completion in cobra's protocol, which docker's completion scripts
// speak: docker runs `docker-mlist __complete mlist ARGS... PARTIAL` and
// copies what we print. One candidate per line, "value<TAB>description",
// then ":<directive>".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cli/command.h"
#include "cli/help.h"

namespace mlist::cli {

// cobra's ShellCompDirective bits.
enum CompletionDirective : int {
  kDirectiveDefault = 0,     // the shell may also offer file names
  kDirectiveError = 1,       // completion failed
  kDirectiveNoSpace = 2,     // no space after the completion
  kDirectiveNoFileComp = 4,  // no file names
};

// The request words: cobra's "__complete", and "__completeNoDesc" which
// leaves the descriptions out.
inline constexpr const char* kCompleteCommand = "__complete";
inline constexpr const char* kCompleteNoDescCommand = "__completeNoDesc";

// What to offer for the word being typed.
struct Completion {
  // "value\tdescription" lines, or bare values.
  std::vector<std::string> candidates;
  int directive = kDirectiveDefault;
};

// Returns true when word asks for completion.
bool IsCompletionRequest(std::string_view word);

// Returns the completion of partial after words (the words typed before
// it, the plugin's name left out): subcommands, flags, local list names
// for the lists annotate, inspect, push and rm take, the entries of the
// list named for annotate's and inspect's second argument, and platforms
// for --platform. The store is the one the environment names
// (DOCKER_CONFIG, else ~/.docker). Writes cobra's debug note on
// streams.err when the flags in words do not parse or the store cannot
// be read (then with no candidates and the error directive).
Completion Complete(const std::vector<std::string>& words,
                    const std::string& partial, const Streams& streams);

// Answers a whole request: request is argv from "__complete" on. Writes
// the candidates and the directive on streams.out and cobra's closing
// note on streams.err. Descriptions are left out for "__completeNoDesc"
// when DOCKER_CLI_DISABLE_COMPLETION_DESCRIPTION is set to anything (as
// docker reads it; docker passes "__complete" on to its plugins even for
// "__completeNoDesc", so this variable, which plugins inherit, is how
// docker's own switch reaches us), or when <ROOT>_COMPLETION_DESCRIPTIONS
// (DOCKER_, or DOCKER_MLIST_ standalone), else
// COBRA_COMPLETION_DESCRIPTIONS, reads as false.
void AnswerCompletion(const Invocation& invocation,
                      const std::vector<std::string>& request,
                      const Streams& streams);

// Returns cobra's name for directive, as in "ShellCompDirectiveNoFileComp";
// several bits are joined with ", ".
std::string DirectiveName(int directive);

}  // namespace mlist::cli
