// libFuzzer target for the parsers we own: a clause template (front matter, tags, Lua
// expressions) and the Markdown it produces. Any input must end in a result or a
// TemplateError, never in a crash, a hang or a sanitizer report.
//
//   cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DCONVENTIO_FUZZ=ON
//   cmake --build build-fuzz --target template_fuzz && build-fuzz/template_fuzz -max_total_time=60
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "template/markdown_to_tree.hpp"
#include "template/template_compiler.hpp"
#include "template/template_error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        conventio::tmpl::compile_template(text, "fuzz.md");
    } catch (const conventio::tmpl::TemplateError&) {
    }
    try {
        conventio::tmpl::MarkdownOptions options;
        options.source_name = "fuzz.md";
        conventio::tmpl::markdown_to_blocks(text, options);
    } catch (const conventio::tmpl::TemplateError&) {
    }
    return 0;
}
