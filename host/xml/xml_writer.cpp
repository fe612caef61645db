#include "xml/xml_writer.hpp"

#include <libxml/parser.h>
#include <libxml/xmlwriter.h>

#include <array>
#include <new>
#include <string>
#include <vector>

namespace conventio::xml {
namespace {

/// libxml2 wants NUL-terminated strings; names and values arrive as string_views. Copying
/// into a reused buffer costs a memcpy, not an allocation.
const xmlChar* terminated(std::string& buffer, std::string_view s) {
    buffer.assign(s.data(), s.size());
    return reinterpret_cast<const xmlChar*>(buffer.c_str());
}

void check(int rc, const char* what) {
    if (rc < 0) throw XmlError(std::string("cannot write XML: ") + what + " failed");
}

/// Whether libxml2 would write `s` unchanged: in element content xmlEncodeSpecialChars escapes
/// < > & " and carriage returns; in an attribute value (of a document with a declared encoding)
/// xmlBufAttrSerializeTxtContent escapes those and newlines and tabs. A NUL would end libxml2's
/// copy of the text. Most texts and values of a part hold none of them, and handing those to
/// xmlTextWriterWriteRawLen saves libxml2's escaped copy of each (a strlen, a malloc and a
/// free per call: a tenth of writing a DOCX body). tests/xml/xml_writer_test.cpp checks both
/// ways give the same bytes. An empty text takes libxml2's way (an empty view may have no
/// pointer at all).
bool written_unchanged(std::string_view s, bool attribute) {
    // One table lookup a byte: bit 1 escaped in text and in values, bit 2 in values only.
    static constexpr auto escaped = [] {
        std::array<unsigned char, 256> t{};
        for (unsigned char c : {'<', '>', '&', '"', '\r', '\0'}) t[c] = 3;
        t['\n'] = t['\t'] = 2;
        return t;
    }();
    if (s.empty()) return false;
    const unsigned char mask = attribute ? 3 : 1;
    unsigned char found = 0;
    for (char c : s) found |= escaped[static_cast<unsigned char>(c)];
    return (found & mask) == 0;
}

/// A thread's fragment writers ready for another fragment: their libxml2 writer has written
/// its declaration and complete elements only, and their buffer is empty.
struct SpareWriter {
    xmlBuffer* buffer;
    xmlTextWriter* writer;
};

struct SpareWriters {
    std::vector<SpareWriter> spares;
    SpareWriters() = default;
    SpareWriters(const SpareWriters&) = delete;
    SpareWriters& operator=(const SpareWriters&) = delete;
    ~SpareWriters() {
        for (const SpareWriter& s : spares) {
            xmlFreeTextWriter(s.writer);
            xmlBufferFree(s.buffer);
        }
    }
};

thread_local SpareWriters t_spare_writers;

}  // namespace

Writer::Writer() { open(); }

void Writer::open() {
    buffer_ = xmlBufferCreate();
    if (!buffer_) throw XmlError("cannot allocate an XML buffer");
    // Grow by doubling: the default grows to fit each write exactly, copying the part over
    // and over.
    xmlBufferSetAllocationScheme(buffer_, XML_BUFFER_ALLOC_DOUBLEIT);
    writer_ = xmlNewTextWriterMemory(buffer_, 0);
    if (!writer_) {
        xmlBufferFree(buffer_);
        throw XmlError("cannot create an XML writer");
    }
    check(xmlTextWriterStartDocument(writer_, "1.0", "UTF-8", "yes"), "start document");
}

Writer::Writer(Fragment) : fragment_(true) {
    std::vector<SpareWriter>& spares = t_spare_writers.spares;
    if (!spares.empty()) {
        buffer_ = spares.back().buffer;
        writer_ = spares.back().writer;
        spares.pop_back();
        return;  // its declaration was dropped with the fragment before
    }
    open();
    // A fragment is written as a document too, and its declaration dropped: libxml2 writes
    // attributes of a document without a declared encoding with every non-ASCII character
    // as a character reference, which would not be the bytes of the part it goes into.
    check(xmlTextWriterFlush(writer_), "flush");
    fragment_start_ = static_cast<std::size_t>(xmlBufferLength(buffer_));
}

Writer::~Writer() {
    if (fragment_ && finished_ && open_elements_ == 0) {
        // finish() flushed every byte into the buffer: emptied, the writer is as new.
        xmlBufferEmpty(buffer_);
        try {
            t_spare_writers.spares.push_back({buffer_, writer_});
            return;
        } catch (const std::bad_alloc&) {
        }  // no room to keep it: freed below
    }
    xmlFreeTextWriter(writer_);
    xmlBufferFree(buffer_);
}

void Writer::start(std::string_view name) {
    check(xmlTextWriterStartElement(writer_, terminated(name_, name)), "start element");
    ++open_elements_;
}

void Writer::end() {
    check(xmlTextWriterEndElement(writer_), "end element");
    --open_elements_;
}

void Writer::attr(std::string_view name, std::string_view value) {
    if (!written_unchanged(value, true)) {
        check(xmlTextWriterWriteAttribute(writer_, terminated(name_, name), terminated(value_, value)),
              "attribute");
        return;
    }
    // The attribute is still libxml2's: it opens and closes it, quotes included.
    check(xmlTextWriterStartAttribute(writer_, terminated(name_, name)), "attribute");
    check(xmlTextWriterWriteRawLen(writer_, reinterpret_cast<const xmlChar*>(value.data()),
                                   static_cast<int>(value.size())),
          "attribute");
    check(xmlTextWriterEndAttribute(writer_), "attribute");
}

void Writer::attr(std::string_view name, long long value) { attr(name, std::to_string(value)); }

void Writer::text(std::string_view utf8) {
    if (written_unchanged(utf8, false))
        check(xmlTextWriterWriteRawLen(writer_, reinterpret_cast<const xmlChar*>(utf8.data()),
                                       static_cast<int>(utf8.size())),
              "text");
    else
        check(xmlTextWriterWriteString(writer_, terminated(value_, utf8)), "text");
}

void Writer::raw(std::string_view fragment) {
    check(xmlTextWriterWriteRawLen(writer_, reinterpret_cast<const xmlChar*>(fragment.data()),
                                   static_cast<int>(fragment.size())),
          "fragment");
}

void Writer::empty(std::string_view name) {
    start(name);
    end();
}

std::string Writer::finish() {
    if (!fragment_) check(xmlTextWriterEndDocument(writer_), "end document");
    check(xmlTextWriterFlush(writer_), "flush");
    finished_ = true;
    const auto* bytes = reinterpret_cast<const char*>(xmlBufferContent(buffer_));
    const auto size = static_cast<std::size_t>(xmlBufferLength(buffer_));
    return std::string(bytes + fragment_start_, size - fragment_start_);
}

void initialize_for_threads() { xmlInitParser(); }

}  // namespace conventio::xml
