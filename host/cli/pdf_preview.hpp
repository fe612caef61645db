// A PDF of an agreement, through LibreOffice headless: the ODT we wrote, converted by the
// office suite drafters already use, so the PDF is what they would see opening it.
#pragma once

#include <chrono>
#include <stdexcept>
#include <string>

namespace conventio::cli {

struct PreviewError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// The PDF bytes of the ODT package `odt`. LibreOffice runs with a private, temporary profile
/// (so it neither touches nor waits for the user's running LibreOffice) and is stopped after
/// `limit`. Throws PreviewError naming the package to install when soffice is missing, or
/// saying what failed.
std::string pdf_from_odt(const std::string& odt, std::chrono::seconds limit = std::chrono::seconds(120));

}  // namespace conventio::cli
