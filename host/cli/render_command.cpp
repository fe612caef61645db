#include "cli/render_command.hpp"

#include "docx/docx_writer.hpp"
#include "lua/script_runner.hpp"
#include "odt/odt_writer.hpp"
#include "package/atomic_file.hpp"
#include "package/zip_package.hpp"

namespace conventio::cli {

std::string render_package(const doc::Document& document, Format format) {
    return package::build_zip(format == Format::odt ? odt::parts(document) : docx::parts(document));
}

void render(const RenderOptions& options) {
    doc::Document document = lua::run_script(options.run);
    std::vector<std::string> packages;
    for (Format f : options.formats) packages.push_back(render_package(document, f));
    for (std::size_t i = 0; i < packages.size(); ++i)
        package::write_file_atomically(options.outputs[i], packages[i]);
}

void amend(const AmendOptions& options) {
    std::vector<std::filesystem::path> files;
    std::vector<std::string> packages;
    doc::Document avenant = lua::run_script(options.avenant.run);
    for (std::size_t i = 0; i < options.avenant.formats.size(); ++i) {
        files.push_back(options.avenant.outputs[i]);
        packages.push_back(render_package(avenant, options.avenant.formats[i]));
    }
    auto version = [&](const std::filesystem::path& file, Format format, const char* driver) {
        if (file.empty()) return;
        lua::ScriptRun run = options.avenant.run;
        run.script = run.script.parent_path() / driver;
        files.push_back(file);
        packages.push_back(render_package(lua::run_script(run), format));
    };
    version(options.consolidated, options.consolidated_format, "consolidated.lua");
    version(options.clean, options.clean_format, "clean.lua");
    for (std::size_t i = 0; i < packages.size(); ++i) package::write_file_atomically(files[i], packages[i]);
}

}  // namespace conventio::cli
