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

}  // namespace conventio::cli
