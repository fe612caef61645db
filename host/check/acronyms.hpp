// The acronyms of a text: the words the review reads as a body named ("l'ANCT", "la DINUM").
#pragma once

#include <string_view>
#include <vector>

namespace conventio::check {

/// Every run of three capitals (A-Z) or more in `text` that stands as a word of its own: the
/// byte before it and the byte after it (when there is one) are neither an ASCII letter or
/// digit nor a byte of a UTF-8 sequence, so not inside a longer word ("ANCTX", "ÉTAT") nor
/// part of a reference written in capitals with digits ("SIRET2"). Views into `text`, left to
/// right. The pattern `(?:^|[^A-Za-z0-9\x80-\xff])([A-Z]{3,})(?![A-Za-z0-9\x80-\xff])` finds
/// the same (tests/check/acronyms_test.cpp holds the two to each other); a scan of the bytes
/// costs a few instructions a byte, where PCRE2 compiled the pattern to machine code at every
/// start (its JIT, about 60 000 instructions, an executable mapping and its page faults) and
/// still matched in 140 000 on a cold Cerema render.
std::vector<std::string_view> standalone_capitals(std::string_view text);

}  // namespace conventio::check
