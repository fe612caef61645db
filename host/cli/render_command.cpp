#include "cli/render_command.hpp"

#include <iostream>

#include "cli/check_command.hpp"
#include "cli/pdf_preview.hpp"
#include "docx/docx_writer.hpp"
#include "odt/odt_writer.hpp"
#include "package/atomic_file.hpp"
#include "package/zip_package.hpp"

namespace conventio::cli {

std::string render_package(const doc::Document& document, Format format) {
    switch (format) {
        case Format::odt:
            return package::build_zip(odt::parts(document));
        case Format::docx:
            return package::build_zip(docx::parts(document));
        case Format::pdf:
            return pdf_from_odt(package::build_zip(odt::parts(document)));
    }
    return {};
}

int render(const RenderOptions& options) {
    lua::ScriptRun run = options.run;
    // One render is the process's last work, unless --watch renders again and again.
    run.process_ends_after = !options.watch;
    Checked checked = run_checks(run);
    std::cerr << check::as_text(checked.diagnostics, "conventio: ");
    if (check::has_errors(checked.diagnostics)) return 1;
    try {
        std::vector<std::string> packages;
        for (Format f : options.formats) packages.push_back(render_package(*checked.document, f));
        // All the formats are new, or none is.
        std::vector<package::FileToWrite> files;
        for (std::size_t i = 0; i < packages.size(); ++i) files.push_back({options.outputs[i], packages[i]});
        package::write_files_atomically(files);
    } catch (const std::exception& e) {
        std::cerr << "conventio: " << e.what() << '\n';
        return 1;
    }
    return 0;
}

int amend(const AmendOptions& options) {
    // The same checks as render: the change set's placeholders, the avenant's tree and text.
    Checked checked = run_checks(options.avenant.run);
    // The driver of the library is no place of the user's: the text comes from the change set
    // (and the agreement it names), which is where to look.
    const std::string driver = options.avenant.run.script.string();
    for (check::Diagnostic& d : checked.diagnostics)
        if (d.file == driver && options.avenant.run.data_file)
            d.file = options.avenant.run.data_file->string();
    std::cerr << check::as_text(checked.diagnostics, "conventio: ");
    if (check::has_errors(checked.diagnostics)) return 1;
    const doc::Document& avenant = *checked.document;
    std::vector<std::filesystem::path> files;
    std::vector<std::string> packages;
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
    // The avenant and its versions are all new, or none is.
    std::vector<package::FileToWrite> written;
    for (std::size_t i = 0; i < packages.size(); ++i) written.push_back({files[i], packages[i]});
    package::write_files_atomically(written);
    return 0;
}

}  // namespace conventio::cli
