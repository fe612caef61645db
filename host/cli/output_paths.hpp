// The files one command writes must be as many files: two outputs named alike (`-o same.odt
// --consolidated same.odt`, `./a.odt` and `a.odt`, a link and its target) would leave only the
// one written last. Refused as a usage error naming both options, before anything is written.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace conventio::cli {

/// An output file and the option that asks for it ("-o", "--consolidated", "--report-json"...).
struct NamedOutput {
    std::string option;
    std::filesystem::path file;
};

/// Whether `a` and `b` name the same file as the file system resolves them: made absolute, `.`
/// and `..` and symbolic links of the folders that exist resolved, and, when both exist, the
/// same file (a hard link). Case is compared as given.
bool same_file(const std::filesystem::path& a, const std::filesystem::path& b);

/// Throws UsageError when two of `outputs` are the same file, naming both options and the file.
void refuse_shared_outputs(const std::vector<NamedOutput>& outputs);

}  // namespace conventio::cli
