#include "cli/ls.h"

#include <algorithm>
#include <optional>
#include <ostream>
#include <sstream>

#include "base/error.h"
#include "cli/context.h"
#include "cli/help.h"
#include "cli/list_folders.h"
#include "manifest/go_json.h"
#include "output/template.h"

namespace mlist::cli {
namespace {

// docker's tables are text/tabwriter with these settings (docker/cli's
// formatter): a column is as wide as its widest cell plus the padding,
// and never narrower than the minimum.
constexpr size_t kMinCellWidth = 10;
constexpr size_t kCellPadding = 3;

enum class LsFormat { kTable, kJson, kTemplate };

LsFormat ParseFormat(const std::string& format) {
  if (format.empty() || format == "table") {
    return LsFormat::kTable;
  }
  if (format == "json") {
    return LsFormat::kJson;
  }
  return LsFormat::kTemplate;
}

// Each row's JSON object, as --format json prints it, run through the
// template: one line a list.
void WriteLsTemplate(const std::vector<LsRow>& rows,
                     const output::Template& tmpl, std::ostream& out) {
  std::ostringstream json;
  WriteLsJson(rows, json);
  std::istringstream lines(json.str());
  for (std::string line; std::getline(lines, line);) {
    rapidjson::Document doc;
    doc.Parse(line.c_str(), line.size());
    out << tmpl.Execute(doc) << "\n";
  }
}

// docker's NoArgs wording, which CheckArgs does not give for a maximum of
// zero.
void CheckNoArgs(const std::vector<std::string>& args, const Streams& streams) {
  if (!args.empty()) {
    Invocation invocation{streams.env.RunAsPlugin()};
    throw Error(ArgsErrorText(invocation, LsCommand(),
                              {"accepts no arguments", "Run"}));
  }
}

// Reads one list; a list that cannot be read becomes a marked row and a
// warning, and the listing goes on.
LsRow RowOf(const store::Store& store, const ListFolder& list,
            std::ostream& err) {
  LsRow row{list.DisplayName(), std::nullopt, ""};
  try {
    std::vector<std::string> platforms;
    for (const FolderEntry& entry : ReadFolderEntries(store, list)) {
      platforms.push_back(PlatformOf(entry.record));
    }
    row.platforms = std::move(platforms);
  } catch (const Error& e) {
    row.error = e.what();
    err << "WARNING: " << row.error << "\n";
  }
  return row;
}

std::string Joined(const std::vector<std::string>& items,
                   const std::string& separator) {
  std::string joined;
  for (const std::string& item : items) {
    joined += (joined.empty() ? "" : separator) + item;
  }
  return joined;
}

// Characters, as tabwriter counts them: UTF-8 continuation bytes are not.
size_t Width(const std::string& text) {
  return std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  });
}

void WriteTableLines(const std::vector<std::vector<std::string>>& lines,
                     std::ostream& out) {
  std::vector<size_t> widths(lines[0].size() - 1, kMinCellWidth);
  for (const auto& line : lines) {
    for (size_t c = 0; c < widths.size(); ++c) {
      widths[c] = std::max(widths[c], Width(line[c]) + kCellPadding);
    }
  }
  for (const auto& line : lines) {
    for (size_t c = 0; c < widths.size(); ++c) {
      out << line[c] << std::string(widths[c] - Width(line[c]), ' ');
    }
    out << line.back() << "\n";
  }
}

}  // namespace

void DeclareLsFlags(FlagSet& flags, LsOptions& options) {
  flags.String("format", '\0', &options.format,
               "Format output: 'table' (the default), 'json' (one JSON "
               "object a line) or a template");
  flags.Bool("quiet", 'q', &options.quiet, "Only show manifest list names");
}

void RunLs(const GlobalOptions& global, const LsOptions& options,
           const std::vector<std::string>& args, const Streams& streams) {
  CheckNoArgs(args, streams);
  LsFormat format = ParseFormat(options.format);
  std::optional<output::Template> tmpl;
  if (format == LsFormat::kTemplate) {
    // A bad template fails before the store is read.
    tmpl.emplace(output::Template::Parse(options.format));
  }
  Context context = LoadContext(global, streams);
  store::Store store = context.Store();
  std::vector<ListFolder> lists = ListFolders(store);
  if (options.quiet) {
    // Names need no records: nothing to read, nothing to warn about.
    for (const ListFolder& list : lists) {
      streams.out << list.DisplayName() << "\n";
    }
    return;
  }
  std::vector<LsRow> rows;
  for (const ListFolder& list : lists) {
    rows.push_back(RowOf(store, list, streams.err));
  }
  if (format == LsFormat::kJson) {
    WriteLsJson(rows, streams.out);
  } else if (tmpl) {
    WriteLsTemplate(rows, *tmpl, streams.out);
  } else {
    WriteLsTable(rows, streams.out);
  }
}

void WriteLsTable(const std::vector<LsRow>& rows, std::ostream& out) {
  std::vector<std::vector<std::string>> lines = {
      {"NAME", "ENTRIES", "PLATFORMS"}};
  for (const LsRow& row : rows) {
    if (row.platforms) {
      lines.push_back({row.name, std::to_string(row.platforms->size()),
                       Joined(*row.platforms, ", ")});
    } else {
      lines.push_back({row.name, "?", "<unreadable>"});
    }
  }
  WriteTableLines(lines, out);
}

void WriteLsJson(const std::vector<LsRow>& rows, std::ostream& out) {
  for (const LsRow& row : rows) {
    out << "{\"Name\":" << manifest::GoQuote(row.name);
    if (!row.platforms) {
      out << ",\"Entries\":null,\"Platforms\":null,\"Error\":"
          << manifest::GoQuote(row.error) << "}\n";
      continue;
    }
    std::vector<std::string> quoted;
    for (const std::string& platform : *row.platforms) {
      quoted.push_back(manifest::GoQuote(platform));
    }
    out << ",\"Entries\":" << row.platforms->size() << ",\"Platforms\":["
        << Joined(quoted, ",") << "]}\n";
  }
}

Command LsCommand() {
  return {"ls", "ls [OPTIONS]", "List the local manifest lists",
          ArgsRule::AtLeast(0), BindCommand(&DeclareLsFlags, &RunLs)};
}

}  // namespace mlist::cli
