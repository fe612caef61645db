// META-INF/manifest.xml.
#include <doctest/doctest.h>

#include "odt/odt_internal.hpp"

using namespace conventio;

TEST_CASE("odt manifest: lists every part") {
    CHECK(odt::detail::manifest_part().bytes ==
          "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
          "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" "
          "manifest:version=\"1.3\"><manifest:file-entry manifest:full-path=\"/\" "
          "manifest:version=\"1.3\" "
          "manifest:media-type=\"application/vnd.oasis.opendocument.text\"/><manifest:file-entry "
          "manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/><manifest:file-entry "
          "manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/><manifest:file-entry "
          "manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/><manifest:file-entry "
          "manifest:full-path=\"settings.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>\n");
}
