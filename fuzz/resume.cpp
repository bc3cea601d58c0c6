// Fuzz target for one resume format, `APIGAP_FUZZ_FORMAT` (an `InputFormat`
// value, set per executable in fuzz/CMakeLists.txt): the bytes of a file read
// with `--input-format`, from extraction to the report.
#include "apigap/resume_input.hpp"
#include "harness.hpp"

namespace apigap::fuzz {

void fuzz_one(std::string_view input) {
    analyse_resume(parse_resume(input, "fuzz-input", InputFormat::APIGAP_FUZZ_FORMAT, knowledge_base().resume));
}

}  // namespace apigap::fuzz
