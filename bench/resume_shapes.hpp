// Large resumes of the shapes that once took quadratic time or memory, in every format apigap reads, for
// bench/scaling.cpp (bench/shapes.py writes the same shapes as files, for bench/big_inputs.sh).
#pragma once

#include <cstddef>
#include <string>

#include "apigap/resume.hpp"

namespace apigap::bench {

/// What a resume is made of.
enum class Shape {
    dense,   ///< experience bullets that each name three skills, with numbers, verbs and date ranges
    line,    ///< one line of "Built REST APIs in Go with PostgreSQL and Kafka. " repeated, under Experience
    repeat,  ///< "SQL" on line after line, under Experience (in JSON Resume a sentence naming it: a JSON document
             ///< holds at most 200,000 values)
};

/// The name of `shape`: `dense`, `line` or `repeat`.
[[nodiscard]] const char* to_string(Shape shape);

/// A resume of `shape` in `format`, of about `bytes` bytes (for DOCX, its `word/document.xml`; the archive is
/// stored uncompressed). The same arguments give the same bytes.
[[nodiscard]] std::string make_resume(Shape shape, InputFormat format, std::size_t bytes);

}  // namespace apigap::bench
